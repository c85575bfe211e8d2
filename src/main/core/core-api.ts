import type { Batch } from '../../shared/ipc/contract';
import type { InvokeHandlers } from '../../shared/ipc/dispatch';
import type { AttentionSink, Clock, Logger, Notifier, SecretStore } from './ports';

/** The calls the core answers. `app:info` and `links:open` belong to the host. */
export type CoreHandlers = Omit<InvokeHandlers, 'app:info' | 'links:open'>;

/** Timings the tests and benchmarks shorten; production uses the defaults in core.ts. */
export interface CoreTiming {
  /** Heartbeat `ping` interval and `pong` deadline (PROTOCOL.md §10: 30 s / 3 s). */
  heartbeatMs: number;
  pongTimeoutMs: number;
  /** `GET /api/v1/agents` poll for status (agent:status never reaches API-key sockets). */
  agentPollMs: number;
  /** Reconnect backoff: first delay, cap, and jitter share (0..1). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Renderer batches: at most one per this many ms. */
  batchMs: number;
  /** An agent with no ping for this long is stale. */
  staleAfterMs: number;
  /** A connection that lasted less than this counts as a failed attempt (accept-then-drop breaker). */
  stableAfterMs: number;
  /** After a rejected key: one more check after this long, then nothing until the key is edited. */
  rejectedRecheckMs: number;
  /** A second, short catch-up after connect covers events lost before the server finished `subscribe:channel`. */
  settleMs: number;
  /** After a failed catch-up (429 exhausted, 5xx), try again this much later. */
  resyncAfterFailureMs: number;
  /** Pages of 100 read on a channel's first sync; older history stays on the server. */
  initialPages: number;
}

export interface DemoAccount {
  serverUrl: string;
  apiKey: string;
  label: string;
}

export interface CoreOptions {
  /** Everything the core stores lives here (the SQLite file, logs). */
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  logger?: Logger;
  notifier?: Notifier;
  attention?: AttentionSink;
  timing?: Partial<CoreTiming>;
  /** Provides the embedded mock gateway's demo account for `accounts:add-demo`. */
  demo?: () => Promise<DemoAccount>;
}

export interface Core {
  readonly handlers: CoreHandlers;
  /** Pushed batches for the renderer. Returns the unsubscribe function. */
  onBatch(listener: (batch: Batch) => void): () => void;
  /** Resume from sleep / network back: reconnect every enabled account now, not after the heartbeat. */
  reconnectNow(): void;
  /** Closes every socket, timer and the store. */
  dispose(): Promise<void>;
}
