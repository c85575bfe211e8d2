import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MessageView, Notice } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import type { InvokeOutput } from '../../shared/ipc/contract';
import type { ChannelRef } from '../lib/keys';

export type View = 'reviews' | 'channel' | 'inspector' | 'settings' | 'search';

export interface Announcement {
  id: number;
  text: string;
  /** Reminders near the deadline interrupt; everything else waits its turn. */
  assertive: boolean;
}

export interface UiState {
  view: View;
  selected: ChannelRef | null;
  /** A message to scroll to and highlight in the open feed. */
  highlight: string | null;
  boot: 'loading' | 'ready' | 'error';
  bootError: string | null;
  host: InvokeOutput<'app:info'> | null;
  helpOpen: boolean;
  agentPanelOpen: boolean;
  notices: Notice[];
  announcement: Announcement | null;
  search: { query: string; status: 'idle' | 'loading' | 'ready' | 'error'; results: MessageView[]; error: string | null };
  setView(view: View): void;
  openChannel(ref: ChannelRef, highlight?: string | null): void;
  clearHighlight(): void;
  setBoot(boot: UiState['boot'], error?: string | null): void;
  setHost(host: InvokeOutput<'app:info'>): void;
  setHelpOpen(open: boolean): void;
  toggleAgentPanel(): void;
  addNotices(notices: Notice[]): void;
  dismissNotice(id: string): void;
  runSearch(query: string): Promise<void>;
}

export type UiStore = StoreApi<UiState>;
const MAX_NOTICES = 5;

function describe(n: Notice): string {
  return n.body ? `${n.title}: ${n.body}` : n.title;
}

export function createUiStore(bridge: Bridge): UiStore {
  let announceId = 0;
  return createStore<UiState>()((set, get) => ({
    view: 'reviews',
    selected: null,
    highlight: null,
    boot: 'loading',
    bootError: null,
    host: null,
    helpOpen: false,
    agentPanelOpen: true,
    notices: [],
    announcement: null,
    search: { query: '', status: 'idle', results: [], error: null },
    setView: (view) => set({ view, helpOpen: false }),
    openChannel: (ref, highlight = null) => set({ view: 'channel', selected: ref, highlight, helpOpen: false }),
    clearHighlight: () => set({ highlight: null }),
    setBoot: (boot, error = null) => set({ boot, bootError: error }),
    setHost: (host) => set({ host }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    toggleAgentPanel: () => set((s) => ({ agentPanelOpen: !s.agentPanelOpen })),
    addNotices: (notices) => {
      if (notices.length === 0) return;
      const spoken = notices.filter((n) => n.kind === 'review-new' || n.kind === 'review-reminder' || n.kind === 'delivery-failed');
      const last = spoken[spoken.length - 1];
      set((s) => ({
        notices: [...s.notices.filter((n) => !notices.some((x) => x.id === n.id)), ...notices].slice(-MAX_NOTICES),
        announcement: last
          ? {
              id: ++announceId,
              text: spoken.length > 1 ? `${spoken.length} new alerts. Latest: ${describe(last)}` : describe(last),
              assertive: last.urgency === 'critical',
            }
          : s.announcement,
      }));
    },
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    runSearch: async (query) => {
      const q = query.trim();
      set({ view: 'search', search: { query: q, status: q ? 'loading' : 'idle', results: [], error: null } });
      if (!q) return;
      const r = await bridge.invoke('messages:search', { query: q, limit: 100 });
      if (get().search.query !== q) return;
      set({
        search: r.ok
          ? { query: q, status: 'ready', results: r.value, error: null }
          : { query: q, status: 'error', results: [], error: r.error.message },
      });
    },
  }));
}
