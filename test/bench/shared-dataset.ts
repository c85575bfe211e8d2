import { join } from 'node:path';
import type { Agent } from '../../src/shared/placet/schemas';
import type { BenchContext } from './context';
import { buildDataset, type DatasetAccount } from './lib/dataset';
import { keysFixture, startGateway, type GatewayHandle } from './lib/gateway';

export interface SharedDataset {
  dataDir: string;
  accounts: DatasetAccount[];
  rows: number;
  buildMs: number;
  gateway: GatewayHandle;
}

export const DATASET_KEYS = 10;

/**
 * The gateway P8 starts against (10 keys × 5 agents) and, once per run, the history both P3 and P8
 * read: 1M rows (100k with --quick) over those 50 channels.
 */
export async function prepareDataset(ctx: BenchContext): Promise<SharedDataset> {
  const gateway = await startGateway({ fixtures: keysFixture(DATASET_KEYS, 5), seed: 8 });
  try {
    const accounts: DatasetAccount[] = [];
    for (const [i, user] of gateway.fixtures.users.entries()) {
      const apiKey = user.apiKeys[0]!;
      const res = await fetch(`${gateway.url}/api/v1/agents`, { headers: { 'x-api-key': apiKey } });
      if (!res.ok) throw new Error(`GET /api/v1/agents answered ${res.status}`);
      accounts.push({ accountId: `bench-account-${i}`, serverUrl: gateway.url, apiKey, agents: (await res.json()) as Agent[] });
    }
    const dataDir = join(ctx.workDir, 'dataset');
    const { rows, ms } = buildDataset(dataDir, accounts, ctx.quick ? 100_000 : 1_000_000);
    return { dataDir, accounts, rows, buildMs: ms, gateway };
  } catch (err) {
    await gateway.child.stop();
    throw err;
  }
}
