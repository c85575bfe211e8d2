import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { coreInternals, createCore } from '../../../src/main/core/core';
import type { Core, CoreTiming } from '../../../src/main/core/core-api';
import type { Ingest, IngestChanges, IngestOptions } from '../../../src/main/core/ingest';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { databaseFileName } from '../../../src/main/core/store/store';
import type { Batch } from '../../../src/shared/ipc/contract';

/** What the bench sees of a running core: commit times, UI entries, and the store's own counts. */
export interface CoreProbe {
  core: Core;
  secrets: MemorySecretStore;
  /** Message id → Date.now() when its transaction had committed (first time only). */
  committedAt: Map<string, number>;
  /** Message id → Date.now() when a UI batch first carried it. */
  shownAt: Map<string, number>;
  /** UI entries per message id: a created-only load must show each message once. */
  uiEntries: Map<string, number>;
  /** Date.now() − createdAt at commit and at the first UI batch, per inserted message; the bench resets them. */
  lag: { committed: number[]; shown: number[] };
  /** Counters that hold no per-message memory (P7 measures the heap, so it must not grow it). */
  totals: { committed: number; uiEntries: number };
  /** Number of `GET /reviews/pending` calls seen, i.e. channel catch-ups finished. */
  catchUps: () => number;
  firstBatchAt: () => number | null;
  connected: () => Set<string>;
  /** SELECT count(*) from the store's file, through a separate read-only connection. */
  storedCount: () => number;
  dispose: () => Promise<void>;
}

/** `retainIds: false` keeps only counters, for runs that measure the process's own memory. */
export async function startCore(dataDir: string, timing: Partial<CoreTiming & Record<string, number>> = {}, secrets = new MemorySecretStore(), retainIds = true): Promise<CoreProbe> {
  const totals = { committed: 0, uiEntries: 0 };
  const committedAt = new Map<string, number>();
  const shownAt = new Map<string, number>();
  const uiEntries = new Map<string, number>();
  const connected = new Set<string>();
  const lag = { committed: [] as number[], shown: [] as number[] };
  let catchUps = 0;
  let firstBatchAt: number | null = null;
  const core = await createCore({ dataDir, secrets, timing });
  // The commit instant is not observable from outside: wrap the ingest's change callback, which
  // runs right after each batch's COMMIT. Instrumentation only; the pipeline is unchanged.
  const ingest: Ingest = coreInternals(core).ingest;
  const options = (ingest as unknown as { o: IngestOptions }).o;
  const onChanges = options.onChanges;
  options.onChanges = (changes: IngestChanges) => {
    const now = Date.now();
    totals.committed += changes.inserted.length;
    for (const m of retainIds ? changes.inserted : []) {
      if (committedAt.has(m.id)) continue;
      committedAt.set(m.id, now);
      lag.committed.push(now - Date.parse(m.createdAt));
    }
    onChanges(changes);
  };
  core.onBatch((batch: Batch) => {
    const now = Date.now();
    firstBatchAt ??= performance.now();
    totals.uiEntries += batch.messages?.length ?? 0;
    for (const m of retainIds ? (batch.messages ?? []) : []) {
      if (!shownAt.has(m.id)) {
        shownAt.set(m.id, now);
        lag.shown.push(now - Date.parse(m.createdAt));
      }
      uiEntries.set(m.id, (uiEntries.get(m.id) ?? 0) + 1);
    }
    for (const a of batch.accounts ?? []) {
      if (a.connection.status === 'connected') connected.add(a.accountId);
      else connected.delete(a.accountId);
    }
    for (const e of batch.inspector ?? []) if (e.direction === 'rest' && e.event.startsWith('GET /api/v1/reviews/pending')) catchUps++;
  });
  let reader: DatabaseSync | null = null;
  return {
    core,
    secrets,
    committedAt,
    shownAt,
    uiEntries,
    lag,
    totals,
    catchUps: () => catchUps,
    firstBatchAt: () => firstBatchAt,
    connected: () => connected,
    storedCount: () => {
      reader ??= new DatabaseSync(join(dataDir, databaseFileName), { readOnly: true });
      return (reader.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    },
    dispose: async () => {
      reader?.close();
      await core.dispose();
    },
  };
}

/** Polls until `check` is true or `timeoutMs` passes; returns whether it became true. */
export async function waitUntil(check: () => boolean, timeoutMs: number, everyMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts UI entries beyond the first per message. */
export function duplicatesOf(uiEntries: Map<string, number>): number {
  let dup = 0;
  for (const n of uiEntries.values()) if (n > 1) dup += n - 1;
  return dup;
}
