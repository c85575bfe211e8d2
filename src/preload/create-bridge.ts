import type { Bridge } from '../shared/ipc/bridge';
import type { InvokeChannel, InvokeInput, InvokeOutput } from '../shared/ipc/contract';
import { errResult, type Result } from '../shared/ipc/result';
import { isPreloadEventChannel, isPreloadInvokeChannel } from './channels';

/** The part of ipcRenderer the bridge uses; a fake in tests. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * The bridge exposed to the page: `invoke` for contract calls, `on` for contract events, nothing
 * else. Listeners get the payload only, never the IPC event (which would hand the page
 * `event.sender`, i.e. ipcRenderer itself).
 */
export function createBridge(ipc: IpcRendererLike): Bridge {
  const bridge: Bridge = {
    invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>> {
      if (!isPreloadInvokeChannel(channel)) return Promise.resolve(errResult('unknown-channel', 'Unknown call'));
      // Main answers every call with a Result (register-ipc.ts); it never rejects.
      return ipc.invoke(channel, input) as Promise<Result<InvokeOutput<C>>>;
    },
    on(channel, listener) {
      if (!isPreloadEventChannel(channel)) throw new TypeError('Unknown event channel');
      if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
      const forward = (_event: unknown, payload: unknown): void => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
  };
  return Object.freeze(bridge);
}
