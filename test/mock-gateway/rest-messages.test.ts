import { afterEach, describe, expect, it } from 'vitest';
import { connected, type Harness, record, roundTrip, startHarness, subscribe } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

const HOUR = 3_600_000;

describe('REST auth and errors (§6)', () => {
  it('answers 401 for a missing, malformed or unknown key, and ignores Authorization: Bearer', async () => {
    h = await startHarness();
    const missing = await h.api('/agents', { key: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ statusCode: 401, message: 'Missing or invalid API key', path: '/api/v1/agents' });
    expect(Date.parse(missing.body.timestamp)).not.toBeNaN();
    expect((await h.api('/agents', { key: 'nope' })).body.message).toBe('Missing or invalid API key');
    expect((await h.api('/agents', { key: 'hp_' + '1'.repeat(48) })).body.message).toBe('Invalid API key');
    expect((await h.api('/agents', { key: null, headers: { authorization: `Bearer ${h.key}` } })).status).toBe(401);
  });

  it('accepts Authorization: Bearer in the docs profile', async () => {
    h = await startHarness({ profile: 'docs' });
    expect((await h.api('/agents', { key: null, headers: { authorization: `Bearer ${h.key}` } })).status).toBe(200);
  });

  it('answers 403 Not your agent, 400 Validation failed, 404 and bad JSON without going down', async () => {
    h = await startHarness();
    const foreign = await h.api('/messages', { body: { channelId: h.otherUsersAgent, text: 'x' } });
    expect(foreign).toMatchObject({ status: 403, body: { message: 'Not your agent' } });
    expect((await h.api('/messages', { body: { channelId: 'nope', text: 'x' } })).body.message).toBe('Not your agent');
    const empty = await h.api('/messages', { body: { channelId: h.agentId } });
    expect(empty).toMatchObject({ status: 400, body: { statusCode: 400, message: 'Validation failed' } });
    expect(empty.body.errors).toBeUndefined();
    expect((await h.api('/messages', { body: { channelId: h.agentId, status: 'purple' } })).status).toBe(400);
    expect((await h.api('/messages', { body: '{"channelId": ' })).status).toBe(400);
    expect((await h.api('/messages', { body: [1, 2] })).status).toBe(400);
    expect((await h.api(`/messages/missing?channel=${h.agentId}`)).body).toMatchObject({ statusCode: 404, message: 'Message not found' });
    expect((await h.api('/messages')).status).toBe(400);
    expect((await h.api('/nowhere')).status).toBe(404);
    expect((await h.api('/agents')).status).toBe(200);
  });
});

describe('creating messages (§6, §4.4)', () => {
  it('creates with 201, defaults, and text attachments with textContent', async () => {
    h = await startHarness();
    const res = await h.api('/messages', { body: { channelId: h.agentId, text: 'hi', status: 'success', textAttachments: [{ content: '# Report' }] } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ channelId: h.agentId, senderType: 'agent', senderId: h.agentId, text: 'hi', status: 'success', review: null, deliveryStatus: 'sent', iteration: null });
    expect(res.body.attachments[0]).toMatchObject({ filename: 'content.md', mimeType: 'text/markdown', pluginType: '@uax/file', textContent: '# Report', size: 8 });
  });

  it('normalises reviews: default 24 h, expiresInSeconds wins, silent 36 h cap, past or invalid is 400', async () => {
    h = await startHarness({ timeScale: 0 });
    const now = h.gw.clock.now();
    const make = (review: Record<string, unknown>) => h.api('/messages', { body: { channelId: h.agentId, text: 'r', review } });
    const def = await make({ type: 'approval', payload: {}, feedback: 'dropped', extra: 'stripped' });
    expect(def.body.review).toEqual({ type: 'approval', payload: {}, status: 'pending', expiresAt: new Date(now + 24 * HOUR).toISOString() });
    const wins = await make({ type: 'approval', expiresInSeconds: 60, expiresAt: new Date(now + 5 * HOUR).toISOString() });
    expect(wins.body.review.expiresAt).toBe(new Date(now + 60_000).toISOString());
    const capped = await make({ type: 'form', payload: { fields: [] }, expiresInSeconds: 48 * 3600 });
    expect(capped.status).toBe(201);
    expect(capped.body.review.expiresAt).toBe(new Date(now + 36 * HOUR).toISOString());
    const cappedAt = await make({ type: 'x-custom', expiresAt: new Date(now + 100 * HOUR).toISOString() });
    expect(cappedAt.body.review).toMatchObject({ type: 'x-custom', expiresAt: new Date(now + 36 * HOUR).toISOString() });
    expect((await make({ type: 'approval', expiresAt: new Date(now - 1000).toISOString() })).status).toBe(400);
    expect((await make({ type: 'approval', expiresAt: 'tomorrow-ish' })).status).toBe(400);
    expect((await make({ type: 'approval', expiresInSeconds: -5 })).status).toBe(400);
  });

  it('copies freeform plugin and webhookUrl into metadata', async () => {
    h = await startHarness();
    const res = await h.api('/messages', { body: { channelId: h.agentId, review: { type: 'freeform', payload: { plugin: 'chart' } }, webhookUrl: 'https://hook.example/x' } });
    expect(res.body.metadata).toEqual({ plugin: 'chart', webhookUrl: 'https://hook.example/x' });
  });

  it('replays a clientId with the existing row and no second event', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const seen = record(s, 'message:created');
    const first = await h.api('/messages', { body: { channelId: h.agentId, text: 'once', clientId: 'c-1' } });
    const again = await h.api('/messages', { body: { channelId: h.agentId, text: 'twice', clientId: 'c-1' } });
    await roundTrip(s);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.text).toBe('once');
    expect(seen).toHaveLength(1);
    const list = await h.api(`/messages?channel=${h.agentId}`);
    expect(list.body.data).toHaveLength(1);
  });

  it('links stored orphan files through attachmentIds, only in the same channel', async () => {
    h = await startHarness();
    const own = await h.api('/files/store-text', { body: { channelId: h.agentId, content: 'a,b', filename: 'x.csv', mimeType: 'text/csv' } });
    expect(own).toMatchObject({ status: 201, body: { messageId: null, filename: 'x.csv' } });
    const other = h.gw.fixtures.users[0]!.agents[1]!.id;
    const foreign = await h.api('/files/store-text', { body: { channelId: other, content: 'no' } });
    const msg = await h.api('/messages', { body: { channelId: h.agentId, attachmentIds: [own.body.id, foreign.body.id] } });
    expect(msg.body.attachments.map((a: { id: string }) => a.id)).toEqual([own.body.id]);
    expect(msg.body.attachments[0].textContent).toBe('a,b');
  });
});

describe('listing and reading (§6)', () => {
  it('pages newest first with an exclusive cursor, and nextCursor non-null on a full page', async () => {
    h = await startHarness();
    for (let i = 0; i < 5; i++) await h.api('/messages', { body: { channelId: h.agentId, text: `m${i}` } });
    const p1 = await h.api(`/messages?channel=${h.agentId}&limit=2`);
    expect(p1.body.data.map((m: { text: string }) => m.text)).toEqual(['m4', 'm3']);
    expect(p1.body.nextCursor).toBe(p1.body.data[1].id);
    const p2 = await h.api(`/messages?channel=${h.agentId}&limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.data.map((m: { text: string }) => m.text)).toEqual(['m2', 'm1']);
    const p3 = await h.api(`/messages?channel=${h.agentId}&limit=2&cursor=${p2.body.nextCursor}`);
    expect(p3.body).toMatchObject({ nextCursor: null });
    expect(p3.body.data.map((m: { text: string }) => m.text)).toEqual(['m0']);
    expect(p1.body.data[0].statusEvents).toEqual([]);
    const big = await h.api(`/messages?channel=${h.agentId}&limit=500`);
    expect(big.body.data).toHaveLength(5);
    const search = await h.api(`/messages?channel=${h.agentId}&search=M3`);
    expect(search.body.data.map((m: { text: string }) => m.text)).toEqual(['m3']);
    expect((await h.api(`/messages?channel=${h.otherUsersAgent}`)).status).toBe(403);
  });

  it('gets, deletes (no event) and acks a message (message:delivery agent_received to CH)', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const deliveries = record(s, 'message:delivery');
    const { body: m } = await h.api('/messages', { body: { channelId: h.agentId, text: 'x' } });
    expect((await h.api(`/messages/${m.id}?channel=${h.agentId}`)).body.id).toBe(m.id);
    const ack = await h.api(`/messages/${m.id}/ack?channel=${h.agentId}`, { method: 'POST' });
    expect(ack).toMatchObject({ status: 200, body: { acknowledged: true } });
    await roundTrip(s);
    expect(deliveries).toEqual([{ messageId: m.id, deliveryStatus: 'agent_received' }]);
    expect((await h.api(`/messages/${m.id}?channel=${h.agentId}`)).body.deliveryStatus).toBe('agent_received');
    const del = await h.api(`/messages/${m.id}?channel=${h.agentId}`, { method: 'DELETE' });
    expect(del.body).toEqual({ deleted: true });
    expect((await h.api(`/messages/${m.id}?channel=${h.agentId}`)).status).toBe(404);
  });

  it('chains iterations off a resolved review and lists them in order', async () => {
    h = await startHarness();
    const { body: root } = await h.api('/messages', { body: { channelId: h.agentId, text: 'v1', review: { type: 'approval' } } });
    expect((await h.api('/messages', { body: { channelId: h.agentId, text: 'v2', iterationOf: root.id } })).status).toBe(400);
    await h.mock(`/reviews/${root.id}/respond`, { response: { selectedOption: 'reject' } });
    const { body: v2 } = await h.api('/messages', { body: { channelId: h.agentId, text: 'v2', iterationOf: root.id, review: { type: 'approval' } } });
    expect(v2).toMatchObject({ iterationGroupId: root.id, iteration: 2 });
    const chain = await h.api(`/messages/iterations/${v2.id}?channel=${h.agentId}`);
    expect(chain.body.groupId).toBe(root.id);
    expect(chain.body.iterations.map((m: { iteration: number }) => m.iteration)).toEqual([1, 2]);
    expect((await h.api(`/messages/${root.id}?channel=${h.agentId}`, { method: 'DELETE' })).status).toBe(400);
  });
});
