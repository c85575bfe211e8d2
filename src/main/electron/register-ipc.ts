import { eventContract, invokeChannels, type EventChannel, type EventPayload } from '../../shared/ipc/contract';
import { dispatchInvoke, type InvokeHandlers } from '../../shared/ipc/dispatch';
import { errResult, type Result } from '../../shared/ipc/result';
import type { Logger } from '../core/ports';
import { checkIpcSender, type IpcSenderPolicy } from './ipc-sender-check';

// The one place that touches ipcMain and webContents.send (the preload is the other side).
// A unit test fails if either appears anywhere else.

/** What an ipcMain.handle event offers; Electron's IpcMainInvokeEvent fits. */
export interface InvokeEventLike {
  sender: { id: number; mainFrame: unknown };
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface RegisterIpcDeps {
  ipcMain: IpcMainLike;
  handlers: InvokeHandlers;
  policy: IpcSenderPolicy;
  logger: Logger;
}

const forbidden = errResult('forbidden-sender', 'This call is not accepted from here.');

/**
 * Wires every contract channel to ipcMain.handle. Order per call: sender check, then the input
 * schema and the handler (dispatchInvoke, shared with the web host). Always resolves to a
 * Result; a rejected sender learns nothing but "forbidden". Returns the disposer.
 */
export function registerIpc(deps: RegisterIpcDeps): () => void {
  for (const channel of invokeChannels) {
    deps.ipcMain.handle(channel, async (event, ...args): Promise<Result<unknown>> => {
      const verdict = checkIpcSender(
        {
          channel,
          frameUrl: event.senderFrame?.url ?? null,
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
          webContentsId: event.sender.id,
        },
        deps.policy,
      );
      if (!verdict.ok) {
        deps.logger.warn('ipc call refused', { channel, reason: verdict.reason });
        return forbidden;
      }
      // Exactly one argument: extra ones are junk, not a second input.
      const input = args.length === 1 ? args[0] : Symbol('invalid-arity');
      return dispatchInvoke(deps.handlers, channel, input, (err) => deps.logger.error('ipc handler failed', { channel, error: describe(err) }));
    });
  }
  return () => {
    for (const channel of invokeChannels) deps.ipcMain.removeHandler(channel);
  };
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** The part of webContents a push needs. */
export interface PushTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/**
 * The one webContents.send. Payloads are validated in development builds only (they come from
 * our own core; parsing every batch in production would cost for nothing).
 */
export function pushEvent<E extends EventChannel>(target: PushTarget | null, channel: E, payload: EventPayload<E>, options: { validate: boolean } = { validate: false }): boolean {
  if (!target || target.isDestroyed()) return false;
  if (options.validate) {
    const parsed = eventContract[channel].safeParse(payload);
    if (!parsed.success) throw new Error(`pushEvent: payload for ${channel} does not match the contract`);
  }
  target.send(channel, payload);
  return true;
}
