import { AppFailure } from '../../shared/ipc/result';
import type { Logger, SecretStore } from '../core/ports';

/** What this store needs from Electron's safeStorage; a fake cipher in tests. */
export interface SafeStorageCipher {
  isEncryptionAvailable(): boolean;
  /**
   * Which OS facility holds the encryption key. On Linux `safeStorage.getSelectedStorageBackend()`
   * (`gnome_libsecret`, `kwallet*`, or `basic_text`, which is a hard-coded key: obfuscation, not
   * encryption); elsewhere the platform name (Keychain, DPAPI).
   */
  backend(): string;
  encryptString(plain: string): Buffer;
  decryptString(cipher: Buffer): string;
}

/** Reads and atomically replaces the one ciphertext file; a temp directory in tests. */
export interface SecretFile {
  read(): Promise<string | null>;
  write(contents: string): Promise<void>;
}

interface Entry {
  /** The backend that encrypted it: another backend cannot decrypt it, so we say so. */
  backend: string;
  ciphertext: string;
}
interface FileShape {
  version: 1;
  entries: Record<string, Entry>;
}

export const plainTextBackend = 'basic_text';

export function isUsableCipher(cipher: SafeStorageCipher, allowBasicText: boolean): boolean {
  return cipher.isEncryptionAvailable() && (allowBasicText || cipher.backend() !== plainTextBackend);
}

/**
 * The fallback when keytar cannot reach a keychain (DESIGN.md "Secrets"): each key encrypted with
 * safeStorage in one JSON file in userData, recording the backend that wrote it. It refuses to
 * write with the `basic_text` backend unless the user agreed to it, and never writes plaintext.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'encrypted-file' as const;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly cipher: SafeStorageCipher,
    private readonly file: SecretFile,
    private readonly options: { allowBasicText: boolean; logger: Logger },
  ) {}

  async get(accountId: string): Promise<string | null> {
    const entry = (await this.#read()).entries[accountId];
    if (!entry) return null;
    const backend = this.cipher.backend();
    if (entry.backend !== backend) {
      this.options.logger.warn('stored key was encrypted by another key store backend; it must be entered again', { accountId, wrote: entry.backend, now: backend });
      return null;
    }
    try {
      return this.cipher.decryptString(Buffer.from(entry.ciphertext, 'base64'));
    } catch {
      this.options.logger.warn('stored key could not be decrypted; it must be entered again', { accountId });
      return null;
    }
  }

  set(accountId: string, secret: string): Promise<void> {
    return this.#serial(async () => {
      this.#assertUsable();
      const ciphertext = this.cipher.encryptString(secret).toString('base64');
      const data = await this.#read();
      data.entries[accountId] = { backend: this.cipher.backend(), ciphertext };
      await this.file.write(JSON.stringify(data));
    });
  }

  delete(accountId: string): Promise<void> {
    return this.#serial(async () => {
      const data = await this.#read();
      if (!Object.hasOwn(data.entries, accountId)) return;
      delete data.entries[accountId];
      await this.file.write(JSON.stringify(data));
    });
  }

  #assertUsable(): void {
    if (!this.cipher.isEncryptionAvailable()) {
      throw new AppFailure('keychain-unavailable', 'No way to encrypt keys on this system; the key is kept for this session only.');
    }
    if (this.cipher.backend() === plainTextBackend && !this.options.allowBasicText) {
      throw new AppFailure('keychain-unavailable', 'No keychain is available and the only encryption here is not real encryption; allow it in settings or keep keys for this session only.');
    }
  }

  async #read(): Promise<FileShape> {
    const text = await this.file.read();
    if (text === null) return { version: 1, entries: {} };
    try {
      const parsed = JSON.parse(text) as Partial<FileShape>;
      const entries: Record<string, Entry> = Object.create(null);
      for (const [id, e] of Object.entries(parsed.entries ?? {})) {
        if (typeof e?.backend === 'string' && typeof e?.ciphertext === 'string') entries[id] = { backend: e.backend, ciphertext: e.ciphertext };
      }
      return { version: 1, entries };
    } catch {
      this.options.logger.warn('encrypted key file is damaged; keys must be entered again');
      return { version: 1, entries: {} };
    }
  }

  /** One write at a time, so two quick `set`s cannot lose each other's entry. */
  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}
