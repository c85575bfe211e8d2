import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../src/main/core/net/backoff';

describe('backoffDelay', () => {
  it('grows with the attempt up to the cap and never goes under one second', () => {
    const mid = () => 0.5;
    expect(backoffDelay(1, 1_000, 60_000, mid)).toBe(1_000);
    expect(backoffDelay(2, 1_000, 60_000, mid)).toBe(1_500);
    expect(backoffDelay(5, 1_000, 60_000, mid)).toBe(12_000);
    expect(backoffDelay(30, 1_000, 60_000, mid)).toBe(45_000);
    expect(backoffDelay(1, 10, 60_000, () => 0)).toBe(1_000);
  });

  it('spreads keys that failed together (jitter between half and the whole delay)', () => {
    const values = [0, 0.25, 0.5, 0.99].map((r) => backoffDelay(4, 1_000, 60_000, () => r));
    expect(new Set(values).size).toBe(4);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(4_000);
    expect(Math.max(...values)).toBeLessThanOrEqual(8_000);
  });
});
