import { z } from 'zod';
import type { ConnectionState } from '../../../shared/domain';
import { agentSchema } from '../../../shared/placet/schemas';
import type { CoreTiming } from '../core-api';
import type { Ingest } from '../ingest';
import { AccountConnection, type ConnectionTiming } from '../net/account-connection';
import { RestClient } from '../net/rest-client';
import type { Clock, Logger } from '../ports';
import type { AccountRecord } from '../store/account-repo';
import type { Store } from '../store/store';
import { backfillChannel } from './backfill';

export type SessionTiming = ConnectionTiming & Pick<CoreTiming, 'agentPollMs' | 'settleMs' | 'resyncAfterFailureMs' | 'initialPages'>;

export interface AccountSessionOptions {
  account: AccountRecord;
  getKey: () => Promise<string | null>;
  store: Store;
  ingest: Ingest;
  clock: Clock;
  logger: Logger;
  timing: SessionTiming;
  onState: (accountId: string, state: ConnectionState) => void;
  onRoster: (accountId: string) => void;
  onSynced?: (accountId: string, figures: { pages: number; messages: number; reconciled: number }) => void;
  onRest?: (accountId: string, info: { method: string; path: string; status: number | null; ms: number }) => void;
}

/**
 * Everything one account keeps alive: its socket, its REST client, the roster poll, and the
 * catch-up after each connect. Disposable: `dispose()` leaves no socket or timer behind.
 */
export class AccountSession {
  readonly connection: AccountConnection;
  private readonly rest: RestClient;
  private pollTimer: unknown = null;
  private settleTimer: unknown = null;
  private resyncTimer: unknown = null;
  private syncing: Promise<void> | null = null;
  private followUp: Promise<void> | null = null;
  private disposed = false;

  constructor(private readonly o: AccountSessionOptions) {
    const accountId = o.account.accountId;
    this.rest = new RestClient({
      serverUrl: o.account.serverUrl,
      getKey: o.getKey,
      clock: o.clock,
      onRequest: (info) => o.onRest?.(accountId, info),
    });
    this.connection = new AccountConnection({
      accountId,
      serverUrl: o.account.serverUrl,
      getKey: o.getKey,
      clock: o.clock,
      logger: o.logger,
      timing: o.timing,
      channels: () => o.store.accounts.agents(accountId).map((a) => a.agent.id),
      onState: (state) => o.onState(accountId, state),
      onEvent: (event, payload) => o.ingest.event(accountId, event, payload),
      onConnected: () => this.onConnected(),
    });
  }

  get accountId(): string {
    return this.o.account.accountId;
  }

  start(): void {
    this.connection.start();
    this.schedulePoll();
  }

  reconnectNow(): void {
    this.connection.reconnectNow();
  }

  markRead(channelId: string): void {
    this.connection.markRead(channelId);
  }

  /**
   * Runs a full catch-up and resolves when one that started after this call has finished. Calls
   * that arrive while one runs share a single follow-up run (reconnect storms cause one, not many).
   */
  sync(): Promise<void> {
    if (this.syncing) {
      this.followUp ??= this.syncing.then(() => {
        this.followUp = null;
        return this.disposed ? undefined : this.sync();
      });
      return this.followUp;
    }
    this.syncing = this.runSync().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.connection.stop('offline');
    this.rest.dispose();
    for (const t of [this.pollTimer, this.settleTimer, this.resyncTimer]) this.o.clock.clearTimeout(t);
    await this.syncing?.catch(() => undefined);
    await this.followUp?.catch(() => undefined);
  }

  private onConnected(): void {
    void this.sync();
    this.o.clock.clearTimeout(this.settleTimer);
    this.settleTimer = this.o.clock.setTimeout(() => void this.sync(), this.o.timing.settleMs);
  }

  private async runSync(): Promise<void> {
    const accountId = this.accountId;
    try {
      await this.refreshRoster();
      const figures = { pages: 0, messages: 0, reconciled: 0 };
      for (const { agent } of this.o.store.accounts.agents(accountId)) {
        if (this.disposed) return;
        const r = await backfillChannel(agent.id, {
          rest: this.rest,
          newestHeld: this.o.store.messages.newestCreatedAt(accountId, agent.id),
          heldPending: () => this.o.store.messages.pendingIds(accountId, agent.id),
          apply: (messages) => this.o.ingest.records(accountId, messages),
          markGone: (messageId) => this.o.ingest.reviewGone(accountId, messageId),
          initialPages: this.o.timing.initialPages,
        });
        figures.pages += r.pages;
        figures.messages += r.messages;
        figures.reconciled += r.reconciled;
        this.o.store.local.setCursor(accountId, agent.id, this.o.store.messages.newestCreatedAt(accountId, agent.id), this.o.clock.now());
      }
      this.o.onSynced?.(accountId, figures);
    } catch (err) {
      if (this.disposed) return;
      this.o.logger.warn('catch-up failed; will retry', { accountId, error: err instanceof Error ? err.message : String(err) });
      this.o.clock.clearTimeout(this.resyncTimer);
      this.resyncTimer = this.o.clock.setTimeout(() => void this.sync(), this.o.timing.resyncAfterFailureMs);
    }
  }

  /** `GET /agents` lists every channel the key reaches; new ones are subscribed at once. */
  private async refreshRoster(): Promise<void> {
    const accountId = this.accountId;
    const agents = await this.rest.get('/agents', z.array(agentSchema).max(10_000));
    const known = new Set(this.o.store.accounts.agents(accountId).map((a) => a.agent.id));
    this.o.store.accounts.replaceAgents(accountId, agents);
    for (const agent of agents) if (!known.has(agent.id)) this.connection.subscribe(agent.id);
    this.o.onRoster(accountId);
  }

  private schedulePoll(): void {
    this.pollTimer = this.o.clock.setTimeout(() => {
      if (this.disposed) return;
      void this.refreshRoster()
        .catch((err: unknown) => this.o.logger.warn('agent poll failed', { accountId: this.accountId, error: String(err) }))
        .finally(() => this.schedulePoll());
    }, this.o.timing.agentPollMs);
  }
}
