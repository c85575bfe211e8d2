import { afterEach, describe, expect, it } from 'vitest';
import { coreInternals } from '../../src/main/core/core';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { agentApi, eventually } from '../support/placet-api';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { attemptsOf, control, keyLabel, stats } from './mock-admin';
import { report, startHarness, type Harness, sleep } from './harness';

// QUALITY.md items 8 and 10–14: connections per key, reconnect storms, rejected keys, resume, 429.


describe('connections', () => {
  let gw: MockGateway | undefined;
  let h: Harness | undefined;
  let proxy: TcpProxy | undefined;

  afterEach(async () => {
    await h?.dispose();
    await proxy?.close();
    await gw?.close();
    h = gw = proxy = undefined;
  });

  const allKeys = () => gw!.fixtures.users.flatMap((u) => u.apiKeys.map((key) => ({ key, user: u })));

  it('8: three keys, three engine connections, each key only in its handshake auth', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    proxy = await startTcpProxy(gw.port);
    h = await startHarness();
    const keys = allKeys().slice(0, 3);
    expect(keys).toHaveLength(3);
    for (const { key } of keys) await h.addAccount(proxy.url, key);
    const s = await stats(gw.url);
    const live = keys.map(({ key }) => s.liveSockets[keyLabel(key)] ?? 0);
    const upgrades = proxy.requestHeads().filter((head) => head.includes('/socket.io/'));
    const leaked = upgrades.filter((head) => keys.some(({ key }) => head.includes(key) || head.includes(key.slice(3))));
    report('8', { keys: keys.length, liveSocketsPerKey: live.join('/'), upgradeRequests: upgrades.length, keysInUrlsOrHeaders: leaked.length });
    expect(live).toEqual([1, 1, 1]);
    expect(upgrades.length).toBeGreaterThanOrEqual(3);
    expect(leaked).toEqual([]);
  });

  it('10: 20 forced reconnects, then one server event causes exactly one handler call and one UI entry', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness({ timing: { batchMs: 10, settleMs: 100, backoffBaseMs: 1_000, backoffMaxMs: 1_000, stableAfterMs: 0 } });
    const { key, user } = allKeys()[0]!;
    const accountId = await h.addAccount(gw.url, key);
    const session = coreInternals(h.core).sessions.get(accountId)!;
    for (let i = 0; i < 20; i++) {
      await control(gw.url, '/faults', { disconnectAll: true });
      await eventually(() => session.connection.current.status !== 'connected', 'dropped', 5_000, 5);
      session.reconnectNow();
      await eventually(() => session.connection.current.status === 'connected', 'reconnected', 10_000, 5);
    }
    await sleep(500);
    const posted = await agentApi(gw.url, key).postMessage({ channelId: user.agents[0]!.id, text: 'after the storm' });
    await eventually(() => h!.uiCounts().get(posted.id), 'the message shown', 10_000);
    await sleep(500);
    const handled = (await h.core.handlers['inspector:list']({ limit: 5_000 })).filter((e) => e.event === 'message:created' && e.messageId === posted.id).length;
    const s = await stats(gw.url);
    report('10', { reconnects: 20, liveSockets: s.liveSockets[keyLabel(key)] ?? 0, handlerCalls: handled, uiEntries: h.uiCounts().get(posted.id) });
    expect(s.liveSockets[keyLabel(key)]).toBe(1);
    expect(handled).toBe(1);
    expect(h.uiCounts().get(posted.id)).toBe(1);
  }, 120_000);

  it('11: a rejected key shows "key rejected" within 1 s, retries at most once more, other keys keep streaming', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    // The 60 s re-check window is scaled to 3 s here; the test watches 4 windows.
    h = await startHarness({ timing: { batchMs: 10, settleMs: 100, rejectedRecheckMs: 3_000 } });
    const [good, bad] = [allKeys()[0]!, allKeys()[2]!];
    const goodId = await h.addAccount(gw.url, good.key);
    const badId = await h.addAccount(gw.url, bad.key);
    // The key stops working (revoked on the server): here, the stored key is replaced by a wrong one.
    const wrong = `hp_${'e'.repeat(48)}`;
    await h.secrets.set(badId, wrong);
    const before = attemptsOf(await stats(gw.url), wrong);
    const t0 = Date.now();
    await h.restart();
    const rejectedMs = await h.waitStatus(badId, 'key-rejected', 5_000);
    const detect = Date.now() - t0;
    await h.waitStatus(goodId, 'connected', 10_000);
    const posted = await agentApi(gw.url, good.key).postMessage({ channelId: good.user.agents[0]!.id, text: 'still streaming' });
    await eventually(() => h!.uiCounts().get(posted.id), 'the other key streams', 10_000);
    await sleep(12_000);
    const attempts = attemptsOf(await stats(gw.url), wrong) - before;
    report('11', { msToKeyRejected: detect, attemptsInWindow: attempts, windowScaledFromMs: 60_000, windowMs: 3_000, otherKeyStreaming: true });
    expect(rejectedMs).toBeLessThanOrEqual(1_000);
    expect(attempts).toBeLessThanOrEqual(2);
    expect(coreInternals(h.core).sessions.get(goodId)!.connection.current.status).toBe('connected');
  }, 60_000);

  it('12: accept-then-drop loop: bounded, jittered retries, at most 1 attempt per second per key, not in lockstep', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness({ timing: { batchMs: 10, settleMs: 100, backoffBaseMs: 1_000, backoffMaxMs: 8_000, stableAfterMs: 5_000 } });
    const keys = allKeys().slice(0, 3);
    const ids: string[] = [];
    for (const { key } of keys) ids.push(await h.addAccount(gw.url, key));
    const before = await stats(gw.url);
    await control(gw.url, '/faults', { acceptThenDropMs: 12_000, disconnectAll: true });
    const windowMs = 12_000;
    await sleep(windowMs);
    const after = await stats(gw.url);
    const perKey = keys.map(({ key }) => attemptsOf(after, key) - attemptsOf(before, key));
    const delays = ids.map((id) =>
      h!.batches.flatMap((b) => b.accounts ?? []).filter((a) => a.accountId === id && a.connection.nextRetryAt).map((a) => a.connection.nextRetryAt! - a.connection.since),
    );
    const second = delays.map((d) => d[1]).filter((d): d is number => d !== undefined);
    report('12', { windowMs, attemptsPerKey: perKey.join('/'), maxPerSecond: Math.max(...perKey) / (windowMs / 1_000), secondRetryDelaysMs: second.join('/') });
    for (const n of perKey) expect(n).toBeLessThanOrEqual(windowMs / 1_000 + 1);
    for (const n of perKey) expect(n).toBeGreaterThanOrEqual(2);
    expect(new Set(second).size).toBeGreaterThan(1);
    await eventually(() => ids.every((id) => coreInternals(h!.core).sessions.get(id)!.connection.current.status === 'connected'), 'all back', 30_000);
  }, 90_000);

  it('13: network back / resume: reconnectNow() is connected within 2 s and the gap is backfilled', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false, pingInterval: 1_000, pingTimeout: 1_000 });
    proxy = await startTcpProxy(gw.port);
    h = await startHarness({ timing: { batchMs: 10, settleMs: 100, backoffBaseMs: 30_000, backoffMaxMs: 60_000 } });
    const { key, user } = allKeys()[0]!;
    const accountId = await h.addAccount(proxy.url, key);
    proxy.setMode('reset');
    await h.waitStatus(accountId, 'reconnecting', 5_000);
    const api = agentApi(gw.url, key);
    const away: string[] = [];
    for (let i = 0; i < 120; i++) away.push((await api.postMessage({ channelId: user.agents[i % 2]!.id, text: `while asleep ${i}` })).id);
    proxy.setMode('pass');
    const t0 = Date.now();
    h.core.reconnectNow();
    await eventually(() => coreInternals(h!.core).sessions.get(accountId)!.connection.current.status === 'connected', 'connected', 5_000, 5);
    const connectMs = Date.now() - t0;
    await eventually(() => h!.hasAll(accountId, away), 'gap backfilled', 15_000);
    report('13', { msToConnected: connectMs, defaultHeartbeatMs: 45_000, backfilled: away.length });
    expect(connectMs).toBeLessThanOrEqual(2_000);
  }, 60_000);

  it('14: a 429 from the REST API is waited out and the backfill still completes', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: { limit: 4, windowMs: 2_000 } });
    h = await startHarness();
    const { key, user } = allKeys()[0]!;
    const accountId = await h.addAccount(gw.url, key);
    await h.core.dispose();
    await sleep(2_100);
    const ids: string[] = [];
    for (let i = 0; i < 260; i++) {
      const res = await fetch(`${gw.url}/mock/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channelId: user.agents[0]!.id, text: `user note ${i}` }) });
      ids.push(((await res.json()) as { id: string }).id);
    }
    await h.restart();
    await eventually(() => h!.hasAll(accountId, ids), 'backfill through 429s', 60_000, 100);
    const rest = (await h.core.handlers['inspector:list']({ limit: 5_000 })).filter((e) => e.direction === 'rest');
    const limited = rest.filter((e) => e.summary.includes('"status":429')).length;
    report('14', { requests: rest.length, answered429: limited, backfilled: ids.length });
    expect(limited).toBeGreaterThan(0);
  }, 90_000);
});
