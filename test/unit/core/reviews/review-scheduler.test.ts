import { describe, expect, it } from 'vitest';
import { InMemoryReminderLog } from '../../../../src/main/core/reviews/reminder-log';
import { ReviewScheduler, type ReviewDeadline, type TrackedReview } from '../../../../src/main/core/reviews/review-scheduler';
import { FakeClock } from './fake-clock';

const MIN = 60_000;
const HOUR = 60 * MIN;

function setup(options: { log?: InMemoryReminderLog; ladder?: number[]; clock?: FakeClock } = {}) {
  const clock = options.clock ?? new FakeClock();
  const log = options.log ?? new InMemoryReminderLog();
  const events: string[] = [];
  const scheduler = new ReviewScheduler({
    clock,
    log,
    ladder: options.ladder,
    onReminder: (r, step) => events.push(`remind ${r.key} ${step} @${(r.expiresAt - clock.now()) / MIN}`),
    onLocalExpiry: (r) => events.push(`expired ${r.key} @${(clock.now() - r.expiresAt) / MIN}`),
    maxTimerMs: 24 * HOUR,
  });
  const review = (key: string, expiresIn: number, over: Partial<ReviewDeadline> = {}): ReviewDeadline => ({
    key,
    accountId: 'acc',
    channelId: 'ch',
    messageId: key,
    expiresAt: clock.now() + expiresIn,
    status: 'pending',
    ...over,
  });
  return { clock, log, events, scheduler, review };
}

describe('ReviewScheduler', () => {
  it('fires each ladder step once at its time, then reports local expiry once', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r1', 2 * HOUR));
    clock.advance(3 * HOUR);
    expect(events).toEqual(['remind r1 60 @60', 'remind r1 15 @15', 'remind r1 5 @5', 'expired r1 @0']);
    expect(scheduler.pending()).toEqual([]);
    expect(clock.activeTimers).toBe(0);
  });

  it('uses one timer for many reviews, armed for the earliest wake-up', () => {
    const { clock, scheduler, review } = setup();
    const start = clock.now();
    for (let i = 0; i < 500; i++) scheduler.upsert(review(`r${i}`, 2 * HOUR + i * MIN));
    scheduler.upsert(review('soon', 30 * MIN, { createdAt: start }));
    expect(clock.activeTimers).toBe(1);
    expect(clock.nextTimerAt).toBe(start + 15 * MIN);
    scheduler.remove('soon');
    scheduler.upsert(review('soon2', 70 * MIN));
    expect(clock.activeTimers).toBe(1);
  });

  it('scales to 10k pending reviews', () => {
    const { clock, events, scheduler, review } = setup();
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) scheduler.upsert(review(`r${i}`, 61 * MIN + (i % 600) * 1_000));
    clock.advance(2 * HOUR);
    const elapsed = performance.now() - started;
    expect(events.filter((e) => e.startsWith('remind'))).toHaveLength(30_000);
    expect(events.filter((e) => e.startsWith('expired'))).toHaveLength(10_000);
    expect(clock.activeTimers).toBe(0);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('orders pending() by time left', () => {
    const { scheduler, review } = setup();
    scheduler.upsert(review('late', 5 * HOUR));
    scheduler.upsert(review('soon', 10 * MIN));
    scheduler.upsert(review('mid', HOUR));
    expect(scheduler.pending().map((r) => r.key)).toEqual(['soon', 'mid', 'late']);
  });

  it('a review that is no longer pending stops being tracked, with no callbacks', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('a', 2 * HOUR));
    scheduler.upsert(review('b', 2 * HOUR));
    scheduler.upsert({ ...review('a', 2 * HOUR), status: 'completed' });
    scheduler.remove('b');
    clock.advance(3 * HOUR);
    expect(events).toEqual([]);
    expect(clock.activeTimers).toBe(0);
  });

  it('restart with a ReminderLog that already has fired steps: no repeat, the rest follows', () => {
    const log = new InMemoryReminderLog();
    const clock = new FakeClock();
    const first = setup({ log, clock });
    first.scheduler.upsert(first.review('r1', 2 * HOUR));
    clock.advance(HOUR + 50 * MIN); // 60 fired at T−60; now T−10, 15 fired at T−15
    expect(first.events).toEqual(['remind r1 60 @60', 'remind r1 15 @15']);
    const expiresAt = first.scheduler.pending()[0]!.expiresAt;
    first.scheduler.dispose();
    expect(clock.activeTimers).toBe(0);

    const second = setup({ log, clock });
    second.scheduler.upsert({ key: 'r1', accountId: 'acc', channelId: 'ch', messageId: 'r1', expiresAt, status: 'pending' });
    clock.advance(20 * MIN);
    expect(second.events).toEqual(['remind r1 5 @5', 'expired r1 @0']);
  });

  it('restart after missing several steps fires only the most urgent, once', () => {
    const log = new InMemoryReminderLog();
    const { clock, events, scheduler, review } = setup({ log });
    scheduler.upsert(review('r1', 3 * MIN)); // the app was closed across T−60 and T−15
    clock.advance(0);
    expect(events).toEqual(['remind r1 5 @3']);
    expect(log.firedSteps('r1').sort((a, b) => a - b)).toEqual([5, 15, 60]);
    scheduler.upsert(review('r1', 3 * MIN)); // a backfill re-reads it
    clock.advance(MIN);
    expect(events).toEqual(['remind r1 5 @3']);
  });

  it('a late arrival with createdAt gets no immediate reminder, only the next step', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r1', 10 * MIN, { createdAt: clock.now() }));
    clock.advance(0);
    expect(events).toEqual([]);
    clock.advance(20 * MIN);
    expect(events).toEqual(['remind r1 5 @5', 'expired r1 @0']);
  });

  it('a pending review already past its deadline is reported expired once, even when re-upserted', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('old', -MIN));
    expect(events).toEqual([]); // never from inside upsert
    clock.advance(0);
    expect(events).toEqual(['expired old @1']);
    scheduler.upsert(review('old', -2 * MIN)); // the server has not swept it yet
    clock.advance(MIN);
    expect(events).toEqual(['expired old @1']);
    expect(scheduler.pending()).toEqual([]);
  });

  it('local expiry happens without any server event', () => {
    const { clock, events, scheduler, review } = setup({ ladder: [] });
    scheduler.upsert(review('r', 30 * MIN));
    clock.advance(30 * MIN - 1);
    expect(events).toEqual([]);
    clock.advance(1);
    expect(events).toEqual(['expired r @0']);
  });

  it('snooze delays reminders but keeps the review pending, and never swallows the final step', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r', 2 * HOUR));
    clock.advance(HOUR); // T−60 fired
    scheduler.snooze('r', clock.now() + 3 * HOUR);
    clock.advance(50 * MIN); // T−10: the 15 step is held
    expect(events).toEqual(['remind r 60 @60']);
    expect(scheduler.pending().map((r) => r.key)).toEqual(['r']);
    expect(scheduler.pending()[0]!.nextReminderAt).toBe(scheduler.pending()[0]!.expiresAt - 5 * MIN);
    clock.advance(5 * MIN); // T−5: the final step breaks through; 15 marked silently
    expect(events).toEqual(['remind r 60 @60', 'remind r 5 @5']);
  });

  it('a snooze that ends fires the held step', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r', 70 * MIN, { snoozedUntil: null }));
    scheduler.snooze('r', clock.now() + 20 * MIN);
    clock.advance(15 * MIN);
    expect(events).toEqual([]);
    clock.advance(5 * MIN);
    expect(events).toEqual(['remind r 60 @50']);
    scheduler.snooze('r', clock.now() + 5 * MIN);
    scheduler.snooze('r', null); // un-snooze
    clock.advance(35 * MIN);
    expect(events).toEqual(['remind r 60 @50', 'remind r 15 @15']);
  });

  it('setLadder re-plans every review', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r', 2 * HOUR));
    scheduler.setLadder([30, 30, 90]);
    expect(scheduler.ladder).toEqual([90, 30]);
    clock.advance(2 * HOUR);
    expect(events).toEqual(['remind r 90 @90', 'remind r 30 @30', 'expired r @0']);
  });

  it('setLadder after a step fired does not fire less urgent new steps', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r', 2 * HOUR));
    clock.advance(HOUR + 45 * MIN); // fired 60 and 15
    scheduler.setLadder([30, 10]);
    clock.advance(15 * MIN);
    expect(events).toEqual(['remind r 60 @60', 'remind r 15 @15', 'remind r 10 @10', 'expired r @0']);
  });

  it('callbacks may call back into the scheduler, and a throwing callback does not stop others', () => {
    const clock = new FakeClock();
    const errors: unknown[] = [];
    const seen: string[] = [];
    const scheduler: ReviewScheduler = new ReviewScheduler({
      clock,
      log: new InMemoryReminderLog(),
      ladder: [5],
      onReminder: (r: TrackedReview) => {
        seen.push(r.key);
        if (r.key === 'a') throw new Error('boom');
        scheduler.upsert({ ...r, status: 'completed' });
      },
      onLocalExpiry: (r) => seen.push(`expired ${r.key}`),
      onError: (e) => errors.push(e),
    });
    const base = { accountId: 'x', channelId: 'c', status: 'pending' as const };
    scheduler.upsert({ ...base, key: 'a', messageId: 'a', expiresAt: clock.now() + 5 * MIN });
    scheduler.upsert({ ...base, key: 'b', messageId: 'b', expiresAt: clock.now() + 5 * MIN });
    clock.advance(10 * MIN);
    expect(seen).toEqual(['a', 'b', 'expired a']);
    expect(errors).toHaveLength(1);
    scheduler.dispose();
  });

  it('re-arms at least every maxTimerMs and recheck() catches up after a suspend', () => {
    const clock = new FakeClock();
    const events: string[] = [];
    const scheduler = new ReviewScheduler({
      clock,
      log: new InMemoryReminderLog(),
      ladder: [60],
      onReminder: (r, step) => events.push(`${r.key} ${step}`),
      onLocalExpiry: (r) => events.push(`expired ${r.key}`),
    });
    scheduler.upsert({ key: 'r', accountId: 'a', channelId: 'c', messageId: 'r', expiresAt: clock.now() + 3 * HOUR, status: 'pending' });
    expect(clock.nextTimerAt).toBe(clock.now() + 60_000);
    clock.jump(2 * HOUR + 30 * MIN); // slept; no timer ran
    scheduler.recheck();
    expect(events).toEqual(['r 60']);
    expect(clock.activeTimers).toBe(1);
    scheduler.dispose();
  });

  it('leaves no timer after dispose and ignores calls afterwards', () => {
    const { clock, events, scheduler, review } = setup();
    scheduler.upsert(review('r', 2 * HOUR));
    expect(clock.activeTimers).toBe(1);
    scheduler.dispose();
    expect(clock.activeTimers).toBe(0);
    scheduler.upsert(review('s', HOUR));
    scheduler.recheck();
    clock.advance(3 * HOUR);
    expect(clock.activeTimers).toBe(0);
    expect(events).toEqual([]);
  });

  it('pending() returns copies the caller cannot corrupt', () => {
    const { scheduler, review } = setup();
    scheduler.upsert(review('r', 2 * HOUR));
    const [copy] = scheduler.pending();
    copy!.firedSteps.push(60);
    copy!.expiresAt = 0;
    expect(scheduler.pending()[0]!.firedSteps).toEqual([]);
    expect(scheduler.pending()[0]!.expiresAt).toBeGreaterThan(0);
  });
});
