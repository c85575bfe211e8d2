import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WakeQueue } from '../../../../src/main/core/reviews/wake-queue';

describe('WakeQueue', () => {
  it('returns due keys earliest first, honouring reschedules and deletes', () => {
    const q = new WakeQueue();
    q.set('a', 30);
    q.set('b', 10);
    q.set('c', 20);
    q.set('a', 5); // rescheduled earlier
    q.delete('c');
    expect(q.peek()).toBe(5);
    expect(q.takeDue(15)).toEqual(['a', 'b']);
    expect(q.peek()).toBeNull();
    expect(q.size).toBe(0);
  });

  it('matches a plain map model under random operations', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), key: fc.integer({ min: 0, max: 20 }), at: fc.integer({ min: 0, max: 1_000 }) }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.integer({ min: 0, max: 20 }) }),
      fc.record({ kind: fc.constant('take' as const), now: fc.integer({ min: 0, max: 1_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new WakeQueue();
        const model = new Map<string, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            q.set(String(o.key), o.at);
            model.set(String(o.key), o.at);
          } else if (o.kind === 'delete') {
            q.delete(String(o.key));
            model.delete(String(o.key));
          } else {
            const due = [...model].filter(([, at]) => at <= o.now);
            const got = q.takeDue(o.now);
            expect(new Set(got)).toEqual(new Set(due.map(([k]) => k)));
            const ats = got.map((k) => model.get(k)!);
            expect(ats).toEqual([...ats].sort((a, b) => a - b));
            for (const [k] of due) model.delete(k);
          }
          const min = model.size ? Math.min(...model.values()) : null;
          expect(q.peek()).toBe(min);
          expect(q.size).toBe(model.size);
        }
      }),
    );
  });
});
