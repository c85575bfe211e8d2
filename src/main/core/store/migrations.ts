// Schema migrations, applied in order; `PRAGMA user_version` counts the ones applied.
// Never edit a shipped migration: add a new one. Secrets never go in this database.

export const migrations: string[] = [
  `
  CREATE TABLE accounts (
    account_id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    server_url TEXT NOT NULL,
    last4 TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    -- Removed but history kept: hidden from the account list, still searchable.
    removed INTEGER NOT NULL DEFAULT 0,
    key_storage TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE agents (
    account_id TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL,
    name TEXT NOT NULL,
    json TEXT NOT NULL,
    muted INTEGER NOT NULL DEFAULT 0,
    last_read_at TEXT,
    present INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (account_id, channel_id)
  );
  CREATE TABLE messages (
    account_id TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT,
    sender_type TEXT NOT NULL,
    text TEXT,
    review_status TEXT,
    review_expires_at INTEGER,
    delivery_status TEXT NOT NULL,
    stream_id TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (account_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX messages_feed ON messages (account_id, channel_id, created_at, id);
  CREATE INDEX messages_streams ON messages (account_id, channel_id, stream_id) WHERE stream_id IS NOT NULL;
  CREATE INDEX messages_reviews ON messages (review_status, review_expires_at) WHERE review_status IS NOT NULL;
  CREATE TABLE cursors (
    account_id TEXT NOT NULL REFERENCES accounts(account_id) ON DELETE CASCADE,
    channel_id TEXT NOT NULL,
    newest_created_at TEXT,
    synced_at INTEGER,
    PRIMARY KEY (account_id, channel_id)
  );
  CREATE TABLE reminders (
    review_key TEXT NOT NULL,
    step INTEGER NOT NULL,
    fired_at INTEGER NOT NULL,
    PRIMARY KEY (review_key, step)
  );
  CREATE TABLE snoozes (review_key TEXT PRIMARY KEY, until INTEGER NOT NULL);
  CREATE TABLE notification_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    entry TEXT NOT NULL
  );
  CREATE TABLE settings (key TEXT PRIMARY KEY, json TEXT NOT NULL);
  `,
  // Per-channel pending-review counts on every batch: an index range instead of a channel scan.
  `
  CREATE INDEX messages_channel_reviews ON messages (account_id, channel_id, review_status, review_expires_at) WHERE review_status IS NOT NULL;
  -- Covers the unread and delivery-failure counts, so they never touch the rows themselves.
  CREATE INDEX messages_counts ON messages (account_id, channel_id, created_at, sender_type, delivery_status);
  `,
];
