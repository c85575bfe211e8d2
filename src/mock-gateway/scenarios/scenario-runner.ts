import { type GatewayContext, isoNow } from '../context';
import type { FaultRequest } from '../faults';
import { channelRoom, userRoom } from '../event-bus';
import { addStreamStatus, createAgentMessage, createUserMessage, patchStream } from '../message-service';
import { createRandom } from '../random';
import { respondToReview } from '../review-service';
import type { StoredAgent } from '../types';
import { LoadGenerator } from './load-generator';
import type { AgentRef, Scenario, ScenarioStep } from './scenario-types';

export { loadScenario } from './scenario-catalog';
export type { Scenario } from './scenario-types';

export interface ScenarioHost {
  ctx: GatewayContext;
  applyFault(fault: FaultRequest): void;
}

/** Plays a scenario's timeline on the virtual clock. Failing steps are counted, never fatal. */
export class ScenarioRunner {
  readonly refs = new Map<string, string>();
  stepsRun = 0;
  errors: string[] = [];
  private readonly random: () => number;
  private readonly timers = new Set<number>();
  private readonly loads = new Set<LoadGenerator>();
  private stopped = false;
  private streamCount = 0;

  constructor(
    readonly scenario: Scenario,
    private readonly host: ScenarioHost,
    seed: number,
  ) {
    this.random = createRandom(seed ^ 0x5eed);
  }

  get ctx(): GatewayContext {
    return this.host.ctx;
  }

  start(): void {
    this.schedule(this.ctx.clock.now());
  }

  stop(): void {
    this.stopped = true;
    for (const id of this.timers) this.ctx.clock.clear(id);
    for (const load of this.loads) load.stop();
  }

  /** Messages created by load steps so far. */
  get loadSent(): number {
    let n = 0;
    for (const load of this.loads) n += load.sent;
    return n;
  }

  private schedule(origin: number): void {
    for (const entry of this.scenario.timeline) {
      this.later(origin + entry.at, () => this.run(entry));
    }
    const loop = this.scenario.loop;
    if (loop && loop.everyMs > 0) this.later(origin + loop.everyMs, () => this.schedule(origin + loop.everyMs));
  }

  private later(due: number, fn: () => void): void {
    const id = this.ctx.clock.at(due, () => {
      this.timers.delete(id);
      if (!this.stopped) fn();
    });
    this.timers.add(id);
  }

  agent(ref: AgentRef): StoredAgent {
    const { store } = this.ctx;
    const m = /^(\d+)\.(\d+)$/.exec(ref);
    if (m) {
      const user = [...store.users.values()][Number(m[1])];
      const agent = user ? store.agentsOf(user.id).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[Number(m[2])] : undefined;
      if (agent) return agent;
    }
    const byName = [...store.agents.values()].find((a) => a.name === ref);
    if (!byName) throw new Error(`no agent "${ref}"`);
    return byName;
  }

  private run(step: ScenarioStep): void {
    this.stepsRun++;
    try {
      this.execute(step);
    } catch (error) {
      this.errors.push(`${step.do}: ${(error as Error).message}`);
    }
    this.ctx.store.flush();
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  private execute(step: ScenarioStep): void {
    const { ctx } = this;
    switch (step.do) {
      case 'agentMessage': {
        const agent = this.agent(step.agent);
        const { message } = createAgentMessage(ctx, agent, { channelId: agent.id, text: step.text, status: step.status });
        if (step.ref) this.refs.set(step.ref, message.id);
        return;
      }
      case 'review': {
        const agent = this.agent(step.agent);
        const { message } = createAgentMessage(ctx, agent, { channelId: agent.id, text: step.text, review: step.review, webhookUrl: step.webhookUrl });
        if (step.ref) this.refs.set(step.ref, message.id);
        return;
      }
      case 'respond': {
        const id = this.refs.get(step.ref);
        if (!id) throw new Error(`unknown ref ${step.ref}`);
        respondToReview(ctx, id, { response: step.response, feedback: step.feedback });
        return;
      }
      case 'userMessage':
        createUserMessage(ctx, this.agent(step.agent), step.text);
        return;
      case 'ping':
        return this.ping(this.agent(step.agent), step.status, step.message);
      case 'webhookOutcome':
        ctx.webhooks.queue(this.agent(step.agent).id, step.outcome, step.times ?? 1);
        return;
      case 'stream':
        return this.stream(this.agent(step.agent), step.chunks, step.intervalMs ?? 400, step.statusSteps ?? []);
      case 'fault':
        return this.host.applyFault(step.fault);
      case 'restart':
        return this.host.applyFault({ disconnectAll: true, refuseConnectionsMs: step.downMs });
      case 'chatter':
        return this.chatter(step, ctx.clock.now());
      case 'load': {
        const user = [...ctx.store.users.values()][0];
        const agents = user ? ctx.store.agentsOf(user.id).slice(0, step.agents) : [];
        const load = new LoadGenerator(ctx, agents, this.random);
        this.loads.add(load);
        load.start(step.ratePerSec, step.durationMs, () => ctx.store.flush());
        return;
      }
    }
  }

  /** The same writes and event as `POST /status/ping`. */
  private ping(agent: StoredAgent, status: StoredAgent['status'], message?: string): void {
    const { ctx } = this;
    const now = isoNow(ctx);
    const next = { ...agent, status, statusMessage: message ?? null, lastActiveAt: now, statusSince: agent.status !== status || !agent.statusSince ? now : agent.statusSince };
    ctx.store.putAgent(next);
    const rooms = ctx.profile === 'docs' ? [userRoom(agent.ownerId), channelRoom(agent.id)] : [userRoom(agent.ownerId)];
    ctx.bus.emit(rooms, 'agent:status', { agentId: agent.id, status, statusMessage: next.statusMessage, statusSince: next.statusSince });
  }

  private stream(agent: StoredAgent, chunks: string[], intervalMs: number, statusSteps: string[]): void {
    const { ctx } = this;
    const streamId = `stream-${ctx.clock.now()}-${this.streamCount++}`;
    statusSteps.forEach((text) => addStreamStatus(ctx, agent, streamId, text, false));
    createAgentMessage(ctx, agent, { channelId: agent.id, streamId, streamState: 'streaming', text: chunks[0] ?? '' });
    let text = chunks[0] ?? '';
    chunks.slice(1).forEach((chunk, i) => {
      this.later(ctx.clock.now() + intervalMs * (i + 1), () => {
        text += chunk;
        patchStream(ctx, agent, streamId, text, i === chunks.length - 2);
        ctx.store.flush();
      });
    });
  }

  private chatter(step: Extract<ScenarioStep, { do: 'chatter' }>, startedAt: number): void {
    const next = () => {
      const { ctx } = this;
      if (step.untilMs !== undefined && ctx.clock.now() - startedAt >= step.untilMs) return;
      const agent = this.agent(this.pick(step.agents));
      const roll = this.random();
      if (step.reviews?.length && roll < 0.2) {
        const r = this.pick(step.reviews);
        createAgentMessage(ctx, agent, { channelId: agent.id, text: r.text, review: structuredClone(r.review) });
      } else if (step.userLines?.length && roll < 0.35) {
        createUserMessage(ctx, agent, this.pick(step.userLines));
      } else if (step.pingStatuses?.length && roll < 0.5) {
        this.ping(agent, this.pick(step.pingStatuses));
      } else {
        createAgentMessage(ctx, agent, { channelId: agent.id, text: this.pick(step.lines) });
      }
      ctx.store.flush();
      this.later(ctx.clock.now() + step.everyMs + Math.floor(this.random() * (step.jitterMs ?? 0)), () => this.safely(next));
    };
    next();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.errors.push((error as Error).message);
    }
  }
}
