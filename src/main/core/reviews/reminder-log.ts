/**
 * Which reminder steps have been given for each review. The store implements it (the notification
 * log table), so a restart neither repeats nor loses a reminder; tests use InMemoryReminderLog.
 */
export interface ReminderLog {
  /** Steps (minutes before the deadline) already fired or marked for `key`. */
  firedSteps(key: string): number[];
  recordFired(key: string, step: number, at: number): void;
}

export class InMemoryReminderLog implements ReminderLog {
  readonly #fired = new Map<string, Map<number, number>>();

  firedSteps(key: string): number[] {
    return [...(this.#fired.get(key)?.keys() ?? [])];
  }

  recordFired(key: string, step: number, at: number): void {
    let steps = this.#fired.get(key);
    if (!steps) this.#fired.set(key, (steps = new Map()));
    if (!steps.has(step)) steps.set(step, at);
  }

  /** When `step` was recorded for `key`, for tests. */
  firedAt(key: string, step: number): number | undefined {
    return this.#fired.get(key)?.get(step);
  }
}
