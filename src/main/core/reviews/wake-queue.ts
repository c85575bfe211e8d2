/**
 * A min-heap of (time, key) with lazy deletion: rescheduling a key pushes a new entry and the old
 * one is skipped when it surfaces. Keeps the review scheduler at one timer and O(log n) per change
 * with 10k pending reviews, instead of a timer or a full scan per review.
 */
export class WakeQueue {
  #heap: { at: number; key: string; version: number }[] = [];
  readonly #current = new Map<string, { at: number; version: number }>();
  #nextVersion = 0;

  get size(): number {
    return this.#current.size;
  }

  set(key: string, at: number): void {
    const version = this.#nextVersion++;
    this.#current.set(key, { at, version });
    this.#push({ at, key, version });
    // Stale entries pile up when keys are rescheduled often; rebuild before they dominate.
    if (this.#heap.length > 2 * this.#current.size + 1_024) this.#rebuild();
  }

  delete(key: string): void {
    this.#current.delete(key);
  }

  clear(): void {
    this.#heap = [];
    this.#current.clear();
  }

  /** The earliest wake-up time, or null when empty. */
  peek(): number | null {
    this.#dropStale();
    return this.#heap[0]?.at ?? null;
  }

  /** Removes and returns every key due at or before `now`, earliest first. */
  takeDue(now: number): string[] {
    const keys: string[] = [];
    for (;;) {
      this.#dropStale();
      const top = this.#heap[0];
      if (!top || top.at > now) return keys;
      this.#pop();
      this.#current.delete(top.key);
      keys.push(top.key);
    }
  }

  #isStale(entry: { key: string; version: number }): boolean {
    return this.#current.get(entry.key)?.version !== entry.version;
  }

  #dropStale(): void {
    while (this.#heap.length && this.#isStale(this.#heap[0]!)) this.#pop();
  }

  #rebuild(): void {
    this.#heap = [];
    for (const [key, { at, version }] of this.#current) this.#push({ at, key, version });
  }

  #push(entry: { at: number; key: string; version: number }): void {
    const heap = this.#heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  #pop(): void {
    const heap = this.#heap;
    const last = heap.pop();
    if (!last || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < heap.length && heap[l]!.at < heap[min]!.at) min = l;
      if (r < heap.length && heap[r]!.at < heap[min]!.at) min = r;
      if (min === i) return;
      [heap[min], heap[i]] = [heap[i]!, heap[min]!];
      i = min;
    }
  }
}
