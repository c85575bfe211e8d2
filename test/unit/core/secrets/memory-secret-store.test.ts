import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../../src/main/core/secrets/memory-secret-store';

describe('MemorySecretStore', () => {
  it('is the session store', () => {
    expect(new MemorySecretStore().kind).toBe('session');
  });

  it('stores, overwrites and deletes per account', async () => {
    const store = new MemorySecretStore();
    expect(await store.get('a')).toBeNull();
    await store.set('a', 'hp_one');
    await store.set('b', 'hp_two');
    await store.set('a', 'hp_three');
    expect(await store.get('a')).toBe('hp_three');
    expect(await store.get('b')).toBe('hp_two');
    await store.delete('a');
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBe('hp_two');
  });

  it('deleting a missing key is not an error', async () => {
    await expect(new MemorySecretStore().delete('nobody')).resolves.toBeUndefined();
  });

  it('refuses empty account ids and empty keys', async () => {
    const store = new MemorySecretStore();
    await expect(store.set('', 'x')).rejects.toThrow(/account id/);
    await expect(store.set('a', '')).rejects.toThrow(/empty key/);
    expect(await store.get('a')).toBeNull();
  });

  it('clear forgets everything', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'k1');
    await store.set('b', 'k2');
    store.clear();
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).toBeNull();
  });

  it('two instances share nothing', async () => {
    const one = new MemorySecretStore();
    const two = new MemorySecretStore();
    await one.set('a', 'k1');
    expect(await two.get('a')).toBeNull();
  });
});
