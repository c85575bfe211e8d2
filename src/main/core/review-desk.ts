import type { ConnectionState, Notice, ReviewItem, Settings } from '../../shared/domain';
import type { Message } from '../../shared/placet/schemas';
import type { IngestChanges } from './ingest';
import { deliveryOverdueMinutes } from './notify/delivery-overdue';
import { NotificationDispatcher } from './notify/notification-dispatcher';
import { noticeIds } from './notify/notice-text';
import { localMinutesOfDay } from './notify/quiet-hours';
import type { AttentionSink, AttentionState, Clock, Notifier } from './ports';
import { ReviewScheduler, type TrackedReview } from './reviews/review-scheduler';
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
  onError?: (err: unknown) => void;
}

export interface Focus {
  accountId: string | null;
  channelId: string | null;
  visible: boolean;
}

/** A reminder this close to the deadline also asks for the window's attention (dock bounce, taskbar flash). */
const ATTENTION_STEP_MINUTES = 5;

/**
 * Review deadlines and what the operator is told about them. Feeds every review change to the
 * deadline scheduler (reminder ladder, local expiry) and to the notification policy, keeps the
 * review rows in the UI current, and sums it all up for the tray and badge.
 */
export class ReviewDesk {
  private readonly scheduler: ReviewScheduler;
  private readonly dispatcher: NotificationDispatcher;
  private focus: Focus = { accountId: null, channelId: null, visible: false };
  private settings: Settings;
  private connections = new Map<string, ConnectionState>();
  private lastAttention = '';
  private deliveryTimer: unknown = null;
  private logBuffer: Array<{ at: number; entry: Record<string, unknown> }> = [];
  /** Answered reviews we already warned about as not confirmed (once each). */
  private readonly overdueWarned = new Set<string>();

  constructor(private readonly o: ReviewDeskOptions) {
    this.settings = o.store.local.settings();
    const notifier: Notifier = {
      // The renderer hears of every notice too: its live region announces new reviews and reminders.
      show: (notice: Notice) => {
        o.notifier.show(notice);
        o.batcher.notice(notice);
      },
      withdraw: (id) => o.notifier.withdraw(id),
    };
    this.dispatcher = new NotificationDispatcher({
      clock: o.clock,
      notifier,
      log: { record: (entry) => this.logEntry(entry) },
      context: () => ({
        settings: this.settings,
        focus: this.focus.accountId && this.focus.channelId ? { accountId: this.focus.accountId, channelId: this.focus.channelId, visible: this.focus.visible } : null,
        isMuted: (accountId, channelId) => o.store.accounts.agent(accountId, channelId)?.muted ?? false,
        localMinutesOfDay: (ms) => localMinutesOfDay(ms),
        multipleAccounts: o.store.accounts.list().length > 1,
      }),
      onError: o.onError,
    });
    this.scheduler = new ReviewScheduler({
      clock: o.clock,
      log: o.store.local,
      ladder: this.settings.reminderLadderMinutes,
      onReminder: (review, step) => this.onReminder(review, step),
      onLocalExpiry: (review) => this.onLocalExpiry(review),
      onError: o.onError,
    });
  }

  /** Picks up every pending review already stored, so reminders survive a restart. */
  start(): void {
    for (const item of this.o.views.reviews('pending', 100_000)) this.track(item);
    this.refreshAttention();
    this.scheduleDeliveryCheck();
  }

  /** Decisions are written in batches, one transaction per tick. */
  private logEntry(entry: { at: number }): void {
    this.logBuffer.push({ at: entry.at, entry: { ...entry } });
    if (this.logBuffer.length === 1) setImmediate(() => this.flushLog());
  }

  private flushLog(): void {
    const entries = this.logBuffer;
    this.logBuffer = [];
    try {
      this.o.store.local.logNotifications(entries);
    } catch (err) {
      this.o.onError?.(err);
    }
  }

  dispose(): void {
    this.flushLog();
    this.o.clock.clearTimeout(this.deliveryTimer);
    this.deliveryTimer = null;
    this.scheduler.dispose();
    this.dispatcher.dispose();
  }

  onChanges(changes: IngestChanges): void {
    const inserted = new Set(changes.inserted.map((m) => m.id));
    let reviews = false;
    for (const m of [...changes.inserted, ...changes.updated]) {
      if (m.review) {
        reviews = true;
        this.onReview(changes.accountId, m, inserted.has(m.id));
      } else if (changes.live && inserted.has(m.id) && m.senderType === 'agent') this.onChatter(changes.accountId, m);
    }
    // The tray and badge only change with reviews (or connections, which call this themselves).
    if (reviews) this.refreshAttention();
  }

  setFocus(focus: Focus): void {
    this.focus = focus;
    if (focus.visible && focus.accountId && focus.channelId) this.dispatcher.acknowledge(focus.accountId, focus.channelId);
  }

  settingsChanged(settings: Settings): void {
    this.settings = settings;
    this.scheduler.setLadder(settings.reminderLadderMinutes);
  }

  snooze(key: string, accountId: string, messageId: string, until: number): void {
    this.o.store.local.snooze(key, until);
    this.scheduler.snooze(key, until);
    const m = this.o.store.messages.get(accountId, messageId);
    const item = m && this.o.views.reviewItem(accountId, m);
    if (item) this.o.batcher.review(item);
  }

  /** After sleep: deadlines passed while the timers were frozen are handled now. */
  recheck(): void {
    this.scheduler.recheck();
  }

  accountRemoved(accountId: string): void {
    for (const review of this.scheduler.pending()) {
      if (review.accountId !== accountId) continue;
      this.scheduler.remove(review.key);
      this.o.notifier.withdraw(noticeIds.review(accountId, review.messageId));
    }
    this.refreshAttention();
  }

  storageRecovered(movedTo: string, accountsRestored: number): void {
    const file = movedTo.split(/[\\/]/).pop();
    const notice: Notice = {
      id: 'storage-recovered',
      kind: 'storage',
      title: 'Local history is being rebuilt',
      body: accountsRestored
        ? `The local database could not be read. It was moved aside (${file}) and the history of ${accountsRestored} account(s) is being fetched again from the servers.`
        : `The local database could not be read and was moved aside (${file}). No account list was found to rebuild from; add your accounts again.`,
      urgency: 'normal',
      at: this.o.clock.now(),
    };
    this.o.notifier.show(notice);
    this.o.batcher.notice(notice);
  }

  refreshAttention(connections?: Map<string, ConnectionState>): void {
    if (connections) this.connections = connections;
    const pending = this.o.views.reviews('pending', 1_000);
    const problem = [...this.connections.values()].some((c) => c.status === 'key-rejected' || c.status === 'reconnecting' || c.status === 'degraded');
    const state: AttentionState = problem ? 'problem' : pending.length ? 'attention' : 'ok';
    const signature = `${state}:${pending.length}:${pending.slice(0, 5).map((p) => `${p.messageId}/${p.snoozedUntil ?? ''}`).join(',')}`;
    if (signature === this.lastAttention) return;
    this.lastAttention = signature;
    this.o.attention.update({ state, pendingReviews: pending.length, mostUrgent: pending.slice(0, 5) });
  }

  private onReview(accountId: string, m: Message, isNew: boolean): void {
    const item = this.o.views.reviewItem(accountId, m);
    if (!item) return;
    this.o.batcher.review(item);
    this.track(item);
    if (item.status === 'pending') {
      if (isNew) this.dispatcher.handle({ type: 'review-new', review: item });
    } else {
      this.dispatcher.handle({ type: 'review-resolved', review: item });
    }
    if (item.status === 'completed') this.onDecisionDelivery(item);
  }

  private onDecisionDelivery(item: ReviewItem): void {
    const ids = { accountId: item.accountId, channelId: item.channelId, messageId: item.messageId };
    if (item.deliveryStatus === 'webhook_failed') {
      this.dispatcher.handle({ type: 'delivery-failed', failure: { ...ids, agentName: item.agentName, accountLabel: item.accountLabel, reason: 'webhook_failed' } });
    } else if (item.deliveryStatus !== 'sent') {
      this.dispatcher.handle({ type: 'delivery-recovered', ...ids });
    }
  }

  /**
   * A decision still `sent` minutes after it was made may have died silently in Placet's webhook
   * dispatch (PROTOCOL.md §5): check once a minute and tell the operator, once per decision.
   */
  private scheduleDeliveryCheck(): void {
    this.deliveryTimer = this.o.clock.setTimeout(() => {
      this.checkDeliveries();
      this.scheduleDeliveryCheck();
    }, 60_000);
  }

  checkDeliveries(): void {
    const now = this.o.clock.now();
    for (const { accountId, message } of this.o.store.messages.reviewsWithStatus('completed', 200)) {
      if (!message.review || message.deliveryStatus !== 'sent') continue;
      const key = reviewKey(accountId, message.id);
      if (this.overdueWarned.has(key)) continue;
      const agent = this.o.store.accounts.agent(accountId, message.channelId)?.agent as { webhookUrl?: unknown } | undefined;
      const expectsWebhook = Boolean(agent?.webhookUrl || message.metadata?.webhookUrl || (message.review as { callback?: unknown }).callback);
      const minutes = deliveryOverdueMinutes({ status: message.review.status, completedAt: message.review.completedAt ?? null, deliveryStatus: message.deliveryStatus, expectsWebhook }, now);
      if (minutes === null) continue;
      const item = this.o.views.reviewItem(accountId, message);
      if (!item) continue;
      this.overdueWarned.add(key);
      this.dispatcher.handle({ type: 'delivery-failed', failure: { accountId, channelId: item.channelId, messageId: item.messageId, agentName: item.agentName, accountLabel: item.accountLabel, reason: 'not-confirmed', minutes } });
    }
  }

  private onChatter(accountId: string, m: Message): void {
    const agent = this.o.store.accounts.agent(accountId, m.channelId);
    const account = this.o.store.accounts.find(accountId);
    this.dispatcher.handle({
      type: 'chatter',
      message: { accountId, channelId: m.channelId, agentName: agent?.agent.name ?? 'Agent', accountLabel: account?.label, messageId: m.id, text: m.text ?? 'Sent an attachment' },
    });
  }

  private track(item: ReviewItem): void {
    this.scheduler.upsert({
      key: reviewKey(item.accountId, item.messageId),
      accountId: item.accountId,
      channelId: item.channelId,
      messageId: item.messageId,
      expiresAt: Date.parse(item.expiresAt),
      status: item.status,
      createdAt: Date.parse(item.createdAt),
      snoozedUntil: item.snoozedUntil,
    });
  }

  private itemFor(review: TrackedReview): ReviewItem | null {
    const m = this.o.store.messages.get(review.accountId, review.messageId);
    return m ? this.o.views.reviewItem(review.accountId, m) : null;
  }

  private onReminder(review: TrackedReview, step: number): void {
    const item = this.itemFor(review);
    if (!item || item.status !== 'pending') return;
    this.dispatcher.handle({ type: 'reminder', review: item, step });
    if (step <= ATTENTION_STEP_MINUTES) this.o.attention.requestAttention();
  }

  /** The deadline passed: the review reads as expired everywhere, whether or not the server said so. */
  private onLocalExpiry(review: TrackedReview): void {
    const m = this.o.store.messages.get(review.accountId, review.messageId);
    if (!m?.review || effectiveReviewStatus(m.review, this.o.clock.now()) !== 'expired') return;
    const item = this.o.views.reviewItem(review.accountId, m);
    if (!item) return;
    this.o.batcher.review(item);
    const channel = this.o.views.channel(review.accountId, m.channelId);
    if (channel) this.o.batcher.channel(channel);
    this.dispatcher.handle({ type: 'review-resolved', review: item });
    this.refreshAttention();
  }
}
