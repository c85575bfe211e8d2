import type { Clock } from '../ports';
import { DEFAULT_LADDER_MINUTES, evaluateLadder, normalizeLadder } from './reminder-ladder';
import type { ReminderLog } from './reminder-log';
import { WakeQueue } from './wake-queue';

export type ReviewStatus = 'pending' | 'completed' | 'expired';

export interface ReviewDeadline {
  /** Unique across accounts, e.g. `<accountId>:<messageId>`. */
  key: string;
  accountId: string;
  channelId: string;
  messageId: string;
  /** The deadline, ms since the epoch. */
  expiresAt: number;
  status: ReviewStatus;
  /** The review's createdAt (ms); steps already due then are never fired (see evaluateLadder). */
  createdAt?: number | null;
  /** A persisted snooze, restored after a restart. */
  snoozedUntil?: number | null;
}

export interface TrackedReview {
  key: string;
  accountId: string;
  channelId: string;
  messageId: string;
  expiresAt: number;
  status: 'pending';
  createdAt: number | null;
  snoozedUntil: number | null;
  firedSteps: number[];
  /** When the next reminder fires, a snooze taken into account; null when none is left. */
  nextReminderAt: number | null;
}

export interface ReviewSchedulerOptions {
  clock: Clock;
  log: ReminderLog;
  ladder?: readonly number[];
  onReminder: (review: TrackedReview, step: number) => void;
  /** A pending review reached its deadline: reported once, whether or not the server says so. */
  onLocalExpiry: (review: TrackedReview) => void;
  /** A callback threw; the scheduler carries on. */
  onError?: (err: unknown) => void;
  /**
   * The longest single timer. Node's timers run on a monotonic clock that stops while the machine
   * sleeps, so a long timer set before a suspend fires late; re-arming at least this often bounds
   * that lateness even when the host never calls `recheck()` on resume.
   */
  maxTimerMs?: number;
}

// Keys reported as locally expired, remembered so that a backfill re-reading a review the server
// has not swept yet does not report it twice. Bounded: the oldest are forgotten first.
const EXPIRED_MEMORY = 10_000;

/**
 * The review-deadline queue across all accounts: fires reminders per the ladder and reports
 * local expiry, with a single timer for the earliest wake-up. Callbacks run from that timer,
 * never from inside `upsert`/`snooze`, so they may call back into the scheduler.
 */
export class ReviewScheduler {
  readonly #clock: Clock;
  readonly #log: ReminderLog;
  readonly #options: ReviewSchedulerOptions;
  readonly #maxTimerMs: number;
  readonly #reviews = new Map<string, TrackedReview>();
  readonly #queue = new WakeQueue();
  readonly #expired = new Set<string>();
  #ladder: number[];
  #timer: unknown = null;
  #timerAt: number | null = null;
  #running = false;
  #disposed = false;

  constructor(options: ReviewSchedulerOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#maxTimerMs = options.maxTimerMs ?? 60_000;
    this.#ladder = normalizeLadder(options.ladder ?? DEFAULT_LADDER_MINUTES);
  }

  get ladder(): readonly number[] {
    return this.#ladder;
  }

  /** Adds or updates a review. A review that is no longer pending stops being tracked. */
  upsert(review: ReviewDeadline): void {
    if (this.#disposed) return;
    if (review.status !== 'pending' || !Number.isFinite(review.expiresAt)) {
      if (review.status !== 'pending') this.#expired.delete(review.key);
      this.remove(review.key);
      return;
    }
    if (this.#expired.has(review.key)) return;
    const existing = this.#reviews.get(review.key);
    const tracked: TrackedReview = {
      key: review.key,
      accountId: review.accountId,
      channelId: review.channelId,
      messageId: review.messageId,
      expiresAt: review.expiresAt,
      status: 'pending',
      createdAt: review.createdAt ?? existing?.createdAt ?? null,
      snoozedUntil: review.snoozedUntil !== undefined ? review.snoozedUntil : (existing?.snoozedUntil ?? null),
      // Read once per review: the store is the truth across restarts, memory after that.
      firedSteps: existing?.firedSteps ?? this.#log.firedSteps(review.key),
      nextReminderAt: null,
    };
    this.#reviews.set(review.key, tracked);
    this.#plan(tracked, this.#clock.now());
    this.#arm();
  }

  remove(key: string): void {
    if (!this.#reviews.delete(key)) return;
    this.#queue.delete(key);
    this.#arm();
  }

  /** Holds reminders back until `untilMs` (capped at the last step, see evaluateLadder); null ends it. */
  snooze(key: string, untilMs: number | null): void {
    const review = this.#reviews.get(key);
    if (!review || this.#disposed) return;
    review.snoozedUntil = untilMs;
    this.#plan(review, this.#clock.now());
    this.#arm();
  }

  setLadder(minutes: readonly number[]): void {
    this.#ladder = normalizeLadder(minutes);
    const now = this.#clock.now();
    for (const review of this.#reviews.values()) this.#plan(review, now);
    this.#arm();
  }

  /** Pending reviews, least time left first. */
  pending(): TrackedReview[] {
    return [...this.#reviews.values()]
      .sort((a, b) => a.expiresAt - b.expiresAt || a.key.localeCompare(b.key))
      .map((r) => ({ ...r, firedSteps: [...r.firedSteps] }));
  }

  get size(): number {
    return this.#reviews.size;
  }

  /** Re-evaluates now: call on resume from sleep or after a wall-clock change. */
  recheck(): void {
    if (this.#disposed) return;
    this.#disarm();
    this.#tick();
  }

  dispose(): void {
    this.#disposed = true;
    this.#disarm();
    this.#reviews.clear();
    this.#queue.clear();
    this.#expired.clear();
  }

  /** Works out the review's next wake-up without firing anything (firing happens in #tick). */
  #plan(review: TrackedReview, now: number): void {
    const decision = evaluateLadder(this.#ladderInput(review, now));
    review.nextReminderAt = decision.nextStepAt;
    // Due now (or expired): wake at once; the tick fires it.
    const wakeAt = decision.expired || decision.fire !== null ? now : decision.nextWakeAt;
    if (wakeAt === null) this.#queue.delete(review.key);
    else this.#queue.set(review.key, wakeAt);
  }

  #tick(): void {
    if (this.#disposed) return;
    this.#running = true;
    try {
      const now = this.#clock.now();
      for (const key of this.#queue.takeDue(now)) {
        const review = this.#reviews.get(key);
        if (review) this.#process(review, now);
      }
    } finally {
      this.#running = false;
    }
    this.#arm();
  }

  #process(review: TrackedReview, now: number): void {
    const decision = evaluateLadder(this.#ladderInput(review, now));
    if (decision.expired) {
      this.#reviews.delete(review.key);
      this.#rememberExpired(review.key);
      this.#safely(() => this.#options.onLocalExpiry({ ...review, firedSteps: [...review.firedSteps] }));
      return;
    }
    for (const step of decision.markSilently) this.#record(review, step, now);
    // Recorded before the callback: after a crash in between, a reminder is lost rather than
    // repeated, and the final steps (and the review in the queue) still follow.
    if (decision.fire !== null) this.#record(review, decision.fire, now);
    review.nextReminderAt = decision.nextStepAt;
    if (decision.nextWakeAt !== null) this.#queue.set(review.key, decision.nextWakeAt);
    if (decision.fire !== null) {
      const step = decision.fire;
      this.#safely(() => this.#options.onReminder({ ...review, firedSteps: [...review.firedSteps] }, step));
    }
  }

  #record(review: TrackedReview, step: number, now: number): void {
    if (review.firedSteps.includes(step)) return;
    review.firedSteps.push(step);
    this.#log.recordFired(review.key, step, now);
  }

  #ladderInput(review: TrackedReview, now: number) {
    return {
      now,
      expiresAt: review.expiresAt,
      ladder: this.#ladder,
      fired: review.firedSteps,
      snoozedUntil: review.snoozedUntil,
      arrivedAt: review.createdAt,
    };
  }

  #rememberExpired(key: string): void {
    this.#expired.add(key);
    if (this.#expired.size > EXPIRED_MEMORY) {
      const oldest = this.#expired.values().next().value;
      if (oldest !== undefined) this.#expired.delete(oldest);
    }
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#options.onError?.(err);
    }
  }

  /** Keeps exactly one timer, for the earliest wake-up. */
  #arm(): void {
    if (this.#running || this.#disposed) return;
    const at = this.#queue.peek();
    if (at === null) return this.#disarm();
    const now = this.#clock.now();
    const fireAt = Math.min(at, now + this.#maxTimerMs);
    if (this.#timer !== null && this.#timerAt !== null && this.#timerAt <= fireAt && this.#timerAt >= now) return;
    this.#disarm();
    this.#timerAt = fireAt;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.#timerAt = null;
      this.#tick();
    }, Math.max(0, fireAt - now));
  }

  #disarm(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
    this.#timerAt = null;
  }
}
