import type { ReviewItem } from '../../shared/domain';
import { reviewTypeLabel } from '../../shared/reviews/review-payload';
import { FilterSelect } from './FilterSelect';

export interface QueueFilters {
  accountId: string;
  agent: string;
  type: string;
  expiringSoon: boolean;
}

export const noFilters: QueueFilters = { accountId: '', agent: '', type: '', expiringSoon: false };
export const SOON_MS = 60 * 60_000;

export function applyFilters(items: ReviewItem[], f: QueueFilters, now: number): ReviewItem[] {
  return items.filter(
    (r) =>
      (!f.accountId || r.accountId === f.accountId) &&
      (!f.agent || `${r.accountId}/${r.channelId}` === f.agent) &&
      (!f.type || r.type === f.type) &&
      (!f.expiringSoon || Date.parse(r.expiresAt) - now <= SOON_MS),
  );
}

export function ReviewFilters({ items, filters, accounts, onChange }: { items: ReviewItem[]; filters: QueueFilters; accounts: { id: string; label: string }[]; onChange: (f: QueueFilters) => void }) {
  const agents = new Map<string, string>();
  const types = new Set<string>();
  for (const r of items) {
    if (!filters.accountId || r.accountId === filters.accountId) agents.set(`${r.accountId}/${r.channelId}`, r.agentName);
    types.add(r.type);
  }
  const active = filters.accountId || filters.agent || filters.type || filters.expiringSoon;
  return (
    <div className="filters" role="group" aria-label="Filter reviews">
      <FilterSelect
        label="Account"
        allLabel="All accounts"
        value={filters.accountId}
        options={accounts.map((a) => ({ value: a.id, label: a.label }))}
        onChange={(accountId) => onChange({ ...filters, accountId, agent: '' })}
      />
      <FilterSelect label="Agent" allLabel="All agents" value={filters.agent} options={[...agents].map(([value, label]) => ({ value, label }))} onChange={(agent) => onChange({ ...filters, agent })} />
      <FilterSelect
        label="Type"
        allLabel="All types"
        value={filters.type}
        options={[...types].sort().map((t) => ({ value: t, label: reviewTypeLabel(t) }))}
        onChange={(type) => onChange({ ...filters, type })}
      />
      <label className="check">
        <input type="checkbox" checked={filters.expiringSoon} onChange={(e) => onChange({ ...filters, expiringSoon: e.target.checked })} />
        Expiring within 1 hour
      </label>
      {active && (
        <button type="button" className="btn btn-link" onClick={() => onChange(noFilters)}>
          Clear filters
        </button>
      )}
    </div>
  );
}
