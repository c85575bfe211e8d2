import type { Notice } from '../../../shared/domain';
import type { Clock, Notifier } from '../ports';
import { ChatterCoalescer } from './chatter-coalescer';
import { noticeIds } from './notice-text';
import type { NotificationLog, NotificationLogEntry } from './notification-log';
import { decideNotification, type NotificationDecision, type NotificationEvent, type PolicyContext } from './notification-policy';

export interface NotificationDispatcherOptions {
  clock: Clock;
  notifier: Notifier;
  log: NotificationLog;
  /** Read at each decision, so settings, focus and mutes are always current. */
  context: () => Omit<PolicyContext, 'now'>;
  chatterWindowMs?: number;
  onError?: (err: unknown) => void;
}

// Notices remembered as shown, so a duplicated event (QUALITY 4) never pops up twice.
const SHOWN_MEMORY = 10_000;

/**
 * Runs each event through the policy, drops duplicates, coalesces chatter, shows or withdraws
 * through the Notifier and records every decision in the notification log.
 */
export class NotificationDispatcher {
  readonly #options: NotificationDispatcherOptions;
  readonly #coalescer: ChatterCoalescer;
  /** noticeId → what was last shown for it (`new`, a reminder step, or `delivery`). */
  readonly #shown = new Map<string, string>();
  #disposed = false;

  constructor(options: NotificationDispatcherOptions) {
    this.#options = options;
    this.#coalescer = new ChatterCoalescer({
      clock: options.clock,
      windowMs: options.chatterWindowMs,
      onFlush: (notice) => this.#flushChatter(notice),
    });
  }

  handle(event: NotificationEvent): NotificationDecision {
    if (this.#disposed) return { action: 'suppress', reason: 'not-pending' };
    let decision = decideNotification(event, this.#context());
    if (decision.action === 'show') decision = this.#dedupe(event, decision);
    if (decision.action === 'show' && event.type === 'chatter') {
      const ctx = this.#context();
      const notice = this.#coalescer.add({
        notice: decision.notice,
        agentName: event.message.agentName,
        accountLabel: event.message.accountLabel,
        multipleAccounts: ctx.multipleAccounts,
      });
      decision = notice ? { action: 'show', notice, sound: false } : { action: 'suppress', reason: 'coalesced' };
    }
    this.#apply(event, decision);
    return decision;
  }

  /** The operator looked at a channel (or a whole account): its chatter is seen and its notice goes. */
  acknowledge(accountId: string, channelId?: string): void {
    if (this.#coalescer.acknowledge(accountId, channelId)) this.#safely(() => this.#options.notifier.withdraw(noticeIds.chatter(accountId)));
  }

  dispose(): void {
    this.#disposed = true;
    this.#coalescer.dispose();
    this.#shown.clear();
  }

  #context(): PolicyContext {
    return { ...this.#options.context(), now: this.#options.clock.now() };
  }

  #dedupe(event: NotificationEvent, decision: Extract<NotificationDecision, { action: 'show' }>): NotificationDecision {
    if (event.type === 'chatter') return decision;
    const marker = event.type === 'reminder' ? `step:${event.step}` : event.type;
    const previous = this.#shown.get(decision.notice.id);
    // A new-review event for a review already on screen, in any form, is a duplicate; so is the same reminder step twice.
    if (previous !== undefined && (event.type !== 'reminder' || previous === marker)) return { action: 'suppress', reason: 'duplicate' };
    return decision;
  }

  #apply(event: NotificationEvent, decision: NotificationDecision): void {
    const { notifier } = this.#options;
    if (decision.action === 'show') {
      if (event.type !== 'chatter') this.#remember(decision.notice.id, event.type === 'reminder' ? `step:${event.step}` : event.type);
      this.#safely(() => notifier.show(decision.notice));
    } else if (decision.action === 'withdraw') {
      this.#shown.delete(decision.noticeId);
      this.#safely(() => notifier.withdraw(decision.noticeId));
    }
    this.#record(event, decision);
  }

  #flushChatter(notice: Notice): void {
    if (this.#disposed) return;
    // Re-check now: a pause, quiet hours or focus may have begun while the notice waited.
    const message = {
      accountId: notice.accountId ?? '',
      channelId: notice.channelId ?? '',
      agentName: notice.title,
      text: notice.body,
    };
    const event: NotificationEvent = { type: 'chatter', message };
    const check = decideNotification(event, this.#context());
    const decision: NotificationDecision = check.action === 'show' ? { action: 'show', notice, sound: false } : check;
    if (decision.action === 'show') this.#safely(() => this.#options.notifier.show(notice));
    this.#record(event, decision);
  }

  #remember(noticeId: string, marker: string): void {
    this.#shown.delete(noticeId);
    this.#shown.set(noticeId, marker);
    if (this.#shown.size > SHOWN_MEMORY) {
      const oldest = this.#shown.keys().next().value;
      if (oldest !== undefined) this.#shown.delete(oldest);
    }
  }

  #record(event: NotificationEvent, decision: NotificationDecision): void {
    const where = eventWhere(event);
    const notice = decision.action === 'show' ? decision.notice : null;
    const entry: NotificationLogEntry = {
      at: this.#options.clock.now(),
      event: event.type,
      accountId: where.accountId,
      channelId: notice?.channelId ?? where.channelId,
      messageId: notice?.messageId ?? where.messageId,
      action: decision.action,
      noticeId: notice?.id ?? (decision.action === 'withdraw' ? decision.noticeId : null),
      kind: notice?.kind ?? null,
      urgency: notice?.urgency ?? null,
      reason: decision.action === 'suppress' ? decision.reason : null,
    };
    this.#safely(() => this.#options.log.record(entry));
  }

  #safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.#options.onError?.(err);
    }
  }
}

function eventWhere(event: NotificationEvent): { accountId: string; channelId: string | null; messageId: string | null } {
  switch (event.type) {
    case 'review-new':
    case 'review-resolved':
    case 'reminder':
      return { accountId: event.review.accountId, channelId: event.review.channelId, messageId: event.review.messageId };
    case 'delivery-failed':
      return { accountId: event.failure.accountId, channelId: event.failure.channelId, messageId: event.failure.messageId };
    case 'delivery-recovered':
      return { accountId: event.accountId, channelId: event.channelId, messageId: event.messageId };
    case 'chatter':
      return { accountId: event.message.accountId, channelId: event.message.channelId, messageId: event.message.messageId ?? null };
  }
}
