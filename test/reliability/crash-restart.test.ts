import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { createMockGateway } from '../../src/mock-gateway/index';
import { Store } from '../../src/main/core/store/store';
import { Emitter } from './emitter';
import { report } from './harness';

// QUALITY.md item 6: crash the core at random points; the store must stay sound and converge.

const child = resolve(import.meta.dirname, 'crash-child.ts');

function runCore(env: Record<string, string>, killAfterMs: number | null): Promise<{ ready: boolean; killed: boolean }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let killed = false;
    p.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('CORE_READY')) ready = true;
    });
    const timer = killAfterMs === null ? null : setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, killAfterMs);
    p.on('exit', () => {
      if (timer) clearTimeout(timer);
      done({ ready, killed });
    });
  });
}

describe('crash safety', () => {
  it('6: 50 SIGKILLs at random points: integrity holds, cursors never pass committed rows, the feed converges', async () => {
    const gw = await createMockGateway({ port: 0, rateLimit: false });
    const dataDir = mkdtempSync(join(tmpdir(), 'placet-crash-'));
    const user = gw.fixtures.users[0]!;
    const key = user.apiKeys[0]!;
    const emitter = new Emitter(() => gw.url, key);
    const env = { CRASH_DATA_DIR: dataDir, CRASH_SERVER_URL: gw.url, CRASH_API_KEY: key };
    const streaming = emitter.stream(user.agents.map((a) => a.id), 1_500, 40, 'crash');
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let integrityFailures = 0;
    let cursorViolations = 0;
    const runs = 50;
    try {
      for (let run = 0; run < runs; run++) {
        await runCore(env, 300 + Math.floor(random() * 1_200));
        const db = new DatabaseSync(join(dataDir, 'companion.db'));
        try {
          const check = db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
          if (check.integrity_check !== 'ok') integrityFailures++;
          const bad = db
            .prepare(`SELECT count(*) AS n FROM cursors c WHERE c.newest_created_at IS NOT NULL AND c.newest_created_at >
                (SELECT coalesce(max(m.created_at), '') FROM messages m WHERE m.account_id = c.account_id AND m.channel_id = c.channel_id)`)
            .get() as { n: number };
          cursorViolations += bad.n;
        } finally {
          db.close();
        }
      }
      emitter.stop();
      await streaming.catch(() => undefined);
      await runCore({ ...env, CRASH_EXIT_AFTER_SYNC: '1' }, null);
      const store = Store.open(dataDir);
      const account = store.accounts.list()[0]!;
      const local = new Set(store.messages.allOf(account.accountId).map((m) => m.id));
      store.close();
      const acknowledged = emitter.acknowledged.map((a) => a.id);
      const missing = acknowledged.filter((id) => !local.has(id));
      report('6', { runs, integrityFailures, cursorViolations, emitted: acknowledged.length, stored: local.size, missing: missing.length });
      expect(integrityFailures).toBe(0);
      expect(cursorViolations).toBe(0);
      expect(acknowledged.length).toBeGreaterThan(100);
      expect(missing).toEqual([]);
    } finally {
      emitter.stop();
      await gw.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
