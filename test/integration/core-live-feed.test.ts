import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreInternals, createCore } from '../../src/main/core/core';
import type { Core } from '../../src/main/core/core-api';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import type { Batch } from '../../src/shared/ipc/contract';
import { agentApi, eventually } from '../support/placet-api';

describe('core against the mock gateway', () => {
  let gateway: MockGateway;
  let core: Core;
  let dataDir: string;
  let batches: Batch[];

  beforeEach(async () => {
    gateway = await createMockGateway({ port: 0, rateLimit: false });
    dataDir = mkdtempSync(join(tmpdir(), 'placet-core-'));
    batches = [];
  });

  afterEach(async () => {
    await core?.dispose();
    await gateway.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    core = await createCore({ dataDir, secrets: new MemorySecretStore(), timing: { batchMs: 10, settleMs: 200 } });
    core.onBatch((b) => batches.push(b));
    return core;
  };
  const user = () => gateway.fixtures.users[0]!;

  it('adds an account, lists its channels and shows a message posted over REST', async () => {
    await start();
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user().apiKeys[0]!, label: 'Ops' });
    expect(account.label).toBe('Ops');
    expect(JSON.stringify(account)).not.toContain(user().apiKeys[0]!);
    await eventually(() => batches.some((b) => b.accounts?.some((a) => a.connection.status === 'connected')), 'connected');
    const channels = (await core.handlers['state:snapshot']({})).channels;
    expect(channels.map((c) => c.name).sort()).toEqual(user().agents.map((a) => a.name).sort());

    const agent = user().agents[0]!;
    await eventually(async () => (await core.handlers['inspector:list']({ limit: 100 })).some((e) => e.event.startsWith('GET /api/v1/reviews/pending')), 'first sync');
    const posted = await agentApi(gateway.url, user().apiKeys[0]!).postMessage({ channelId: agent.id, text: 'hello operator' });
    const seen = await eventually(() => batches.flatMap((b) => b.messages ?? []).find((m) => m.id === posted.id), 'the live message');
    expect(seen.text).toBe('hello operator');
    expect(seen.channelId).toBe(agent.id);
    const page = await core.handlers['messages:page']({ accountId: account.accountId, channelId: agent.id, limit: 50 });
    expect(page.messages.filter((m) => m.id === posted.id)).toHaveLength(1);
  });

  it('rejects a wrong key with a specific error and stores nothing', async () => {
    await start();
    const bad = 'hp_' + '0'.repeat(48);
    await expect(core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: bad })).rejects.toMatchObject({ code: 'key-rejected' });
    await expect(core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: 'nope' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(core.handlers['accounts:add']({ serverUrl: 'ftp://x', apiKey: user().apiKeys[0]! })).rejects.toMatchObject({ code: 'bad-url' });
    expect((await core.handlers['state:snapshot']({})).accounts).toEqual([]);
  });

  it('backfills what was posted while it was closed, exactly once', async () => {
    await start();
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: user().apiKeys[0]!, label: 'Ops' });
    const agent = user().agents[1]!;
    const api = agentApi(gateway.url, user().apiKeys[0]!);
    const before = await api.postMessage({ channelId: agent.id, text: 'before' });
    await eventually(async () => (await core.handlers['messages:page']({ accountId: account.accountId, channelId: agent.id, limit: 10 })).messages.some((m) => m.id === before.id), 'first message');
    const secrets = new MemorySecretStore();
    await secrets.set(account.accountId, user().apiKeys[0]!);
    await core.dispose();

    const whileAway: string[] = [];
    for (let i = 0; i < 150; i++) whileAway.push((await api.postMessage({ channelId: agent.id, text: `away ${i}` })).id);

    core = await createCore({ dataDir, secrets, timing: { batchMs: 10, settleMs: 200 } });
    const ids = await eventually(async () => {
      const page = await core.handlers['messages:page']({ accountId: account.accountId, channelId: agent.id, limit: 500 });
      const got = page.messages.map((m) => m.id);
      return whileAway.every((id) => got.includes(id)) ? got : null;
    }, 'backfill');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id === before.id)).toHaveLength(1);
  });

  it('a pending review deleted on the server leaves the queue after the next catch-up', async () => {
    await start();
    const key = user().apiKeys[0]!;
    const account = await core.handlers['accounts:add']({ serverUrl: gateway.url, apiKey: key });
    const agent = user().agents[0]!;
    const review = await agentApi(gateway.url, key).postMessage({ channelId: agent.id, text: 'Approve?', review: { type: 'approval', payload: {} } });
    await eventually(async () => (await core.handlers['reviews:list']({ status: 'pending', limit: 10 })).some((r) => r.messageId === review.id), 'pending');
    const res = await fetch(`${gateway.url}/api/v1/messages/${review.id}?channel=${agent.id}`, { method: 'DELETE', headers: { 'x-api-key': key } });
    expect(res.status).toBe(200);
    await core.handlers['accounts:reconnect']({ accountId: account.accountId });
    const { sessions } = coreInternals(core);
    await sessions.get(account.accountId)!.sync();
    expect((await core.handlers['reviews:list']({ status: 'pending', limit: 10 })).map((r) => r.messageId)).not.toContain(review.id);
    expect((await core.handlers['reviews:list']({ status: 'expired', limit: 10 })).map((r) => r.messageId)).toContain(review.id);
  });
});
