import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { databaseFileName } from '../../src/main/core/store/store';
import { chromium, type Page } from 'playwright';
import type { BenchContext } from './context';
import { startChild } from './lib/child';
import { sleep, waitUntil } from './lib/core-harness';
import { startGateway } from './lib/gateway';
import { buildRenderer, CHROMIUM } from './lib/renderer-build';
import { delivery, notMeasured, type BenchRow } from './lib/result';
import { percentile, round, summarise } from './lib/stats';

const AGENT = 'Bench Agent';
const FRAME_MS = 1000 / 60;

// In-page scripts are strings: this file is type-checked without the DOM library, and tsx would
// otherwise wrap the functions in helpers that do not exist in the page.
const OBSERVE = `(() => {
  const seen = {};
  window.__benchSeen = seen;
  const scan = (node) => {
    const text = node.textContent || '';
    for (const m of text.matchAll(/#(\\d+) /g)) if (!(m[1] in seen)) seen[m[1]] = performance.timeOrigin + performance.now();
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') scan(r.target);
      for (const n of r.addedNodes) scan(n);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

const TAKE = `(() => { const out = { ...window.__benchSeen }; for (const k of Object.keys(window.__benchSeen)) delete window.__benchSeen[k]; return out; })()`;

/** Records, in the page, when each `#n …` message first appears in the DOM (wall clock, sub-ms). */
const installObserver = (page: Page) => page.evaluate(OBSERVE);
const takeSeen = (page: Page) => page.evaluate(TAKE) as Promise<Record<string, number>>;

export async function runP4(ctx: BenchContext, rttP50: number): Promise<BenchRow[]> {
  const rendererDir = join(ctx.workDir, 'renderer');
  try {
    await buildRenderer(rendererDir);
  } catch (err) {
    return [notMeasured('P4', 'emit → row in the DOM', `the renderer did not build (${String(err).split('\n')[0]!.slice(0, 120)})`, 'p50 < 50 ms, p99 < 150 ms at 100 msg/s')];
  }
  // One channel, so every message lands in the feed that is open.
  const gateway = await startGateway({ fixtures: { users: [{ name: 'Operator', apiKeys: 1, agents: [{ name: AGENT }] }] }, seed: 4 });
  const dataDir = mkdtempSync(join(ctx.workDir, 'p4-'));
  const storedRows = () => {
    const db = new DatabaseSync(join(dataDir, databaseFileName), { readOnly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    db.close();
    return n;
  };
  const { child: host, ready } = await startChild<{ url: string }>('web-host-child.ts', {
    dataDir,
    rendererDir,
    serverUrl: gateway.url,
    apiKey: gateway.fixtures.users[0]!.apiKeys[0]!,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(ready.url);
    await page.getByRole('button', { name: new RegExp(AGENT) }).first().click({ timeout: 20_000 });
    await sleep(2_000); // the first catch-up and its settle pass
    await installObserver(page);
    const limit = rttP50 + FRAME_MS;
    for (const rate of [10, 100, 1_000]) {
      const seconds = ctx.quick ? 2 : 10;
      const since = Date.now();
      await takeSeen(page);
      const storedBefore = storedRows();
      const { sent } = await gateway.load(rate, seconds * 1000);
      // A backlog still being written is late, not lost: wait for it before counting.
      await waitUntil(() => storedRows() - storedBefore >= sent, 60_000, 100);
      await sleep(1_000);
      const seen = await takeSeen(page);
      const created = await gateway.child.call<Record<string, number>>('createdTimes', { sinceMs: since - 1 });
      const lat: number[] = [];
      for (const [n, at] of Object.entries(created)) if (seen[n] !== undefined) lat.push(seen[n]! - at);
      const p50 = percentile(lat, 50);
      const p99 = percentile(lat, 99);
      const target = rate === 100 ? 'p50 < 50 ms, p99 < 150 ms' : '— (100 msg/s: p50 < 50, p99 < 150 ms)';
      rows.push({
        id: 'P4',
        case: `emit → row in the DOM at ${rate} msg/s, ${seconds} s (web host, Chromium, one open channel)`,
        unit: 'ms p50',
        value: lat.length ? summarise([p50]) : null,
        limit: { what: 'P1 acked RTT p50 + 1 frame', value: round(limit, 2), unit: 'ms' },
        ratio: lat.length ? round(p50 / limit, 2) : undefined,
        target,
        met: rate === 100 ? lat.length > 0 && p50 < 50 && p99 < 150 : null,
        delivery: delivery(sent, storedRows() - storedBefore),
        extra: { p50, p99, max: lat.length ? Math.max(...lat) : null, rowsSeen: lat.length },
        note: `p99 ${round(p99, 1)} ms; ${lat.length} of ${sent} rows were seen in the DOM${lat.length < sent ? ' (the feed is virtualised: rows that scroll past between frames are never mounted)' : ''}`,
      });
    }
  } finally {
    await browser.close();
    await host.stop();
    await gateway.child.stop();
  }
  return rows;
}
