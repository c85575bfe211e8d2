import type { VirtualClock } from './clock';
import type { EventBus } from './event-bus';
import type { MockStore } from './mock-store';
import type { WebhookDispatcher } from './webhook-dispatcher';

export type Profile = 'placet' | 'docs';

/** What the services share: one per gateway, no globals. */
export interface GatewayContext {
  store: MockStore;
  bus: EventBus;
  clock: VirtualClock;
  webhooks: WebhookDispatcher;
  newId: () => string;
  profile: Profile;
  /** Review and stream changes wake long-polls at once instead of on their 2 s tick. */
  onChange: Set<() => void>;
  /** Pending long-polls, answered when the gateway closes so no timer outlives it. */
  onClose: Set<() => void>;
  /** OAuth relay states registered by `oauth:start` with an `authUrl` (10-minute TTL, virtual clock). */
  oauthStates: Map<string, { channelId: string; provider: string; expiresAt: number }>;
}

export const isoNow = (ctx: GatewayContext): string => new Date(ctx.clock.now()).toISOString();

export function notifyChange(ctx: GatewayContext): void {
  for (const fn of ctx.onChange) fn();
}
