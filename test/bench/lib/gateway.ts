import type { Fixtures, FixtureSpec } from '../../../src/mock-gateway/index';
import type { GatewayChildArgs } from '../children/gateway-child';
import { startChild, type BenchChild } from './child';

export interface GatewayHandle {
  child: BenchChild;
  url: string;
  port: number;
  fixtures: Fixtures;
  flood(count: number): Promise<{ sent: number; ms: number }>;
  load(ratePerSec: number, durationMs: number): Promise<{ sent: number; ms: number }>;
  count(): Promise<number>;
}

/** The mock gateway in another process (see children/gateway-child.ts). */
export async function startGateway(args: GatewayChildArgs): Promise<GatewayHandle> {
  const { child, ready } = await startChild<{ url: string; port: number; fixtures: Fixtures }>('gateway-child.ts', args);
  return {
    child,
    url: ready.url,
    port: ready.port,
    fixtures: ready.fixtures,
    flood: (count) => child.call('flood', { count }, 300_000),
    load: (ratePerSec, durationMs) => child.call('load', { ratePerSec, durationMs }, durationMs + 60_000),
    count: async () => (await child.call<{ messages: number }>('count')).messages,
  };
}

/** `users` users with one key each and `agentsPerUser` agents (channels) each. */
export function keysFixture(users: number, agentsPerUser: number): FixtureSpec {
  return { users: Array.from({ length: users }, (_, i) => ({ name: `Operator ${i + 1}`, apiKeys: 1, agentCount: agentsPerUser })) };
}

export async function postFault(url: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${url}/mock/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`POST /mock/faults answered ${res.status}`);
}
