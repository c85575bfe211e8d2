import type { Server, Socket } from 'socket.io';
import { channelRoom, type EventBus, userRoom } from './event-bus';
import type { FaultState } from './faults';
import { verifyJwt } from './jwt';
import type { MockStore } from './mock-store';
import { keyPrefix, sha256Hex } from './random';

export interface SocketData {
  userId: string;
  authMethod: 'apiKey' | 'jwt';
  keyPrefix: string | null;
}

export interface GatewayDeps {
  io: Server;
  store: MockStore;
  bus: EventBus;
  faults: FaultState;
  jwtSecret: string;
  now: () => number;
  /** Connection attempts by key prefix (`jwt` / `none` for the others). */
  attempts: Map<string, number>;
  oauthStates: Map<string, { channelId: string; provider: string; expiresAt: number }>;
}

const isChannelId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 128;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `/ws` namespace as PROTOCOL.md §2 describes it (the 0.9.1+ middleware gateway). */
export function attachSocketGateway(deps: GatewayDeps): void {
  const { io, store, bus, faults } = deps;
  const nsp = io.of('/ws');

  nsp.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const apiKey = auth.apiKey;
    const label = typeof apiKey === 'string' ? keyPrefix(apiKey) : auth.token !== undefined ? 'jwt' : 'none';
    deps.attempts.set(label, (deps.attempts.get(label) ?? 0) + 1);
    // apiKey wins whenever present, even when invalid (§2.2 precedence).
    if (apiKey !== undefined && apiKey !== null) {
      const key = typeof apiKey === 'string' && apiKey.startsWith('hp_') ? store.keysByHash.get(sha256Hex(apiKey)) : undefined;
      if (!key) return next(new Error('unauthorized'));
      socket.data = { userId: key.userId, authMethod: 'apiKey', keyPrefix: key.prefix } satisfies SocketData;
      return next();
    }
    const sub = verifyJwt(auth.token, deps.jwtSecret, Math.floor(deps.now() / 1000));
    if (!sub) return next(new Error('unauthorized'));
    socket.data = { userId: sub, authMethod: 'jwt', keyPrefix: null } satisfies SocketData;
    next();
  });

  nsp.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    if (faults.dropping()) {
      socket.disconnect(true);
      return;
    }
    // API-key sockets join no room until they subscribe (0.7.0+); JWT sockets join their user room.
    if (data.authMethod === 'jwt') void socket.join(userRoom(data.userId));

    socket.on('subscribe:channel', (channelId: unknown) => {
      if (!isChannelId(channelId)) return;
      // The real check is an async DB query: the join lands a tick later, and a failure is silent.
      setImmediate(() => {
        if (socket.connected && store.ownedAgent(data.userId, channelId)) void socket.join(channelRoom(channelId));
      });
    });
    socket.on('unsubscribe:channel', (channelId: unknown) => {
      if (isChannelId(channelId)) void socket.leave(channelRoom(channelId));
    });
    socket.on('channel:read', (channelId: unknown) => {
      if (isChannelId(channelId) && store.ownedAgent(data.userId, channelId)) {
        store.markRead(data.userId, channelId, new Date(deps.now()).toISOString());
      }
    });
    socket.on('ping', () => {
      socket.emit('pong');
    });
    // Relays: no ownership check, sender included (§2.3).
    for (const event of ['message:delta', 'message:progress', 'agent:commands']) {
      socket.on(event, (payload: unknown) => {
        if (isObject(payload) && isChannelId(payload.channelId)) bus.emit([channelRoom(payload.channelId)], event, payload);
      });
    }
    socket.on('oauth:start', (payload: unknown) => {
      if (!isObject(payload) || !isChannelId(payload.channelId)) return;
      if (typeof payload.state !== 'string' || typeof payload.provider !== 'string') return;
      if (!store.ownedAgent(data.userId, payload.channelId)) return;
      if (typeof payload.authUrl === 'string') {
        deps.oauthStates.set(payload.state, { channelId: payload.channelId, provider: payload.provider, expiresAt: deps.now() + 10 * 60_000 });
      }
      bus.emit([userRoom(data.userId)], 'oauth:start', {
        channelId: payload.channelId,
        state: payload.state,
        provider: payload.provider,
        authUrl: typeof payload.authUrl === 'string' ? payload.authUrl : null,
        deviceCode: isObject(payload.deviceCode) ? payload.deviceCode : null,
      });
    });
  });
}
