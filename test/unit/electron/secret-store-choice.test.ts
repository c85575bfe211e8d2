import { describe, expect, it } from 'vitest';
import { chooseSecretStore, type SecretBackendProbe } from '../../../src/main/electron/secret-store-choice';

const base: SecretBackendProbe = { keychainUsable: false, safeStorageAvailable: true, safeStorageBackend: 'gnome_libsecret', allowBasicText: false };

describe('chooseSecretStore', () => {
  it.each<[Partial<SecretBackendProbe>, ReturnType<typeof chooseSecretStore>]>([
    [{ keychainUsable: true }, { kind: 'keychain' }],
    [{ keychainUsable: true, safeStorageAvailable: false }, { kind: 'keychain' }],
    [{}, { kind: 'encrypted-file' }],
    [{ safeStorageBackend: 'kwallet6' }, { kind: 'encrypted-file' }],
    [{ safeStorageBackend: 'win32' }, { kind: 'encrypted-file' }],
    [{ safeStorageBackend: 'basic_text' }, { kind: 'session', reason: 'basic-text-refused' }],
    [{ safeStorageBackend: 'basic_text', allowBasicText: true }, { kind: 'encrypted-file' }],
    [{ safeStorageAvailable: false }, { kind: 'session', reason: 'no-encryption' }],
    [{ safeStorageAvailable: false, allowBasicText: true }, { kind: 'session', reason: 'no-encryption' }],
  ])('%j → %j', (probe, expected) => {
    expect(chooseSecretStore({ ...base, ...probe })).toEqual(expected);
  });
});
