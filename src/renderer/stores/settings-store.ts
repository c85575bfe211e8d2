import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSettings, type Settings } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import type { Result } from '../../shared/ipc/result';

export interface SettingsState {
  settings: Settings;
  replace(settings: Settings): void;
  save(change: Partial<Settings>): Promise<Result<Settings>>;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(bridge: Bridge): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    settings: defaultSettings,
    replace: (settings) => set({ settings }),
    // Optimistic: a controlled radio or checkbox would otherwise snap back until main answers (or
    // stay unchanged while the host link is down). A refused change puts back only what it touched.
    save: async (change) => {
      const before = get().settings;
      set({ settings: { ...before, ...change } });
      const r = await bridge.invoke('settings:set', change);
      if (r.ok) set({ settings: r.value });
      else {
        const undo = Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof Settings]])) as Partial<Settings>;
        set((s) => ({ settings: { ...s.settings, ...undo } }));
      }
      return r;
    },
  }));
}
