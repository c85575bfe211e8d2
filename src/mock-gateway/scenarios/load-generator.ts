import type { GatewayContext } from '../context';
import { createAgentMessage } from '../message-service';
import type { StoredAgent } from '../types';

const WORDS = 'agent deploy review status queue build metric latency shard cache token pipeline report retry alert window batch index trace'.split(' ');
const TICK_MS = 10;

/** A seeded body of about `size` bytes. */
export function fillerText(random: () => number, size: number): string {
  let out = '';
  while (out.length < size) out += WORDS[Math.floor(random() * WORDS.length)] + ' ';
  return out.slice(0, size);
}

/** 80% ~200 B, 19% ~2 KB, 1% ~20 KB, each ±10%. */
export function loadBodySize(random: () => number): number {
  const r = random();
  const base = r < 0.8 ? 200 : r < 0.99 ? 2_000 : 20_000;
  return Math.round(base * (0.9 + random() * 0.2));
}

/**
 * Real-time load (a rate is about the client's wall clock, not the virtual one): every 10 ms it
 * creates the messages that are due, round-robin over the channels, through the normal create
 * path, so they are stored, logged and emitted like any agent message.
 */
export class LoadGenerator {
  private timer: NodeJS.Timeout | null = null;
  sent = 0;

  constructor(
    private readonly ctx: GatewayContext,
    private readonly agents: StoredAgent[],
    private readonly random: () => number,
  ) {}

  start(ratePerSec: number, durationMs: number, onDone: () => void): void {
    if (this.agents.length === 0 || ratePerSec <= 0) return onDone();
    const started = Date.now();
    this.timer = setInterval(() => {
      const elapsed = Math.min(Date.now() - started, durationMs);
      const due = Math.floor((elapsed / 1000) * ratePerSec) - this.sent;
      for (let i = 0; i < due; i++) {
        const agent = this.agents[this.sent % this.agents.length]!;
        createAgentMessage(this.ctx, agent, { channelId: agent.id, text: `#${this.sent} ${fillerText(this.random, loadBodySize(this.random))}` });
        this.sent++;
      }
      if (elapsed >= durationMs) {
        this.stop();
        onDone();
      }
    }, TICK_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
