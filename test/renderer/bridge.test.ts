import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectBridge } from '../../src/renderer/bridge/select-bridge';
import { createWebSocketBridge, webIpcUrl } from '../../src/renderer/bridge/web-socket-bridge';
import { bridgeGlobalName } from '../../src/shared/ipc/bridge';
import { FakeBridge } from './fake-bridge';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.();
  }
  receive(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
}

function make() {
  FakeSocket.all = [];
  const bridge = createWebSocketBridge({ url: 'ws://127.0.0.1:5000/ipc?token=t', createSocket: (u) => new FakeSocket(u) as unknown as WebSocket, backoffBaseMs: 100, backoffMaxMs: 1_000 });
  const socket = (): FakeSocket => FakeSocket.all[FakeSocket.all.length - 1] as FakeSocket;
  return { bridge, socket };
}

afterEach(() => {
  delete (window as unknown as Record<string, unknown>)[bridgeGlobalName];
});

describe('web socket bridge', () => {
  it('builds the IPC URL from the page token, and refuses without one', () => {
    expect(webIpcUrl({ protocol: 'http:', host: '127.0.0.1:4321', search: '?token=a b' })).toBe('ws://127.0.0.1:4321/ipc?token=a%20b');
    expect(webIpcUrl({ protocol: 'https:', host: 'localhost:1', search: '?token=x' })).toBe('wss://localhost:1/ipc?token=x');
    expect(webIpcUrl({ protocol: 'http:', host: '127.0.0.1:4321', search: '' })).toBeNull();
  });

  it('prefers the preload bridge, and without it and without a token says the token is missing', () => {
    const preload = new FakeBridge();
    (window as unknown as Record<string, unknown>)[bridgeGlobalName] = preload;
    const picked = selectBridge();
    expect(picked.ok && picked.bridge).toBe(preload);
    expect(picked.ok && picked.link.status()).toBe('open');
    delete (window as unknown as Record<string, unknown>)[bridgeGlobalName];
    expect(selectBridge()).toEqual({ ok: false, reason: 'missing-token' });
  });

  it('queues invokes until the socket opens, then resolves them by id', async () => {
    const { bridge, socket } = make();
    const p = bridge.invoke('app:info', {});
    expect(socket().sent).toEqual([]);
    socket().open();
    expect(socket().sent).toEqual([{ t: 'invoke', id: 1, channel: 'app:info', input: {} }]);
    socket().receive({ t: 'result', id: 1, result: { ok: true, value: { host: 'web', version: '1', demo: false } } });
    await expect(p).resolves.toEqual({ ok: true, value: { host: 'web', version: '1', demo: false } });
    bridge.close();
  });

  it('delivers pushed events to listeners and ignores garbage frames', () => {
    const { bridge, socket } = make();
    socket().open();
    const got: unknown[] = [];
    const off = bridge.on('core:batch', (b) => got.push(b));
    socket().receive('not json');
    socket().receive({ t: 'event', channel: 'core:batch', payload: { accounts: [] } });
    socket().receive({ t: 'event', channel: 'ui:show-review', payload: {} });
    off();
    socket().receive({ t: 'event', channel: 'core:batch', payload: { channels: [] } });
    expect(got).toEqual([{ accounts: [] }]);
    bridge.close();
  });

  it('fails in-flight invokes when the link drops, reports it lost, and reconnects with backoff', async () => {
    vi.useFakeTimers();
    const { bridge, socket } = make();
    const states: string[] = [];
    bridge.link.subscribe((s) => states.push(s));
    socket().open();
    const inFlight = bridge.invoke('state:snapshot', {});
    socket().drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(bridge.link.status()).toBe('lost');
    const queued = bridge.invoke('app:info', {});
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(200);
    expect(FakeSocket.all).toHaveLength(2);
    socket().open();
    expect(states).toEqual(['open', 'lost', 'open']);
    expect(socket().sent).toEqual([{ t: 'invoke', id: 2, channel: 'app:info', input: {} }]);
    socket().receive({ t: 'result', id: 2, result: { ok: true, value: 1 } });
    await expect(queued).resolves.toEqual({ ok: true, value: 1 });
    bridge.close();
  });

  it('retries now on request instead of waiting for the backoff', () => {
    vi.useFakeTimers();
    const { bridge, socket } = make();
    socket().drop();
    expect(FakeSocket.all).toHaveLength(1);
    bridge.link.retryNow();
    expect(FakeSocket.all).toHaveLength(2);
    bridge.close();
  });
});
