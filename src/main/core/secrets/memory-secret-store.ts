import type { SecretStore } from '../ports';

/**
 * Keys held for this session only: what the user gets, with their consent, when no keychain
 * and no encrypted fallback is usable. Nothing is written anywhere; a restart forgets them.
 */
export class MemorySecretStore implements SecretStore {
  readonly kind = 'session' as const;
  readonly #secrets = new Map<string, string>();

  async get(accountId: string): Promise<string | null> {
    return this.#secrets.get(accountId) ?? null;
  }

  async set(accountId: string, secret: string): Promise<void> {
    if (!accountId) throw new Error('An account id is required to store a key.');
    if (!secret) throw new Error('An empty key cannot be stored.');
    this.#secrets.set(accountId, secret);
  }

  async delete(accountId: string): Promise<void> {
    this.#secrets.delete(accountId);
  }

  /** Forgets every key, e.g. when the core is disposed. */
  clear(): void {
    this.#secrets.clear();
  }
}
