import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, databaseFileName } from '../../../src/main/core/store/store';

describe('Store.open', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = () => {
    const d = mkdtempSync(join(tmpdir(), 'placet-db-'));
    dirs.push(d);
    return d;
  };

  it('moves a corrupt file aside (never deletes it) and starts a fresh one', () => {
    const d = dir();
    writeFileSync(join(d, databaseFileName), 'this is not a database '.repeat(200));
    const store = Store.open(d);
    expect(store.recovered?.movedTo).toMatch(/companion\.db\.corrupt-\d+$/);
    expect(store.integrityCheck()).toBe('ok');
    expect(store.accounts.list()).toEqual([]);
    store.close();
    expect(readdirSync(d).some((f) => f.startsWith('companion.db.corrupt-'))).toBe(true);
  });

  it('keeps what it stored across a reopen, and pages a channel newest last', () => {
    const d = dir();
    const store = Store.open(d);
    store.accounts.save({ accountId: 'a1', label: 'A', serverUrl: 'http://x', last4: '1234', enabled: true, keyStorage: 'keychain', createdAt: 1 });
    const msgs = Array.from({ length: 5 }, (_, i) => ({
      id: `m${i}`, channelId: 'c', senderType: 'agent' as const, senderId: 'c', text: `hello ${i}`, status: null, review: null, metadata: null,
      deliveryStatus: 'sent' as const, createdAt: `2026-01-01T00:00:0${i}.000Z`, attachments: [],
    }));
    store.messages.apply('a1', msgs);
    store.close();
    const again = Store.open(d);
    expect(again.recovered).toBeNull();
    const last = again.messages.page('a1', 'c', undefined, 2).map((s) => s.message.id);
    expect(last).toEqual(['m3', 'm4']);
    expect(again.messages.page('a1', 'c', { createdAt: '2026-01-01T00:00:03.000Z', id: 'm3' }, 10).map((s) => s.message.id)).toEqual(['m0', 'm1', 'm2']);
    expect(again.messages.search('HELLO 2', 10).map((s) => s.message.id)).toEqual(['m2']);
    expect(again.messages.search('100%', 10)).toEqual([]);
    again.close();
  });
});
