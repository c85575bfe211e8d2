import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coreInternals, createCore } from '../../src/main/core/core';
import type { Core, CoreOptions } from '../../src/main/core/core-api';
import type { Notifier } from '../../src/main/core/ports';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { Notice } from '../../src/shared/domain';
import type { Batch } from '../../src/shared/ipc/contract';
import { eventually } from '../support/placet-api';

/** Test timings: the gateway heartbeat is 1,000/1,000 ms in these tests (QUALITY.md). */
export const fastTiming = { batchMs: 10, settleMs: 300, heartbeatMs: 5_000, pongTimeoutMs: 1_000, backoffBaseMs: 1_000, backoffMaxMs: 4_000, stableAfterMs: 3_000, resyncAfterFailureMs: 1_000 };

export interface Harness {
  core: Core;
  dataDir: string;
  secrets: MemorySecretStore;
  batches: Batch[];
  shown: Notice[];
  withdrawn: string[];
  /** How many times each message id reached the UI. */
  uiCounts(): Map<string, number>;
  storedIds(accountId: string): string[];
  /** True when every id is stored (one read of the table, not one per id). */
  hasAll(accountId: string, ids: Iterable<string>): boolean;
  addAccount(serverUrl: string, apiKey: string, label?: string): Promise<string>;
  waitStatus(accountId: string, status: string, timeoutMs?: number): Promise<number>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startHarness(extra: Partial<CoreOptions> = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'placet-rel-'));
  const secrets = new MemorySecretStore();
  const batches: Batch[] = [];
  const shown: Notice[] = [];
  const withdrawn: string[] = [];
  const notifier: Notifier = { show: (n) => shown.push(n), withdraw: (id) => withdrawn.push(id) };
  const make = async () => {
    const core = await createCore({ dataDir, secrets, notifier, timing: fastTiming, ...extra });
    core.onBatch((b) => batches.push(b));
    return core;
  };
  const h: Harness = {
    core: await make(),
    dataDir,
    secrets,
    batches,
    shown,
    withdrawn,
    uiCounts() {
      const counts = new Map<string, number>();
      for (const b of batches) for (const m of b.messages ?? []) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
      return counts;
    },
    storedIds(accountId) {
      return coreInternals(h.core).store.messages.allOf(accountId).map((m) => m.id);
    },
    hasAll(accountId, ids) {
      const have = new Set(h.storedIds(accountId));
      for (const id of ids) if (!have.has(id)) return false;
      return true;
    },
    async addAccount(serverUrl, apiKey, label) {
      const view = await h.core.handlers['accounts:add']({ serverUrl, apiKey, ...(label ? { label } : {}) });
      await h.waitStatus(view.accountId, 'connected');
      // The first catch-up has run when the roster is stored and every channel has a cursor.
      await eventually(() => {
        const { store } = coreInternals(h.core);
        const agents = store.accounts.agents(view.accountId);
        return agents.length > 0 && agents.every((a) => store.local.cursor(view.accountId, a.agent.id));
      }, 'first catch-up', 20_000);
      return view.accountId;
    },
    async waitStatus(accountId, status, timeoutMs = 20_000) {
      const started = Date.now();
      await eventually(() => batches.some((b) => b.accounts?.some((a) => a.accountId === accountId && a.connection.status === status)) || currentStatus(h, accountId) === status, `${accountId} ${status}`, timeoutMs, 10);
      return Date.now() - started;
    },
    async restart() {
      await h.core.dispose();
      h.core = await make();
    },
    async dispose() {
      await h.core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}

function currentStatus(h: Harness, accountId: string): string | undefined {
  const view = coreInternals(h.core).sessions.get(accountId);
  return view?.connection.current.status;
}

export function clearBatches(h: Harness): void {
  h.batches.length = 0;
}

export function report(item: string, figures: Record<string, unknown>): void {
  console.log(`[QUALITY ${item}] ${Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v * 100) / 100 : String(v)}`).join(' ')}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
