export interface SecretBackendProbe {
  /** keytar loaded and answered a harmless lookup. */
  keychainUsable: boolean;
  safeStorageAvailable: boolean;
  /** safeStorage's backend (Linux) or the platform name. */
  safeStorageBackend: string;
  /** The user agreed to safeStorage's `basic_text` backend. */
  allowBasicText: boolean;
}

export type SecretStoreChoice =
  | { kind: 'keychain' }
  | { kind: 'encrypted-file' }
  | { kind: 'session'; reason: 'no-encryption' | 'basic-text-refused' };

/**
 * keytar (the OS keychain) → safeStorage ciphertext on disk → memory for this session. Never
 * plaintext on disk: `basic_text` encrypts with a key compiled into Chromium, so it counts only
 * when the user chose it knowingly (QUALITY.md 19).
 */
export function chooseSecretStore(probe: SecretBackendProbe): SecretStoreChoice {
  if (probe.keychainUsable) return { kind: 'keychain' };
  if (!probe.safeStorageAvailable) return { kind: 'session', reason: 'no-encryption' };
  if (probe.safeStorageBackend === 'basic_text' && !probe.allowBasicText) return { kind: 'session', reason: 'basic-text-refused' };
  return { kind: 'encrypted-file' };
}
