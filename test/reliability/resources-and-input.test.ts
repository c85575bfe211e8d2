import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { coreInternals } from '../../src/main/core/core';
import type { Logger } from '../../src/main/core/ports';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { gatewayEventNames, messageSchema } from '../../src/shared/placet/schemas';
import { agentApi, eventually } from '../support/placet-api';
import { control } from './mock-admin';
import { report, startHarness, type Harness, sleep } from './harness';

// QUALITY.md items 9, 18 and 20.


describe('resources, secrets and hostile input', () => {
  let gw: MockGateway | undefined;
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.dispose();
    await gw?.close();
    h = gw = undefined;
  });

  it('9: 100 add/remove cycles return handles to baseline and grow the heap by < 5 MB', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const key = gw.fixtures.users[0]!.apiKeys[0]!;
    const cycle = async () => {
      const view = await h!.core.handlers['accounts:add']({ serverUrl: gw!.url, apiKey: key });
      await h!.waitStatus(view.accountId, 'connected');
      await h!.core.handlers['accounts:remove']({ accountId: view.accountId, deleteHistory: true });
    };
    for (let i = 0; i < 5; i++) await cycle();
    await sleep(300);
    const gc = (globalThis as { gc?: () => void }).gc!;
    gc();
    const handlesBefore = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 100; i++) await cycle();
    h.batches.length = 0;
    await sleep(500);
    gc();
    await sleep(50);
    gc();
    const handlesAfter = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap').length;
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
    report('9', { cycles: 100, handlesBefore, handlesAfter, heapGrowthMb });
    expect(handlesAfter).toBeLessThanOrEqual(handlesBefore);
    expect(heapGrowthMb).toBeLessThan(5);
  }, 120_000);

  it('18: a sentinel key never appears in IPC payloads, logs, the SQLite file, errors or inspector exports', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    const lines: string[] = [];
    const logger: Logger = { info: (m, d) => lines.push(m + JSON.stringify(d ?? {})), warn: (m, d) => lines.push(m + JSON.stringify(d ?? {})), error: (m, d) => lines.push(m + JSON.stringify(d ?? {})) };
    h = await startHarness({ logger });
    const user = gw.fixtures.users[0]!;
    const sentinel = user.apiKeys[0]!;
    const outputs: unknown[] = [];
    const call = async <T>(p: Promise<T> | T) => {
      try {
        outputs.push(await p);
      } catch (err) {
        outputs.push(String(err), (err as Error).message);
      }
    };
    await call(h.core.handlers['accounts:test']({ serverUrl: gw.url, apiKey: sentinel }));
    const accountId = await h.addAccount(gw.url, sentinel);
    await agentApi(gw.url, sentinel).postMessage({ channelId: user.agents[0]!.id, text: 'an ordinary message' });
    await call(h.core.handlers['accounts:add']({ serverUrl: 'http://127.0.0.1:1', apiKey: sentinel }));
    await call(h.core.handlers['accounts:add']({ serverUrl: gw.url, apiKey: `${sentinel}x` }));
    await h.secrets.set(accountId, `hp_${'f'.repeat(48)}`);
    await h.core.handlers['accounts:reconnect']({ accountId });
    await control(gw.url, '/faults', { disconnectAll: true });
    await h.waitStatus(accountId, 'key-rejected', 10_000);
    await h.secrets.set(accountId, sentinel);
    await call(h.core.handlers['accounts:update']({ accountId, apiKey: sentinel }));
    await h.waitStatus(accountId, 'connected');
    await sleep(300);
    await call(h.core.handlers['state:snapshot']({}));
    await call(h.core.handlers['inspector:list']({ limit: 5_000 }));
    await h.core.dispose();
    const dbFiles = ['companion.db', 'companion.db-wal'].map((f) => join(h!.dataDir, f)).filter(existsSync);
    const haystacks = {
      ipc: JSON.stringify(h.batches),
      handlerOutputs: JSON.stringify(outputs),
      logs: lines.join('\n'),
      sqlite: dbFiles.map((f) => readFileSync(f).toString('latin1')).join(''),
    };
    const leaks = Object.entries(haystacks).filter(([, text]) => text.includes(sentinel) || text.includes(sentinel.slice(3, 40)));
    report('18', { places: Object.keys(haystacks).length, bytesSearched: Object.values(haystacks).reduce((n, t) => n + t.length, 0), leaks: leaks.map(([k]) => k).join(',') || 'none' });
    expect(leaks.map(([k]) => k)).toEqual([]);
    await h.restart();
  }, 60_000);

  it('20: 10,000 fuzzed gateway events: no crash, invalid ones counted and dropped with no row and no UI entry', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const accountId = await h.addAccount(gw.url, user.apiKeys[0]!);
    const { ingest, store } = coreInternals(h.core);
    const rowsBefore = store.messages.allOf(accountId).length;
    const channelId = user.agents[0]!.id;
    const hostileString = fc.oneof(fc.string(), fc.constant('x'.repeat(2_000_000)), fc.constant('__proto__'), fc.constant('<script>alert(1)</script>'));
    const mutated = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), channelId: fc.constant(channelId), senderType: fc.oneof(fc.constant('agent'), fc.string()), text: hostileString, createdAt: fc.oneof(fc.string(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'bad' : d.toISOString()))) }),
      fc.constant(JSON.parse('{"__proto__":{"polluted":true},"messageId":"x","deliveryStatus":"sent"}')),
      fc.record({ messageId: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()), deliveryStatus: fc.string() }),
    );
    const validMessage = fc.record({
      id: fc.uuid(),
      channelId: fc.constant(channelId),
      senderType: fc.constantFrom('agent' as const, 'user' as const),
      senderId: fc.constant(channelId),
      text: fc.oneof(fc.string({ maxLength: 500 }), fc.constant(null)),
      status: fc.constantFrom(null, 'info' as const, 'error' as const),
      review: fc.constant(null),
      metadata: fc.constant(null),
      deliveryStatus: fc.constantFrom('sent' as const, 'agent_received' as const),
      createdAt: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }).map((t) => new Date(t).toISOString()),
      attachments: fc.constant([]),
    });
    const fuzzed = fc.sample(fc.tuple(fc.constantFrom(...gatewayEventNames, 'bogus:event'), mutated), { numRuns: 9_000, seed: 7 });
    const valid = fc.sample(validMessage, { numRuns: 1_000, seed: 8 });
    const events: Array<[string, unknown]> = [...fuzzed, ...valid.map((m) => ['message:created', m] as [string, unknown])].sort(() => 0);
    for (let i = events.length - 1; i > 0; i--) {
      const j = (i * 7_919) % (i + 1);
      [events[i], events[j]] = [events[j]!, events[i]!];
    }
    const invalidBefore = (await h.core.handlers['state:snapshot']({})).stats.invalidEvents;
    h.batches.length = 0;
    for (const [name, payload] of events) ingest.event(accountId, name, payload);
    ingest.flush();
    await sleep(200);
    const snapshot = await h.core.handlers['state:snapshot']({});
    const rowsAfter = store.messages.allOf(accountId).length;
    const uiMessages = h.batches.flatMap((b) => b.messages ?? []).length;
    const dropped = snapshot.stats.invalidEvents - invalidBefore;
    report('20', { events: events.length, droppedInvalid: dropped, quarantined: snapshot.stats.quarantinedEvents, newRows: rowsAfter - rowsBefore, uiEntries: uiMessages, polluted: ({} as { polluted?: unknown }).polluted ?? false });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(dropped).toBeGreaterThan(8_000);
    expect(rowsAfter - rowsBefore).toBe(new Set(valid.map((m) => m.id)).size);
    expect(snapshot.stats.quarantinedEvents).toBe(0);
    // Whatever got in is whole and valid; whatever reached the UI is stored.
    const stored = store.messages.allOf(accountId);
    expect(stored.every((m) => messageSchema.safeParse(m).success)).toBe(true);
    const storedIds = new Set(stored.map((m) => m.id));
    expect(h.batches.flatMap((b) => b.messages ?? []).every((m) => storedIds.has(m.id))).toBe(true);
    expect(uiMessages).toBeLessThanOrEqual(events.length - dropped);
    // Still alive and streaming afterwards.
    const posted = await agentApi(gw.url, user.apiKeys[0]!).postMessage({ channelId, text: 'after the fuzz' });
    await eventually(() => h!.uiCounts().get(posted.id), 'still streaming');
  }, 60_000);
});
