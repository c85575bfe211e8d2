/**
 * A fixed window per client, like @nestjs/throttler: the window opens on the first hit and
 * `Retry-After` is the seconds left in it. Runs on the virtual clock so tests can roll it over.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts a hit; returns the seconds to wait when over the limit, else null. */
  hit(client: string): { retryAfterSec: number | null; remaining: number; resetSec: number } {
    const now = this.now();
    let w = this.windows.get(client);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, hits: 0 };
      this.windows.set(client, w);
    }
    w.hits++;
    const resetSec = Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
    if (w.hits > this.limit) return { retryAfterSec: resetSec, remaining: 0, resetSec };
    return { retryAfterSec: null, remaining: this.limit - w.hits, resetSec };
  }
}
