import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { KeyStorage } from '../../../shared/domain';
import type { Agent } from '../../../shared/placet/schemas';
import { transaction } from './database';

export interface AccountRecord {
  accountId: string;
  label: string;
  serverUrl: string;
  last4: string;
  enabled: boolean;
  keyStorage: KeyStorage;
  createdAt: number;
}

export interface AgentRecord {
  accountId: string;
  agent: Agent;
  muted: boolean;
  lastReadAt: string | null;
}

interface AccountRow {
  account_id: string;
  label: string;
  server_url: string;
  last4: string;
  enabled: number;
  key_storage: KeyStorage;
  created_at: number;
}

/** Accounts (never their keys) and the agents (channels) each account reaches. */
export class AccountRepo {
  private readonly listAccounts: StatementSync;
  private readonly oneAgent: StatementSync;
  private readonly unreadCount: StatementSync;
  private readonly pendingCount: StatementSync;
  private readonly failureCount: StatementSync;
  private readonly lastMessage: StatementSync;
  /** Accounts change rarely and are read on every batch: cached until the next write. */
  private accountsCache: AccountRecord[] | null = null;
  /** Agent rows are read for every live message (names, mutes): parsed once, dropped on any write. */
  private readonly agentCache = new Map<string, AgentRecord | null>();

  constructor(private readonly db: DatabaseSync) {
    this.listAccounts = db.prepare('SELECT * FROM accounts WHERE removed = 0 ORDER BY created_at, account_id');
    this.oneAgent = db.prepare('SELECT account_id, json, muted, last_read_at FROM agents WHERE account_id = ? AND channel_id = ? AND present = 1');
    // Each count walks one index range, never the whole channel.
    this.unreadCount = db.prepare("SELECT count(*) AS n FROM messages WHERE account_id = ? AND channel_id = ? AND created_at > ? AND sender_type = 'agent'");
    this.pendingCount = db.prepare("SELECT count(*) AS n FROM messages WHERE account_id = ? AND channel_id = ? AND review_status = 'pending' AND review_expires_at > ?");
    this.failureCount = db.prepare("SELECT count(*) AS n FROM messages WHERE account_id = ? AND channel_id = ? AND created_at > ? AND delivery_status = 'webhook_failed'");
    this.lastMessage = db.prepare('SELECT created_at FROM messages WHERE account_id = ? AND channel_id = ? ORDER BY created_at DESC LIMIT 1');
  }

  list(): AccountRecord[] {
    if (this.accountsCache) return this.accountsCache;
    const rows = this.listAccounts.all() as unknown as AccountRow[];
    this.accountsCache = rows.map((r) => ({
      accountId: r.account_id,
      label: r.label,
      serverUrl: r.server_url,
      last4: r.last4,
      enabled: r.enabled === 1,
      keyStorage: r.key_storage,
      createdAt: r.created_at,
    }));
    return this.accountsCache;
  }

  find(accountId: string): AccountRecord | null {
    return this.list().find((a) => a.accountId === accountId) ?? null;
  }

  save(a: AccountRecord): void {
    this.accountsCache = null;
    this.db
      .prepare(
        `INSERT INTO accounts (account_id, label, server_url, last4, enabled, key_storage, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (account_id) DO UPDATE SET label = excluded.label, server_url = excluded.server_url,
           last4 = excluded.last4, enabled = excluded.enabled, key_storage = excluded.key_storage`,
      )
      .run(a.accountId, a.label, a.serverUrl, a.last4, a.enabled ? 1 : 0, a.keyStorage, a.createdAt);
  }

  /** Removes the account; with `deleteHistory` its agents, messages and cursors go too (ON DELETE CASCADE). */
  remove(accountId: string, deleteHistory: boolean): void {
    this.accountsCache = null;
    this.agentCache.clear();
    if (deleteHistory) this.db.prepare('DELETE FROM accounts WHERE account_id = ?').run(accountId);
    else this.db.prepare('UPDATE accounts SET removed = 1, enabled = 0 WHERE account_id = ?').run(accountId);
  }

  agents(accountId?: string): AgentRecord[] {
    const sql = `SELECT account_id, json, muted, last_read_at FROM agents WHERE present = 1 ${accountId ? 'AND account_id = ?' : ''} ORDER BY name`;
    const stmt = this.db.prepare(sql);
    const rows = (accountId ? stmt.all(accountId) : stmt.all()) as Array<{
      account_id: string;
      json: string;
      muted: number;
      last_read_at: string | null;
    }>;
    return rows.map((r) => ({ accountId: r.account_id, agent: JSON.parse(r.json) as Agent, muted: r.muted === 1, lastReadAt: r.last_read_at }));
  }

  agent(accountId: string, channelId: string): AgentRecord | null {
    const key = `${accountId}\u0000${channelId}`;
    const cached = this.agentCache.get(key);
    if (cached !== undefined) return cached;
    const r = this.oneAgent.get(accountId, channelId) as { account_id: string; json: string; muted: number; last_read_at: string | null } | undefined;
    const record = r ? { accountId: r.account_id, agent: JSON.parse(r.json) as Agent, muted: r.muted === 1, lastReadAt: r.last_read_at } : null;
    if (this.agentCache.size > 10_000) this.agentCache.clear();
    this.agentCache.set(key, record);
    return record;
  }

  /**
   * Replaces the account's roster with what `GET /api/v1/agents` returned. Agents that vanished are
   * kept (their history stays readable) but marked absent, since Placet announces no deletions.
   */
  replaceAgents(accountId: string, agents: readonly Agent[]): void {
    this.agentCache.clear();
    transaction(this.db, () => {
      this.db.prepare('UPDATE agents SET present = 0 WHERE account_id = ?').run(accountId);
      const upsert = this.db.prepare(
        `INSERT INTO agents (account_id, channel_id, name, json, present) VALUES (?, ?, ?, ?, 1)
         ON CONFLICT (account_id, channel_id) DO UPDATE SET name = excluded.name, json = excluded.json, present = 1`,
      );
      for (const agent of agents) upsert.run(accountId, agent.id, agent.name, JSON.stringify(agent));
    });
  }

  updateAgent(accountId: string, channelId: string, change: (a: Agent) => Agent): Agent | null {
    const current = this.agent(accountId, channelId);
    if (!current) return null;
    const next = change(current.agent);
    this.agentCache.clear();
    this.db.prepare('UPDATE agents SET json = ?, name = ? WHERE account_id = ? AND channel_id = ?').run(JSON.stringify(next), next.name, accountId, channelId);
    return next;
  }

  setMuted(accountId: string, channelId: string, muted: boolean): void {
    this.agentCache.clear();
    this.db.prepare('UPDATE agents SET muted = ? WHERE account_id = ? AND channel_id = ?').run(muted ? 1 : 0, accountId, channelId);
  }

  markRead(accountId: string, channelId: string, at: string): void {
    this.agentCache.clear();
    this.db.prepare('UPDATE agents SET last_read_at = ? WHERE account_id = ? AND channel_id = ?').run(at, accountId, channelId);
  }

  /** Unread agent messages, pending reviews and recent delivery failures of one channel. */
  channelCounts(accountId: string, channelId: string, lastReadAt: string | null, nowMs: number) {
    const n = (stmt: StatementSync, ...args: Array<string | number>) => (stmt.get(...args) as { n: number }).n;
    const dayAgo = new Date(nowMs - 24 * 3_600_000).toISOString();
    return {
      unread: n(this.unreadCount, accountId, channelId, lastReadAt ?? ''),
      pending: n(this.pendingCount, accountId, channelId, nowMs),
      failures: n(this.failureCount, accountId, channelId, dayAgo),
      lastMessageAt: (this.lastMessage.get(accountId, channelId) as { created_at: string } | undefined)?.created_at ?? null,
    };
  }
}
