import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InspectorEntry, Stats } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';

export const MAX_ENTRIES = 5_000;

export interface InspectorState {
  entries: InspectorEntry[];
  stats: Stats;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  append(entries: InspectorEntry[]): void;
  setStats(stats: Stats): void;
  load(): Promise<void>;
}

export type InspectorStore = StoreApi<InspectorState>;

function mergeEntries(current: InspectorEntry[], incoming: InspectorEntry[]): InspectorEntry[] {
  const seen = new Set(current.map((e) => `${e.accountId}:${e.seq}`));
  const fresh = incoming.filter((e) => !seen.has(`${e.accountId}:${e.seq}`));
  if (fresh.length === 0) return current;
  const all = current.concat(fresh).sort((a, b) => a.at - b.at || a.seq - b.seq);
  return all.length > MAX_ENTRIES ? all.slice(all.length - MAX_ENTRIES) : all;
}

export function createInspectorStore(bridge: Bridge): InspectorStore {
  return createStore<InspectorState>()((set, get) => ({
    entries: [],
    stats: { invalidEvents: 0, quarantinedEvents: 0 },
    status: 'idle',
    error: null,
    append: (incoming) => {
      if (incoming.length > 0) set((s) => ({ entries: mergeEntries(s.entries, incoming) }));
    },
    setStats: (stats) => set({ stats }),
    load: async () => {
      set({ status: 'loading', error: null });
      const r = await bridge.invoke('inspector:list', { limit: 2_000 });
      if (!r.ok) {
        set({ status: 'error', error: r.error.message });
        return;
      }
      set({ entries: mergeEntries(get().entries, r.value), status: 'ready' });
    },
  }));
}
