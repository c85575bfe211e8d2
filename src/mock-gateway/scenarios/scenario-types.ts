import type { FaultRequest } from '../faults';
import type { ReviewInput } from '../review-rules';
import type { FixtureSpec } from '../types';

/**
 * An agent reference: `"0.1"` is user 0's agent 1 (fixture order), or an agent's exact name.
 */
export type AgentRef = string;

export type ScenarioStep =
  | { do: 'agentMessage'; agent: AgentRef; text: string; status?: 'info' | 'success' | 'warning' | 'error'; ref?: string }
  | { do: 'review'; agent: AgentRef; text?: string; review: ReviewInput; ref?: string; webhookUrl?: string }
  | { do: 'respond'; ref: string; response: Record<string, unknown>; feedback?: string }
  | { do: 'userMessage'; agent: AgentRef; text: string }
  | { do: 'ping'; agent: AgentRef; status: 'active' | 'busy' | 'error' | 'offline'; message?: string }
  | { do: 'webhookOutcome'; agent: AgentRef; outcome: 'delivered' | 'failed' | 'timeout'; times?: number }
  | { do: 'stream'; agent: AgentRef; chunks: string[]; intervalMs?: number; statusSteps?: string[] }
  | { do: 'fault'; fault: FaultRequest }
  /** Looks like a server restart to clients: everyone kicked, connections refused for `downMs`. */
  | { do: 'restart'; downMs: number }
  /** Random ongoing activity from a pool, until `untilMs` (default: forever). */
  | { do: 'chatter'; agents: AgentRef[]; everyMs: number; jitterMs?: number; untilMs?: number; lines: string[]; userLines?: string[]; reviews?: Array<{ text: string; review: ReviewInput }>; pingStatuses?: Array<'active' | 'busy' | 'error'> }
  /** `agents` channels (user 0's first agents), `ratePerSec` messages per real second for `durationMs` real ms. */
  | { do: 'load'; agents: number; ratePerSec: number; durationMs: number };

export interface TimedStep {
  /** Virtual ms after the scenario starts. */
  at: number;
  step: ScenarioStep;
}

export interface Scenario {
  name: string;
  description?: string;
  fixtures?: FixtureSpec;
  /** Replays the timeline every `everyMs` (virtual), so a demo keeps moving. */
  loop?: { everyMs: number };
  timeline: Array<{ at: number } & ScenarioStep>;
}
