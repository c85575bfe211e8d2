import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AccountView } from '../../shared/domain';
import type { Bridge } from '../../shared/ipc/bridge';
import type { InvokeInput, InvokeOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

export interface AccountsState {
  byId: Record<string, AccountView>;
  /** Account ids in the order they were first seen (the order of the snapshot, then additions). */
  order: string[];
  upsert(accounts: AccountView[]): void;
  removeLocal(accountIds: string[]): void;
  replaceAll(accounts: AccountView[]): void;
  test(input: InvokeInput<'accounts:test'>): Promise<Result<InvokeOutput<'accounts:test'>>>;
  add(input: InvokeInput<'accounts:add'>): Promise<Result<AccountView>>;
  addDemo(): Promise<Result<AccountView>>;
  update(input: InvokeInput<'accounts:update'>): Promise<Result<AccountView>>;
  remove(accountId: string, deleteHistory: boolean): Promise<Result<unknown>>;
  reconnect(accountId?: string): Promise<Result<unknown>>;
}

export type AccountsStore = StoreApi<AccountsState>;

export function createAccountsStore(bridge: Bridge): AccountsStore {
  return createStore<AccountsState>()((set, get) => {
    const upsert = (accounts: AccountView[]): void => {
      if (accounts.length === 0) return;
      set((s) => {
        const byId = { ...s.byId };
        const order = [...s.order];
        for (const a of accounts) {
          if (!byId[a.accountId]) order.push(a.accountId);
          byId[a.accountId] = a;
        }
        return { byId, order };
      });
    };
    const removeLocal = (ids: string[]): void => {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      set((s) => ({
        byId: Object.fromEntries(Object.entries(s.byId).filter(([id]) => !gone.has(id))),
        order: s.order.filter((id) => !gone.has(id)),
      }));
    };
    const keep = (r: Result<AccountView>): Result<AccountView> => {
      if (r.ok) upsert([r.value]);
      return r;
    };
    return {
      byId: {},
      order: [],
      upsert,
      removeLocal,
      replaceAll: (accounts) => set({ byId: Object.fromEntries(accounts.map((a) => [a.accountId, a])), order: accounts.map((a) => a.accountId) }),
      test: (input) => bridge.invoke('accounts:test', input),
      add: async (input) => keep(await bridge.invoke('accounts:add', input)),
      addDemo: async () => keep(await bridge.invoke('accounts:add-demo', {})),
      update: async (input) => keep(await bridge.invoke('accounts:update', input)),
      remove: async (accountId, deleteHistory) => {
        const r = await bridge.invoke('accounts:remove', { accountId, deleteHistory });
        if (r.ok) get().removeLocal([accountId]);
        return r;
      },
      reconnect: (accountId) => bridge.invoke('accounts:reconnect', accountId ? { accountId } : {}),
    };
  });
}
