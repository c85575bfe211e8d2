import { afterEach, describe, expect, it } from 'vitest';
import { connected, type Harness, nextEvent, record, roundTrip, startHarness, subscribe, type Wire } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

describe('agents (§6, §8)', () => {
  it('lists the key owner’s agents newest first, masked, without ownerId', async () => {
    h = await startHarness();
    const { body } = await h.api('/agents');
    expect(body.map((a: { name: string }) => a.name)).toEqual(['Support Triage', 'Research Assistant', 'Deploy Bot']);
    expect(body[0].ownerId).toBeUndefined();
    expect(body[0]).toMatchObject({ status: 'offline', statusSince: null, statusMessage: null });
    const other = await h.api('/agents', { key: h.gw.fixtures.users[0]!.apiKeys[1]! });
    expect(other.body).toHaveLength(3);
  });

  it('creates, updates, sets webhooks, commands and tags, deletes; foreign agents are 404', async () => {
    h = await startHarness();
    const created = await h.api('/agents', { body: { name: 'New Bot', tag: 'x' } });
    expect(created).toMatchObject({ status: 201, body: { name: 'New Bot', status: 'offline', tag: 'x' } });
    const id = created.body.id;
    expect((await h.api(`/agents/${id}`, { method: 'PATCH', body: { description: 'does things' } })).body.description).toBe('does things');
    const hook = await h.api('/agents/setWebhook', { body: { channelId: id, url: 'https://h.example/x', auth: { username: 'u', password: 'p' }, headers: { 'x-a': '1' } } });
    expect(hook).toMatchObject({ status: 200, body: { webhookUrl: 'https://h.example/x', webhookAuth: { username: 'u', password: '***' }, webhookHeaders: { 'x-a': '1' } } });
    const replaced = await h.api('/agents/setWebhook', { body: { channelId: id, url: 'https://h.example/y' } });
    expect(replaced.body).toMatchObject({ webhookAuth: null, webhookHeaders: null });
    expect((await h.api('/agents/setWebhook', { body: { channelId: id, webhookUrl: 'https://h.example/z' } })).status).toBe(400);
    expect((await h.api(`/agents/${id}/commands`, { method: 'PUT', body: { commands: [{ command: '/a', description: 'A' }] } })).body.commands).toHaveLength(1);
    expect((await h.api('/agents/setTag', { body: { channelId: id, tag: null } })).body.tag).toBeNull();
    expect((await h.api('/agents/deleteWebhook', { body: { channelId: id } })).body.webhookUrl).toBeNull();
    expect((await h.api(`/agents/${h.otherUsersAgent}`, { method: 'PATCH', body: { name: 'mine now' } })).body).toMatchObject({ statusCode: 404, message: 'Agent not found' });
    expect((await h.api(`/agents/${id}`, { method: 'DELETE' })).body).toEqual({ deleted: true });
    expect((await h.api('/agents')).body).toHaveLength(3);
  });

  it('ping answers 201, writes lastActiveAt each time and moves statusSince only on a transition', async () => {
    h = await startHarness({ timeScale: 0 });
    const first = await h.api('/status/ping', { body: { agentId: h.agentId, status: 'active', message: 'up' } });
    expect(first.status).toBe(201);
    await h.mock('/clock/advance', { ms: 60_000 });
    const same = await h.api('/status/ping', { body: { agentId: h.agentId, status: 'active' } });
    expect(same.body.statusSince).toBe(first.body.statusSince);
    expect(same.body.statusMessage).toBeNull();
    expect(Date.parse(same.body.lastActiveAt) - Date.parse(first.body.lastActiveAt)).toBe(60_000);
    await h.mock('/clock/advance', { ms: 1000 });
    const changed = await h.api('/status/ping', { body: { agentId: h.agentId, status: 'error' } });
    expect(changed.body.statusSince).toBe(changed.body.lastActiveAt);
    expect((await h.api('/status/ping', { body: { agentId: h.otherUsersAgent, status: 'active' } })).status).toBe(404);
    expect((await h.api('/status/ping', { body: { agentId: h.agentId, status: 'sleepy' } })).status).toBe(400);
    expect((await h.api('/status/ping', { body: { agentId: h.agentId, status: 'busy', message: 'x'.repeat(501) } })).status).toBe(400);
  });
});

describe('files (§6)', () => {
  it('uploads a file as an agent message (message:created to CH only), stores orphans and downloads bytes', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const { body: ticket } = await h.mock('/ws-ticket', { userId: h.userId });
    const userSocket = h.connect({ token: ticket.ticket });
    await connected(userSocket);
    const userSeen = record(userSocket, 'message:created');
    const created = nextEvent(s, 'message:created');
    const form = new FormData();
    form.append('channelId', h.agentId);
    form.append('file', new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' }), 'chart.png');
    const up = await fetch(`${h.gw.url}/api/v1/files/upload`, { method: 'POST', headers: { 'x-api-key': h.key }, body: form });
    expect(up.status).toBe(201);
    const att = (await up.json()) as Wire;
    expect(att).toMatchObject({ filename: 'chart.png', mimeType: 'image/png', pluginType: '@uax/image', size: 4 });
    const ev = await created;
    expect(ev).toMatchObject({ text: null, agentName: 'Deploy Bot' });
    expect(ev.attachments.map((a: { id: string }) => a.id)).toEqual([att.id]);
    await roundTrip(userSocket);
    expect(userSeen).toHaveLength(0);

    const store = new FormData();
    store.append('file', new Blob(['plain words'], { type: 'text/plain' }), 'notes.txt');
    store.append('channelId', h.agentId);
    const orphan = (await (await fetch(`${h.gw.url}/api/v1/files/store`, { method: 'POST', headers: { 'x-api-key': h.key }, body: store })).json()) as Wire;
    expect(orphan).toMatchObject({ messageId: null, filename: 'notes.txt' });

    const dl = await fetch(`${h.gw.url}/api/v1/files/${orphan.id}/download`, { headers: { 'x-api-key': h.key } });
    expect(dl.headers.get('content-disposition')).toBe('inline; filename="notes.txt"');
    expect(await dl.text()).toBe('plain words');
    expect((await h.api(`/files/${orphan.id}/download`, { key: h.otherKey })).status).toBe(403);
    expect((await h.api('/files/nope/download')).body.message).toBe('Attachment not found');
    expect((await h.api(`/files?channel=${h.agentId}`)).body).toHaveLength(2);
    const noFile = new FormData();
    noFile.append('channelId', h.agentId);
    expect((await fetch(`${h.gw.url}/api/v1/files/store`, { method: 'POST', headers: { 'x-api-key': h.key }, body: noFile })).status).toBe(400);
  });
});

describe('streams (§9)', () => {
  it('creates a draft, PATCHes it (message:updated), completes it, and persists status steps', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const updated = record(s, 'message:updated');
    const statuses = record(s, 'message:status');
    const step = await h.api('/messages/streams/t1/status', { body: { channelId: h.agentId, text: 'Searching', toolHint: true } });
    expect(step).toMatchObject({ status: 201, body: { streamId: 't1', index: 0, toolHint: true } });
    const draft = await h.api('/messages', { body: { channelId: h.agentId, streamId: 't1', streamState: 'streaming', text: 'He' } });
    expect(draft.body.streamState).toBe('streaming');
    const replay = await h.api('/messages', { body: { channelId: h.agentId, streamId: 't1', streamState: 'streaming', text: 'ignored' } });
    expect(replay.body).toMatchObject({ id: draft.body.id, text: 'He' });
    await h.api('/messages/streams/t1', { method: 'PATCH', body: { channelId: h.agentId, text: 'Hello' } });
    const done = await h.api('/messages/streams/t1', { method: 'PATCH', body: { channelId: h.agentId, text: 'Hello world', complete: true } });
    expect(done.body).toMatchObject({ streamState: 'complete', text: 'Hello world' });
    await h.api('/messages/streams/t1/status', { body: { channelId: h.agentId, text: 'Done' } });
    await roundTrip(s);
    expect(updated.map((m) => m.text)).toEqual(['Hello', 'Hello world']);
    expect(updated[0].agentName).toBe('Deploy Bot');
    expect(statuses.map((e) => e.index)).toEqual([0, 1]);
    const list = await h.api(`/messages?channel=${h.agentId}`);
    expect(list.body.data[0].statusEvents.map((e: { text: string }) => e.text)).toEqual(['Searching', 'Done']);
    expect((await h.api('/messages/streams/none', { method: 'PATCH', body: { channelId: h.agentId, text: 'x' } })).status).toBe(404);
  });

  it('the cron aborts drafts idle for 5 minutes and emits message:updated to CH without agentName', async () => {
    h = await startHarness({ timeScale: 0 });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const updated = record(s, 'message:updated');
    const draft = await h.api('/messages', { body: { channelId: h.agentId, streamId: 't2', text: 'partial' } });
    await h.mock('/clock/advance', { ms: 6 * 60_000 });
    await roundTrip(s);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ id: draft.body.id, streamState: 'aborted' });
    expect(updated[0].agentName).toBeUndefined();
  });
});
