import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DeliveryStatus, Message } from '../../../shared/placet/schemas';
import { transaction } from './database';

export interface StoredMessage {
  accountId: string;
  message: Message;
}

export interface ApplyResult {
  /** Messages we did not have before. */
  inserted: Message[];
  /** Messages we had, whose stored record changed. */
  updated: Message[];
}

export interface FeedCursor {
  createdAt: string;
  id: string;
}

/** Messages of every account, keyed by (account, message id): de-duplication is the primary key. */
export class MessageRepo {
  private readonly getJson: StatementSync;
  private readonly upsert: StatementSync;
  private readonly feedLatest: StatementSync;
  private readonly feedBefore: StatementSync;
  private readonly byReviewStatus: StatementSync;
  private readonly pendingLive: StatementSync;
  private readonly expiredEffective: StatementSync;
  private readonly searchText: StatementSync;
  private readonly allForAccount: StatementSync;
  private readonly newestInChannel: StatementSync;
  private readonly byStream: StatementSync;
  private readonly pendingInChannel: StatementSync;

  constructor(private readonly db: DatabaseSync) {
    this.getJson = db.prepare('SELECT json, updated_at FROM messages WHERE account_id = ? AND id = ?');
    this.upsert = db.prepare(`
      INSERT INTO messages (account_id, id, channel_id, created_at, updated_at, sender_type, text, review_status,
                            review_expires_at, delivery_status, stream_id, json)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (account_id, id) DO UPDATE SET
        updated_at = excluded.updated_at, text = excluded.text, review_status = excluded.review_status,
        review_expires_at = excluded.review_expires_at, delivery_status = excluded.delivery_status, stream_id = excluded.stream_id, json = excluded.json`);
    const cols = 'SELECT account_id, json FROM messages';
    this.feedLatest = db.prepare(`${cols} WHERE account_id = ? AND channel_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`);
    this.feedBefore = db.prepare(`${cols} WHERE account_id = ? AND channel_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
      ORDER BY created_at DESC, id DESC LIMIT ?`);
    this.byReviewStatus = db.prepare(`${cols} WHERE review_status = ? ORDER BY created_at DESC LIMIT ?`);
    this.pendingLive = db.prepare(`${cols} WHERE review_status = 'pending' AND review_expires_at > ? ORDER BY review_expires_at ASC LIMIT ?`);
    // Expired on the server, or pending with its deadline passed (expired locally, PROTOCOL.md §4.4).
    this.expiredEffective = db.prepare(`${cols} WHERE review_status = 'expired' OR (review_status = 'pending' AND review_expires_at <= ?)
      ORDER BY review_expires_at DESC LIMIT ?`);
    this.searchText = db.prepare(`${cols} WHERE text LIKE ? ESCAPE '\\' ORDER BY created_at DESC LIMIT ?`);
    this.allForAccount = db.prepare(`${cols} WHERE account_id = ? ORDER BY channel_id, created_at, id`);
    this.byStream = db.prepare("SELECT json FROM messages WHERE account_id = ? AND channel_id = ? AND stream_id = ? LIMIT 1");
    this.pendingInChannel = db.prepare("SELECT id FROM messages WHERE account_id = ? AND channel_id = ? AND review_status = 'pending'");
    this.newestInChannel = db.prepare('SELECT max(created_at) AS newest FROM messages WHERE account_id = ? AND channel_id = ?');
  }

  get(accountId: string, id: string): Message | null {
    const row = this.getJson.get(accountId, id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Message) : null;
  }

  has(accountId: string, id: string): boolean {
    return this.getJson.get(accountId, id) !== undefined;
  }

  /**
   * Stores a batch in one transaction. A record replaces the stored one unless the stored one is
   * newer (`updatedAt`), so a late REST page never undoes a fresher socket event.
   */
  apply(accountId: string, messages: readonly Message[]): ApplyResult {
    const result: ApplyResult = { inserted: [], updated: [] };
    if (messages.length === 0) return result;
    transaction(this.db, () => {
      for (const message of messages) {
        const outcome = this.applyOne(accountId, message);
        if (outcome !== 'unchanged') result[outcome].push(message);
      }
    });
    return result;
  }

  /** One record, inside the caller's transaction. */
  applyOne(accountId: string, message: Message): 'inserted' | 'updated' | 'unchanged' {
    const json = JSON.stringify(message);
    const existing = this.getJson.get(accountId, message.id) as { json: string; updated_at: string | null } | undefined;
    if (existing) {
      if (existing.json === json) return 'unchanged';
      if (existing.updated_at && message.updatedAt && existing.updated_at > message.updatedAt) return 'unchanged';
    }
    this.write(accountId, message, json);
    return existing ? 'updated' : 'inserted';
  }

  /** Applies a change to one stored message (delivery status, local review state). Returns the new record. */
  patch(accountId: string, id: string, change: (m: Message) => Message): Message | null {
    const current = this.get(accountId, id);
    if (!current) return null;
    const next = change(current);
    const json = JSON.stringify(next);
    if (json === JSON.stringify(current)) return null;
    this.write(accountId, next, json);
    return next;
  }

  setDelivery(accountId: string, id: string, deliveryStatus: DeliveryStatus): Message | null {
    return this.patch(accountId, id, (m) => ({ ...m, deliveryStatus }));
  }

  page(accountId: string, channelId: string, before: FeedCursor | undefined, limit: number): StoredMessage[] {
    const rows = before
      ? this.feedBefore.all(accountId, channelId, before.createdAt, before.createdAt, before.id, limit)
      : this.feedLatest.all(accountId, channelId, limit);
    return toStored(rows).reverse();
  }

  reviewsWithStatus(status: 'pending' | 'completed' | 'expired', limit: number): StoredMessage[] {
    return toStored(this.byReviewStatus.all(status, limit));
  }

  /** Pending reviews whose deadline is still ahead, soonest first. */
  pendingReviews(now: number, limit: number): StoredMessage[] {
    return toStored(this.pendingLive.all(now, limit));
  }

  expiredReviews(now: number, limit: number): StoredMessage[] {
    return toStored(this.expiredEffective.all(now, limit));
  }

  search(query: string, limit: number): StoredMessage[] {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return toStored(this.searchText.all(pattern, limit));
  }

  allOf(accountId: string): Message[] {
    return toStored(this.allForAccount.all(accountId)).map((s) => s.message);
  }

  findByStream(accountId: string, channelId: string, streamId: string): Message | null {
    const row = this.byStream.get(accountId, channelId, streamId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Message) : null;
  }

  pendingIds(accountId: string, channelId: string): string[] {
    return (this.pendingInChannel.all(accountId, channelId) as Array<{ id: string }>).map((r) => r.id);
  }

  newestCreatedAt(accountId: string, channelId: string): string | null {
    const row = this.newestInChannel.get(accountId, channelId) as { newest: string | null } | undefined;
    return row?.newest ?? null;
  }

  private write(accountId: string, m: Message, json: string): void {
    const expiresAt = m.review ? Date.parse(m.review.expiresAt) : null;
    this.upsert.run(
      accountId, m.id, m.channelId, m.createdAt, m.updatedAt ?? null, m.senderType, m.text ?? null,
      m.review?.status ?? null, expiresAt, m.deliveryStatus, m.streamId ?? null, json,
    );
  }
}

function toStored(rows: unknown[]): StoredMessage[] {
  return (rows as Array<{ account_id: string; json: string }>).map((r) => ({
    accountId: r.account_id,
    message: JSON.parse(r.json) as Message,
  }));
}
