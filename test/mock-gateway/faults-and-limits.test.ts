import { afterEach, describe, expect, it } from 'vitest';
import { connected, connectError, type Harness, nextEvent, record, roundTrip, sleep, startHarness, subscribe } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

describe('rate limit (§6)', () => {
  it('answers 429 with Retry-After in seconds past the limit, and recovers when the window rolls', async () => {
    h = await startHarness({ rateLimit: { limit: 3, windowMs: 60_000 }, timeScale: 0 });
    for (let i = 0; i < 3; i++) expect((await h.api('/agents')).status).toBe(200);
    const limited = await h.api('/agents');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, message: 'ThrottlerException: Too Many Requests' });
    expect(limited.headers.get('retry-after')).toBe('60');
    await h.mock('/clock/advance', { ms: 30_000 });
    expect((await h.api('/agents')).headers.get('retry-after')).toBe('30');
    expect((await h.api('/agents')).status).toBe(429);
    await h.mock('/clock/advance', { ms: 30_000 });
    expect((await h.api('/agents')).status).toBe(200);
    // The control API is never throttled.
    expect((await h.mock('/fixtures')).status).toBe(200);
  });

  it('defaults to 100 requests per 60 s', async () => {
    h = await startHarness({ rateLimit: undefined });
    const statuses = [];
    for (let i = 0; i < 101; i++) statuses.push((await h.api('/agents')).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('faults (/mock/faults)', () => {
  it('disconnects every socket with io server disconnect', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const reason = nextEvent(s, 'disconnect');
    await h.mock('/faults', { disconnectAll: true });
    expect(await reason).toBe('io server disconnect');
  });

  it('refuses connections for N ms, then accepts again', async () => {
    h = await startHarness();
    await h.mock('/faults', { refuseConnectionsMs: 200 });
    const err = await connectError(h.connect({ apiKey: h.key }));
    expect(err.message).not.toBe('unauthorized');
    await sleep(250);
    await connected(h.connect({ apiKey: h.key }));
  });

  it('accepts then drops while the fault lasts', async () => {
    h = await startHarness();
    await h.mock('/faults', { acceptThenDropMs: 300 });
    const s = h.connect({ apiKey: h.key });
    const reason = nextEvent(s, 'disconnect');
    await connected(s);
    expect(await reason).toBe('io server disconnect');
    await h.mock('/faults', { clear: true });
    const ok = h.connect({ apiKey: h.key });
    await connected(ok);
    await roundTrip(ok);
    expect(ok.connected).toBe(true);
  });

  it('duplicates and delays outgoing events, and sends one malformed payload', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const created = record(s, 'message:created');
    await h.mock('/faults', { duplicateEvents: 3 });
    await h.api('/messages', { body: { channelId: h.agentId, text: 'thrice' } });
    await roundTrip(s);
    expect(created.map((m) => m.text)).toEqual(['thrice', 'thrice', 'thrice']);
    await h.mock('/faults', { duplicateEvents: 1, delayEventsMs: 150 });
    const sentAt = Date.now();
    const late = nextEvent(s, 'message:created');
    await h.api('/messages', { body: { channelId: h.agentId, text: 'late' } });
    expect((await late).text).toBe('late');
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(140);
    await h.mock('/faults', { clear: true });
    const bad = nextEvent(s, 'review:expired');
    await h.mock('/faults', { malformed: { event: 'review:expired', channelId: h.agentId } });
    expect(typeof (await bad).messageId).not.toBe('string');
  });

  it('fails REST with 500 or 429 for a number of requests', async () => {
    h = await startHarness();
    await h.mock('/faults', { rest: { status: 500, count: 2 } });
    expect((await h.api('/agents')).body).toMatchObject({ statusCode: 500, message: 'Internal server error' });
    expect((await h.api('/agents')).status).toBe(500);
    expect((await h.api('/agents')).status).toBe(200);
    await h.mock('/faults', { rest: { status: 429 } });
    const limited = await h.api('/agents');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    await h.mock('/faults', { rest: null });
    expect((await h.api('/agents')).status).toBe(200);
  });

  it('rejects a bad fault request with 400 and keeps serving', async () => {
    h = await startHarness();
    expect((await h.mock('/faults', { duplicateEvents: 'lots' })).status).toBe(400);
    expect((await h.mock('/clock/advance', { ms: -1 })).status).toBe(400);
    expect((await h.mock('/reviews/nope/respond', { response: {} })).status).toBe(404);
    expect((await h.mock('/stats')).body.rooms).toEqual({});
  });
});

describe('stats (/mock/stats)', () => {
  it('reports rooms and events emitted by name', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    await h.api('/messages', { body: { channelId: h.agentId, text: 'x' } });
    await h.api('/status/ping', { body: { agentId: h.agentId, status: 'active' } });
    const { body } = await h.mock('/stats');
    expect(body.rooms).toEqual({ [`channel:${h.agentId}`]: 1 });
    expect(body.eventsEmitted).toMatchObject({ 'message:created': 1, 'agent:status': 1 });
    expect(body.totalSockets).toBe(1);
  });
});
