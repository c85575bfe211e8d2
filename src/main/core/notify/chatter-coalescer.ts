import type { Notice } from '../../../shared/domain';
import type { Clock } from '../ports';
import { noticeBody, noticeTitle } from './notice-text';

// Agent chatter is the least important thing the app says and the most frequent: at most one
// chatter notice per window per account, replaced in place and summing up everything unseen
// ("3 new messages from Agent A and 2 others"). Reviews never come through here.

export interface ChatterItem {
  /** The single-message notice the policy decided on (id `chatter:<accountId>`). */
  notice: Notice;
  agentName: string;
  accountLabel?: string;
  multipleAccounts: boolean;
}

export interface ChatterCoalescerOptions {
  clock: Clock;
  /** At most one notice per account per this many ms. */
  windowMs?: number;
  /** A notice held back during the window, due now. */
  onFlush: (notice: Notice, accountId: string) => void;
}

interface ChannelCount {
  agentName: string;
  count: number;
  lastAt: number;
  latest: ChatterItem;
}

interface AccountChatter {
  channels: Map<string, ChannelCount>;
  lastShownAt: number | null;
  timer: unknown;
}

export const DEFAULT_CHATTER_WINDOW_MS = 30_000;

export class ChatterCoalescer {
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #onFlush: ChatterCoalescerOptions['onFlush'];
  readonly #accounts = new Map<string, AccountChatter>();

  constructor(options: ChatterCoalescerOptions) {
    this.#clock = options.clock;
    this.#windowMs = options.windowMs ?? DEFAULT_CHATTER_WINDOW_MS;
    this.#onFlush = options.onFlush;
  }

  /** Counts the message; returns the notice to show now, or null when it waits for the window's end. */
  add(item: ChatterItem): Notice | null {
    const accountId = item.notice.accountId ?? '';
    const channelId = item.notice.channelId ?? '';
    const now = this.#clock.now();
    let state = this.#accounts.get(accountId);
    if (!state) this.#accounts.set(accountId, (state = { channels: new Map(), lastShownAt: null, timer: null }));
    const channel = state.channels.get(channelId) ?? { agentName: item.agentName, count: 0, lastAt: now, latest: item };
    channel.agentName = item.agentName;
    channel.count += 1;
    channel.lastAt = now;
    channel.latest = item;
    // Re-inserted so the map's last entry is the channel heard from most recently.
    state.channels.delete(channelId);
    state.channels.set(channelId, channel);

    if (state.lastShownAt === null || now - state.lastShownAt >= this.#windowMs) {
      state.lastShownAt = now;
      return this.#compose(state, now);
    }
    if (state.timer === null) {
      const target = state;
      state.timer = this.#clock.setTimeout(() => {
        target.timer = null;
        if (this.#accounts.get(accountId) !== target) return;
        const at = this.#clock.now();
        target.lastShownAt = at;
        this.#onFlush(this.#compose(target, at), accountId);
      }, state.lastShownAt + this.#windowMs - now);
    }
    return null;
  }

  /**
   * The operator has seen a channel (or, without `channelId`, the whole account): its count is
   * reset. Returns true when nothing unseen is left for the account, so its notice can go.
   */
  acknowledge(accountId: string, channelId?: string): boolean {
    const state = this.#accounts.get(accountId);
    if (!state) return true;
    if (channelId !== undefined) state.channels.delete(channelId);
    if (channelId !== undefined && state.channels.size > 0) return false;
    this.#drop(accountId, state);
    return true;
  }

  /** Unseen chatter messages per account, for tests and the tray. */
  unseen(accountId: string): number {
    let total = 0;
    for (const c of this.#accounts.get(accountId)?.channels.values() ?? []) total += c.count;
    return total;
  }

  dispose(): void {
    for (const [accountId, state] of this.#accounts) this.#drop(accountId, state);
  }

  #drop(accountId: string, state: AccountChatter): void {
    if (state.timer !== null) this.#clock.clearTimeout(state.timer);
    state.timer = null;
    this.#accounts.delete(accountId);
  }

  #compose(state: AccountChatter, now: number): Notice {
    const { latest } = [...state.channels.values()].at(-1)!;
    const channels = [...state.channels.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
    const total = channels.reduce((sum, c) => sum + c.count, 0);
    const base = { ...latest.notice, at: now };
    if (total <= 1) return base;
    if (channels.length === 1) {
      return { ...base, body: noticeBody(`${total} new messages. Latest: ${latest.notice.body}`) };
    }
    const top = channels[0]!;
    const others = channels.length - 1;
    return {
      ...base,
      title: noticeTitle('New messages', latest.accountLabel, latest.multipleAccounts),
      body: noticeBody(`${total} new messages from ${top.agentName} and ${others} other${others === 1 ? '' : 's'}`),
    };
  }
}
