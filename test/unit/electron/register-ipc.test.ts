import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../../src/shared/ipc/contract';
import { AppFailure } from '../../../src/shared/ipc/result';
import { silentLogger } from '../../../src/main/core/ports';
import { pushEvent, registerIpc } from '../../../src/main/electron/register-ipc';
import { FakeIpcMain, senderEvent } from './fake-ipc';
import { fakeHandlers } from './fake-handlers';

function setup() {
  const ipcMain = new FakeIpcMain();
  const handlers = fakeHandlers();
  const logger = { ...silentLogger, warn: vi.fn(), error: vi.fn() };
  const dispose = registerIpc({ ipcMain, handlers, logger, policy: { trustedOrigins: ['app://companion'], isOurWebContents: (id) => id === 1 } });
  return { ipcMain, handlers, logger, dispose };
}

describe('registerIpc', () => {
  it('registers exactly the contract channels and removes them on dispose', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...invokeChannels].sort());
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('runs the handler with parsed input for a trusted sender', async () => {
    const { ipcMain, handlers } = setup();
    const result = await ipcMain.invoke('reviews:snooze', senderEvent(), { accountId: 'a', messageId: 'm', minutes: 15 });
    expect(result).toEqual({ ok: true, value: { done: true } });
    expect(handlers['reviews:snooze']).toHaveBeenCalledWith({ accountId: 'a', messageId: 'm', minutes: 15 });
  });

  it.each([
    ['wrong origin', senderEvent({ url: 'https://evil.example/' })],
    ['malformed URL', senderEvent({ url: '::nope' })],
    ['subframe', senderEvent({ subframe: true })],
    ['destroyed frame', senderEvent({ url: null })],
    ['another webContents', senderEvent({ id: 2 })],
  ])('refuses a call from a %s before the schema and the handler', async (_name, event) => {
    const { ipcMain, handlers, logger } = setup();
    // Invalid input too: the sender check must answer first, and say nothing about the payload.
    const result = await ipcMain.invoke('accounts:remove', event, { junk: true });
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(handlers['accounts:remove']).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('ipc call refused', expect.objectContaining({ channel: 'accounts:remove' }));
  });

  it('has no handler for unknown channels (ipcRenderer.invoke rejects)', async () => {
    const { ipcMain } = setup();
    await expect(ipcMain.invoke('shell:exec', senderEvent(), {})).rejects.toThrow(/No handler/);
  });

  it('rejects extra arguments as invalid input', async () => {
    const { ipcMain, handlers } = setup();
    const result = await ipcMain.invoke('state:snapshot', senderEvent(), {}, { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(handlers['state:snapshot']).not.toHaveBeenCalled();
  });

  it('returns expected failures as values and redacts unexpected ones', async () => {
    const { ipcMain, handlers, logger } = setup();
    handlers['accounts:test'].mockRejectedValueOnce(new AppFailure('key-rejected', 'The server rejected this key'));
    expect(await ipcMain.invoke('accounts:test', senderEvent(), { serverUrl: 'https://p.example', apiKey: 'k' })).toEqual({
      ok: false,
      error: { code: 'key-rejected', message: 'The server rejected this key' },
    });
    handlers['accounts:test'].mockRejectedValueOnce(new Error('boom at /home/op/secret with key plc_live_123'));
    const result = (await ipcMain.invoke('accounts:test', senderEvent(), { serverUrl: 'https://p.example', apiKey: 'k' })) as { error: { message: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(result.error.message).not.toMatch(/plc_live|home|boom/);
    expect(logger.error).toHaveBeenCalled();
  });
});

describe('pushEvent', () => {
  it('sends to a live window only', () => {
    const send = vi.fn();
    expect(pushEvent({ isDestroyed: () => false, send }, 'ui:show-review', { accountId: 'a', channelId: 'c', messageId: 'm' })).toBe(true);
    expect(send).toHaveBeenCalledWith('ui:show-review', { accountId: 'a', channelId: 'c', messageId: 'm' });
    expect(pushEvent({ isDestroyed: () => true, send }, 'core:batch', {})).toBe(false);
    expect(pushEvent(null, 'core:batch', {})).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('validates against the contract when asked (development builds)', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    expect(() => pushEvent(target, 'ui:show-review', { accountId: '', channelId: 'c', messageId: 'm' }, { validate: true })).toThrow(/does not match/);
    expect(target.send).not.toHaveBeenCalled();
  });
});
