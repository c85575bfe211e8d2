import { io, type Socket } from 'socket.io-client';
import { createMockGateway, type MockGateway, type MockGatewayOptions } from '../../src/mock-gateway/index';

// Test helpers that drive the mock only through its public surfaces: socket.io-client and fetch.

/** Wire payloads in tests are checked with `expect`, so they are deliberately loose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Wire = any;

export interface Harness {
  gw: MockGateway;
  key: string;
  otherKey: string;
  agentId: string;
  otherUsersAgent: string;
  userId: string;
  sockets: Socket[];
  connect(auth: Record<string, unknown>, extra?: { reconnection?: boolean }): Socket;
  api(path: string, init?: { method?: string; body?: unknown; key?: string | null; headers?: Record<string, string> }): Promise<{ status: number; body: Wire; headers: Headers }>;
  mock(path: string, body?: unknown): Promise<{ status: number; body: Wire }>;
  close(): Promise<void>;
}

export async function startHarness(options: MockGatewayOptions = {}): Promise<Harness> {
  const gw = await createMockGateway({ port: 0, rateLimit: false, ...options });
  const [u1, u2] = gw.fixtures.users;
  const sockets: Socket[] = [];
  const h: Harness = {
    gw,
    key: u1!.apiKeys[0]!,
    otherKey: u2!.apiKeys[0]!,
    agentId: u1!.agents[0]!.id,
    otherUsersAgent: u2!.agents[0]!.id,
    userId: u1!.id,
    sockets,
    connect(auth, extra = {}) {
      const s = io(`${gw.url}/ws`, { forceNew: true, transports: ['websocket'], auth, reconnection: extra.reconnection ?? false });
      sockets.push(s);
      return s;
    },
    async api(path, init = {}) {
      const headers: Record<string, string> = { ...(init.headers ?? {}) };
      const key = init.key === undefined ? h.key : init.key;
      if (key !== null) headers['x-api-key'] = key;
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${gw.url}/api/v1${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers,
        body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // raw body (downloads)
      }
      return { status: res.status, body, headers: res.headers };
    },
    async mock(path, body) {
      const res = await fetch(`${gw.url}/mock${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await gw.close();
    },
  };
  return h;
}

export function connected(s: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (s.connected) return resolve();
    s.once('connect', () => resolve());
    s.once('connect_error', (e) => reject(e));
  });
}

export function connectError(s: Socket): Promise<Error> {
  return new Promise((resolve, reject) => {
    s.once('connect_error', (e) => resolve(e));
    s.once('connect', () => reject(new Error('connected, expected connect_error')));
  });
}

/** Collects every payload of `event` on a socket. */
export function record<T = Wire>(s: Socket, event: string): T[] {
  const seen: T[] = [];
  s.on(event, (p: T) => seen.push(p));
  return seen;
}

export function nextEvent<T = Wire>(s: Socket, event: string, timeoutMs = 2000): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    s.once(event, (p: T) => {
      clearTimeout(t);
      resolve(p);
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Subscribes and waits for the async ownership check to land (a ping round trip is after it). */
export async function subscribe(s: Socket, ...channels: string[]): Promise<void> {
  for (const c of channels) s.emit('subscribe:channel', c);
  await roundTrip(s);
}

export async function roundTrip(s: Socket): Promise<void> {
  const pong = nextEvent(s, 'pong');
  s.emit('ping');
  await pong;
  await sleep(5);
}
