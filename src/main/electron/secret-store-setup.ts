import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { safeStorage } from 'electron';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import type { Logger, SecretStore } from '../core/ports';
import { SafeStorageSecretStore, type SafeStorageCipher, type SecretFile } from './safe-storage-secret-store';
import { chooseSecretStore, type SecretStoreChoice } from './secret-store-choice';

/** safeStorage behind the store's cipher seam. Call after app 'ready' (Linux picks its backend then). */
export function electronCipher(): SafeStorageCipher {
  return {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (cipher) => safeStorage.decryptString(cipher),
  };
}

/** The ciphertext file, written owner-only and replaced atomically. */
export function secretFile(path: string): SecretFile {
  return {
    read: async () => {
      try {
        return await readFile(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    write: async (contents) => {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, contents, { mode: 0o600 });
      await rename(tmp, path);
    },
  };
}

export interface SecretStoreSetup {
  store: SecretStore;
  choice: SecretStoreChoice;
}

/** keytar → safeStorage file → memory (secret-store-choice.ts), with the reason logged. */
export async function setUpSecretStore(options: { file: string; allowBasicText: boolean; logger: Logger }): Promise<SecretStoreSetup> {
  const probe = await KeytarSecretStore.probe();
  if (!probe.ok) options.logger.warn('keychain not usable', { reason: probe.reason });
  const cipher = electronCipher();
  const choice = chooseSecretStore({
    keychainUsable: probe.ok,
    safeStorageAvailable: cipher.isEncryptionAvailable(),
    safeStorageBackend: cipher.backend(),
    allowBasicText: options.allowBasicText,
  });
  options.logger.info('key storage chosen', { kind: choice.kind, ...(choice.kind === 'session' ? { reason: choice.reason } : {}) });
  switch (choice.kind) {
    case 'keychain':
      return { store: new KeytarSecretStore(), choice };
    case 'encrypted-file':
      return { store: new SafeStorageSecretStore(cipher, secretFile(options.file), options), choice };
    case 'session':
      return { store: new MemorySecretStore(), choice };
  }
}
