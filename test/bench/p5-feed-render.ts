import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import type { BenchContext } from './context';
import { CHROMIUM } from './lib/renderer-build';
import { notMeasured, type BenchRow } from './lib/result';
import { round, summarise } from './lib/stats';
import { serveStatic } from './lib/static-server';

const root = resolve(import.meta.dirname, '../..');

interface Figures {
  mount: number;
  scrollP95: number;
  scrollMax: number;
  longTasks: number;
  jump: number;
  prepend: number;
}

/** The renderer's ChannelFeed vs the bare @tanstack/react-virtual list, same data, same Chromium. */
export async function runP5(ctx: BenchContext): Promise<BenchRow[]> {
  const outDir = join(ctx.workDir, 'feed-page');
  try {
    await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'test/bench/feed-page/vite.config.ts'], {
      cwd: root,
      env: { ...process.env, BENCH_FEED_OUT: outDir },
      timeout: 180_000,
    });
  } catch (err) {
    return [notMeasured('P5', 'feed render', `the bench page did not build (${String(err).split('\n')[0]!.slice(0, 160)})`, '≤ 2 × bare; no long frames while scrolling')];
  }
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM.executablePath, args: CHROMIUM.args });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction('window.__bench !== undefined');
    const steps = ctx.quick ? 60 : 120;
    const measure = async (kind: 'feed' | 'bare', n: number): Promise<Figures> => {
      const mount = (await page.evaluate(`window.__bench.mount(${JSON.stringify(kind)}, ${n})`)) as number;
      const s = (await page.evaluate(`window.__bench.scroll(${steps}, 240)`)) as { p95: number; max: number; longTasks: number };
      const jump = (await page.evaluate('window.__bench.jumpToEnd()')) as number;
      const prepend = (await page.evaluate('window.__bench.prepend(500)')) as number;
      return { mount, scrollP95: s.p95, scrollMax: s.max, longTasks: s.longTasks, jump, prepend };
    };
    for (const n of [10_000, 100_000]) {
      const feed: Figures[] = [];
      const bare: Figures[] = [];
      const repeats = ctx.quick ? 1 : 3;
      for (let r = 0; r < repeats; r++) {
        // Alternate, so neither side always runs on a warmer heap.
        if (r % 2 === 0) {
          bare.push(await measure('bare', n));
          feed.push(await measure('feed', n));
        } else {
          feed.push(await measure('feed', n));
          bare.push(await measure('bare', n));
        }
      }
      const label = `${n.toLocaleString('en-US')} messages`;
      for (const [key, what] of [['mount', 'mount'], ['jump', 'jump to end'], ['prepend', 'prepend 500 older'], ['scrollP95', 'scroll, p95 frame']] as const) {
        const value = summarise(feed.map((f) => f[key]));
        const limit = summarise(bare.map((b) => b[key])).median;
        const ratio = value.median / limit;
        rows.push({
          id: 'P5',
          case: `ChannelFeed ${what}, ${label}`,
          unit: 'ms',
          value,
          limit: { what: 'bare virtual list, trivial row', value: limit, unit: 'ms' },
          ratio: round(ratio, 2),
          target: '≤ 2 × bare',
          met: ratio <= 2,
        });
      }
      const longTasks = feed.reduce((a, f) => a + f.longTasks, 0);
      rows.push({
        id: 'P5',
        case: `ChannelFeed long tasks while scrolling, ${label} (${steps} steps of 240 px, × ${repeats})`,
        unit: 'long tasks',
        value: summarise(feed.map((f) => f.longTasks)),
        limit: { what: 'bare list long tasks', value: bare.reduce((a, b) => a + b.longTasks, 0), unit: 'total' },
        target: 'no long frames while scrolling',
        met: longTasks === 0,
        extra: { worstFrameMs: round(Math.max(...feed.map((f) => f.scrollMax)), 1), bareWorstFrameMs: round(Math.max(...bare.map((b) => b.scrollMax)), 1) },
        note: `worst frame ${round(Math.max(...feed.map((f) => f.scrollMax)), 1)} ms (bare ${round(Math.max(...bare.map((b) => b.scrollMax)), 1)} ms); headless, --disable-gpu`,
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
