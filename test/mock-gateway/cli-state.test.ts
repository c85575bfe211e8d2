import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process';
import { sleep } from './mock-client';

const root = resolve(import.meta.dirname, '../..');
let proc: GatewayProcess | null = null;
let dir = '';

afterEach(async () => {
  await proc?.stop();
  proc = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const api = (base: string, key: string, path: string, body?: unknown) =>
  fetch(`${base}/api/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'x-api-key': key, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

async function allMessages(base: string, key: string, channel: string): Promise<Array<{ id: string; text: string }>> {
  const out: Array<{ id: string; text: string }> = [];
  let cursor: string | null = null;
  do {
    const res = await api(base, key, `/messages?channel=${channel}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { data: Array<{ id: string; text: string }>; nextCursor: string | null };
    out.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

describe('CLI', () => {
  it('prints --help with every option', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/mock-gateway/cli.ts', '--help'], { cwd: root });
    for (const flag of ['--port', '--host', '--scenario', '--seed', '--state', '--profile', '--time-scale', '--no-rate-limit']) expect(stdout).toContain(flag);
  });

  it('keeps acknowledged history, keys and reviews across SIGKILL and restart with --state', async () => {
    dir = mkdtempSync(join(tmpdir(), 'placet-mock-'));
    const state = join(dir, 'state.jsonl');
    proc = await startGatewayProcess({ state });
    const user = proc.fixtures.users[0]!;
    const key = user.apiKeys[0]!;
    const channel = user.agents[0]!.id;
    const acked: string[] = [];
    // Fire requests in parallel and kill as soon as the last 201 is in.
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const res = await api(proc!.url, key, '/messages', { channelId: channel, text: `m${i}`, ...(i === 0 ? { review: { type: 'approval' } } : {}) });
        expect(res.status).toBe(201);
        acked.push(((await res.json()) as { id: string }).id);
      }),
    );
    await proc.kill();
    expect(readFileSync(state, 'utf8')).not.toContain(key);
    await proc.restart();
    expect(proc.fixtures.users[0]!.apiKeys).toEqual(user.apiKeys);
    const after = await allMessages(proc.url, key, channel);
    expect(new Set(after.map((m) => m.id))).toEqual(new Set(acked));
    expect(after).toHaveLength(200);
    const pending = (await (await api(proc.url, key, `/reviews/pending?channel=${channel}`)).json()) as unknown[];
    expect(pending).toHaveLength(1);
    const more = await api(proc.url, key, '/messages', { channelId: channel, text: 'after restart' });
    expect(more.status).toBe(201);
  });

  it('leaves a loadable file when killed mid-stream at 1000+ msg/s', async () => {
    dir = mkdtempSync(join(tmpdir(), 'placet-mock-'));
    const state = join(dir, 'state.jsonl');
    proc = await startGatewayProcess({ state, args: ['--scenario', 'load', '--load-agents', '10', '--load-rate', '1500', '--load-seconds', '5'] });
    const key = proc.fixtures.users[0]!.apiKeys[0]!;
    const channels = proc.fixtures.users[0]!.agents.map((a) => a.id);
    expect(channels).toHaveLength(50);
    await sleep(700);
    await proc.kill();
    await proc.restart();
    let total = 0;
    for (const c of channels.slice(0, 10)) total += (await allMessages(proc.url, key, c)).length;
    // The restarted process also replays the scenario, so only a lower bound is meaningful.
    expect(total).toBeGreaterThan(600);
  });
});
