// The mock gateway in its own process, with the load scenario's generator on command, so the load
// is emitted by the real create path (store, wire shape, rooms) and the measured client has its own CPU.
import { createMockGateway, type FixtureSpec } from '../../../src/mock-gateway/index';
import { createRandom } from '../../../src/mock-gateway/random';
import { createAgentMessage } from '../../../src/mock-gateway/message-service';
import { fillerText, LoadGenerator, loadBodySize } from '../../../src/mock-gateway/scenarios/load-generator';
import type { GatewayContext } from '../../../src/mock-gateway/context';
import type { StoredAgent } from '../../../src/mock-gateway/types';
import { announceReady, childArgs, serveCommands } from '../lib/child';

export interface GatewayChildArgs {
  fixtures: FixtureSpec;
  port?: number;
  state?: string;
  seed?: number;
  pingInterval?: number;
  pingTimeout?: number;
  /** Messages created per agent right after start-up, before any client can connect (P6's gap). */
  missedPerAgent?: number;
}

const args = childArgs<GatewayChildArgs>();
const gateway = await createMockGateway({
  port: args.port ?? 0,
  seed: args.seed ?? 1,
  state: args.state,
  rateLimit: false,
  pingInterval: args.pingInterval,
  pingTimeout: args.pingTimeout,
  // An empty scenario: its runner is how a bench reaches the gateway's context for the load.
  scenario: { name: 'bench', fixtures: args.fixtures, timeline: [] },
});
const ctx: GatewayContext = gateway.scenario!.ctx;
const random = createRandom((args.seed ?? 1) ^ 0xbe4c);
const agents = (): StoredAgent[] => [...ctx.store.agents.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

let created = 0;
function createOne(list: StoredAgent[]): void {
  const agent = list[created % list.length]!;
  createAgentMessage(ctx, agent, { channelId: agent.id, text: `#${created} ${fillerText(random, loadBodySize(random))}` });
  created++;
}

// Runs synchronously after the listen and before this process answers anything: no client can be
// connected yet, so these are messages the clients must fetch over REST.
if (args.missedPerAgent) {
  const list = agents();
  for (let i = 0; i < args.missedPerAgent * list.length; i++) createOne(list);
  ctx.store.flush();
}

/** The load scenario's own generator: real-time rate, round-robin over every channel. */
function load(a: { ratePerSec: number; durationMs: number }): Promise<{ sent: number; ms: number }> {
  const started = performance.now();
  const generator = new LoadGenerator(ctx, agents(), random);
  return new Promise((resolve) => generator.start(a.ratePerSec, a.durationMs, () => resolve({ sent: generator.sent, ms: performance.now() - started })));
}

/** As fast as the gateway can create and emit, in slices so its sockets get written meanwhile. */
function flood(a: { count: number; slice?: number }): Promise<{ sent: number; ms: number }> {
  const list = agents();
  const started = performance.now();
  let left = a.count;
  return new Promise((resolve) => {
    const step = () => {
      const n = Math.min(left, a.slice ?? 250);
      for (let i = 0; i < n; i++) createOne(list);
      left -= n;
      if (left > 0) setImmediate(step);
      else resolve({ sent: a.count, ms: performance.now() - started });
    };
    step();
  });
}

/** createdAt (ms) by the load generator's `#n` prefix, for messages created since `sinceMs`. */
function createdTimes(a: { sinceMs: number }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of ctx.store.messages.values()) {
    const at = Date.parse(m.createdAt);
    const n = /^#(\d+) /.exec(m.text ?? '')?.[1];
    if (at >= a.sinceMs && n !== undefined) out[n] = at;
  }
  return out;
}

serveCommands(
  {
    fixtures: () => gateway.fixtures,
    createdTimes,
    count: () => ({ messages: ctx.store.messages.size }),
    load,
    flood,
  },
  () => gateway.close(),
);
announceReady({ url: gateway.url, port: gateway.port, fixtures: gateway.fixtures, messages: ctx.store.messages.size });
