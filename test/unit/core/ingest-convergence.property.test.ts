import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ingest } from '../../../src/main/core/ingest';
import { Store } from '../../../src/main/core/store/store';
import type { Message } from '../../../src/shared/placet/schemas';

// Property: whatever order live events, backfill pages, duplicates and reconnect re-reads arrive in,
// the store ends equal to the gateway's history (each message once, in its latest version).

interface Version {
  message: Message;
  /** 0 = as created; 1 = a later server update (delivery status, review answer). */
  rev: number;
}

function history(count: number): Version[][] {
  const out: Version[][] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const base: Message = {
      id: `m${String(i).padStart(4, '0')}`, channelId: 'ch', senderType: 'agent', senderId: 'ch', text: `text ${i}`, status: null,
      review: i % 3 === 0 ? { type: 'approval', payload: {}, status: 'pending', expiresAt: '2099-01-01T00:00:00.000Z' } : null,
      metadata: null, deliveryStatus: 'sent', createdAt, updatedAt: createdAt, attachments: [],
    };
    const later = new Date(Date.parse(createdAt) + 3_600_000).toISOString();
    const updated: Message = base.review
      ? { ...base, updatedAt: later, deliveryStatus: 'webhook_delivered', review: { ...base.review, status: 'completed', response: { selectedOption: 'approve' }, completedAt: later } }
      : { ...base, updatedAt: later, deliveryStatus: 'agent_received' };
    out.push([{ message: base, rev: 0 }, { message: updated, rev: 1 }]);
  }
  return out;
}

type Step =
  | { kind: 'live'; index: number; rev: number; copies: number }
  | { kind: 'page'; from: number; size: number; rev: number }
  | { kind: 'flush' };

describe('ingest convergence (property)', () => {
  it('random interleavings of live events, pages, duplicates and re-reads converge to the gateway history', () => {
    const n = 40;
    const versions = history(n);
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('live' as const), index: fc.nat(n - 1), rev: fc.nat(1), copies: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('page' as const), from: fc.nat(n - 1), size: fc.integer({ min: 1, max: 15 }), rev: fc.nat(1) }),
      fc.constant({ kind: 'flush' as const }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const dir = mkdtempSync(join(tmpdir(), 'placet-prop-'));
        const store = Store.open(dir);
        try {
          store.accounts.save({ accountId: 'a', label: 'A', serverUrl: 'http://x', last4: '0000', enabled: true, keyStorage: 'session', createdAt: 0 });
          const inserted: string[] = [];
          const ingest = new Ingest({ store, onChanges: (c) => inserted.push(...c.inserted.map((m) => m.id)), onRejected: () => undefined, defer: () => undefined });
          for (const s of steps) {
            if (s.kind === 'live') for (let c = 0; c < s.copies; c++) ingest.event('a', 'message:created', { ...versions[s.index]![s.rev]!.message, agentName: 'Bot' });
            else if (s.kind === 'page') ingest.records('a', versions.slice(s.from, s.from + s.size).map((v) => v[s.rev]!.message));
            else ingest.flush();
          }
          // The final catch-up after the last reconnect reads the whole history as the server has it now.
          ingest.flush();
          ingest.records('a', versions.map((v) => v[1]!.message));
          const stored = store.messages.allOf('a');
          expect(stored.map((m) => m.id)).toEqual(versions.map((v) => v[0]!.message.id));
          for (const m of stored) expect(m).toEqual(versions[Number(m.id.slice(1))]![1]!.message);
          // Each message was announced as new exactly once, however often it arrived.
          expect(inserted.length).toBe(new Set(inserted).size);
          expect(inserted.length).toBe(n);
        } finally {
          store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });

  it('an older version arriving after a newer one never overwrites it', () => {
    const versions = history(10);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(9), fc.nat(1)), { minLength: 1, maxLength: 40 }), (arrivals) => {
        const dir = mkdtempSync(join(tmpdir(), 'placet-prop-'));
        const store = Store.open(dir);
        try {
          store.accounts.save({ accountId: 'a', label: 'A', serverUrl: 'http://x', last4: '0000', enabled: true, keyStorage: 'session', createdAt: 0 });
          const ingest = new Ingest({ store, onChanges: () => undefined, onRejected: () => undefined, defer: () => undefined });
          const newest = new Map<number, number>();
          for (const [i, rev] of arrivals) {
            ingest.records('a', [versions[i]![rev]!.message]);
            newest.set(i, Math.max(newest.get(i) ?? 0, rev));
          }
          for (const [i, rev] of newest) expect(store.messages.get('a', versions[i]![0]!.message.id)).toEqual(versions[i]![rev]!.message);
        } finally {
          store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
