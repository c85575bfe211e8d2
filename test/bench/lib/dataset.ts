import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Store, databaseFileName } from '../../../src/main/core/store/store';
import type { Agent, Message } from '../../../src/shared/placet/schemas';
import { wireMessageFactory } from './wire-messages';

export interface DatasetAccount {
  accountId: string;
  serverUrl: string;
  apiKey: string;
  agents: Agent[];
}

export const INSERT_SQL = `INSERT INTO messages (account_id, id, channel_id, created_at, updated_at, sender_type, text, review_status,
  review_expires_at, delivery_status, stream_id, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** A message as the ingest stores it (the wire event minus `agentName`). */
export function messageFactory(seed: number, channels: readonly string[]): (at: number) => Message {
  const make = wireMessageFactory(seed, channels, 'mix');
  return (at) => {
    const { agentName: _name, ...m } = make(at);
    return m as unknown as Message;
  };
}

/** Runs the real migrations, then opens the file raw with the store's own pragmas. */
export function openRaw(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  Store.open(dataDir).close();
  const db = new DatabaseSync(join(dataDir, databaseFileName));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;');
  return db;
}

export function insertRaw(db: DatabaseSync, accountId: string, batch: readonly Message[]): void {
  const stmt = db.prepare(INSERT_SQL);
  db.exec('BEGIN');
  for (const m of batch) {
    stmt.run(accountId, m.id, m.channelId, m.createdAt, m.updatedAt ?? null, m.senderType, m.text ?? null, null, null, m.deliveryStatus, null, JSON.stringify(m));
  }
  db.exec('COMMIT');
}

/**
 * The 1M-row history P3 and P8 share, built once per run with batched inserts: `accounts` with their
 * agents (as the gateway lists them), messages spread evenly over every channel, one per 10 ms back in time.
 */
export function buildDataset(dataDir: string, accounts: readonly DatasetAccount[], total: number): { rows: number; ms: number } {
  const started = performance.now();
  const store = Store.open(dataDir);
  for (const a of accounts) {
    store.accounts.save({ accountId: a.accountId, label: a.accountId, serverUrl: a.serverUrl, last4: a.apiKey.slice(-4), enabled: true, keyStorage: 'session', createdAt: Date.now() });
    store.accounts.replaceAgents(a.accountId, a.agents);
  }
  store.close();
  const db = openRaw(dataDir);
  const perAccount = Math.ceil(total / accounts.length);
  const start = Date.now() - perAccount * 10 - 60_000;
  let rows = 0;
  for (const a of accounts) {
    const make = messageFactory(rows + 1, a.agents.map((g) => g.id));
    for (let i = 0; i < perAccount && rows < total; ) {
      const batch: Message[] = [];
      for (; batch.length < 1_000 && i < perAccount && rows < total; i++, rows++) batch.push(make(start + i * 10));
      insertRaw(db, a.accountId, batch);
    }
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  return { rows, ms: performance.now() - started };
}
