import type { Bridge } from '../../shared/ipc/bridge';
import type { EventChannel, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { type ClientFrame, webIpcPath } from '../../shared/ipc/wire';
import type { HostLink, HostLinkStatus } from './host-link';

// The web host carries the IPC contract over one local WebSocket (`/ipc?token=…`). Invokes made
// while the socket is down wait for it to come back; invokes in flight when it drops fail with
// `unreachable`, since the host may or may not have run them.

type Pending = { frame: ClientFrame; resolve: (r: Result<unknown>) => void; sent: boolean };
type Listener = (payload: unknown) => void;

export interface WebSocketBridgeOptions {
  url: string;
  /** For tests. Defaults to the global WebSocket. */
  createSocket?: (url: string) => WebSocket;
  /** First reconnect delay and cap, ms. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface WebSocketBridge extends Bridge {
  readonly link: HostLink;
  close(): void;
}

export function webIpcUrl(location: { protocol: string; host: string; search: string }): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${webIpcPath}?token=${encodeURIComponent(token)}`;
}

const lostResult = (): Result<never> => ({
  ok: false,
  error: { code: 'unreachable', message: 'Lost connection to the companion before it answered.' },
});

export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const base = options.backoffBaseMs ?? 250;
  const cap = options.backoffMaxMs ?? 5_000;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<Listener>>();
  const linkListeners = new Set<(s: HostLinkStatus) => void>();
  let status: HostLinkStatus = 'connecting';
  let socket: WebSocket | null = null;
  let nextId = 1;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setStatus = (next: HostLinkStatus): void => {
    if (next === status) return;
    status = next;
    for (const l of linkListeners) l(next);
  };

  const send = (p: Pending): void => {
    if (socket?.readyState !== 1) return;
    socket.send(JSON.stringify(p.frame));
    p.sent = true;
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    const f = frame as { t?: unknown; id?: unknown; result?: unknown; channel?: unknown; payload?: unknown };
    if (f.t === 'result' && typeof f.id === 'number') {
      const p = pending.get(f.id);
      if (!p) return;
      pending.delete(f.id);
      p.resolve(f.result as Result<unknown>);
    } else if (f.t === 'event' && typeof f.channel === 'string') {
      for (const l of listeners.get(f.channel) ?? []) l(f.payload);
    }
  };

  const scheduleReconnect = (): void => {
    if (closed || retryTimer) return;
    const delay = Math.min(cap, base * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  };

  function connect(): void {
    if (closed) return;
    let ws: WebSocket;
    try {
      ws = createSocket(options.url);
    } catch {
      setStatus('lost');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const p of pending.values()) if (!p.sent) send(p);
    };
    ws.onmessage = (ev: MessageEvent) => onMessage(ev.data);
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      for (const [id, p] of pending) {
        if (p.sent) {
          pending.delete(id);
          p.resolve(lostResult());
        }
      }
      setStatus('lost');
      scheduleReconnect();
    };
    ws.onerror = () => undefined;
  }

  connect();

  return {
    invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>> {
      return new Promise((resolve) => {
        const id = nextId++;
        const p: Pending = { frame: { t: 'invoke', id, channel, input }, resolve: resolve as Pending['resolve'], sent: false };
        pending.set(id, p);
        send(p);
      });
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      const l = listener as Listener;
      set.add(l);
      return () => set.delete(l);
    },
    link: {
      status: () => status,
      subscribe(listener) {
        linkListeners.add(listener);
        return () => linkListeners.delete(listener);
      },
      retryNow() {
        if (status === 'open' || closed) return;
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        attempt = 0;
        connect();
      },
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
      socket = null;
      for (const p of pending.values()) p.resolve(lostResult());
      pending.clear();
    },
  };
}
