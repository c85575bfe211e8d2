import { randomUUID } from 'node:crypto';
import type { ConnectionState, Stats } from '../../shared/domain';
import { AppFailure } from '../../shared/ipc/result';
import type { Core, CoreOptions, CoreTiming } from './core-api';
import { Ingest } from './ingest';
import { Inspector, idsOf } from './inspector';
import { makeHandlers } from './handlers';
import { nullAttention, nullNotifier, silentLogger, systemClock } from './ports';
import { ReviewDesk } from './review-desk';
import { redactApiKeys } from './secrets/redact';
import { readAccountBackup, writeAccountBackup } from './store/account-backup';
import { Store } from './store/store';
import { AccountSession } from './sync/account-session';
import { UiBatcher } from './ui-batcher';
import { ViewBuilder } from './view-builder';

export const defaultTiming: CoreTiming = {
  heartbeatMs: 30_000,
  pongTimeoutMs: 3_000,
  agentPollMs: 60_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  batchMs: 32,
  staleAfterMs: 5 * 60_000,
  stableAfterMs: 10_000,
  rejectedRecheckMs: 60_000,
  settleMs: 1_500,
  resyncAfterFailureMs: 30_000,
  initialPages: 10,
};

const CHANNEL_MS = 200;

/** Builds the engine from its ports. Nothing here is global: tests build as many cores as they like. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const timing = { ...defaultTiming, ...options.timing };
  const store = Store.open(options.dataDir);
  const backup = store.recovered ? readAccountBackup(options.dataDir) : null;
  if (backup) {
    for (const account of backup.accounts) store.accounts.save(account);
    store.local.saveSettings(backup.settings);
  }
  const persistAccounts = () => {
    try {
      writeAccountBackup(options.dataDir, store.accounts.list(), store.local.settings());
    } catch (err) {
      logger.warn('could not write the accounts backup', { error: String(err) });
    }
  };
  persistAccounts();
  const batcher = new UiBatcher(clock, timing.batchMs);
  const inspector = new Inspector();
  const stats: Stats = { invalidEvents: 0, quarantinedEvents: 0 };
  const connections = new Map<string, ConnectionState>();
  const sessions = new Map<string, AccountSession>();
  const views = new ViewBuilder(store, clock, timing.staleAfterMs, (id) => connections.get(id));
  const desk = new ReviewDesk({
    store,
    clock,
    notifier: options.notifier ?? nullNotifier,
    attention: options.attention ?? nullAttention,
    views,
    batcher,
    onError: (err) => logger.error('review desk callback failed', { error: redactApiKeys(String(err)) }),
  });

  // Channel rows (unread, pending, last activity) are recomputed at most every CHANNEL_MS, not per
  // batch: counting is the costly part of a busy feed, and a sidebar count 200 ms late is fine.
  const channelsDirty = new Set<string>();
  let channelsTimer: unknown = null;
  const scheduleChannels = () => {
    channelsTimer ??= clock.setTimeout(() => {
      channelsTimer = null;
      for (const key of channelsDirty) {
        const [accountId, channelId] = key.split('\u0000') as [string, string];
        const channel = views.channel(accountId, channelId);
        if (channel) batcher.channel(channel);
      }
      channelsDirty.clear();
    }, CHANNEL_MS);
  };

  const ingest = new Ingest({
    store,
    onChanges: (changes) => {
      for (const channelId of changes.agents) channelsDirty.add(`${changes.accountId}\u0000${channelId}`);
      for (const m of [...changes.inserted, ...changes.updated]) {
        channelsDirty.add(`${changes.accountId}\u0000${m.channelId}`);
        batcher.message(views.message(changes.accountId, m, changes.drafts.get(m.id)));
      }
      scheduleChannels();
      desk.onChanges(changes);
    },
    onRejected: (r) => {
      if (r.quarantined) stats.quarantinedEvents++;
      else stats.invalidEvents++;
      batcher.setStats({ ...stats });
      const entry = inspector.record({ at: clock.now(), accountId: r.accountId, direction: 'in', event: r.event.slice(0, 64), ...idsOf(r.payload), valid: false, error: redactApiKeys(r.reason).slice(0, 300), payload: r.payload });
      batcher.inspect(entry);
      logger.warn('dropped an event', { accountId: r.accountId, event: r.event.slice(0, 64), reason: redactApiKeys(r.reason).slice(0, 300) });
    },
    onAccepted: (accountId, event, payload) => {
      batcher.inspect(inspector.record({ at: clock.now(), accountId, direction: 'in', event, ...idsOf(payload), valid: true, payload }));
    },
  });

  const startSession = (accountId: string) => {
    const account = store.accounts.find(accountId);
    if (!account) return;
    sessions.get(accountId)?.dispose();
    if (!account.enabled) {
      connections.set(accountId, { status: 'disabled', since: clock.now() });
      return;
    }
    const session = new AccountSession({
      account,
      getKey: () => options.secrets.get(accountId),
      store,
      ingest,
      clock,
      logger,
      timing,
      onState: (id, state) => {
        connections.set(id, state);
        const view = views.account(id);
        if (view) batcher.account(view);
        desk.refreshAttention(connections);
      },
      onRoster: (id) => {
        for (const c of views.channels(id)) batcher.channel(c);
      },
      onRest: (id, info) => {
        batcher.inspect(inspector.record({ at: clock.now(), accountId: id, direction: 'rest', event: `${info.method} ${info.path}`, channelId: null, messageId: null, valid: info.status !== null && info.status < 400, payload: { status: info.status, ms: info.ms } }));
      },
    });
    sessions.set(accountId, session);
    session.start();
  };

  const handlers = makeHandlers({
    store,
    secrets: options.secrets,
    clock,
    views,
    batcher,
    desk,
    inspector,
    stats,
    sessions,
    connections,
    demo: options.demo,
    newAccountId: () => randomUUID(),
    persistAccounts,
    startSession,
    stopSession: async (accountId) => {
      await sessions.get(accountId)?.dispose();
      sessions.delete(accountId);
      connections.delete(accountId);
    },
  });

  if (store.recovered) {
    logger.warn('the local database was unreadable; moved aside and rebuilding from the servers', { movedTo: store.recovered.movedTo });
    desk.storageRecovered(store.recovered.movedTo, backup?.accounts.length ?? 0);
  }
  desk.start();
  for (const account of store.accounts.list()) startSession(account.accountId);

  let disposed = false;
  const result: Core = {
    handlers,
    onBatch: (listener) => batcher.on(listener),
    reconnectNow: () => {
      for (const s of sessions.values()) s.reconnectNow();
      desk.recheck();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await Promise.all([...sessions.values()].map((s) => s.dispose()));
      sessions.clear();
      ingest.flush();
      clock.clearTimeout(channelsTimer);
      desk.dispose();
      batcher.flush();
      batcher.dispose();
      store.close();
    },
  };
  internalsByCore.set(result, { store, sessions, ingest, desk });
  return result;
}

export interface CoreInternals {
  store: Store;
  sessions: Map<string, AccountSession>;
  ingest: Ingest;
  desk: ReviewDesk;
}

const internalsByCore = new WeakMap<Core, CoreInternals>();

/** What tests and benchmarks may inspect beyond the contract. */
export function coreInternals(core: Core): CoreInternals {
  const internals = internalsByCore.get(core);
  if (!internals) throw new Error('not a core made by createCore');
  return internals;
}

export function assertFound<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new AppFailure('not-found', `${what} was not found`);
  return value;
}
