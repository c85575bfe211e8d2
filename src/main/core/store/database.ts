import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrations } from './migrations';

export interface OpenedDatabase {
  db: DatabaseSync;
  /** Set when the file on disk was unreadable and was moved aside; history is rebuilt from the servers. */
  recovered: { movedTo: string; reason: string } | null;
}

/**
 * Opens (or creates) the companion's SQLite file in WAL mode and applies pending migrations.
 * A corrupt or foreign file is moved aside, never deleted, and a fresh one is created in its place.
 */
export function openDatabase(file: string, now: () => number = Date.now): OpenedDatabase {
  mkdirSync(dirname(file), { recursive: true });
  try {
    return { db: openAndMigrate(file), recovered: null };
  } catch (err) {
    if (!existsSync(file)) throw err;
    const movedTo = `${file}.corrupt-${now()}`;
    renameSync(file, movedTo);
    for (const side of ['-wal', '-shm']) {
      if (existsSync(file + side)) renameSync(file + side, movedTo + side);
    }
    const reason = err instanceof Error ? err.message : String(err);
    return { db: openAndMigrate(file), recovered: { movedTo, reason } };
  }
}

function openAndMigrate(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  try {
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000;');
    // Reading the schema fails at once on a file that is not a database or has a damaged header.
    // A full `quick_check` would read every page: seconds on a million rows, on every start.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const current = row.user_version;
  if (current > migrations.length) {
    throw new Error(`database schema ${current} is newer than this app (${migrations.length})`);
  }
  for (let version = current; version < migrations.length; version++) {
    db.exec('BEGIN');
    try {
      db.exec(migrations[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}

/** Runs `fn` in one transaction: one fsync per batch, not per row. */
export function transaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
