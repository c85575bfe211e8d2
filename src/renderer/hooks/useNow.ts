import { useSyncExternalStore } from 'react';

// One shared ticker per period for every countdown on screen, instead of a timer per row.

const tickers = new Map<number, { timer: ReturnType<typeof setInterval>; listeners: Set<() => void> }>();

function subscribe(period: number, listener: () => void): () => void {
  let t = tickers.get(period);
  if (!t) {
    const listeners = new Set<() => void>();
    t = { listeners, timer: setInterval(() => listeners.forEach((l) => l()), period) };
    tickers.set(period, t);
  }
  t.listeners.add(listener);
  const ticker = t;
  return () => {
    ticker.listeners.delete(listener);
    if (ticker.listeners.size === 0) {
      clearInterval(ticker.timer);
      tickers.delete(period);
    }
  };
}

/** The current time, refreshed every `periodMs` (floored to it, so renders in between agree). */
export function useNow(periodMs = 1_000): number {
  return useSyncExternalStore(
    (l) => subscribe(periodMs, l),
    () => Math.floor(Date.now() / periodMs) * periodMs,
  );
}
