import type { InvokeEventLike, IpcMainLike } from '../../../src/main/electron/register-ipc';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** ipcMain as a map of handlers, and events as plain objects, for register-ipc tests. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls like ipcRenderer.invoke would, from the given sender. */
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, ...args);
  }
}

export function senderEvent(options: { url?: string | null; subframe?: boolean; id?: number } = {}): InvokeEventLike {
  const mainFrame = { url: options.url === undefined ? 'app://companion/index.html' : options.url };
  const frame = options.url === null ? null : options.subframe ? { url: mainFrame.url ?? '' } : mainFrame;
  return { sender: { id: options.id ?? 1, mainFrame }, senderFrame: frame as { url: string } | null };
}
