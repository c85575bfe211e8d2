import type { Summary } from './stats';

/** Counts behind a figure: every benchmark proves nothing was lost on the way. */
export interface Delivery {
  emitted: number;
  received: number;
  lost: number;
  duplicated: number;
}

export interface BenchRow {
  id: string;
  case: string;
  unit: string;
  value: Summary | null;
  /** The limit measured alongside, in the same unit where a ratio makes sense. */
  limit?: { what: string; value: number; unit: string };
  /** value / limit, in the direction of the target (see `ratioNote`). */
  ratio?: number;
  target?: string;
  /** true / false against the target; null where there is no target or nothing was measured. */
  met: boolean | null;
  delivery?: Delivery;
  /** Any other figures (p50, p99, backlog...), printed in the JSON line. */
  extra?: Record<string, unknown>;
  note?: string;
}

export function delivery(emitted: number, received: number, duplicated = 0): Delivery {
  return { emitted, received, lost: Math.max(0, emitted - received), duplicated };
}

/** For a benchmark that could not run: say so in the table, never silently skip. */
export function notMeasured(id: string, name: string, reason: string, target?: string): BenchRow {
  return { id, case: name, unit: '', value: null, met: null, target, note: `not measured: ${reason}` };
}

export function printRow(row: BenchRow): void {
  process.stdout.write(`${JSON.stringify({ bench: row.id, ...row, id: undefined })}\n`);
}

const fmt = (n: number | undefined): string => {
  if (n === undefined || !Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** The summary table: one row per case, the ratio next to the limit it came from. */
export function markdownTable(rows: readonly BenchRow[]): string {
  const head = '| # | Case | Median | Spread (min–max) | Limit, same run | Ratio | Target | Met | Emitted / received / lost / dup | Notes |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const value = r.value ? `${fmt(r.value.median)} ${r.unit}` : '—';
    const spread = r.value ? `${fmt(r.value.min)}–${fmt(r.value.max)} (n=${r.value.n})` : '—';
    const limit = r.limit ? `${fmt(r.limit.value)} ${r.limit.unit} (${r.limit.what})` : '—';
    const ratio = r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`;
    const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
    const d = r.delivery ? `${r.delivery.emitted} / ${r.delivery.received} / ${r.delivery.lost} / ${r.delivery.duplicated}` : '—';
    return `| ${r.id} | ${r.case} | ${value} | ${spread} | ${limit} | ${ratio} | ${r.target ?? '—'} | ${met} | ${d} | ${(r.note ?? '').replace(/\|/g, '/')} |`;
  });
  return [head, rule, ...lines].join('\n');
}
