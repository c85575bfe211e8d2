// The state of the renderer's link to its host. In Electron the preload bridge is always there;
// over the web host's WebSocket the link can drop, and the window must say so plainly.

export type HostLinkStatus = 'connecting' | 'open' | 'lost';

export interface HostLink {
  status(): HostLinkStatus;
  /** Returns the unsubscribe function. */
  subscribe(listener: (status: HostLinkStatus) => void): () => void;
  /** Try to reconnect now instead of waiting for the next backoff step. */
  retryNow(): void;
}

export function alwaysOpenLink(): HostLink {
  return { status: () => 'open', subscribe: () => () => undefined, retryNow: () => undefined };
}
