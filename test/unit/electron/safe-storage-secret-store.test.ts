import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/main/core/ports';
import { SafeStorageSecretStore, isUsableCipher, type SafeStorageCipher, type SecretFile } from '../../../src/main/electron/safe-storage-secret-store';
import { AppFailure } from '../../../src/shared/ipc/result';

/** A reversible stand-in for safeStorage: visibly not the plaintext, and tied to its backend. */
function fakeCipher(backend = 'gnome_libsecret', available = true): SafeStorageCipher & { backendName: string } {
  const cipher = {
    backendName: backend,
    isEncryptionAvailable: () => available,
    backend: () => cipher.backendName,
    encryptString: (plain: string) => Buffer.from(`${cipher.backendName}|${[...plain].reverse().join('')}`),
    decryptString: (data: Buffer) => {
      const [tag, body] = data.toString().split('|');
      if (tag !== cipher.backendName) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...(body ?? '')].reverse().join('');
    },
  };
  return cipher;
}

function memoryFile(initial: string | null = null): SecretFile & { contents: string | null; writes: number } {
  const file = {
    contents: initial,
    writes: 0,
    read: async () => file.contents,
    write: async (c: string) => {
      file.writes += 1;
      file.contents = c;
    },
  };
  return file;
}

const secret = 'plc_live_SENTINEL_0123456789';

describe('SafeStorageSecretStore', () => {
  it('round-trips keys and never writes them in plaintext', async () => {
    const file = memoryFile();
    const store = new SafeStorageSecretStore(fakeCipher(), file, { allowBasicText: false, logger: silentLogger });
    expect(store.kind).toBe('encrypted-file');
    await store.set('a1', secret);
    await store.set('a2', 'other');
    expect(await store.get('a1')).toBe(secret);
    expect(await store.get('a2')).toBe('other');
    expect(await store.get('missing')).toBeNull();
    expect(file.contents).not.toContain(secret);
    expect(JSON.parse(file.contents ?? '{}').entries.a1.backend).toBe('gnome_libsecret');
  });

  it('deletes, and deleting a missing key is not an error', async () => {
    const file = memoryFile();
    const store = new SafeStorageSecretStore(fakeCipher(), file, { allowBasicText: false, logger: silentLogger });
    await store.set('a1', secret);
    await store.delete('a1');
    await store.delete('a1');
    expect(await store.get('a1')).toBeNull();
    expect(file.writes).toBe(2);
  });

  it('refuses the basic_text backend without consent, and accepts it with', async () => {
    const file = memoryFile();
    const refused = new SafeStorageSecretStore(fakeCipher('basic_text'), file, { allowBasicText: false, logger: silentLogger });
    await expect(refused.set('a1', secret)).rejects.toMatchObject({ code: 'keychain-unavailable' });
    await expect(refused.set('a1', secret)).rejects.toBeInstanceOf(AppFailure);
    expect(file.contents).toBeNull();
    const consented = new SafeStorageSecretStore(fakeCipher('basic_text'), file, { allowBasicText: true, logger: silentLogger });
    await consented.set('a1', secret);
    expect(await consented.get('a1')).toBe(secret);
  });

  it('refuses to store when no encryption is available', async () => {
    const file = memoryFile();
    const store = new SafeStorageSecretStore(fakeCipher('gnome_libsecret', false), file, { allowBasicText: true, logger: silentLogger });
    await expect(store.set('a1', secret)).rejects.toMatchObject({ code: 'keychain-unavailable' });
    expect(file.contents).toBeNull();
  });

  it('reports a key written by another backend as missing (re-enter), without throwing', async () => {
    const file = memoryFile();
    const cipher = fakeCipher('kwallet5');
    const logger = { ...silentLogger, warn: vi.fn() };
    const store = new SafeStorageSecretStore(cipher, file, { allowBasicText: false, logger });
    await store.set('a1', secret);
    cipher.backendName = 'gnome_libsecret';
    expect(await store.get('a1')).toBeNull();
    expect(logger.warn).toHaveBeenCalledWith(expect.stringMatching(/another key store backend/), expect.objectContaining({ wrote: 'kwallet5' }));
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(secret);
  });

  it('survives a damaged file or ciphertext', async () => {
    for (const junk of ['not json', '{"entries": 5}', '{"entries": {"a1": {"backend": 1}}}', 'null']) {
      const store = new SafeStorageSecretStore(fakeCipher(), memoryFile(junk), { allowBasicText: false, logger: silentLogger });
      expect(await store.get('a1')).toBeNull();
    }
    const bad = memoryFile(JSON.stringify({ version: 1, entries: { a1: { backend: 'gnome_libsecret', ciphertext: 'AAAA' } } }));
    expect(await new SafeStorageSecretStore(fakeCipher(), bad, { allowBasicText: false, logger: silentLogger }).get('a1')).toBeNull();
    const proto = memoryFile(JSON.stringify({ entries: { __proto__: { backend: 'x', ciphertext: 'y' } } }));
    expect(await new SafeStorageSecretStore(fakeCipher(), proto, { allowBasicText: false, logger: silentLogger }).get('toString')).toBeNull();
  });

  it('does not lose entries written concurrently', async () => {
    const file = memoryFile();
    const slow: SecretFile = {
      read: file.read,
      write: async (c) => {
        await new Promise((r) => setTimeout(r, 5));
        await file.write(c);
      },
    };
    const store = new SafeStorageSecretStore(fakeCipher(), slow, { allowBasicText: false, logger: silentLogger });
    await Promise.all(['a', 'b', 'c', 'd'].map((id) => store.set(id, `key-${id}`)));
    for (const id of ['a', 'b', 'c', 'd']) expect(await store.get(id)).toBe(`key-${id}`);
  });

  it('isUsableCipher mirrors the consent rule', () => {
    expect(isUsableCipher(fakeCipher('basic_text'), false)).toBe(false);
    expect(isUsableCipher(fakeCipher('basic_text'), true)).toBe(true);
    expect(isUsableCipher(fakeCipher('darwin'), false)).toBe(true);
    expect(isUsableCipher(fakeCipher('gnome_libsecret', false), true)).toBe(false);
  });
});
