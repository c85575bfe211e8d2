import type { ConnectionState, Notice, ReviewItem, Settings } from '../../shared/domain';
import type { Message } from '../../shared/placet/schemas';
import type { IngestChanges } from './ingest';
import type { AttentionSink, Clock, Notifier } from './ports';
import type { Store } from './store/store';
import type { UiBatcher } from './ui-batcher';
import type { ViewBuilder } from './view-builder';
import { effectiveReviewStatus, reviewKey } from './views';

export interface ReviewDeskOptions {
  store: Store;
  clock: Clock;
  notifier: Notifier;
  attention: AttentionSink;
  views: ViewBuilder;
  batcher: UiBatcher;
}

export interface Focus {
  accountId: string | null;
  channelId: string | null;
  visible: boolean;
}

/**
 * Review deadlines and what the operator is told about them: pushes review rows, expires pending
 * reviews locally when their deadline passes, and turns review changes into notices.
 */
export class ReviewDesk {
  private expiryTimer: unknown = null;
  private focus: Focus = { accountId: null, channelId: null, visible: false };
  private settings: Settings;
  private lastAttention = '';

  constructor(private readonly o: ReviewDeskOptions) {
    this.settings = o.store.local.settings();
  }

  start(): void {
    this.scheduleExpiry();
    this.refreshAttention(new Map());
  }

  dispose(): void {
    this.o.clock.clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
  }

  onChanges(changes: IngestChanges): void {
    const inserted = new Set(changes.inserted.map((m) => m.id));
    for (const m of [...changes.inserted, ...changes.updated]) {
      if (!m.review) continue;
      const item = this.o.views.reviewItem(changes.accountId, m);
      if (!item) continue;
      this.o.batcher.review(item);
      this.decide(item, m, inserted.has(m.id));
    }
    this.scheduleExpiry();
    this.refreshAttention();
  }

  setFocus(focus: Focus): void {
    this.focus = focus;
  }

  settingsChanged(settings: Settings): void {
    this.settings = settings;
  }

  snooze(key: string, accountId: string, messageId: string, until: number): void {
    this.o.store.local.snooze(key, until);
    const m = this.o.store.messages.get(accountId, messageId);
    const item = m && this.o.views.reviewItem(accountId, m);
    if (item) this.o.batcher.review(item);
  }

  accountRemoved(accountId: string): void {
    for (const item of this.o.views.reviews('pending', 10_000)) {
      if (item.accountId === accountId) this.o.notifier.withdraw(noticeId(item));
    }
    this.refreshAttention();
  }

  storageRecovered(movedTo: string): void {
    this.o.batcher.notice({
      id: 'storage-recovered',
      kind: 'storage',
      title: 'Local history was rebuilt',
      body: `The local database could not be read, so it was moved aside (${movedTo.split(/[\\/]/).pop()}) and history is being fetched again from the servers.`,
      urgency: 'normal',
      at: this.o.clock.now(),
    });
  }

  private connections = new Map<string, ConnectionState>();

  refreshAttention(connections?: Map<string, ConnectionState>): void {
    if (connections) this.connections = connections;
    const pending = this.o.views.reviews('pending', 1_000);
    const problem = [...this.connections.values()].some((c) => c.status === 'key-rejected' || c.status === 'reconnecting' || c.status === 'degraded');
    const state = problem ? 'problem' : pending.length ? 'attention' : 'ok';
    const signature = `${state}:${pending.length}:${pending.slice(0, 5).map((p) => p.messageId).join(',')}`;
    if (signature === this.lastAttention) return;
    this.lastAttention = signature;
    this.o.attention.update({ state, pendingReviews: pending.length, mostUrgent: pending.slice(0, 5) });
  }

  private decide(item: ReviewItem, m: Message, isNew: boolean): void {
    const id = noticeId(item);
    if (item.status !== 'pending') {
      this.o.notifier.withdraw(id);
      return;
    }
    if (!isNew) return;
    if (this.focus.visible && this.focus.accountId === item.accountId && this.focus.channelId === item.channelId) return;
    const notice: Notice = {
      id,
      kind: 'review-new',
      title: item.agentName,
      body: item.summary || (m.text ?? '').slice(0, 200),
      accountId: item.accountId,
      channelId: item.channelId,
      messageId: item.messageId,
      urgency: 'normal',
      at: this.o.clock.now(),
    };
    this.o.notifier.show(notice);
    this.o.batcher.notice(notice);
  }

  /** One timer for the soonest deadline; when it passes, the review reads as expired everywhere. */
  private scheduleExpiry(): void {
    this.o.clock.clearTimeout(this.expiryTimer);
    const next = this.o.views.reviews('pending', 1)[0];
    if (!next) return;
    const delay = Math.max(0, Date.parse(next.expiresAt) - this.o.clock.now()) + 5;
    this.expiryTimer = this.o.clock.setTimeout(() => this.expireDue(), Math.min(delay, 2 ** 31 - 1));
  }

  private expireDue(): void {
    const now = this.o.clock.now();
    for (const { accountId, message } of this.o.store.messages.expiredReviews(now, 1_000)) {
      if (!message.review || message.review.status !== 'pending' || effectiveReviewStatus(message.review, now) !== 'expired') continue;
      const item = this.o.views.reviewItem(accountId, message);
      if (!item) continue;
      this.o.batcher.review(item);
      const channel = this.o.views.channel(accountId, message.channelId);
      if (channel) this.o.batcher.channel(channel);
      this.o.notifier.withdraw(noticeId(item));
    }
    this.scheduleExpiry();
    this.refreshAttention();
  }
}

export function noticeId(item: { accountId: string; messageId: string }): string {
  return `review:${reviewKey(item.accountId, item.messageId)}`;
}
