import { describe, expect, it } from 'vitest';
import { KeytarSecretStore, SecretStoreError, type KeytarModule } from '../../../../src/main/core/secrets/keytar-secret-store';

// The real keychain is exercised in test/integration/secrets; these fakes reach the failure paths
// a working Secret Service never takes (a missing native module, a call that never answers).

const KEY = 'hp_' + 'ab'.repeat(24);

function mapKeytar(): KeytarModule & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
  };
}

const never = () => new Promise<never>(() => {});
const hangingKeytar: KeytarModule = { getPassword: never, setPassword: never, deletePassword: never };

describe('KeytarSecretStore (fake keytar)', () => {
  it('does not load keytar until first used', async () => {
    let loads = 0;
    const fake = mapKeytar();
    const store = new KeytarSecretStore({ loadKeytar: () => (loads++, fake) });
    expect(loads).toBe(0);
    await store.set('acc', KEY);
    await store.get('acc');
    expect(loads).toBe(1);
    expect(fake.entries.get('placet-companion/acc')).toBe(KEY);
  });

  it('reports a missing native module as unavailable, without the key', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: () => {
        throw new Error(`Cannot find module 'keytar.node' while handling ${KEY}`);
      },
    });
    const err = await store.set('acc', KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SecretStoreError);
    expect((err as SecretStoreError).code).toBe('unavailable');
    expect((err as Error).message).toMatch(/could not be loaded/);
    expect((err as Error).message).not.toContain(KEY);
  });

  it('redacts the secret from native errors', async () => {
    const secret = 'not-a-placet-key-but-secret-9876';
    const store = new KeytarSecretStore({
      loadKeytar: () => ({
        ...mapKeytar(),
        setPassword: async (_s, _a, p) => {
          throw new Error(`org.freedesktop.Secret.Error: refused item with secret ${p}`);
        },
      }),
    });
    const err = (await store.set('acc', secret).catch((e: unknown) => e)) as SecretStoreError;
    expect(err.code).toBe('failed');
    expect(err.message).toContain('refused item');
    expect(err.message).not.toContain(secret);
    expect(err.stack ?? '').not.toContain(secret);
  });

  it('times out a call that never answers', async () => {
    const store = new KeytarSecretStore({ loadKeytar: () => hangingKeytar, timeoutMs: 30 });
    const err = (await store.get('acc').catch((e: unknown) => e)) as SecretStoreError;
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/did not answer within 30 ms/);
  });

  it('refuses to store an empty key', async () => {
    const fake = mapKeytar();
    const store = new KeytarSecretStore({ loadKeytar: () => fake });
    await expect(store.set('acc', '')).rejects.toThrow(/empty key/);
    expect(fake.entries.size).toBe(0);
  });

  it('uses the service name it was given', async () => {
    const fake = mapKeytar();
    const store = new KeytarSecretStore({ loadKeytar: () => fake, service: 'other' });
    await store.set('acc', KEY);
    expect([...fake.entries.keys()]).toEqual(['other/acc']);
  });
});

describe('KeytarSecretStore.probe (fake keytar)', () => {
  it('is ok on a working keychain and leaves no probe entry behind', async () => {
    const fake = mapKeytar();
    expect(await KeytarSecretStore.probe({ loadKeytar: () => fake })).toEqual({ ok: true });
    expect(fake.entries.size).toBe(0);
  });

  it('reports a module that cannot load', async () => {
    const result = await KeytarSecretStore.probe({
      loadKeytar: () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/could not be loaded: libsecret-1\.so\.0/) });
  });

  it('reports a keychain that throws', async () => {
    const result = await KeytarSecretStore.probe({
      loadKeytar: () => ({
        ...mapKeytar(),
        setPassword: async () => {
          throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
        },
      }),
    });
    expect(result).toEqual({ ok: false, reason: 'The keychain is not usable: Cannot autolaunch D-Bus without X11 $DISPLAY' });
  });

  it('bounds a keychain that hangs', async () => {
    const started = Date.now();
    const result = await KeytarSecretStore.probe({ loadKeytar: () => hangingKeytar, timeoutMs: 50 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/did not answer within 50 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a keychain that returns something else', async () => {
    const result = await KeytarSecretStore.probe({
      loadKeytar: () => ({ ...mapKeytar(), getPassword: async () => 'garbage' }),
    });
    expect(result).toEqual({ ok: false, reason: 'The keychain did not return the value stored in it.' });
  });

  it('reports a keychain that does not delete', async () => {
    const fake = mapKeytar();
    const result = await KeytarSecretStore.probe({ loadKeytar: () => ({ ...fake, deletePassword: async () => false }) });
    expect(result).toEqual({ ok: false, reason: 'The keychain did not delete an entry when asked.' });
  });
});
