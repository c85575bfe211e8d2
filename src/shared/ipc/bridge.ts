import type { EventChannel, EventPayload, InvokeChannel, InvokeInput, InvokeOutput } from './contract';
import type { Result } from './result';

/** All the renderer knows of its host: the Electron preload and the web host both provide this. */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, input: InvokeInput<C>): Promise<Result<InvokeOutput<C>>>;
  /** Returns the unsubscribe function. Listeners receive the payload only. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The name under which the Electron preload exposes the bridge on `window`. */
export const bridgeGlobalName = 'placetBridge';
