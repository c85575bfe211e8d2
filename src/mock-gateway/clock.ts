// A virtual clock: `now()` runs at `timeScale` × real time and jumps forward on `advance()`, firing
// every timer that falls due on the way, in order. Expiry, the once-a-minute sweep and scenario
// timelines all run on it, so a 24-hour review can expire in a test in milliseconds.

interface Timer {
  id: number;
  due: number;
  fn: () => void | Promise<void>;
}

export interface MockClock {
  now(): number;
  advance(ms: number): Promise<void>;
}

export class VirtualClock implements MockClock {
  private readonly realStart = Date.now();
  private offset: number;
  private timers: Timer[] = [];
  private nextId = 1;
  private realTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private advancing: Promise<void> = Promise.resolve();

  constructor(
    startTime: number,
    private readonly timeScale = 1,
  ) {
    this.offset = startTime - this.realStart;
  }

  now(): number {
    const real = Date.now() - this.realStart;
    return this.realStart + this.offset + real * this.timeScale;
  }

  /** Runs `fn` when virtual time reaches `due`. Returns an id for `clear`. */
  at(due: number, fn: () => void | Promise<void>): number {
    const timer = { id: this.nextId++, due, fn };
    const i = this.timers.findIndex((t) => t.due > due);
    if (i === -1) this.timers.push(timer);
    else this.timers.splice(i, 0, timer);
    this.arm();
    return timer.id;
  }

  after(ms: number, fn: () => void | Promise<void>): number {
    return this.at(this.now() + ms, fn);
  }

  clear(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
    this.arm();
  }

  /** Moves virtual time forward and runs, in order, every timer that falls due. */
  advance(ms: number): Promise<void> {
    const run = this.advancing.then(async () => {
      if (!(ms > 0)) return;
      const target = this.now() + ms;
      // Step through due timers so each one sees `now()` equal to its own due time.
      for (;;) {
        const next = this.timers[0];
        if (!next || next.due > target || this.closed) break;
        this.offset += Math.max(0, next.due - this.now());
        this.timers.shift();
        try {
          await next.fn();
        } catch {
          // A failing timer must not stop the clock.
        }
      }
      this.offset += Math.max(0, target - this.now());
      this.arm();
    });
    this.advancing = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.closed = true;
    this.timers = [];
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = null;
  }

  private arm(): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = null;
    const next = this.timers[0];
    if (!next || this.closed || this.timeScale <= 0) return;
    const wait = Math.max(0, (next.due - this.now()) / this.timeScale);
    // Timers beyond ~24 days overflow setTimeout; re-arm in steps.
    this.realTimer = setTimeout(() => void this.fireDue(), Math.min(wait, 2 ** 31 - 1));
    this.realTimer.unref();
  }

  private async fireDue(): Promise<void> {
    this.realTimer = null;
    await this.advancing;
    const now = this.now();
    while (!this.closed && this.timers[0] && this.timers[0].due <= now) {
      const t = this.timers.shift()!;
      try {
        await t.fn();
      } catch {
        // A failing timer must not stop the clock.
      }
    }
    this.arm();
  }
}
