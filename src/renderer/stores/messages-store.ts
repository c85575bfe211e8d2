import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageView } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import { type ChannelRef, channelKey } from '../lib/keys';

// A bounded window of each open channel's recent messages. History lives in main: older pages are
// fetched on demand, and a channel nobody looks at is forgotten (LRU).

export const PAGE_SIZE = 100;
/** Live appends beyond this trim the oldest messages (they can be paged back in). */
export const LIVE_WINDOW = 3_000;
/** Paging up never holds more than this per channel. */
export const MAX_WINDOW = 20_000;
const MAX_CHANNELS = 24;
const MAX_JUMP_PAGES = 40;

export interface FeedWindow {
  messages: MessageView[];
  hasMore: boolean;
  status: 'loading' | 'ready' | 'error';
  loadingOlder: boolean;
  error: string | null;
  /** Bumped whenever messages arrive at the newest end, so the feed can count "N new". */
  appended: number;
}

export interface MessagesState {
  byChannel: Record<string, FeedWindow>;
  /** Most recently opened first. */
  recent: string[];
  open(ref: ChannelRef): Promise<void>;
  loadOlder(ref: ChannelRef): Promise<void>;
  /** Pages back until the message is in the window. Returns whether it was found. */
  reveal(ref: ChannelRef, messageId: string): Promise<boolean>;
  upsert(messages: MessageView[]): void;
  /** After a gap in pushed batches: re-read the newest page of every held channel. */
  resync(): Promise<void>;
  forgetAccounts(accountIds: string[]): void;
}

export type MessagesStore = StoreApi<MessagesState>;

const byTime = (a: MessageView, b: MessageView): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function merge(current: MessageView[], incoming: MessageView[]): { messages: MessageView[]; appended: number } {
  const index = new Map(current.map((m, i) => [m.id, i]));
  const next = [...current];
  const fresh: MessageView[] = [];
  for (const m of incoming) {
    const at = index.get(m.id);
    if (at !== undefined) next[at] = m;
    else {
      index.set(m.id, -1);
      fresh.push(m);
    }
  }
  if (fresh.length === 0) return { messages: next, appended: 0 };
  fresh.sort(byTime);
  const last = next[next.length - 1];
  const first = fresh[0];
  if (!last || (first && byTime(last, first) <= 0)) return { messages: next.concat(fresh), appended: fresh.length };
  const newest = last;
  const all = next.concat(fresh).sort(byTime);
  return { messages: all, appended: fresh.filter((m) => byTime(m, newest) > 0).length };
}

const emptyWindow = (): FeedWindow => ({ messages: [], hasMore: false, status: 'loading', loadingOlder: false, error: null, appended: 0 });

export function createMessagesStore(bridge: Bridge): MessagesStore {
  return createStore<MessagesState>()((set, get) => {
    const patch = (key: string, change: Partial<FeedWindow>): void =>
      set((s) => {
        const w = s.byChannel[key];
        return w ? { byChannel: { ...s.byChannel, [key]: { ...w, ...change } } } : {};
      });

    const fetchOlder = async (ref: ChannelRef): Promise<boolean> => {
      const key = channelKey(ref.accountId, ref.channelId);
      const w = get().byChannel[key];
      if (!w || !w.hasMore || w.loadingOlder || w.messages.length >= MAX_WINDOW) return false;
      const oldest = w.messages[0];
      patch(key, { loadingOlder: true });
      const r = await bridge.invoke('messages:page', {
        ...ref,
        limit: PAGE_SIZE,
        ...(oldest ? { before: { createdAt: oldest.createdAt, id: oldest.id } } : {}),
      });
      const now = get().byChannel[key];
      if (!now) return false;
      if (!r.ok) {
        patch(key, { loadingOlder: false, error: r.error.message });
        return false;
      }
      const { messages } = merge(now.messages, r.value.messages);
      patch(key, { messages, hasMore: r.value.hasMore, loadingOlder: false, error: null });
      return r.value.messages.length > 0;
    };

    return {
      byChannel: {},
      recent: [],
      open: async (ref) => {
        const key = channelKey(ref.accountId, ref.channelId);
        const recent = [key, ...get().recent.filter((k) => k !== key)];
        const evicted = new Set(recent.slice(MAX_CHANNELS));
        const existing = get().byChannel[key];
        set((s) => ({
          recent: recent.slice(0, MAX_CHANNELS),
          byChannel: Object.fromEntries(
            Object.entries({
              ...s.byChannel,
              [key]: existing ?? emptyWindow(),
            }).filter(([k]) => !evicted.has(k)),
          ),
        }));
        if (existing && existing.status !== 'error') return;
        patch(key, { status: 'loading', error: null });
        const r = await bridge.invoke('messages:page', { ...ref, limit: PAGE_SIZE });
        const w = get().byChannel[key];
        if (!w) return;
        if (!r.ok) {
          patch(key, { status: 'error', error: r.error.message });
          return;
        }
        // Live messages may have landed while the page was on its way: merge, don't replace.
        patch(key, { ...merge(w.messages, r.value.messages), hasMore: r.value.hasMore, status: 'ready', error: null, appended: w.appended });
      },
      loadOlder: async (ref) => {
        await fetchOlder(ref);
      },
      reveal: async (ref, messageId) => {
        await get().open(ref);
        const key = channelKey(ref.accountId, ref.channelId);
        for (let i = 0; i < MAX_JUMP_PAGES; i++) {
          const w = get().byChannel[key];
          if (!w) return false;
          if (w.messages.some((m) => m.id === messageId)) return true;
          if (!(await fetchOlder(ref))) return false;
        }
        return false;
      },
      upsert: (incoming) => {
        if (incoming.length === 0) return;
        const groups = new Map<string, MessageView[]>();
        for (const m of incoming) {
          const key = channelKey(m.accountId, m.channelId);
          // Channels nobody has opened are not held here: their history is paged from main on open.
          if (!get().byChannel[key]) continue;
          const g = groups.get(key) ?? [];
          g.push(m);
          groups.set(key, g);
        }
        if (groups.size === 0) return;
        set((s) => {
          const byChannel = { ...s.byChannel };
          for (const [key, list] of groups) {
            const w = byChannel[key];
            if (!w) continue;
            const merged = merge(w.messages, list);
            let messages = merged.messages;
            let hasMore = w.hasMore;
            if (messages.length > LIVE_WINDOW && merged.appended > 0) {
              messages = messages.slice(messages.length - LIVE_WINDOW);
              hasMore = true;
            }
            byChannel[key] = { ...w, messages, hasMore, appended: w.appended + merged.appended };
          }
          return { byChannel };
        });
      },
      resync: async () => {
        const keys = Object.keys(get().byChannel);
        await Promise.all(
          keys.map(async (key) => {
            const [accountId = '', channelId = ''] = key.split('\u0000');
            const r = await bridge.invoke('messages:page', { accountId, channelId, limit: PAGE_SIZE });
            if (r.ok) get().upsert(r.value.messages);
          }),
        );
      },
      forgetAccounts: (ids) => {
        const gone = new Set(ids);
        set((s) => ({
          byChannel: Object.fromEntries(Object.entries(s.byChannel).filter(([k]) => !gone.has(k.split('\u0000')[0] ?? ''))),
          recent: s.recent.filter((k) => !gone.has(k.split('\u0000')[0] ?? '')),
        }));
      },
    };
  });
}
