import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchContext } from './context';
import { sleep, startCore, waitUntil } from './lib/core-harness';
import { keysFixture, postFault, startGateway } from './lib/gateway';
import { delivery, type BenchRow } from './lib/result';
import { median, round, summarise } from './lib/stats';
import { connectAndSettle } from './p2-ingest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Sample {
  at: number;
  rssMiB: number;
  heapMiB: number;
  handles: number;
}

function sample(start: number): Sample {
  gc();
  const mem = process.memoryUsage();
  return { at: Math.round((performance.now() - start) / 1000), rssMiB: round(mem.rss / 2 ** 20, 1), heapMiB: round(mem.heapUsed / 2 ** 20, 1), handles: process.getActiveResourcesInfo().length };
}

/** 200 msg/s over 5 keys × 10 channels, every socket dropped by the server once per period. */
export async function runP7(ctx: BenchContext): Promise<BenchRow[]> {
  const durationMs = ctx.quick ? 15_000 : 300_000;
  const dropEveryMs = ctx.quick ? 5_000 : 60_000;
  const gateway = await startGateway({ fixtures: keysFixture(5, 10), seed: 7 });
  const probe = await startCore(mkdtempSync(join(ctx.workDir, 'p7-')), {}, undefined, false);
  try {
    await connectAndSettle(probe, gateway, 10);
    const storedBefore = probe.storedCount();
    const uiBefore = probe.totals.uiEntries;
    const start = performance.now();
    const samples: Sample[] = [sample(start)];
    const load = gateway.load(200, durationMs);
    let drops = 0;
    const sampler = setInterval(() => samples.push(sample(start)), 5_000);
    const dropper = setInterval(() => {
      drops++;
      void postFault(gateway.url, { disconnectAll: true });
    }, dropEveryMs);
    const { sent } = await load;
    clearInterval(sampler);
    clearInterval(dropper);
    const expected = await gateway.count();
    // Let the last reconnect's backfill finish before counting.
    await waitUntil(() => probe.connected().size === 5 && probe.storedCount() >= expected, 60_000, 50);
    await sleep(2_000);
    samples.push(sample(start));
    const stored = probe.storedCount();
    // The load only creates messages, so every UI entry beyond one per new row is a duplicate.
    const dup = Math.max(0, probe.totals.uiEntries - uiBefore - (stored - storedBefore));
    const third = Math.max(1, Math.floor(samples.length / 3));
    const early = samples.slice(1, 1 + third);
    const late = samples.slice(-third);
    const rssGrowth = median(late.map((s) => s.rssMiB)) - median(early.map((s) => s.rssMiB));
    const heapGrowth = median(late.map((s) => s.heapMiB)) - median(early.map((s) => s.heapMiB));
    const handleGrowth = median(late.map((s) => s.handles)) - median(early.map((s) => s.handles));
    const flat = rssGrowth < 20 && heapGrowth < 5 && handleGrowth <= 0;
    const label = `${Math.round(durationMs / 1000)} s at 200 msg/s, 5 keys, ${drops} forced drops${ctx.quick ? ' (--quick: shortened from 5 min, drop every 5 s)' : ''}`;
    return [
      {
        id: 'P7',
        case: `soak: RSS growth after GC, ${label}`,
        unit: 'MiB',
        value: summarise([rssGrowth]),
        target: 'flat RSS and handles',
        met: flat,
        extra: { heapGrowthMiB: round(heapGrowth, 1), handleGrowth, samples },
        note: `heap growth ${round(heapGrowth, 1)} MiB, handles ${early[0]?.handles} → ${samples.at(-1)?.handles}; RSS ${samples[0]?.rssMiB} → ${samples.at(-1)?.rssMiB} MiB`,
      },
      {
        id: 'P7',
        case: `soak: delivery, ${label}`,
        unit: 'rows',
        value: summarise([stored]),
        target: '0 lost, 0 duplicated',
        met: stored === expected && dup === 0,
        delivery: delivery(expected, stored, dup),
        note: `load generator sent ${sent}`,
      },
    ];
  } finally {
    await probe.dispose();
    await gateway.child.stop();
  }
}
