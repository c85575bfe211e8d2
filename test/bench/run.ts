// `npm run bench [-- --quick] [-- --only P1,P3] [-- --out bench-results/latest.md]`
// Benchmarks P1–P8 of QUALITY.md: one JSON line per figure, then a markdown table. Not a test:
// nothing here fails the build; a missed target is reported, with how far off it is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchContext } from './context';
import { describeMachine, loadAverage } from './lib/machine';
import { markdownTable, notMeasured, printRow, type BenchRow } from './lib/result';
import { runP1, type P1Limits } from './p1-socket-ceiling';
import { runP2 } from './p2-ingest';
import { runP3Insert, runP3Query } from './p3-store';
import { runP4 } from './p4-dom-latency';
import { runP5 } from './p5-feed-render';
import { runP6 } from './p6-reconnect';
import { runP7 } from './p7-soak';
import { runP8 } from './p8-cold-start';
import { prepareDataset } from './shared-dataset';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' } },
  strict: true,
});
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim().toUpperCase())) : null;
const wanted = (id: string) => !only || only.has(id);

const workDir = mkdtempSync(join(tmpdir(), 'placet-bench-'));
const ctx: BenchContext = { quick: values.quick, repeats: values.quick ? 3 : 5, workDir };
const rows: BenchRow[] = [];
const startedAt = Date.now();

function add(list: BenchRow[]): void {
  for (const row of list) {
    printRow(row);
    rows.push(row);
  }
}

/** A benchmark that throws is reported as not measured, and the others still run. */
async function guarded<T>(id: string, name: string, fn: () => Promise<T>): Promise<T | null> {
  const t = Date.now();
  try {
    const out = await fn();
    process.stderr.write(`[bench] ${id} done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    return out;
  } catch (err) {
    add([notMeasured(id, name, err instanceof Error ? err.message.split('\n')[0]!.slice(0, 200) : String(err))]);
    return null;
  }
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const loadAtStart = loadAverage();
  process.stdout.write(`${JSON.stringify({ bench: 'machine', ...machine, loadAverage: loadAtStart, quick: ctx.quick, repeats: ctx.repeats })}\n`);
  let p1: P1Limits | null = null;
  if (wanted('P1') || wanted('P2') || wanted('P4')) {
    p1 = await guarded('P1', 'raw socket.io-client receive rate', async () => {
      const r = await runP1(ctx);
      add(r.rows);
      return r.limits;
    });
  }
  if (wanted('P2')) {
    if (!p1) add([notMeasured('P2', 'ingest', 'P1 (its limit) did not run')]);
    else await guarded('P2', 'ingest', async () => add(await runP2(ctx, p1.mixOneConnection, p1.rttP99)));
  }
  let insertRate = Number.NaN;
  if (wanted('P3') || wanted('P6')) {
    await guarded('P3', 'store batched insert', async () => {
      const r = runP3Insert(ctx);
      insertRate = r[1]?.value?.median ?? Number.NaN;
      if (wanted('P3')) add(r);
    });
  }
  if (wanted('P3') || wanted('P8')) {
    const dataset = await guarded('P3', 'shared 1M-row dataset', () => prepareDataset(ctx));
    if (dataset) {
      process.stderr.write(`[bench] dataset: ${dataset.rows} rows in ${(dataset.buildMs / 1000).toFixed(1)} s\n`);
      try {
        if (wanted('P3')) await guarded('P3', 'last 500 of a channel', async () => add(runP3Query(ctx, dataset.dataDir, dataset.accounts, dataset.rows)));
        if (wanted('P8')) await guarded('P8', 'cold start', async () => add(await runP8(ctx, dataset.dataDir, dataset.accounts, dataset.rows)));
      } finally {
        await dataset.gateway.child.stop();
      }
    }
  }
  if (wanted('P4')) {
    if (!p1) add([notMeasured('P4', 'emit → row in the DOM', 'P1 (its limit) did not run')]);
    else await guarded('P4', 'emit → row in the DOM', async () => add(await runP4(ctx, p1.rttP50)));
  }
  if (wanted('P5')) await guarded('P5', 'feed render', async () => add(await runP5(ctx)));
  if (wanted('P6')) await guarded('P6', 'reconnect and catch-up', async () => add(await runP6(ctx, insertRate)));
  if (wanted('P7')) await guarded('P7', 'soak', async () => add(await runP7(ctx)));

  const minutes = ((Date.now() - startedAt) / 60_000).toFixed(1);
  const table = markdownTable(rows);
  const header = `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. ` +
    `Run: \`npm run bench${ctx.quick ? ' -- --quick' : ''}\`, ${ctx.repeats} repeats, ${minutes} min; 1-min load average ${loadAtStart} at start, ${loadAverage()} at the end.`;
  process.stdout.write(`\n${header}\n\n${table}\n`);
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${header}\n\n${table}\n`);
  }
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => {
    rmSync(workDir, { recursive: true, force: true });
    // Sockets of a core or client that a failed run left open must not keep the process alive.
    setTimeout(() => process.exit(), 200).unref();
  });
