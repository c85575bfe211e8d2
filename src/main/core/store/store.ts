import { join } from 'node:path';
import { AccountRepo } from './account-repo';
import { openDatabase, transaction, type OpenedDatabase } from './database';
import { LocalStateRepo } from './local-state-repo';
import { MessageRepo } from './message-repo';

export const databaseFileName = 'companion.db';

/** The companion's local history: one SQLite file in the data folder. */
export class Store {
  readonly accounts: AccountRepo;
  readonly messages: MessageRepo;
  readonly local: LocalStateRepo;
  readonly recovered: OpenedDatabase['recovered'];
  private readonly opened: OpenedDatabase;

  private constructor(opened: OpenedDatabase) {
    this.opened = opened;
    this.recovered = opened.recovered;
    this.accounts = new AccountRepo(opened.db);
    this.messages = new MessageRepo(opened.db);
    this.local = new LocalStateRepo(opened.db);
  }

  static open(dataDir: string): Store {
    return new Store(openDatabase(join(dataDir, databaseFileName)));
  }

  /** One transaction around `fn`: one commit per batch. */
  transaction<T>(fn: () => T): T {
    return transaction(this.opened.db, fn);
  }

  integrityCheck(): string {
    const row = this.opened.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string };
    return row.integrity_check;
  }

  close(): void {
    if (this.opened.db.isOpen) this.opened.db.close();
  }
}
