/** Nearest-rank percentile of an unsorted sample (0..100). NaN for an empty sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how much the repeats disagree. */
  spread: number;
  n: number;
  /** The individual runs (omitted for large samples). */
  runs?: number[];
}

/** Median and spread of repeated runs, so one noisy run cannot pass for the figure. */
export function summarise(runs: readonly number[]): Summary {
  const m = median(runs);
  const min = Math.min(...runs);
  const max = Math.max(...runs);
  return { median: round(m), min: round(min), max: round(max), spread: m === 0 ? 0 : round((max - min) / m, 3), n: runs.length, ...(runs.length <= 20 ? { runs: runs.map((r) => round(r)) } : {}) };
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Milliseconds since `start` (from `performance.now()`). */
export const since = (start: number): number => performance.now() - start;
