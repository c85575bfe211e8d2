import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { SecretStore } from '../ports';
import { redactSecrets } from './redact';

/** The part of keytar we use; tests inject a fake to reach the failure paths. */
export interface KeytarModule {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use their own so they never touch real entries. */
  service?: string;
  /** Bound on each keychain call: a Secret Service waiting on an unlock prompt never answers. */
  timeoutMs?: number;
  /** Loads keytar; by default the real native module, loaded on first use. */
  loadKeytar?: () => KeytarModule;
}

export type KeychainProbe = { ok: true } | { ok: false; reason: string };

export type SecretStoreErrorCode = 'unavailable' | 'timeout' | 'failed';

/** Thrown by the keychain store. Its message is already redacted and safe to show or log. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  constructor(
    readonly code: SecretStoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const KEYCHAIN_SERVICE = 'placet-companion';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_PROBE_TIMEOUT_MS = 3_000;

// Loaded lazily and through require so that importing this file never loads the native module:
// a machine without libsecret or a Secret Service must still start and fall back.
function loadRealKeytar(): KeytarModule {
  return createRequire(import.meta.url)('keytar') as KeytarModule;
}

/** API keys in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service). */
export class KeytarSecretStore implements SecretStore {
  readonly kind = 'keychain' as const;
  readonly #service: string;
  readonly #timeoutMs: number;
  readonly #load: () => KeytarModule;
  #keytar: KeytarModule | null = null;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#load = options.loadKeytar ?? loadRealKeytar;
  }

  /**
   * Checks that a keychain really works here by storing, reading back and deleting a throwaway
   * entry, all within `timeoutMs`. Never throws: the caller decides on a fallback from `reason`.
   */
  static async probe(options: KeytarSecretStoreOptions = {}): Promise<KeychainProbe> {
    const service = options.service ?? KEYCHAIN_SERVICE;
    const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    let keytar: KeytarModule;
    try {
      keytar = (options.loadKeytar ?? loadRealKeytar)();
    } catch (err) {
      return { ok: false, reason: `The keychain module could not be loaded: ${describe(err, [])}` };
    }
    const account = `probe-${process.pid}-${randomBytes(6).toString('hex')}`;
    const value = randomBytes(16).toString('hex');
    const roundTrip = async (): Promise<KeychainProbe> => {
      await keytar.setPassword(service, account, value);
      const read = await keytar.getPassword(service, account);
      await keytar.deletePassword(service, account);
      if (read !== value) return { ok: false, reason: 'The keychain did not return the value stored in it.' };
      if ((await keytar.getPassword(service, account)) !== null) {
        return { ok: false, reason: 'The keychain did not delete an entry when asked.' };
      }
      return { ok: true };
    };
    try {
      return await withTimeout(roundTrip(), timeoutMs);
    } catch (err) {
      // Best effort, not awaited: a keychain that just timed out may never answer.
      keytar.deletePassword(service, account).catch(() => {});
      if (err instanceof TimeoutError) {
        return {
          ok: false,
          reason: `The keychain did not answer within ${timeoutMs} ms (is a Secret Service such as gnome-keyring running and unlocked?).`,
        };
      }
      return { ok: false, reason: `The keychain is not usable: ${describe(err, [value])}` };
    }
  }

  async get(accountId: string): Promise<string | null> {
    return this.#call('read the key', [], (k) => k.getPassword(this.#service, accountId));
  }

  async set(accountId: string, secret: string): Promise<void> {
    if (!secret) throw new SecretStoreError('failed', 'An empty key cannot be stored.');
    await this.#call('store the key', [secret], (k) => k.setPassword(this.#service, accountId, secret));
  }

  /** Deleting a key that is not there is not an error. */
  async delete(accountId: string): Promise<void> {
    await this.#call('delete the key', [], (k) => k.deletePassword(this.#service, accountId));
  }

  async #call<T>(what: string, secrets: string[], op: (keytar: KeytarModule) => Promise<T>): Promise<T> {
    if (!this.#keytar) {
      try {
        this.#keytar = this.#load();
      } catch (err) {
        throw new SecretStoreError('unavailable', `Could not ${what}: the keychain module could not be loaded: ${describe(err, secrets)}`);
      }
    }
    try {
      return await withTimeout(op(this.#keytar), this.#timeoutMs);
    } catch (err) {
      if (err instanceof TimeoutError) {
        throw new SecretStoreError('timeout', `Could not ${what}: the keychain did not answer within ${this.#timeoutMs} ms.`);
      }
      throw new SecretStoreError('failed', `Could not ${what} in the keychain: ${describe(err, secrets)}`);
    }
  }
}

class TimeoutError extends Error {}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
    // A hung keychain call must not keep the process alive on its own.
    timer.unref?.();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The native error's message, redacted and shortened; never its stack. */
function describe(err: unknown, secrets: string[]): string {
  const raw = err instanceof Error ? err.message : String(err);
  const text = redactSecrets(raw, secrets).replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text || 'unknown error';
}
