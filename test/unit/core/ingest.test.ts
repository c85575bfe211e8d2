import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ingest, type IngestChanges, type IngestRejection } from '../../../src/main/core/ingest';
import { Store } from '../../../src/main/core/store/store';

const message = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  channelId: 'ch1',
  senderType: 'agent',
  senderId: 'ch1',
  text: `text ${id}`,
  status: null,
  review: null,
  metadata: null,
  deliveryStatus: 'sent',
  createdAt: `2026-01-01T00:00:0${id.slice(-1)}.000Z`,
  updatedAt: `2026-01-01T00:00:0${id.slice(-1)}.000Z`,
  attachments: [],
  ...extra,
});

describe('Ingest', () => {
  let dir: string;
  let store: Store;
  let changes: IngestChanges[];
  let rejected: IngestRejection[];
  let ingest: Ingest;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'placet-ingest-'));
    store = Store.open(dir);
    store.accounts.save({ accountId: 'a1', label: 'A', serverUrl: 'http://x', last4: '1234', enabled: true, keyStorage: 'session', createdAt: 0 });
    changes = [];
    rejected = [];
    ingest = new Ingest({ store, onChanges: (c) => changes.push(c), onRejected: (r) => rejected.push(r), defer: () => undefined });
  });

  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a batch once, whatever shape and however often it arrives', () => {
    ingest.event('a1', 'message:created', { ...message('m1'), agentName: 'Bot' });
    ingest.event('a1', 'message:created', message('m1'));
    ingest.event('a1', 'review:responded', { ...message('m2'), agent: { id: 'ch1', webhookAuth: { password: 'x' } } });
    ingest.flush();
    ingest.records('a1', [{ ...message('m1'), statusEvents: [] } as never]);
    expect(store.messages.allOf('a1').map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(changes.flatMap((c) => c.inserted.map((m) => m.id))).toEqual(['m1', 'm2']);
    expect(changes.flatMap((c) => c.updated)).toEqual([]);
    expect(JSON.stringify(store.messages.get('a1', 'm2'))).not.toContain('webhookAuth');
  });

  it('drops and counts an invalid event, and keeps going', () => {
    ingest.event('a1', 'message:created', { ...message('m1'), createdAt: 'yesterday' });
    ingest.event('a1', 'message:delivery', { messageId: 'm1', deliveryStatus: 'teleported' });
    ingest.event('a1', 'no:such', {});
    ingest.event('a1', 'message:created', message('m3'));
    ingest.flush();
    expect(rejected.map((r) => r.event)).toEqual(['message:created', 'message:delivery', 'no:such']);
    expect(rejected[0]!.reason).toMatch(/createdAt/);
    expect(store.messages.allOf('a1').map((m) => m.id)).toEqual(['m3']);
  });

  it('7: quarantines an event whose processing always throws, without blocking later events', () => {
    const original = store.messages.applyOne.bind(store.messages);
    store.messages.applyOne = (accountId, m) => {
      if (m.id === 'p9') throw new Error('boom');
      return original(accountId, m);
    };
    for (let i = 0; i < 3; i++) ingest.event('a1', 'message:created', message('p9'));
    ingest.event('a1', 'message:created', message('m4'));
    ingest.flush();
    ingest.event('a1', 'message:created', message('m5'));
    ingest.flush();
    expect(rejected.filter((r) => r.quarantined)).toHaveLength(3);
    expect(rejected[0]!.reason).toMatch(/processing failed: boom/);
    expect(store.messages.allOf('a1').map((m) => m.id)).toEqual(['m4', 'm5']);
  });

  it('applies delivery, expiry and streamed deltas to the stored message', () => {
    ingest.records('a1', [message('m1', { review: { type: 'approval', payload: {}, status: 'pending', expiresAt: '2099-01-01T00:00:00.000Z' } }) as never]);
    ingest.records('a1', [message('m2', { streamId: 's1', streamState: 'streaming', text: 'Hel' }) as never]);
    ingest.event('a1', 'message:delivery', { messageId: 'm1', deliveryStatus: 'webhook_failed' });
    ingest.event('a1', 'review:expired', { messageId: 'm1' });
    ingest.event('a1', 'message:delta', { channelId: 'ch1', delta: 'lo', streamBaseId: 's1' });
    ingest.flush();
    const m1 = store.messages.get('a1', 'm1')!;
    expect(m1.deliveryStatus).toBe('webhook_failed');
    expect(m1.review!.status).toBe('expired');
    expect(changes.at(-1)!.drafts.get('m2')).toBe('Hello');
  });
});
