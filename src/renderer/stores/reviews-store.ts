import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ReviewItem } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import { reviewKey } from '../lib/keys';

// Every pending review (the queue needs them all), plus a bounded tail of completed and expired
// ones. Main holds the full history; the Completed and Expired tabs fetch it with `reviews:list`.

export type ReviewTab = 'pending' | 'completed' | 'expired';
const MAX_DONE = 1_000;

export interface ReviewsState {
  byKey: Record<string, ReviewItem>;
  tabStatus: Record<ReviewTab, 'idle' | 'loading' | 'ready' | 'error'>;
  tabError: string | null;
  upsert(items: ReviewItem[]): void;
  replaceAll(items: ReviewItem[]): void;
  removeAccounts(accountIds: string[]): void;
  loadTab(tab: ReviewTab): Promise<void>;
  snooze(item: ReviewItem, minutes: number): Promise<boolean>;
}

export type ReviewsStore = StoreApi<ReviewsState>;

function bound(byKey: Record<string, ReviewItem>): Record<string, ReviewItem> {
  const done = Object.entries(byKey).filter(([, r]) => r.status !== 'pending');
  if (done.length <= MAX_DONE) return byKey;
  const stamp = (r: ReviewItem): string => r.completedAt ?? r.expiresAt;
  done.sort(([, a], [, b]) => (stamp(a) < stamp(b) ? -1 : 1));
  const drop = new Set(done.slice(0, done.length - MAX_DONE).map(([k]) => k));
  return Object.fromEntries(Object.entries(byKey).filter(([k]) => !drop.has(k)));
}

export function createReviewsStore(bridge: Bridge): ReviewsStore {
  return createStore<ReviewsState>()((set, get) => ({
    byKey: {},
    tabStatus: { pending: 'ready', completed: 'idle', expired: 'idle' },
    tabError: null,
    upsert: (items) => {
      if (items.length === 0) return;
      set((s) => {
        const byKey = { ...s.byKey };
        for (const r of items) byKey[reviewKey(r.accountId, r.messageId)] = r;
        return { byKey: bound(byKey) };
      });
    },
    replaceAll: (items) => set({ byKey: bound(Object.fromEntries(items.map((r) => [reviewKey(r.accountId, r.messageId), r]))) }),
    removeAccounts: (ids) => {
      const gone = new Set(ids);
      set((s) => ({ byKey: Object.fromEntries(Object.entries(s.byKey).filter(([, r]) => !gone.has(r.accountId))) }));
    },
    loadTab: async (tab) => {
      set((s) => ({ tabStatus: { ...s.tabStatus, [tab]: 'loading' }, tabError: null }));
      const r = await bridge.invoke('reviews:list', { status: tab, limit: 500 });
      if (!r.ok) {
        set((s) => ({ tabStatus: { ...s.tabStatus, [tab]: 'error' }, tabError: r.error.message }));
        return;
      }
      get().upsert(r.value);
      set((s) => ({ tabStatus: { ...s.tabStatus, [tab]: 'ready' } }));
    },
    snooze: async (item, minutes) => {
      const r = await bridge.invoke('reviews:snooze', { accountId: item.accountId, messageId: item.messageId, minutes });
      if (r.ok) get().upsert([{ ...item, snoozedUntil: Date.now() + minutes * 60_000 }]);
      return r.ok;
    },
  }));
}
