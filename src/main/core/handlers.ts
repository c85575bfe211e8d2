import type { ConnectionState, Stats } from '../../shared/domain';
import { AppFailure } from '../../shared/ipc/result';
import type { CoreHandlers, DemoAccount } from './core-api';
import type { Inspector } from './inspector';
import { RestClient, normaliseServerUrl } from './net/rest-client';
import type { Clock, SecretStore } from './ports';
import type { ReviewDesk } from './review-desk';
import { validateApiKeyFormat } from './secrets/api-key';
import { last4 } from './secrets/redact';
import type { Store } from './store/store';
import type { AccountSession } from './sync/account-session';
import type { UiBatcher } from './ui-batcher';
import type { ViewBuilder } from './view-builder';
import { reviewKey } from './views';
import { z } from 'zod';
import { agentSchema } from '../../shared/placet/schemas';

export interface HandlerDeps {
  store: Store;
  secrets: SecretStore;
  clock: Clock;
  views: ViewBuilder;
  batcher: UiBatcher;
  desk: ReviewDesk;
  inspector: Inspector;
  stats: Stats;
  sessions: Map<string, AccountSession>;
  connections: Map<string, ConnectionState>;
  demo: (() => Promise<DemoAccount>) | undefined;
  newAccountId: () => string;
  /** Mirrors accounts and settings beside the database (see store/account-backup.ts). */
  persistAccounts: () => void;
  startSession: (accountId: string) => void;
  stopSession: (accountId: string) => Promise<void>;
}

/** Checks a server URL and key against the server itself: `GET /api/v1/agents`. */
export async function testAccount(serverUrlInput: string, apiKeyInput: string, clock: Clock) {
  const serverUrl = normaliseServerUrl(serverUrlInput);
  const key = validateApiKeyFormat(apiKeyInput);
  if (!key.ok) throw new AppFailure('invalid-input', key.message);
  const rest = new RestClient({ serverUrl, getKey: async () => key.key, clock, timeoutMs: 10_000, maxRateLimitWaits: 0 });
  const agents = await rest.get('/agents', z.array(agentSchema).max(10_000));
  return { serverUrl, apiKey: key.key, agents: agents.length };
}

export function makeHandlers(d: HandlerDeps): CoreHandlers {
  const findAccount = (accountId: string) => {
    const account = d.store.accounts.find(accountId);
    if (!account) throw new AppFailure('not-found', 'That account does not exist (it may have been removed)');
    return account;
  };
  const pushAccount = (accountId: string) => {
    const view = d.views.account(accountId);
    if (view) d.batcher.account(view);
    return view;
  };

  const addAccount = async (label: string | undefined, serverUrl: string, apiKey: string) => {
    const tested = await testAccount(serverUrl, apiKey, d.clock);
    const accountId = d.newAccountId();
    try {
      await d.secrets.set(accountId, tested.apiKey);
    } catch {
      throw new AppFailure('keychain-unavailable', 'The key could not be saved in the keychain; nothing was stored');
    }
    d.store.accounts.save({
      accountId,
      label: label ?? new URL(tested.serverUrl).host,
      serverUrl: tested.serverUrl,
      last4: last4(tested.apiKey),
      enabled: true,
      keyStorage: d.secrets.kind,
      createdAt: d.clock.now(),
    });
    d.persistAccounts();
    d.startSession(accountId);
    const view = pushAccount(accountId);
    if (!view) throw new AppFailure('internal', 'The account was not saved');
    return view;
  };

  return {
    'state:snapshot': () => ({
      accounts: d.views.accounts(),
      channels: d.views.channels(),
      reviews: [...d.views.reviews('pending', 1_000), ...d.views.reviews('completed', 200), ...d.views.reviews('expired', 200)],
      settings: d.store.local.settings(),
      stats: { ...d.stats },
    }),
    'accounts:test': async ({ serverUrl, apiKey }) => ({ agents: (await testAccount(serverUrl, apiKey, d.clock)).agents }),
    'accounts:add': ({ label, serverUrl, apiKey }) => addAccount(label, serverUrl, apiKey),
    'accounts:add-demo': async () => {
      if (!d.demo) throw new AppFailure('not-found', 'This build has no demo server');
      const demo = await d.demo();
      // The embedded gateway is a new server each run (new port, new ids): its old demo history
      // describes a server that no longer exists, so the demo account starts afresh.
      const existing = d.store.accounts.list().find((a) => a.label === demo.label);
      if (existing && existing.serverUrl === demo.serverUrl && (await d.secrets.get(existing.accountId))) return pushAccount(existing.accountId)!;
      if (existing) {
        await d.stopSession(existing.accountId);
        await d.secrets.delete(existing.accountId).catch(() => undefined);
        d.store.accounts.remove(existing.accountId, true);
        d.desk.accountRemoved(existing.accountId);
        d.batcher.accountRemoved(existing.accountId);
      }
      return addAccount(demo.label, demo.serverUrl, demo.apiKey);
    },
    'accounts:update': async ({ accountId, label, enabled, apiKey }) => {
      const account = findAccount(accountId);
      let nextLast4 = account.last4;
      if (apiKey !== undefined) {
        const tested = await testAccount(account.serverUrl, apiKey, d.clock);
        await d.secrets.set(accountId, tested.apiKey);
        nextLast4 = last4(tested.apiKey);
      }
      d.store.accounts.save({ ...account, label: label ?? account.label, enabled: enabled ?? account.enabled, last4: nextLast4, keyStorage: apiKey ? d.secrets.kind : account.keyStorage });
      d.persistAccounts();
      if (apiKey !== undefined || enabled !== undefined) {
        await d.stopSession(accountId);
        d.startSession(accountId);
      }
      for (const c of d.views.channels(accountId)) d.batcher.channel(c);
      return pushAccount(accountId)!;
    },
    'accounts:remove': async ({ accountId, deleteHistory }) => {
      findAccount(accountId);
      await d.stopSession(accountId);
      await d.secrets.delete(accountId).catch(() => undefined);
      d.store.accounts.remove(accountId, deleteHistory);
      d.persistAccounts();
      d.desk.accountRemoved(accountId);
      d.batcher.accountRemoved(accountId);
      return { done: true as const };
    },
    'accounts:reconnect': ({ accountId }) => {
      const ids = accountId ? [findAccount(accountId).accountId] : [...d.sessions.keys()];
      for (const id of ids) {
        const status = d.connections.get(id)?.status;
        if (status === 'key-rejected') d.startSession(id);
        else d.sessions.get(id)?.reconnectNow();
      }
      return { done: true as const };
    },
    'messages:page': ({ accountId, channelId, before, limit }) => {
      const rows = d.store.messages.page(accountId, channelId, before, limit + 1);
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(1) : rows;
      return { messages: page.map((r) => d.views.message(r.accountId, r.message)), hasMore };
    },
    'messages:search': ({ query, limit }) => d.store.messages.search(query, limit).map((r) => d.views.message(r.accountId, r.message)),
    'channels:read': ({ accountId, channelId }) => {
      d.store.accounts.markRead(accountId, channelId, new Date(d.clock.now()).toISOString());
      d.sessions.get(accountId)?.markRead(channelId);
      const view = d.views.channel(accountId, channelId);
      if (view) d.batcher.channel(view);
      return { done: true as const };
    },
    'channels:mute': ({ accountId, channelId, muted }) => {
      d.store.accounts.setMuted(accountId, channelId, muted);
      const view = d.views.channel(accountId, channelId);
      if (view) d.batcher.channel(view);
      return { done: true as const };
    },
    'reviews:list': ({ status, limit }) => d.views.reviews(status, limit),
    'reviews:snooze': ({ accountId, messageId, minutes }) => {
      d.desk.snooze(reviewKey(accountId, messageId), accountId, messageId, d.clock.now() + minutes * 60_000);
      return { done: true as const };
    },
    'settings:set': (change) => {
      const next = { ...d.store.local.settings(), ...change };
      d.store.local.saveSettings(next);
      d.persistAccounts();
      d.desk.settingsChanged(next);
      d.batcher.setSettings(next);
      return next;
    },
    'inspector:list': ({ accountId, limit }) => d.inspector.list(accountId, limit),
    'ui:focus': (focus) => {
      d.desk.setFocus(focus);
      return { done: true as const };
    },
  };
}
