import { describe, expect, it } from 'vitest';
import { evaluateLadder, normalizeLadder, stepDueAt, type LadderInput } from '../../../../src/main/core/reviews/reminder-ladder';

const MIN = 60_000;
const T = Date.UTC(2025, 0, 1, 12, 0, 0); // the deadline
const at = (minutesBefore: number) => T - minutesBefore * MIN;
const base = (over: Partial<LadderInput>): LadderInput => ({ now: at(120), expiresAt: T, ladder: [60, 15, 5], fired: [], ...over });

describe('normalizeLadder', () => {
  it.each([
    [[60, 15, 5], [60, 15, 5]],
    [[5, 60, 15], [60, 15, 5]],
    [[15, 15, 5, 5], [15, 5]],
    [[0, -5, NaN, Infinity, 10], [10]],
    [[], []],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLadder(input)).toEqual(expected);
  });
});

describe('evaluateLadder', () => {
  it.each<[string, Partial<LadderInput>, { fire: number | null; markSilently: number[]; nextWakeAt: number | null; expired?: boolean; snoozed?: boolean }]>([
    ['long before: nothing, wake at T−60', { now: at(120) }, { fire: null, markSilently: [], nextWakeAt: at(60) }],
    ['exactly at T−60: fires 60', { now: at(60) }, { fire: 60, markSilently: [], nextWakeAt: at(15) }],
    ['one ms before T−60: nothing yet', { now: at(60) - 1 }, { fire: null, markSilently: [], nextWakeAt: at(60) }],
    ['after 60 fired: wait for 15', { now: at(30), fired: [60] }, { fire: null, markSilently: [], nextWakeAt: at(15) }],
    ['exactly at T−5 with 60, 15 fired: fires 5, then wake at the deadline', { now: at(5), fired: [60, 15] }, { fire: 5, markSilently: [], nextWakeAt: T }],
    ['all fired: wake at the deadline only', { now: at(2), fired: [60, 15, 5] }, { fire: null, markSilently: [], nextWakeAt: T }],
    ['exactly at the deadline: expired, nothing fires', { now: T, fired: [60] }, { fire: null, markSilently: [], nextWakeAt: null, expired: true }],
    ['past the deadline: expired', { now: T + 1 }, { fire: null, markSilently: [], nextWakeAt: null, expired: true }],
    ['restart in the middle (T−10, 60 fired before): fires 15 only', { now: at(10), fired: [60] }, { fire: 15, markSilently: [], nextWakeAt: at(5) }],
    ['restart after a long gap (T−3, nothing fired): fires 5, 60 and 15 silently', { now: at(3) }, { fire: 5, markSilently: [60, 15], nextWakeAt: T }],
    ['late arrival without createdAt (T−10): fires 15, 60 silently', { now: at(10) }, { fire: 15, markSilently: [60], nextWakeAt: at(5) }],
    ['late arrival with createdAt (T−10): steps due before it are silent', { now: at(10), arrivedAt: at(10) }, { fire: null, markSilently: [60, 15], nextWakeAt: at(5) }],
    ['created at T−30, now T−15: 60 silent, 15 fires', { now: at(15), arrivedAt: at(30) }, { fire: 15, markSilently: [60], nextWakeAt: at(5) }],
    ['step due exactly at arrival is silent', { now: at(15), arrivedAt: at(15) }, { fire: null, markSilently: [60, 15], nextWakeAt: at(5) }],
    ['ladder given out of order with duplicates', { now: at(15), ladder: [5, 15, 60, 15], fired: [60] }, { fire: 15, markSilently: [], nextWakeAt: at(5) }],
    ['ladder change: a step less urgent than one fired never fires', { now: at(12), ladder: [30, 10], fired: [15] }, { fire: null, markSilently: [30], nextWakeAt: at(10) }],
    ['ladder change: new more urgent step fires when due', { now: at(10), ladder: [30, 10], fired: [15] }, { fire: 10, markSilently: [30], nextWakeAt: T }],
    ['ladder change: every step less urgent than a fired one is marked silently', { now: at(100), ladder: [120, 90], fired: [60] }, { fire: null, markSilently: [120, 90], nextWakeAt: T }],
    ['empty ladder: just the deadline', { now: at(30), ladder: [] }, { fire: null, markSilently: [], nextWakeAt: T }],
    ['snoozed over T−60: nothing, wake at snooze end', { now: at(60), snoozedUntil: at(40) }, { fire: null, markSilently: [], nextWakeAt: at(40), snoozed: true }],
    ['snooze ended: the held step fires', { now: at(40), snoozedUntil: at(40) }, { fire: 60, markSilently: [], nextWakeAt: at(15) }],
    ['snooze over two steps: only the most urgent fires after', { now: at(10), snoozedUntil: at(10) }, { fire: 15, markSilently: [60], nextWakeAt: at(5) }],
    ['snooze never passes the final step', { now: at(30), fired: [60], snoozedUntil: T + 60 * MIN }, { fire: null, markSilently: [], nextWakeAt: at(5), snoozed: true }],
    ['final step due during a long snooze fires', { now: at(5), fired: [60], snoozedUntil: T + 60 * MIN }, { fire: 5, markSilently: [15], nextWakeAt: T }],
    ['snooze in the past is ignored', { now: at(60), snoozedUntil: at(70) }, { fire: 60, markSilently: [], nextWakeAt: at(15) }],
    ['snooze with no steps left: wake at the deadline', { now: at(3), fired: [60, 15, 5], snoozedUntil: T + MIN }, { fire: null, markSilently: [], nextWakeAt: T }],
  ])('%s', (_name, over, expected) => {
    const decision = evaluateLadder(base(over));
    expect({ fire: decision.fire, markSilently: decision.markSilently, nextWakeAt: decision.nextWakeAt }).toEqual({
      fire: expected.fire,
      markSilently: expected.markSilently,
      nextWakeAt: expected.nextWakeAt,
    });
    expect(decision.expired).toBe(expected.expired ?? false);
    expect(decision.snoozed).toBe(expected.snoozed ?? false);
  });

  it('reports when the next reminder will fire, snooze included', () => {
    expect(evaluateLadder(base({ now: at(30), fired: [60] })).nextStepAt).toBe(at(15));
    expect(evaluateLadder(base({ now: at(60), snoozedUntil: at(50) })).nextStepAt).toBe(at(50));
    expect(evaluateLadder(base({ now: at(90), snoozedUntil: at(20) })).nextStepAt).toBe(at(20));
    expect(evaluateLadder(base({ now: at(90), snoozedUntil: at(80) })).nextStepAt).toBe(at(60));
    expect(evaluateLadder(base({ now: at(3), fired: [60, 15, 5] })).nextStepAt).toBeNull();
  });

  it('walking the clock through a review fires each step once, in order', () => {
    const fired: number[] = [];
    const order: number[] = [];
    let now = at(180);
    for (let guard = 0; guard < 20; guard++) {
      const d = evaluateLadder({ now, expiresAt: T, ladder: [60, 15, 5], fired });
      if (d.fire !== null) order.push(d.fire);
      fired.push(...d.markSilently, ...(d.fire !== null ? [d.fire] : []));
      if (d.expired || d.nextWakeAt === null) break;
      expect(d.nextWakeAt).toBeGreaterThan(now);
      now = d.nextWakeAt;
    }
    expect(order).toEqual([60, 15, 5]);
    expect(now).toBe(T);
  });

  it('stepDueAt counts minutes back from the deadline', () => {
    expect(stepDueAt(T, 15)).toBe(T - 15 * MIN);
  });
});
