import { afterEach, describe, expect, it } from 'vitest';
import { connected, connectError, type Harness, nextEvent, record, roundTrip, sleep, startHarness, subscribe } from './mock-client';

let h: Harness;
afterEach(async () => h?.close());

const post = (text: string, channelId = h.agentId) => h.api('/messages', { body: { channelId, text } });

describe('handshake auth (§2.2)', () => {
  it('accepts a valid API key and rejects bad ones with connect_error "unauthorized" before any connect', async () => {
    h = await startHarness();
    await connected(h.connect({ apiKey: h.key }));
    for (const auth of [{ apiKey: 'hp_' + '0'.repeat(48) }, { apiKey: 'sk_nope' }, {}, { token: 'not.a.jwt' }]) {
      const err = await connectError(h.connect(auth));
      expect(err.message).toBe('unauthorized');
    }
  });

  it('lets apiKey win over a valid token, even when the key is invalid', async () => {
    h = await startHarness();
    const { body } = await h.mock('/ws-ticket', { userId: h.userId });
    await connected(h.connect({ token: body.ticket }));
    const err = await connectError(h.connect({ apiKey: 'hp_bad', token: body.ticket }));
    expect(err.message).toBe('unauthorized');
  });

  it('counts attempts and live sockets per key prefix, never the full key', async () => {
    h = await startHarness();
    await connected(h.connect({ apiKey: h.key }));
    await connectError(h.connect({ apiKey: 'hp_' + 'f'.repeat(48) }));
    const { body } = await h.mock('/stats');
    expect(body.connectionAttempts[h.key.slice(0, 11)]).toBe(1);
    expect(body.connectionAttempts['hp_ffffffff']).toBe(1);
    expect(body.liveSockets[h.key.slice(0, 11)]).toBe(1);
    expect(JSON.stringify(body)).not.toContain(h.key);
  });
});

describe('rooms and subscriptions (§2.3)', () => {
  it('sends nothing to an API-key socket before subscribe:channel, then message:created with agentName', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const seen = record(s, 'message:created');
    await post('before subscribe');
    await roundTrip(s);
    expect(seen).toHaveLength(0);
    await subscribe(s, h.agentId);
    await post('after subscribe');
    await roundTrip(s);
    expect(seen.map((m) => m.text)).toEqual(['after subscribe']);
    expect(seen[0].agentName).toBe('Deploy Bot');
    expect(seen[0].textContent).toBeUndefined();
    expect(seen[0].attachments).toEqual([]);
  });

  it('silently ignores a subscribe to a channel the key owner does not own', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const seen = record(s, 'message:created');
    await subscribe(s, h.otherUsersAgent, 'no-such-agent');
    await h.api('/messages', { key: h.otherKey, body: { channelId: h.otherUsersAgent, text: 'private' } });
    await roundTrip(s);
    expect(seen).toHaveLength(0);
    expect(s.connected).toBe(true);
    const stats = await h.mock('/stats');
    expect(stats.body.rooms[`channel:${h.otherUsersAgent}`]).toBeUndefined();
  });

  it('stops delivery after unsubscribe:channel, and subscriptions do not survive a reconnect', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    const seen = record(s, 'message:created');
    await subscribe(s, h.agentId);
    s.emit('unsubscribe:channel', h.agentId);
    await roundTrip(s);
    await post('after unsubscribe');
    await subscribe(s, h.agentId);
    s.disconnect();
    s.connect();
    await connected(s);
    await post('after reconnect');
    await roundTrip(s);
    expect(seen).toHaveLength(0);
  });

  it('answers ping with pong to the sender only', async () => {
    h = await startHarness();
    const a = h.connect({ apiKey: h.key });
    const b = h.connect({ apiKey: h.key });
    await Promise.all([connected(a), connected(b)]);
    const bPongs = record(b, 'pong');
    const pong = nextEvent(a, 'pong');
    a.emit('ping');
    expect(await pong).toBeUndefined();
    await sleep(20);
    expect(bPongs).toHaveLength(0);
  });

  it('relays message:delta, message:progress and agent:commands to the room without an ownership check', async () => {
    h = await startHarness();
    const owner = h.connect({ apiKey: h.key });
    const stranger = h.connect({ apiKey: h.otherKey });
    await Promise.all([connected(owner), connected(stranger)]);
    await subscribe(owner, h.agentId);
    const deltas = record(owner, 'message:delta');
    const own = record(stranger, 'message:delta');
    stranger.emit('message:delta', { channelId: h.agentId, delta: 'Hel', streamBaseId: 's1' });
    stranger.emit('message:progress', { channelId: h.agentId, content: 'thinking' });
    const commands = nextEvent(owner, 'agent:commands');
    stranger.emit('agent:commands', { channelId: h.agentId, commands: [{ command: '/go', description: 'Go' }] });
    expect((await commands).commands[0].command).toBe('/go');
    expect(deltas).toEqual([{ channelId: h.agentId, delta: 'Hel', streamBaseId: 's1' }]);
    expect(own).toHaveLength(0);
  });

  it('survives garbage client events', async () => {
    h = await startHarness();
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    s.emit('subscribe:channel', { channelId: h.agentId });
    s.emit('subscribe:channel', null);
    s.emit('message:delta', 'not an object');
    s.emit('oauth:start', 42);
    s.emit('channel:read', ['x']);
    await roundTrip(s);
    expect(s.connected).toBe(true);
  });
});

describe('agent:status rooms (§2.4, §8)', () => {
  it('placet profile: reaches the JWT user room but never a subscribed API-key socket', async () => {
    h = await startHarness();
    const keySocket = h.connect({ apiKey: h.key });
    const { body } = await h.mock('/ws-ticket', { userId: h.userId });
    const jwtSocket = h.connect({ token: body.ticket });
    await Promise.all([connected(keySocket), connected(jwtSocket)]);
    await subscribe(keySocket, h.agentId);
    const keySeen = record(keySocket, 'agent:status');
    const viaJwt = nextEvent(jwtSocket, 'agent:status');
    const ping = await h.api('/status/ping', { body: { agentId: h.agentId, status: 'busy', message: 'deploying' } });
    expect(ping.status).toBe(201);
    expect(await viaJwt).toMatchObject({ agentId: h.agentId, status: 'busy', statusMessage: 'deploying' });
    await roundTrip(keySocket);
    expect(keySeen).toHaveLength(0);
  });

  it('docs profile: also reaches sockets subscribed to the channel', async () => {
    h = await startHarness({ profile: 'docs' });
    const s = h.connect({ apiKey: h.key });
    await connected(s);
    await subscribe(s, h.agentId);
    const status = nextEvent(s, 'agent:status');
    await h.api('/status/ping', { body: { agentId: h.agentId, status: 'active' } });
    expect(await status).toMatchObject({ agentId: h.agentId, status: 'active', statusMessage: null });
  });

  it('JWT sockets get user-room message:created for every channel of the user, once', async () => {
    h = await startHarness();
    const { body } = await h.mock('/ws-ticket', { userId: h.userId });
    const s = h.connect({ token: body.ticket });
    await connected(s);
    await subscribe(s, h.agentId);
    const seen = record(s, 'message:created');
    await post('to user and channel room');
    await roundTrip(s);
    expect(seen).toHaveLength(1);
  });
});

describe('oauth relay (§2.3, experimental)', () => {
  it('oauth:start goes to the user room; the public callback emits oauth:code to the channel room', async () => {
    h = await startHarness();
    const keySocket = h.connect({ apiKey: h.key });
    const { body } = await h.mock('/ws-ticket', { userId: h.userId });
    const userSocket = h.connect({ token: body.ticket });
    await Promise.all([connected(keySocket), connected(userSocket)]);
    await subscribe(keySocket, h.agentId);
    const start = nextEvent(userSocket, 'oauth:start');
    keySocket.emit('oauth:start', { channelId: h.agentId, state: 'st-1', provider: 'github', authUrl: 'https://github.example/authorize' });
    expect(await start).toEqual({ channelId: h.agentId, state: 'st-1', provider: 'github', authUrl: 'https://github.example/authorize', deviceCode: null });
    const code = nextEvent(keySocket, 'oauth:code');
    const res = await fetch(`${h.gw.url}/api/v1/oauth/callback?code=abc&state=st-1`);
    expect(res.status).toBe(200);
    expect(await code).toEqual({ state: 'st-1', code: 'abc', provider: 'github' });
    expect((await fetch(`${h.gw.url}/api/v1/oauth/callback?code=abc&state=st-1`)).status).toBe(400);
  });
});
