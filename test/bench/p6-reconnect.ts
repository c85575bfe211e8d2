import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { BenchContext } from './context';
import { duplicatesOf, startCore, waitUntil } from './lib/core-harness';
import { keysFixture, startGateway, type GatewayHandle } from './lib/gateway';
import { delivery, type BenchRow } from './lib/result';
import { median, round, summarise } from './lib/stats';
import { connectAndSettle } from './p2-ingest';

const AGENTS_PER_KEY = 5;
const MISSED_PER_AGENT = 20;

/** One fresh authenticated socket to /ws: what every reconnect pays before the backfill. */
async function handshakeMs(url: string, apiKey: string): Promise<number> {
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const s = io(`${url}/ws`, { forceNew: true, transports: ['websocket'], reconnection: false, auth: { apiKey } });
    s.once('connect', () => {
      s.disconnect();
      resolve();
    });
    s.once('connect_error', reject);
  });
  return performance.now() - t;
}

async function restMs(url: string, apiKey: string, channelId: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${url}/api/v1/messages?channel=${channelId}&limit=100`, { headers: { 'x-api-key': apiKey } });
  await res.arrayBuffer();
  return performance.now() - t;
}

/**
 * Gateway SIGKILLed and restarted from its state file, with messages created while no client could
 * see them; measured from the restarted gateway's ready signal to every message stored. The core's
 * own reconnect backoff is part of the figure, as it is for the operator.
 */
async function restartOnce(ctx: BenchContext, keys: number, insertRate: number) {
  const state = join(mkdtempSync(join(ctx.workDir, 'p6-')), 'gateway.jsonl');
  let gateway: GatewayHandle = await startGateway({ fixtures: keysFixture(keys, AGENTS_PER_KEY), state, seed: 6 });
  const probe = await startCore(mkdtempSync(join(ctx.workDir, 'p6-core-')));
  try {
    await connectAndSettle(probe, gateway, AGENTS_PER_KEY, 120_000);
    const user = gateway.fixtures.users[0]!;
    const hs = [];
    const rest = [];
    for (let i = 0; i < 10; i++) hs.push(await handshakeMs(gateway.url, user.apiKeys[0]!));
    for (let i = 0; i < 10; i++) rest.push(await restMs(gateway.url, user.apiKeys[0]!, user.agents[0]!.id));
    await gateway.child.kill('SIGKILL');
    await waitUntil(() => probe.connected().size === 0, 10_000);
    const port = gateway.port;
    gateway = await startGateway({ fixtures: keysFixture(keys, AGENTS_PER_KEY), state, seed: 6, port, missedPerAgent: MISSED_PER_AGENT });
    const back = performance.now();
    const expected = await gateway.count();
    const ok = await waitUntil(() => probe.connected().size === keys && probe.storedCount() >= expected, 60_000, 20);
    const caughtUp = performance.now() - back;
    const stored = probe.storedCount();
    // Limit: one handshake, then each key's sequential REST calls (agents + per channel: page + pending), then the inserts.
    const requests = 1 + AGENTS_PER_KEY * 2;
    const missed = keys * AGENTS_PER_KEY * MISSED_PER_AGENT;
    const limit = median(hs) + requests * median(rest) + (Number.isFinite(insertRate) ? (missed / insertRate) * 1000 : 0);
    return { ok, caughtUp, limit, expected, stored, dup: duplicatesOf(probe.uiEntries), hs: median(hs), rest: median(rest) };
  } finally {
    await probe.dispose();
    await gateway.child.stop();
  }
}

export async function runP6(ctx: BenchContext, insertRate: number): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const keys of ctx.quick ? [1, 10] : [1, 10, 50]) {
    const runs = [];
    for (let r = 0; r < (ctx.quick ? 1 : 2); r++) runs.push(await restartOnce(ctx, keys, insertRate));
    const value = summarise(runs.map((r) => (r.ok ? r.caughtUp : Number.POSITIVE_INFINITY)));
    const limit = median(runs.map((r) => r.limit));
    const expected = runs.reduce((n, r) => n + r.expected, 0);
    const stored = runs.reduce((n, r) => n + r.stored, 0);
    rows.push({
      id: 'P6',
      case: `gateway restart → caught up, ${keys} key${keys > 1 ? 's' : ''} × ${AGENTS_PER_KEY} channels, ${keys * AGENTS_PER_KEY * MISSED_PER_AGENT} missed`,
      unit: 'ms',
      value,
      limit: { what: 'handshake + REST backfill at P3 speed', value: limit, unit: 'ms' },
      ratio: round(value.median / limit, 2),
      target: keys === 10 ? '< 5 s' : '— (10 keys: < 5 s)',
      met: keys === 10 ? value.median < 5_000 : null,
      delivery: delivery(expected, stored, runs.reduce((n, r) => n + r.dup, 0)),
      extra: { handshakeMs: round(median(runs.map((r) => r.hs)), 2), restRttMs: round(median(runs.map((r) => r.rest)), 2) },
      note: `handshake ${round(median(runs.map((r) => r.hs)), 1)} ms, REST page ${round(median(runs.map((r) => r.rest)), 1)} ms; includes the core's reconnect backoff (base 1 s, jittered)`,
    });
  }
  return rows;
}
