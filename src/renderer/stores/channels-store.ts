import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChannelView } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import { type ChannelRef, channelKey } from '../lib/keys';

export interface ChannelsState {
  byKey: Record<string, ChannelView>;
  upsert(channels: ChannelView[]): void;
  replaceAll(channels: ChannelView[]): void;
  removeAccounts(accountIds: string[]): void;
  markRead(ref: ChannelRef): void;
  setMuted(ref: ChannelRef, muted: boolean): Promise<boolean>;
}

export type ChannelsStore = StoreApi<ChannelsState>;

export function createChannelsStore(bridge: Bridge): ChannelsStore {
  return createStore<ChannelsState>()((set, get) => ({
    byKey: {},
    upsert: (channels) => {
      if (channels.length === 0) return;
      set((s) => {
        const byKey = { ...s.byKey };
        for (const c of channels) byKey[channelKey(c.accountId, c.channelId)] = c;
        return { byKey };
      });
    },
    replaceAll: (channels) => set({ byKey: Object.fromEntries(channels.map((c) => [channelKey(c.accountId, c.channelId), c])) }),
    removeAccounts: (ids) => {
      const gone = new Set(ids);
      set((s) => ({ byKey: Object.fromEntries(Object.entries(s.byKey).filter(([, c]) => !gone.has(c.accountId))) }));
    },
    markRead: (ref) => {
      const key = channelKey(ref.accountId, ref.channelId);
      const c = get().byKey[key];
      // Optimistic: main confirms with a channel upsert.
      if (c && c.unread > 0) set((s) => ({ byKey: { ...s.byKey, [key]: { ...c, unread: 0 } } }));
      void bridge.invoke('channels:read', ref);
    },
    setMuted: async (ref, muted) => {
      const r = await bridge.invoke('channels:mute', { ...ref, muted });
      const key = channelKey(ref.accountId, ref.channelId);
      const c = get().byKey[key];
      if (r.ok && c) set((s) => ({ byKey: { ...s.byKey, [key]: { ...c, muted } } }));
      return r.ok;
    },
  }));
}
