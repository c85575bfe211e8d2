import type { AccountView, ChannelView, ConnectionState, MessageView, ReviewItem } from '../../shared/domain';
import type { Message } from '../../shared/placet/schemas';
import type { Clock } from './ports';
import type { Store } from './store/store';
import { reviewKey, toAccountView, toChannelView, toMessageView, toReviewItem } from './views';

/** Reads the store and builds the renderer's shapes; the one place views are made. */
export class ViewBuilder {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly staleAfterMs: number,
    private readonly connectionOf: (accountId: string) => ConnectionState | undefined,
  ) {}

  message(accountId: string, m: Message, draftText?: string): MessageView {
    return toMessageView(accountId, m, this.clock.now(), draftText);
  }

  account(accountId: string): AccountView | null {
    const record = this.store.accounts.find(accountId);
    return record ? toAccountView(record, this.connectionOf(accountId) ?? { status: 'offline', since: this.clock.now() }) : null;
  }

  accounts(): AccountView[] {
    return this.store.accounts.list().map((a) => toAccountView(a, this.connectionOf(a.accountId) ?? { status: 'offline', since: this.clock.now() }));
  }

  channel(accountId: string, channelId: string): ChannelView | null {
    const record = this.store.accounts.agent(accountId, channelId);
    if (!record) return null;
    const now = this.clock.now();
    return toChannelView(record, this.store.accounts.channelCounts(accountId, channelId, record.lastReadAt, now), now, this.staleAfterMs);
  }

  channels(accountId?: string): ChannelView[] {
    const now = this.clock.now();
    const enabled = new Set(this.store.accounts.list().map((a) => a.accountId));
    return this.store.accounts
      .agents(accountId)
      .filter((r) => enabled.has(r.accountId))
      .map((r) => toChannelView(r, this.store.accounts.channelCounts(r.accountId, r.agent.id, r.lastReadAt, now), now, this.staleAfterMs));
  }

  reviewItem(accountId: string, m: Message): ReviewItem | null {
    const account = this.store.accounts.find(accountId);
    if (!account) return null;
    const agentName = this.store.accounts.agent(accountId, m.channelId)?.agent.name ?? 'Unknown agent';
    return toReviewItem(account, m, agentName, this.clock.now(), this.store.local.snoozedUntil(reviewKey(accountId, m.id)));
  }

  /** Reviews by effective status: pending ones by time left; the others newest first. */
  reviews(status: 'pending' | 'completed' | 'expired', limit: number): ReviewItem[] {
    const now = this.clock.now();
    const rows =
      status === 'pending'
        ? this.store.messages.pendingReviews(now, limit)
        : status === 'expired'
          ? this.store.messages.expiredReviews(now, limit)
          : this.store.messages.reviewsWithStatus('completed', limit);
    const items = rows.map(({ accountId, message }) => this.reviewItem(accountId, message)).filter((i): i is ReviewItem => i !== null);
    if (status === 'completed') items.sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
    return items;
  }

  now(): number {
    return this.clock.now();
  }
}
