import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ReviewItem } from '../../shared/domain';
import { useNow } from '../hooks/useNow';
import { useAccountOptions } from '../hooks/useAccountOptions';
import { useSlice, useStores } from '../hooks/useStores';
import type { ReviewTab } from '../stores/reviews-store';
import { AccountAlerts } from './AccountAlerts';
import { applyFilters, noFilters, type QueueFilters, ReviewFilters } from './ReviewFilters';
import { ReviewRow } from './ReviewRow';
import { effectiveStatus } from './ReviewStatePill';

const tabs: { id: ReviewTab; label: string }[] = [
  { id: 'pending', label: 'Pending' },
  { id: 'completed', label: 'Completed' },
  { id: 'expired', label: 'Expired' },
];

const order: Record<ReviewTab, (a: ReviewItem, b: ReviewItem) => number> = {
  pending: (a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt),
  completed: (a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''),
  expired: (a, b) => b.expiresAt.localeCompare(a.expiresAt),
};

export function ReviewQueue() {
  const stores = useStores();
  const [tab, setTab] = useState<ReviewTab>('pending');
  const [filters, setFilters] = useState<QueueFilters>(noFilters);
  const now = useNow(1_000);
  const all = useSlice((s) => s.reviews, useShallow((s) => Object.values(s.byKey)));
  const { tabStatus, tabError } = useSlice((s) => s.reviews, useShallow((s) => ({ tabStatus: s.tabStatus[tab], tabError: s.tabError })));
  const accounts = useAccountOptions();
  const channelCount = useSlice((s) => s.channels, (s) => Object.keys(s.byKey).length);

  useEffect(() => {
    if (tab !== 'pending') void stores.reviews.getState().loadTab(tab);
  }, [stores, tab]);

  const byTab = useMemo(() => {
    const out: Record<ReviewTab, ReviewItem[]> = { pending: [], completed: [], expired: [] };
    for (const r of all) out[effectiveStatus(r.status, r.expiresAt, now)].push(r);
    return out;
  }, [all, now]);
  const shown = useMemo(() => applyFilters(byTab[tab], filters, now).sort(order[tab]), [byTab, tab, filters, now]);

  const openInPlacet = useCallback((r: ReviewItem) => void stores.bridge.invoke('links:open', { url: r.openUrl }), [stores]);
  const show = useCallback(
    (r: ReviewItem) => {
      const ref = { accountId: r.accountId, channelId: r.channelId };
      stores.ui.getState().openChannel(ref, r.messageId);
      void stores.messages.getState().reveal(ref, r.messageId);
    },
    [stores],
  );
  const snooze = useCallback((r: ReviewItem) => void stores.reviews.getState().snooze(r, 60), [stores]);
  const filtered = !!(filters.accountId || filters.agent || filters.type || filters.expiringSoon);

  return (
    <div className="view reviews-view">
      <header className="view-header">
        <h2>Reviews</h2>
        <div className="tabs" role="tablist" aria-label="Review state">
          {tabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="review-list"
              className="tab"
              onClick={() => setTab(t.id)}
            >
              {t.label}
              {t.id === 'pending' && <span className="tab-count"> ({byTab.pending.length})</span>}
            </button>
          ))}
        </div>
      </header>
      <AccountAlerts />
      <ReviewFilters items={byTab[tab]} filters={filters} accounts={accounts} onChange={setFilters} />
      <div id="review-list" role="tabpanel" aria-labelledby={`tab-${tab}`} className="queue-panel">
        {tab !== 'pending' && tabStatus === 'loading' && shown.length === 0 ? (
          <p className="view-state" role="status">
            Loading {tab} reviews…
          </p>
        ) : tab !== 'pending' && tabStatus === 'error' ? (
          <div className="view-state error" role="alert">
            <p>Could not load {tab} reviews: {tabError}</p>
            <button type="button" className="btn" onClick={() => void stores.reviews.getState().loadTab(tab)}>
              Try again
            </button>
          </div>
        ) : shown.length === 0 ? (
          <div className="view-empty">
            {filtered ? (
              <>
                <h3>No reviews match these filters</h3>
                <button type="button" className="btn" onClick={() => setFilters(noFilters)}>
                  Clear filters
                </button>
              </>
            ) : tab === 'pending' ? (
              <>
                <h3>Nothing pending</h3>
                <p>No agent is waiting for you. Watching {channelCount} {channelCount === 1 ? 'agent' : 'agents'}.</p>
              </>
            ) : (
              <h3>No {tab} reviews yet</h3>
            )}
          </div>
        ) : (
          <ul className="queue" aria-label={`${tabs.find((t) => t.id === tab)?.label} reviews`}>
            {shown.map((r) => (
              <ReviewRow key={`${r.accountId}/${r.messageId}`} item={r} status={tab} onOpenInPlacet={openInPlacet} onShow={show} onSnooze={snooze} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
