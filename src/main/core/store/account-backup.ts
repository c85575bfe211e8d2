import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { keyStorageSchema, settingsSchema, type Settings } from '../../../shared/domain';
import type { AccountRecord } from './account-repo';

// The accounts (never their keys) and settings, mirrored beside the database in a small JSON file.
// The database is a cache of the servers' history: if it is ever unreadable it is moved aside and
// rebuilt, and this file is what lets the rebuild know which servers to ask.

export const accountBackupFileName = 'accounts.json';

const backupSchema = z.object({
  version: z.literal(1),
  accounts: z.array(
    z.object({
      accountId: z.string().min(1).max(128),
      label: z.string().max(200),
      serverUrl: z.string().max(2_048),
      last4: z.string().max(4),
      enabled: z.boolean(),
      keyStorage: keyStorageSchema,
      createdAt: z.number(),
    }),
  ),
  settings: settingsSchema,
});

export function writeAccountBackup(dataDir: string, accounts: AccountRecord[], settings: Settings): void {
  const file = join(dataDir, accountBackupFileName);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify({ version: 1, accounts, settings }, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}

/** Null when there is no backup or it is unreadable; never throws. */
export function readAccountBackup(dataDir: string): { accounts: AccountRecord[]; settings: Settings } | null {
  try {
    const parsed = backupSchema.safeParse(JSON.parse(readFileSync(join(dataDir, accountBackupFileName), 'utf8')));
    return parsed.success ? { accounts: parsed.data.accounts, settings: parsed.data.settings } : null;
  } catch {
    return null;
  }
}
