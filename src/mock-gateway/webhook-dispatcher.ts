import type { VirtualClock } from './clock';

export type WebhookOutcome = 'delivered' | 'failed' | 'timeout';

export interface WebhookRecord {
  channelId: string;
  url: string;
  body: Record<string, unknown>;
  outcome: WebhookOutcome;
  at: string;
}

const TIMEOUT_MS = 10_000;
const MAX_LOG = 500;

/**
 * The mock never calls out (Placet's SSRF guard would block loopback anyway, and these machines are
 * offline). Each dispatch ends with the outcome queued for its channel by `POST /mock/webhooks`,
 * or `delivered`; a timeout resolves as a failure after Placet's 10 s, on the virtual clock.
 */
export class WebhookDispatcher {
  private readonly queued = new Map<string, WebhookOutcome[]>();
  readonly log: WebhookRecord[] = [];

  constructor(private readonly clock: VirtualClock) {}

  queue(channelId: string, outcome: WebhookOutcome, times = 1): void {
    let list = this.queued.get(channelId);
    if (!list) this.queued.set(channelId, (list = []));
    for (let i = 0; i < times; i++) list.push(outcome);
  }

  dispatch(channelId: string, url: string, body: Record<string, unknown>, done: (ok: boolean) => void): void {
    const outcome = this.queued.get(channelId)?.shift() ?? 'delivered';
    this.log.push({ channelId, url, body, outcome, at: new Date(this.clock.now()).toISOString() });
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    // Fire-and-forget in Placet: the result lands after the request that caused it has answered.
    if (outcome === 'timeout') this.clock.after(TIMEOUT_MS, () => done(false));
    else setImmediate(() => done(outcome === 'delivered'));
  }
}
