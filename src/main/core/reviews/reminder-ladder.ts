// When to remind the operator of a pending review. Pure functions over plain numbers, so every
// edge (a restart in the middle of the ladder, a late arrival, a ladder change, a snooze, the
// exact boundary) is a table test.
//
// A step is "minutes before the deadline". Steps already given are passed in `fired`, which the
// store persists (ReminderLog), so a restart neither repeats nor loses a reminder.

export const DEFAULT_LADDER_MINUTES: readonly number[] = [60, 15, 5];
const MINUTE_MS = 60_000;

/** Positive, finite, de-duplicated, most distant first: `[5, 60, 15, 15]` → `[60, 15, 5]`. */
export function normalizeLadder(minutes: Iterable<number>): number[] {
  const steps = new Set<number>();
  for (const m of minutes) if (Number.isFinite(m) && m > 0) steps.add(m);
  return [...steps].sort((a, b) => b - a);
}

export function stepDueAt(expiresAt: number, minutes: number): number {
  return expiresAt - minutes * MINUTE_MS;
}

export interface LadderInput {
  now: number;
  /** The review's deadline, ms since the epoch. */
  expiresAt: number;
  /** Need not be normalised. */
  ladder: Iterable<number>;
  /** Steps (minutes) already fired or marked for this review. */
  fired: Iterable<number>;
  snoozedUntil?: number | null;
  /**
   * When the review was created. Steps that were already due then never applied (the new-review
   * notification says how little time is left), so they are marked silently instead of fired.
   * Without it, a late arrival fires its most urgent due step at once.
   */
  arrivedAt?: number | null;
}

export interface LadderDecision {
  /** The step to fire now (at most one), or null. */
  fire: number | null;
  /** Steps to record as fired without a notification: missed, superseded or never applicable. */
  markSilently: number[];
  /** The next moment something can happen: a step, the end of a snooze, or the deadline. Null once expired. */
  nextWakeAt: number | null;
  /** When the next reminder will fire (a snooze taken into account); null when none is left. */
  nextStepAt: number | null;
  /** The deadline has passed: nothing fires, the review is expired locally (PROTOCOL.md §4.4). */
  expired: boolean;
  /** Reminders are held back by a snooze right now. */
  snoozed: boolean;
}

/**
 * Decides what happens for one review at `now`.
 *
 * - Only the most urgent due step fires; less urgent due steps are marked silently, so a restart
 *   or a late arrival never bursts several reminders, and none repeats.
 * - A step less urgent than one already fired never fires (after a ladder change, say).
 * - Due at exactly `now` counts as due; at exactly `expiresAt` the review is expired.
 * - A snooze holds reminders back but never past the last step's due time: the final reminder is
 *   the operator's safety net, and the review itself is never hidden.
 */
export function evaluateLadder(input: LadderInput): LadderDecision {
  const { now, expiresAt } = input;
  const ladder = normalizeLadder(input.ladder);
  if (now >= expiresAt) {
    return { fire: null, markSilently: [], nextWakeAt: null, nextStepAt: null, expired: true, snoozed: false };
  }
  const fired = new Set(input.fired);
  const mostUrgentFired = Math.min(Infinity, ...fired);
  const arrivedAt = input.arrivedAt ?? -Infinity;

  const markSilently: number[] = [];
  const due: number[] = [];
  const later: number[] = [];
  for (const step of ladder) {
    if (fired.has(step)) continue;
    const dueAt = stepDueAt(expiresAt, step);
    if (step >= mostUrgentFired || dueAt <= arrivedAt) markSilently.push(step);
    else if (dueAt <= now) due.push(step);
    else later.push(step);
  }

  const finalStep = ladder.at(-1);
  const snoozeEnd =
    input.snoozedUntil != null && finalStep !== undefined
      ? Math.min(input.snoozedUntil, stepDueAt(expiresAt, finalStep))
      : (input.snoozedUntil ?? -Infinity);
  const snoozed = snoozeEnd > now;

  let fire: number | null = null;
  if (!snoozed && due.length > 0) {
    fire = Math.min(...due);
    for (const step of due) if (step !== fire) markSilently.push(step);
  }

  // `later` is in ladder order (descending minutes), so its first entry is due first.
  const nextDueAt = later[0] === undefined ? null : stepDueAt(expiresAt, later[0]);
  let nextStepAt: number | null;
  if (!snoozed) nextStepAt = nextDueAt;
  else if (due.length > 0) nextStepAt = snoozeEnd;
  else nextStepAt = nextDueAt === null ? null : Math.max(nextDueAt, snoozeEnd);
  const nextWakeAt = Math.min(expiresAt, snoozed ? snoozeEnd : Infinity, nextStepAt ?? Infinity);
  return { fire, markSilently, nextWakeAt, nextStepAt, expired: false, snoozed };
}
