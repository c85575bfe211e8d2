import type { Clock } from '../../../../src/main/core/ports';

/** A manual clock: timers run only when the test advances time, in due order. */
export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();
  /** Every setTimeout ever made, for asserting how many timers the code under test uses. */
  created = 0;

  constructor(start = Date.UTC(2025, 0, 1, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.#nextId++;
    this.created++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  get activeTimers(): number {
    return this.#timers.size;
  }

  /** The due time of the earliest timer, or null. */
  get nextTimerAt(): number | null {
    let min: number | null = null;
    for (const t of this.#timers.values()) if (min === null || t.at < min) min = t.at;
    return min;
  }

  /** Moves time forward by `ms`, running each timer at its due time. */
  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  advanceTo(target: number): void {
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const entry of this.#timers) if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.#now = Math.max(this.#now, next[1].at);
      next[1].fn();
    }
    this.#now = Math.max(this.#now, target);
  }

  /** Jumps the wall clock without running timers, as after a suspend. */
  jump(ms: number): void {
    this.#now += ms;
  }
}
