import type { DatabaseSync } from 'node:sqlite';
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
  constructor(private readonly db: DatabaseSync) {}

  list(): AccountRecord[] {
    const rows = this.db.prepare('SELECT * FROM accounts WHERE removed = 0 ORDER BY created_at, account_id').all() as unknown as AccountRow[];
    return rows.map((r) => ({
      accountId: r.account_id,
      label: r.label,
      serverUrl: r.server_url,
      last4: r.last4,
      enabled: r.enabled === 1,
      keyStorage: r.key_storage,
      createdAt: r.created_at,
    }));
  }

  save(a: AccountRecord): void {
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
    return this.agents(accountId).find((a) => a.agent.id === channelId) ?? null;
  }

  /**
   * Replaces the account's roster with what `GET /api/v1/agents` returned. Agents that vanished are
   * kept (their history stays readable) but marked absent, since Placet announces no deletions.
   */
  replaceAgents(accountId: string, agents: readonly Agent[]): void {
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
    this.db.prepare('UPDATE agents SET json = ?, name = ? WHERE account_id = ? AND channel_id = ?').run(JSON.stringify(next), next.name, accountId, channelId);
    return next;
  }

  setMuted(accountId: string, channelId: string, muted: boolean): void {
    this.db.prepare('UPDATE agents SET muted = ? WHERE account_id = ? AND channel_id = ?').run(muted ? 1 : 0, accountId, channelId);
  }

  markRead(accountId: string, channelId: string, at: string): void {
    this.db.prepare('UPDATE agents SET last_read_at = ? WHERE account_id = ? AND channel_id = ?').run(at, accountId, channelId);
  }

  /** Unread agent messages, pending reviews and recent delivery failures of one channel. */
  channelCounts(accountId: string, channelId: string, lastReadAt: string | null, nowMs: number) {
    const row = this.db
      .prepare(
        `SELECT
           sum(CASE WHEN sender_type = 'agent' AND created_at > ? THEN 1 ELSE 0 END) AS unread,
           sum(CASE WHEN review_status = 'pending' AND review_expires_at > ? THEN 1 ELSE 0 END) AS pending,
           sum(CASE WHEN delivery_status = 'webhook_failed' AND created_at > ? THEN 1 ELSE 0 END) AS failures,
           max(created_at) AS last_at
         FROM messages WHERE account_id = ? AND channel_id = ?`,
      )
      .get(lastReadAt ?? '', nowMs, new Date(nowMs - 24 * 3_600_000).toISOString(), accountId, channelId) as {
      unread: number | null;
      pending: number | null;
      failures: number | null;
      last_at: string | null;
    };
    return { unread: row.unread ?? 0, pending: row.pending ?? 0, failures: row.failures ?? 0, lastMessageAt: row.last_at };
  }
}
