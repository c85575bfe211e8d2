import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/core/store/store';
import type { Message } from '../../../src/shared/placet/schemas';

// Property: a failure at any row of any batch (the process dying mid-write looks the same to the
// file) leaves exactly the batches committed before it, a sound file, and nothing half-written.

const msg = (i: number): Message => ({
  id: `m${i}`, channelId: 'ch', senderType: 'agent', senderId: 'ch', text: `t${i}`, status: null, review: null, metadata: null,
  deliveryStatus: 'sent', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString(), attachments: [],
});

describe('store crash points (property)', () => {
  it('a batch that fails part-way leaves no row of it; earlier batches stay whole', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (sizes, failBatchSeed, failRowSeed) => {
        const dir = mkdtempSync(join(tmpdir(), 'placet-crash-prop-'));
        try {
          let store = Store.open(dir);
          store.accounts.save({ accountId: 'a', label: 'A', serverUrl: 'http://x', last4: '0000', enabled: true, keyStorage: 'session', createdAt: 0 });
          const failBatch = failBatchSeed % sizes.length;
          const failRow = failRowSeed % sizes[failBatch]!;
          let next = 0;
          const committed: string[] = [];
          for (let b = 0; b < sizes.length; b++) {
            const batch = Array.from({ length: sizes[b]! }, () => msg(next++));
            const original = store.messages.applyOne.bind(store.messages);
            let row = 0;
            if (b === failBatch) {
              store.messages.applyOne = (accountId, m) => {
                if (row++ === failRow) throw new Error('crash');
                return original(accountId, m);
              };
            }
            try {
              store.messages.apply('a', batch);
              committed.push(...batch.map((m) => m.id));
            } catch {
              break;
            } finally {
              store.messages.applyOne = original;
            }
          }
          store.close();
          store = Store.open(dir);
          expect(store.recovered).toBeNull();
          expect(store.integrityCheck()).toBe('ok');
          expect(store.messages.allOf('a').map((m) => m.id).sort()).toEqual([...committed].sort());
          store.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 80, seed: 99 },
    );
  });
});
