import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { coreInternals } from '../../src/main/core/core';
import { eventually } from '../support/placet-api';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { Emitter } from './emitter';
import { report, startHarness, type Harness, sleep } from './harness';

// QUALITY.md items 1–3: the gateway dies, freezes, or the wire goes silent mid-stream; every
// acknowledged message must end up stored and shown exactly once, in server order.


describe('delivery and recovery', () => {
  let dir: string;
  let gw: GatewayProcess | undefined;
  let proxy: TcpProxy | undefined;
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.dispose();
    await proxy?.close();
    await gw?.stop();
    rmSync(dir, { recursive: true, force: true });
    h = gw = proxy = undefined;
  });

  const setUp = async (viaProxy = false) => {
    dir = mkdtempSync(join(tmpdir(), 'placet-gw-'));
    gw = await startGatewayProcess({ state: join(dir, 'state.jsonl') });
    if (viaProxy) proxy = await startTcpProxy(gw.port);
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const accountId = await h.addAccount(proxy ? proxy.url : gw.url, user.apiKeys[0]!);
    const emitter = new Emitter(() => gw!.url, user.apiKeys[0]!);
    return { accountId, emitter, channels: user.agents.map((a) => a.id) };
  };

  /** Store, UI and server agree: same ids, each once, server order per channel. */
  const assertConverged = async (accountId: string, emitter: Emitter, item: string, extra: Record<string, unknown>) => {
    const expected = new Set(emitter.acknowledged.map((a) => a.id));
    await eventually(() => h!.hasAll(accountId, expected), 'every acknowledged message stored', 30_000);
    // The UI batch follows the commit by one batch interval.
    await eventually(() => {
      const shown = h!.uiCounts();
      return [...expected].every((id) => shown.has(id));
    }, 'every stored message shown', 5_000);
    const stored = h!.storedIds(accountId).filter((id) => expected.has(id));
    const counts = h!.uiCounts();
    const uiOnce = [...expected].filter((id) => counts.get(id) === 1).length;
    report(item, { emitted: expected.size, stored: stored.length, duplicates: stored.length - new Set(stored).size, lost: expected.size - new Set(stored).size, uiExactlyOnce: uiOnce, ...extra });
    expect(new Set(stored).size).toBe(expected.size);
    expect(stored.length).toBe(expected.size);
    expect(uiOnce).toBe(expected.size);
    // Server order per channel: the store's feed order equals the gateway's list order.
    const { store } = coreInternals(h!.core);
    for (const channelId of new Set(emitter.acknowledged.map((a) => a.channelId))) {
      const serverOrder = await listAll(gw!.url, emitter, channelId);
      const localOrder = store.messages.page(accountId, channelId, undefined, 100_000).map((s) => s.message.id);
      expect(localOrder.filter((id) => expected.has(id))).toEqual(serverOrder.filter((id) => expected.has(id)));
    }
  };

  it('1: SIGKILL mid-stream for 10 s, restart with state: every message exactly once, in order', async () => {
    const { accountId, emitter, channels } = await setUp();
    const streaming = emitter.stream(channels, 900, 60, 'kill');
    await sleep(2_000);
    await gw!.kill();
    await sleep(10_000);
    await gw!.restart();
    await streaming;
    await assertConverged(accountId, emitter, '1', { postRetries: emitter.failures });
  }, 120_000);

  it('2: SIGSTOP 10 s: reported down within heartbeat + 1 s, then the gap is closed', async () => {
    const { accountId, emitter, channels } = await setUp();
    await emitter.stream(channels, 30, 50, 'before');
    gw!.freeze();
    const frozenAt = Date.now();
    const detectMs = await h!.waitStatus(accountId, 'reconnecting', 10_000);
    await sleep(Math.max(0, 10_000 - (Date.now() - frozenAt)));
    gw!.thaw();
    await emitter.stream(channels, 200, 100, 'after');
    await assertConverged(accountId, emitter, '2', { detectMs, heartbeatMs: 2_000 });
    expect(detectMs).toBeLessThanOrEqual(3_000);
  }, 120_000);

  it('3: silent partition (proxy stops forwarding both ways): same outcome', async () => {
    const { accountId, emitter, channels } = await setUp(true);
    await emitter.stream(channels, 30, 50, 'before');
    proxy!.setMode('blackhole');
    const cutAt = Date.now();
    const during = emitter.stream(channels, 100, 20, 'during');
    const detectMs = await h!.waitStatus(accountId, 'reconnecting', 10_000);
    await during;
    await sleep(Math.max(0, 10_000 - (Date.now() - cutAt)));
    proxy!.setMode('pass');
    await emitter.stream(channels, 100, 50, 'after');
    await assertConverged(accountId, emitter, '3', { detectMs });
    expect(detectMs).toBeLessThanOrEqual(3_000);
  }, 120_000);
});

async function listAll(serverUrl: string, emitter: Emitter, channelId: string): Promise<string[]> {
  const key = (emitter as unknown as { apiKey: string }).apiKey;
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${serverUrl}/api/v1/messages?channel=${channelId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { 'x-api-key': key } });
    const page = (await res.json()) as { data: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.data.map((m) => m.id));
    if (!page.nextCursor || page.data.length === 0) break;
    cursor = page.nextCursor;
  }
  return ids.reverse();
}
