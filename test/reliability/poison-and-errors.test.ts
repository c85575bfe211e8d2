import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { coreInternals } from '../../src/main/core/core';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { agentApi, eventually } from '../support/placet-api';
import { control } from './mock-admin';
import { report, startHarness, type Harness } from './harness';

// QUALITY.md item 7 against a live gateway, and the bad servers of the core issue: 500s, a URL that
// is not Placet, a URL where nothing listens.

describe('poison events and bad servers', () => {
  let gw: MockGateway | undefined;
  let h: Harness | undefined;
  let other: Server | undefined;

  afterEach(async () => {
    await h?.dispose();
    await gw?.close();
    await new Promise((r) => (other ? other.close(r) : r(null)));
    h = gw = other = undefined;
  });

  it('7: an event whose processing always throws is quarantined and counted; later events still flow', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const accountId = await h.addAccount(gw.url, user.apiKeys[0]!);
    const { store } = coreInternals(h.core);
    const original = store.messages.applyOne.bind(store.messages);
    store.messages.applyOne = (a, m) => {
      if (m.text === 'poison') throw new Error('this row always fails');
      return original(a, m);
    };
    const api = agentApi(gw.url, user.apiKeys[0]!);
    await api.postMessage({ channelId: user.agents[0]!.id, text: 'poison' });
    const after: string[] = [];
    for (let i = 0; i < 20; i++) after.push((await api.postMessage({ channelId: user.agents[0]!.id, text: `fine ${i}` })).id);
    await eventually(() => h!.hasAll(accountId, after), 'later events stored');
    const stats = (await h.core.handlers['state:snapshot']({})).stats;
    report('7', { poisonEvents: 1, quarantined: stats.quarantinedEvents, laterEventsStored: after.length });
    expect(stats.quarantinedEvents).toBeGreaterThanOrEqual(1);
    const inspector = await h.core.handlers['inspector:list']({ limit: 5_000 });
    expect(inspector.some((e) => !e.valid && e.error?.includes('this row always fails'))).toBe(true);
  });

  it('500s from the REST API during catch-up are retried until the gap is closed', async () => {
    gw = await createMockGateway({ port: 0, rateLimit: false });
    h = await startHarness();
    const user = gw.fixtures.users[0]!;
    const accountId = await h.addAccount(gw.url, user.apiKeys[0]!);
    await h.core.dispose();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await agentApi(gw.url, user.apiKeys[0]!).postMessage({ channelId: user.agents[1]!.id, text: `during 500s ${i}` })).id);
    await control(gw.url, '/faults', { rest: { status: 500, count: 6 } });
    await h.restart();
    await eventually(() => h!.hasAll(accountId, ids), 'caught up after the 500s', 20_000);
    const rest = (await h.core.handlers['inspector:list']({ limit: 5_000 })).filter((e) => e.direction === 'rest');
    const failed = rest.filter((e) => e.summary.includes('"status":500')).length;
    report('500s', { answered500: failed, backfilled: ids.length });
    expect(failed).toBeGreaterThan(0);
  });

  it('a URL that is not a Placet server, or where nothing listens, gets a specific error and stores nothing', async () => {
    other = createServer((req, res) => {
      if (req.url?.startsWith('/api/v1/agents')) res.writeHead(200, { 'content-type': 'text/html' }).end('<html>welcome to nginx</html>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => other!.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    h = await startHarness();
    const key = `hp_${'a'.repeat(48)}`;
    await expect(h.core.handlers['accounts:test']({ serverUrl: url, apiKey: key })).rejects.toMatchObject({ code: 'not-placet' });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(h.core.handlers['accounts:test']({ serverUrl: `http://127.0.0.1:${closedPort}`, apiKey: key })).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/refused/) });
    await expect(h.core.handlers['accounts:test']({ serverUrl: 'http://127.0.0.1:1', apiKey: key })).rejects.toMatchObject({ code: 'bad-url', message: expect.stringMatching(/blocked port/) });
    await expect(h.core.handlers['accounts:add']({ serverUrl: 'https://no-such-host.invalid', apiKey: key })).rejects.toMatchObject({ code: 'unreachable' });
    expect((await h.core.handlers['state:snapshot']({})).accounts).toEqual([]);
  });
});
