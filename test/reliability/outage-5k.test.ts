import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../support/placet-api';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { Emitter } from './emitter';
import { report, startHarness, type Harness, sleep } from './harness';

// Issue "Companion core", Done when: kill the mock (state kept) during a 5,000-message stream across
// 3 accounts and 10 channels, restart it, and `cli history` shows every message exactly once.

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('outage during a 5,000-message stream', () => {
  let dir: string;
  let gw: GatewayProcess | undefined;
  let h: Harness | undefined;

  afterEach(async () => {
    await h?.dispose();
    await gw?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with every message stored exactly once per account, checked by cli history', async () => {
    dir = mkdtempSync(join(tmpdir(), 'placet-5k-'));
    gw = await startGatewayProcess({ state: join(dir, 'state.jsonl') });
    const [u1, u2] = gw.fixtures.users as [(typeof gw.fixtures.users)[0], (typeof gw.fixtures.users)[0]];
    const addAgent = async (key: string, name: string) => {
      const res = await fetch(`${gw!.url}/api/v1/agents`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ name }) });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const channels1 = [...u1.agents.map((a) => a.id)];
    const channels2 = [...u2.agents.map((a) => a.id)];
    while (channels1.length < 6) channels1.push(await addAgent(u1.apiKeys[0]!, `Worker ${channels1.length}`));
    while (channels2.length < 4) channels2.push(await addAgent(u2.apiKeys[0]!, `Helper ${channels2.length}`));

    h = await startHarness({ timing: { batchMs: 20, settleMs: 300, backoffBaseMs: 500, backoffMaxMs: 2_000, resyncAfterFailureMs: 1_000 } });
    const accounts = [
      { id: await h.addAccount(gw.url, u1.apiKeys[0]!, 'Ada 1'), channels: channels1 },
      { id: await h.addAccount(gw.url, u1.apiKeys[1]!, 'Ada 2'), channels: channels1 },
      { id: await h.addAccount(gw.url, u2.apiKeys[0]!, 'Grace'), channels: channels2 },
    ];
    const e1 = new Emitter(() => gw!.url, u1.apiKeys[0]!);
    const e2 = new Emitter(() => gw!.url, u2.apiKeys[0]!);
    const started = Date.now();
    const streaming = Promise.all([e1.stream(channels1, 3_000, 400, 'ada'), e2.stream(channels2, 2_000, 270, 'grace')]);
    await sleep(3_000);
    await gw.kill();
    await sleep(5_000);
    await gw.restart();
    await streaming;
    const streamMs = Date.now() - started;

    const expected = new Map(accounts.map((a) => [a.id, new Set((a.channels === channels1 ? e1 : e2).acknowledged.map((m) => m.id))]));
    await eventually(() => accounts.every((a) => h!.hasAll(a.id, expected.get(a.id)!)), 'all stored', 60_000, 200);
    await h.core.dispose();

    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/main.ts'), 'history', '--data-dir', h.dataDir, '--json'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    const rows = stdout.trim().split('\n').map((l) => JSON.parse(l) as { accountId: string; id: string });
    const figures: Record<string, number> = { emitted: e1.acknowledged.length + e2.acknowledged.length, channels: channels1.length + channels2.length, accounts: accounts.length, streamMs };
    for (const a of accounts) {
      const ids = rows.filter((r) => r.accountId === a.id).map((r) => r.id);
      const want = expected.get(a.id)!;
      const got = ids.filter((id) => want.has(id));
      figures[`${a.id.slice(0, 4)}_stored`] = got.length;
      expect(got.length).toBe(want.size);
      expect(new Set(ids).size).toBe(ids.length);
    }
    report('issue-4 outage', figures);
    expect(figures.emitted).toBe(5_000);
    await h.restart();
  }, 240_000);
});
