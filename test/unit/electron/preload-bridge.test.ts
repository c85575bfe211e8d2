import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from '../../../src/shared/ipc/contract';
import { createBridge, type IpcRendererLike } from '../../../src/preload/create-bridge';
import { preloadEventChannels, preloadInvokeChannels } from '../../../src/preload/channels';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' }));
  const ipc: IpcRendererLike = {
    invoke,
    on: (channel, listener) => emitter.on(channel, listener),
    removeListener: (channel, listener) => emitter.removeListener(channel, listener),
  };
  return { ipc, invoke, emitter };
}

describe('preload bridge', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createBridge(fakeIpcRenderer().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('knows exactly the contract’s channels (without bundling its schemas)', () => {
    expect([...preloadInvokeChannels].sort()).toEqual([...invokeChannels].sort());
    expect([...preloadEventChannels].sort()).toEqual([...eventChannels].sort());
  });

  it('forwards contract calls with one input argument', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('reviews:list', { status: 'pending', limit: 10 })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith('reviews:list', { status: 'pending', limit: 10 });
  });

  it('refuses channels outside the contract without touching IPC', async () => {
    const { ipc, invoke } = fakeIpcRenderer();
    const bridge = createBridge(ipc) as unknown as { invoke(c: string, i: unknown): Promise<unknown>; on(c: string, l: unknown): unknown };
    for (const channel of ['shell:exec', '__proto__', 'constructor', 'core:batch', '']) {
      await expect(bridge.invoke(channel, {})).resolves.toEqual({ ok: false, error: { code: 'unknown-channel', message: 'Unknown call' } });
    }
    expect(invoke).not.toHaveBeenCalled();
    expect(() => bridge.on('app:info', () => {})).toThrow(TypeError);
    expect(() => bridge.on('ELECTRON_BROWSER_REQUIRE', () => {})).toThrow(TypeError);
    expect(() => bridge.on('core:batch', 'not a function')).toThrow(TypeError);
  });

  it('gives listeners the payload only, never the IPC event', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    bridge.on('ui:show-review', listener);
    const event = { sender: { send() {} }, ports: [] };
    emitter.emit('ui:show-review', event, { accountId: 'a', channelId: 'c', messageId: 'm' }, 'extra');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ accountId: 'a', channelId: 'c', messageId: 'm' }]);
  });

  it('unsubscribes once and only its own listener', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.on('core:batch', a);
    bridge.on('core:batch', b);
    offA();
    offA();
    emitter.emit('core:batch', {}, { stats: { invalidEvents: 0, quarantinedEvents: 0 } });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    expect(emitter.listenerCount('core:batch')).toBe(1);
  });
});
