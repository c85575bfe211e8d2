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
  return createStore<SettingsState>()((set) => ({
    settings: defaultSettings,
    replace: (settings) => set({ settings }),
    save: async (change) => {
      const r = await bridge.invoke('settings:set', change);
      if (r.ok) set({ settings: r.value });
      return r;
    },
  }));
}
