import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/domain';

/** What the companion itself decides and must remember: cursors, reminders, snoozes, settings, the notification log. */
export class LocalStateRepo {
  private readonly statements = new Map<string, StatementSync>();

  constructor(private readonly db: DatabaseSync) {}

  /** Prepared once per SQL text: these run on every batch. */
  private sql(text: string): StatementSync {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  cursor(accountId: string, channelId: string): { newestCreatedAt: string | null; syncedAt: number | null } | null {
    const row = this.sql('SELECT newest_created_at, synced_at FROM cursors WHERE account_id = ? AND channel_id = ?').get(accountId, channelId) as
      | { newest_created_at: string | null; synced_at: number | null }
      | undefined;
    return row ? { newestCreatedAt: row.newest_created_at, syncedAt: row.synced_at } : null;
  }

  /** Written only after the rows it covers are committed, so a cursor never points past stored history. */
  setCursor(accountId: string, channelId: string, newestCreatedAt: string | null, syncedAt: number): void {
    this
      .sql(
        `INSERT INTO cursors (account_id, channel_id, newest_created_at, synced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, channel_id) DO UPDATE SET newest_created_at = excluded.newest_created_at, synced_at = excluded.synced_at`,
      )
      .run(accountId, channelId, newestCreatedAt, syncedAt);
  }

  firedSteps(reviewKey: string): number[] {
    const rows = this.sql('SELECT step FROM reminders WHERE review_key = ?').all(reviewKey) as Array<{ step: number }>;
    return rows.map((r) => r.step);
  }

  recordFired(reviewKey: string, step: number, at: number): void {
    this.sql('INSERT OR IGNORE INTO reminders (review_key, step, fired_at) VALUES (?, ?, ?)').run(reviewKey, step, at);
  }

  snoozedUntil(reviewKey: string): number | null {
    const row = this.sql('SELECT until FROM snoozes WHERE review_key = ?').get(reviewKey) as { until: number } | undefined;
    return row?.until ?? null;
  }

  snooze(reviewKey: string, until: number): void {
    this.sql('INSERT INTO snoozes (review_key, until) VALUES (?, ?) ON CONFLICT (review_key) DO UPDATE SET until = excluded.until').run(reviewKey, until);
  }

  logNotification(at: number, entry: Record<string, unknown>): void {
    this.logNotifications([{ at, entry }]);
  }

  /** Many decisions in one transaction (chatter can bring hundreds per second). */
  logNotifications(entries: Array<{ at: number; entry: Record<string, unknown> }>): void {
    if (entries.length === 0) return;
    const insert = this.sql('INSERT INTO notification_log (at, entry) VALUES (?, ?)');
    const inTransaction = this.db.isTransaction;
    if (!inTransaction) this.db.exec('BEGIN');
    try {
      for (const e of entries) insert.run(e.at, JSON.stringify(e.entry));
      if (!inTransaction) this.db.exec('COMMIT');
    } catch (err) {
      if (!inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  notificationLog(limit: number): Array<{ at: number; entry: Record<string, unknown> }> {
    const rows = this.sql('SELECT at, entry FROM notification_log ORDER BY seq DESC LIMIT ?').all(limit) as Array<{ at: number; entry: string }>;
    return rows.map((r) => ({ at: r.at, entry: JSON.parse(r.entry) as Record<string, unknown> }));
  }

  settings(): Settings {
    const row = this.sql("SELECT json FROM settings WHERE key = 'app'").get() as { json: string } | undefined;
    if (!row) return defaultSettings;
    const parsed = settingsSchema.safeParse({ ...defaultSettings, ...(JSON.parse(row.json) as object) });
    return parsed.success ? parsed.data : defaultSettings;
  }

  saveSettings(settings: Settings): void {
    this.sql("INSERT INTO settings (key, json) VALUES ('app', ?) ON CONFLICT (key) DO UPDATE SET json = excluded.json").run(JSON.stringify(settings));
  }
}
