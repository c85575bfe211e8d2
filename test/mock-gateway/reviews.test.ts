import { afterEach, describe, expect, it } from 'vitest';
import { connected, type Harness, nextEvent, record, roundTrip, sleep, startHarness, subscribe } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

async function review(expiresInSeconds?: number, extra: Record<string, unknown> = {}) {
  const res = await h.api('/messages', { body: { channelId: h.agentId, text: 'review?', review: { type: 'approval', payload: {}, expiresInSeconds }, ...extra } });
  return res.body;
}

async function subscribed() {
  const s = h.connect({ apiKey: h.key });
  await connected(s);
  await subscribe(s, h.agentId);
  return s;
}

describe('answering reviews (§4.3, /mock)', () => {
  it('emits review:responded to CH only with the unmasked agent, then the webhook outcome', async () => {
    h = await startHarness();
    await h.api('/agents/setWebhook', { body: { channelId: h.agentId, url: 'https://hooks.example/a', auth: { username: 'bot', password: 's3cret' } } });
    const s = await subscribed();
    const { body: ticket } = await h.mock('/ws-ticket', { userId: h.userId });
    const userOnly = h.connect({ token: ticket.ticket });
    await connected(userOnly);
    const userSeen = record(userOnly, 'review:responded');
    const m = await review(600);
    const responded = nextEvent(s, 'review:responded');
    const delivery = nextEvent(s, 'message:delivery');
    const res = await h.mock(`/reviews/${m.id}/respond`, { response: { selectedOption: 'approve', comment: 'ok' }, feedback: 'nice' });
    expect(res.status).toBe(201);
    const ev = await responded;
    expect(ev.review).toMatchObject({ status: 'completed', response: { selectedOption: 'approve', comment: 'ok' }, feedback: 'nice' });
    expect(Date.parse(ev.review.completedAt)).not.toBeNaN();
    expect(ev.agent).toMatchObject({ id: h.agentId, webhookAuth: { username: 'bot', password: 's3cret' } });
    expect(await delivery).toEqual({ messageId: m.id, deliveryStatus: 'webhook_delivered' });
    await roundTrip(userOnly);
    expect(userSeen).toHaveLength(0);
    const again = await h.mock(`/reviews/${m.id}/respond`, { response: { selectedOption: 'reject' } });
    expect(again).toMatchObject({ status: 403, body: { message: 'Review already responded' } });
    const hooks = await h.mock('/webhooks');
    expect(hooks.body.at(-1)).toMatchObject({ url: 'https://hooks.example/a', body: { event: 'review:responded', message_id: m.id, review_type: 'approval', feedback: 'nice' } });
  });

  it('ends webhooks as queued: failed and timeout (after 10 virtual seconds) give webhook_failed', async () => {
    h = await startHarness();
    const s = await subscribed();
    const deliveries = record(s, 'message:delivery');
    await h.mock('/webhooks', { channelId: h.agentId, outcome: 'failed' });
    const user1 = await h.mock('/messages', { channelId: h.agentId, text: 'hello agent' });
    expect(user1.body).toMatchObject({ senderType: 'user', senderId: h.userId, deliveryStatus: 'sent' });
    await h.mock('/webhooks', { channelId: h.agentId, outcome: 'timeout' });
    const user2 = await h.mock('/messages', { channelId: h.agentId, text: 'second' });
    await roundTrip(s);
    expect(deliveries).toEqual([{ messageId: user1.body.id, deliveryStatus: 'webhook_failed' }]);
    await h.mock('/clock/advance', { ms: 10_000 });
    await roundTrip(s);
    expect(deliveries[1]).toEqual({ messageId: user2.body.id, deliveryStatus: 'webhook_failed' });
  });

  it('a channel with no webhook stays sent and emits no message:delivery', async () => {
    h = await startHarness();
    const other = h.gw.fixtures.users[0]!.agents[1]!.id;
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, other);
    const deliveries = record(s, 'message:delivery');
    const created = nextEvent(s, 'message:created');
    await h.mock('/messages', { channelId: other, text: 'hi' });
    expect((await created).agentName).toBeUndefined();
    await sleep(20);
    expect(deliveries).toHaveLength(0);
  });

  it('redacts password fields in the list but not in the single read', async () => {
    h = await startHarness();
    const { body: m } = await h.api('/messages', { body: { channelId: h.agentId, review: { type: 'form', payload: { fields: [{ name: 'pin', type: 'password', label: 'PIN' }] } } } });
    await h.mock(`/reviews/${m.id}/respond`, { response: { pin: '1234' } });
    const list = await h.api(`/messages?channel=${h.agentId}`);
    expect(list.body.data[0].review.response.pin).toBe('***REDACTED***');
    expect((await h.api(`/reviews/${m.id}?channel=${h.agentId}`)).body.review.response.pin).toBe('1234');
  });
});

describe('expiry (§4.4)', () => {
  it('sweeps once a minute on the virtual clock: review:expired {messageId} to CH, a 24 h review in ms', async () => {
    h = await startHarness({ timeScale: 0 });
    const s = await subscribed();
    const expired = record(s, 'review:expired');
    const short = await review(30);
    const day = await review();
    const pending = await h.api(`/reviews/pending?channel=${h.agentId}`);
    expect(pending.body.map((m: { id: string }) => m.id)).toEqual([day.id, short.id]);
    await h.mock('/clock/advance', { ms: 29_000 });
    await roundTrip(s);
    expect(expired).toHaveLength(0);
    await h.mock('/clock/advance', { ms: 62_000 });
    await roundTrip(s);
    expect(expired).toEqual([{ messageId: short.id }]);
    await h.gw.clock.advance(24 * 3_600_000);
    await roundTrip(s);
    expect(expired).toEqual([{ messageId: short.id }, { messageId: day.id }]);
    expect((await h.api(`/reviews/${day.id}?channel=${h.agentId}`)).body.review.status).toBe('expired');
    expect((await h.api(`/reviews/pending?channel=${h.agentId}`)).body).toEqual([]);
  });

  it('keeps an overdue review pending (and answerable) until the cron runs', async () => {
    h = await startHarness({ timeScale: 0, startTime: Date.UTC(2026, 0, 1, 12, 0, 0) });
    const m = await review(5);
    await h.mock('/clock/advance', { ms: 10_000 });
    expect((await h.api(`/reviews/pending?channel=${h.agentId}`)).body.map((x: { id: string }) => x.id)).toEqual([m.id]);
    expect((await h.mock(`/reviews/${m.id}/respond`, { response: { selectedOption: 'approve' } })).status).toBe(201);
  });

  it('lazily expires in /wait with no review:expired, ever', async () => {
    h = await startHarness({ timeScale: 0 });
    const s = await subscribed();
    const expired = record(s, 'review:expired');
    const m = await review(5);
    await h.gw.clock.advance(6_000);
    const wait = await h.api(`/reviews/${m.id}/wait?channel=${h.agentId}&timeout=1000`);
    expect(wait.body.status).toBe('expired');
    expect(wait.body.message.review.status).toBe('expired');
    await h.mock('/clock/advance', { ms: 120_000 });
    await roundTrip(s);
    expect(expired).toHaveLength(0);
    const stats = await h.mock('/stats');
    expect(stats.body.eventsEmitted['review:expired']).toBeUndefined();
  });

  it('/wait returns completed when answered during the poll, and timeout otherwise', async () => {
    h = await startHarness();
    const m = await review(600);
    const waiting = h.api(`/reviews/${m.id}/wait?channel=${h.agentId}&timeout=5000`);
    await sleep(50);
    await h.mock(`/reviews/${m.id}/respond`, { response: { selectedOption: 'approve' } });
    const done = await waiting;
    expect(done.body).toMatchObject({ status: 'completed', message: { id: m.id, review: { status: 'completed' } } });
    const other = await review(600);
    const started = Date.now();
    const timeout = await h.api(`/reviews/${other.id}/wait?channel=${h.agentId}&timeout=150`);
    expect(timeout.body).toEqual({ status: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const plain = await h.api('/messages', { body: { channelId: h.agentId, text: 'no review' } });
    expect((await h.api(`/reviews/${plain.body.id}?channel=${h.agentId}`)).body.message).toBe('No review on this message');
  });
});
