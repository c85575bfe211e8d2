import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './context';
import { duplicatesOf, sleep, startCore, waitUntil, type CoreProbe } from './lib/core-harness';
import { keysFixture, startGateway, type GatewayHandle } from './lib/gateway';
import { delivery, type BenchRow } from './lib/result';
import { percentile, round, summarise } from './lib/stats';

const CHANNELS = 50;
const LATENCY_RATE = 5_000;

/** Adds the gateway's key and waits for the first catch-up (both passes) to settle. */
export async function connectAndSettle(probe: CoreProbe, gateway: GatewayHandle, channelsPerKey: number, timeoutMs = 60_000): Promise<string[]> {
  const ids: string[] = [];
  for (const user of gateway.fixtures.users) {
    const view = await probe.core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user.apiKeys[0]!, label: user.name });
    ids.push(view.accountId);
  }
  // Two passes per channel: at connect and the settle pass after it.
  const ok = await waitUntil(() => probe.connected().size === ids.length && probe.catchUps() >= 2 * channelsPerKey * ids.length, timeoutMs);
  if (!ok) throw new Error(`accounts did not connect and catch up (${probe.connected().size}/${ids.length} connected, ${probe.catchUps()} catch-ups)`);
  await sleep(200);
  return ids;
}

export async function runP2(ctx: BenchContext, p1MixRate: number, p1RttP99: number): Promise<BenchRow[]> {
  const gateway = await startGateway({ fixtures: keysFixture(1, CHANNELS) });
  const probe = await startCore(mkdtempSync(join(ctx.workDir, 'p2-')));
  const rows: BenchRow[] = [];
  try {
    await connectAndSettle(probe, gateway, CHANNELS);
    // Warm-up (JIT, statement cache, socket buffers), which also sizes the runs: ~10 s of work each
    // at the rate the core just showed, so a slow core cannot blow the run's time budget.
    const warm = await floodOnce(probe, gateway, 1_000);
    const perRun = Math.round(Math.min(ctx.quick ? 2_000 : 20_000, Math.max(1_000, warm.rate * 10)));
    const rates: number[] = [];
    const serverRates: number[] = [];
    for (let r = 0; r < ctx.repeats; r++) {
      const run = await floodOnce(probe, gateway, perRun);
      rates.push(run.rate);
      serverRates.push(run.serverRate);
    }
    const sustained = summarise(rates);
    const serverMedian = summarise(serverRates).median;
    const ratio = sustained.median / p1MixRate;
    rows.push({
      id: 'P2',
      case: 'ingest sustained, flood over 50 channels (load mix)',
      unit: 'msg/s',
      value: sustained,
      limit: { what: 'P1 load mix, 1 conn', value: p1MixRate, unit: 'msg/s' },
      ratio: round(ratio, 3),
      target: '≥ 0.5 × P1',
      met: ratio >= 0.5,
      extra: { gatewayCreateAndEmitRate: serverMedian },
      note: `gateway created+emitted at ${Math.round(serverMedian)} msg/s${serverMedian < sustained.median * 1.2 ? ' (gateway-bound: the core kept up with it)' : ''}`,
    });

    // A core that cannot sustain the rate only builds a backlog; measure briefly and say so.
    const keepsUp = sustained.median >= LATENCY_RATE * 1.1;
    const seconds = ctx.quick || !keepsUp ? 1 : 5;
    const latencies: number[] = [];
    const shown: number[] = [];
    const p99s: number[] = [];
    const runs = ctx.quick || !keepsUp ? 1 : 2;
    let emitted = 0;
    let received = 0;
    for (let r = 0; r < runs; r++) {
      probe.lag.committed.length = 0;
      probe.lag.shown.length = 0;
      const before = probe.committedAt.size;
      const { sent } = await gateway.load(LATENCY_RATE, seconds * 1000);
      await waitUntil(() => probe.committedAt.size >= before + sent, 180_000);
      await sleep(100);
      emitted += sent;
      received += probe.committedAt.size - before;
      latencies.push(...probe.lag.committed);
      shown.push(...probe.lag.shown);
      p99s.push(percentile(probe.lag.committed, 99));
    }
    const p99 = summarise(p99s);
    rows.push({
      id: 'P2',
      case: `emit → committed at ${LATENCY_RATE.toLocaleString('en-US')} msg/s for ${seconds} s`,
      unit: 'ms p99',
      value: p99,
      limit: { what: 'P1 acked RTT p99', value: round(p1RttP99, 3), unit: 'ms' },
      target: 'p99 < 50 ms',
      met: p99.median < 50,
      delivery: delivery(emitted, received),
      extra: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), uiP50: percentile(shown, 50), uiP99: percentile(shown, 99) },
      note: `${keepsUp ? '' : `the core sustains only ${Math.round(sustained.median)} msg/s, so latency is the backlog it builds (run shortened to ${seconds} s); `}p50 ${percentile(latencies, 50)} ms, max ${Math.max(...latencies)} ms; emit → UI batch p50 ${percentile(shown, 50)} / p99 ${percentile(shown, 99)} ms (batchMs 32); ms clock resolution`,
    });
    const stored = probe.storedCount();
    const onGateway = await gateway.count();
    rows.push({
      id: 'P2',
      case: 'nothing lost: gateway rows vs store rows, UI duplicates',
      unit: 'rows',
      value: summarise([stored]),
      met: stored === onGateway && duplicatesOf(probe.uiEntries) === 0,
      target: 'stored = emitted, 0 dup',
      delivery: delivery(onGateway, stored, duplicatesOf(probe.uiEntries)),
    });
  } finally {
    await probe.dispose();
    await gateway.child.stop();
  }
  return rows;
}

async function floodOnce(probe: CoreProbe, gateway: GatewayHandle, count: number) {
  const before = probe.committedAt.size;
  const t0 = Date.now();
  const server = await gateway.flood(count);
  const ok = await waitUntil(() => probe.committedAt.size >= before + count, 120_000, 5);
  if (!ok) throw new Error(`only ${probe.committedAt.size - before} of ${count} flood messages were committed`);
  let last = 0;
  for (const t of [...probe.committedAt.values()].slice(before)) if (t > last) last = t;
  return { rate: count / ((last - t0) / 1000), serverRate: server.sent / (server.ms / 1000) };
}
