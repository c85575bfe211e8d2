import { join } from 'node:path';
import { Store } from '../../src/main/core/store/store';
import type { Message } from '../../src/shared/placet/schemas';
import type { BenchContext } from './context';
import { insertRaw, messageFactory, openRaw, type DatasetAccount } from './lib/dataset';
import { delivery, type BenchRow } from './lib/result';
import { percentile, round, summarise } from './lib/stats';

const BATCH = 500;

function batches(seed: number, rows: number): Message[][] {
  const make = messageFactory(seed, Array.from({ length: 50 }, (_, i) => `channel-${i}`));
  const start = Date.now() - rows * 10;
  const out: Message[][] = [];
  for (let i = 0; i < rows; i += BATCH) out.push(Array.from({ length: Math.min(BATCH, rows - i) }, (_, j) => make(start + (i + j) * 10)));
  return out;
}

/** Batched insert through `store.messages.apply` vs the same rows through a bare prepared INSERT loop. */
export function runP3Insert(ctx: BenchContext): BenchRow[] {
  const rows = ctx.quick ? 20_000 : 150_000;
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  let emitted = 0;
  let stored = 0;
  for (let r = 0; r < ctx.repeats; r++) {
    // Fresh files each time, alternating the order, so neither side inherits a warm cache from the other.
    const data = batches(r + 1, rows);
    const runRaw = () => {
      const db = openRaw(join(ctx.workDir, `p3-raw-${r}`));
      db.prepare(`INSERT INTO accounts (account_id, label, server_url, last4, key_storage, created_at) VALUES ('a', 'a', 'http://127.0.0.1', '0000', 'session', 0)`).run();
      const t = performance.now();
      for (const b of data) insertRaw(db, 'a', b);
      rawRates.push(rows / ((performance.now() - t) / 1000));
      db.close();
    };
    const runStore = () => {
      const store = Store.open(join(ctx.workDir, `p3-store-${r}`));
      store.accounts.save({ accountId: 'a', label: 'a', serverUrl: 'http://127.0.0.1', last4: '0000', enabled: true, keyStorage: 'session', createdAt: 0 });
      const t = performance.now();
      let inserted = 0;
      for (const b of data) inserted += store.messages.apply('a', b).inserted.length;
      storeRates.push(rows / ((performance.now() - t) / 1000));
      emitted += rows;
      stored += inserted;
      store.close();
    };
    if (r % 2 === 0) {
      runRaw();
      runStore();
    } else {
      runStore();
      runRaw();
    }
  }
  const value = summarise(storeRates);
  const raw = summarise(rawRates).median;
  const ratio = value.median / raw;
  return [
    { id: 'P3', case: `raw node:sqlite INSERT loop, batches of ${BATCH}, load mix`, unit: 'rows/s', value: summarise(rawRates), met: null, target: '— (the limit)', note: `${rows.toLocaleString('en-US')} rows per run` },
    {
      id: 'P3',
      case: `store.messages.apply, batches of ${BATCH}, load mix`,
      unit: 'rows/s',
      value,
      limit: { what: 'raw INSERT loop', value: raw, unit: 'rows/s' },
      ratio: round(ratio, 3),
      target: '≥ 0.8 × raw',
      met: ratio >= 0.8,
      delivery: delivery(emitted, stored),
    },
  ];
}

/** "Last 500 of a channel" through the store on the shared dataset, cold-ish (first) and warm. */
export function runP3Query(ctx: BenchContext, dataDir: string, accounts: readonly DatasetAccount[], totalRows: number): BenchRow[] {
  const store = Store.open(dataDir);
  const samples: number[] = [];
  let firstMs = 0;
  let short = 0;
  try {
    const n = ctx.quick ? 60 : 200;
    for (let i = 0; i < n; i++) {
      const a = accounts[i % accounts.length]!;
      const channelId = a.agents[Math.floor(i / accounts.length) % a.agents.length]!.id;
      const t = performance.now();
      const page = store.messages.page(a.accountId, channelId, undefined, 500);
      const ms = performance.now() - t;
      if (i === 0) firstMs = ms;
      if (page.length !== 500) short++;
      samples.push(ms);
    }
  } finally {
    store.close();
  }
  const value = summarise(samples);
  return [
    {
      id: 'P3',
      case: `last 500 of a channel on ${totalRows.toLocaleString('en-US')} rows (store.messages.page)`,
      unit: 'ms',
      value,
      target: '< 20 ms',
      met: value.median < 20 && percentile(samples, 99) < 20,
      extra: { p99: round(percentile(samples, 99), 3), firstMs: round(firstMs, 3) },
      note: `p99 ${round(percentile(samples, 99), 2)} ms, first query ${round(firstMs, 2)} ms${short ? `; ${short} pages came back short` : ''}${totalRows < 1_000_000 ? '; --quick: fewer than 1M rows' : ''}`,
    },
  ];
}
