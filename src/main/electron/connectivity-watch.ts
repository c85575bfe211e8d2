/** The part of powerMonitor this uses. */
export interface PowerEventsLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

export interface ConnectivityWatchDeps {
  power: PowerEventsLike;
  /** `net.isOnline()` */
  isOnline(): boolean;
  /** `core.reconnectNow()` */
  reconnectNow(): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
  pollMs?: number;
}

/** Resume and unlock often arrive together; one reconnect serves both. */
const coalesceMs = 1_000;

/**
 * Resume from sleep and network-back must reconnect at once (QUALITY.md 13), not after Socket.IO
 * notices the dead socket at the next heartbeat. Electron has no "network changed" event in
 * main, so `net.isOnline()` is polled and an offline → online edge triggers the reconnect.
 * Returns the disposer.
 */
export function watchConnectivity(deps: ConnectivityWatchDeps): () => void {
  let lastKick = -Infinity;
  let online = deps.isOnline();
  const kick = (): void => {
    const now = deps.now();
    if (now - lastKick < coalesceMs) return;
    lastKick = now;
    deps.reconnectNow();
  };
  const onPower = (): void => kick();
  deps.power.on('resume', onPower);
  deps.power.on('unlock-screen', onPower);
  const timer = deps.setInterval(() => {
    const next = deps.isOnline();
    if (next && !online) kick();
    online = next;
  }, deps.pollMs ?? 2_000);
  return () => {
    deps.power.removeListener('resume', onPower);
    deps.power.removeListener('unlock-screen', onPower);
    deps.clearInterval(timer);
  };
}
