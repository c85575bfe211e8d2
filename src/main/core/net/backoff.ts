/**
 * Reconnect delay: exponential from `baseMs` to `maxMs`, with jitter so that many accounts that
 * dropped together do not retry in lockstep. Never below `floorMs` (at most one attempt per second).
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random, floorMs = 1_000): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": half fixed, half random, so the delay still grows with the attempt.
  const jittered = exp / 2 + random() * (exp / 2);
  return Math.max(floorMs, Math.round(jittered));
}
