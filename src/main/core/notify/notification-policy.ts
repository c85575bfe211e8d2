import type { Notice, ReviewItem, Settings } from '../../../shared/domain';
import { formatTimeLeft, noticeBody, noticeIds, noticeTitle } from './notice-text';
import { isQuietTime } from './quiet-hours';

// What the operator is told, decided in the core; hosts only display it (the Notifier port).
// A pure function of the event and the context, so every rule is a table test.

/** A review with at most this long left breaks through quiet hours, a pause and a mute. */
export const BREAKTHROUGH_MS = 15 * 60_000;

export interface ChatterMessage {
  accountId: string;
  channelId: string;
  agentName: string;
  accountLabel?: string;
  messageId?: string;
  text: string;
}

export interface DeliveryFailure {
  accountId: string;
  channelId: string;
  messageId: string;
  agentName: string;
  accountLabel?: string;
  /** `webhook_failed`, or `not-confirmed`: still `sent` a while after the review was answered. */
  reason: 'webhook_failed' | 'not-confirmed';
  /** For `not-confirmed`: minutes since the answer. */
  minutes?: number;
}

export type NotificationEvent =
  | { type: 'review-new'; review: ReviewItem }
  | { type: 'review-resolved'; review: Pick<ReviewItem, 'accountId' | 'channelId' | 'messageId' | 'status'> }
  | { type: 'reminder'; review: ReviewItem; step: number }
  | { type: 'delivery-failed'; failure: DeliveryFailure }
  | { type: 'delivery-recovered'; accountId: string; channelId: string; messageId: string }
  | { type: 'chatter'; message: ChatterMessage };

export type SuppressReason = 'focused' | 'muted' | 'quiet-hours' | 'paused' | 'expired' | 'not-pending' | 'duplicate' | 'coalesced';

export type NotificationDecision =
  | { action: 'show'; notice: Notice; sound: boolean }
  | { action: 'withdraw'; noticeId: string }
  | { action: 'suppress'; reason: SuppressReason };

export interface PolicyContext {
  now: number;
  settings: Pick<Settings, 'quietHours' | 'notificationsPausedUntil' | 'sound'>;
  /** The channel the window shows; nothing is raised for it while the window is visible. */
  focus: { accountId: string; channelId: string; visible: boolean } | null;
  isMuted(accountId: string, channelId: string): boolean;
  /** Minutes since local midnight at `ms` (see localMinutesOfDay). */
  localMinutesOfDay(ms: number): number;
  /** Several accounts configured: titles carry the account label. */
  multipleAccounts: boolean;
}

/**
 * The rules, in order:
 * - answered or expired → withdraw the review's notice; a late or duplicate event changes nothing else;
 * - the channel on screen (window visible) → nothing;
 * - a review with ≤ 15 min left breaks through a pause, quiet hours and a mute, as `critical`;
 * - a muted channel gets no chatter and no new-review popup, but its reminders close to expiry
 *   (previous rule) and failed deliveries of the operator's own answers still come through;
 * - a pause, then quiet hours, hold back everything else.
 */
export function decideNotification(event: NotificationEvent, ctx: PolicyContext): NotificationDecision {
  switch (event.type) {
    case 'review-resolved':
      return { action: 'withdraw', noticeId: noticeIds.review(event.review.accountId, event.review.messageId) };
    case 'delivery-recovered':
      return { action: 'withdraw', noticeId: noticeIds.delivery(event.accountId, event.messageId) };
    case 'review-new':
    case 'reminder':
      return decideReview(event, ctx);
    case 'delivery-failed':
      return decideDelivery(event.failure, ctx);
    case 'chatter':
      return decideChatter(event.message, ctx);
  }
}

function decideReview(event: Extract<NotificationEvent, { type: 'review-new' | 'reminder' }>, ctx: PolicyContext): NotificationDecision {
  const { review } = event;
  if (review.status !== 'pending') {
    return review.status === 'expired'
      ? { action: 'suppress', reason: 'expired' }
      : { action: 'suppress', reason: 'not-pending' };
  }
  const timeLeft = Date.parse(review.expiresAt) - ctx.now;
  if (!(timeLeft > 0)) return { action: 'suppress', reason: 'expired' };
  if (isFocused(ctx, review.accountId, review.channelId)) return { action: 'suppress', reason: 'focused' };
  const urgent = timeLeft <= BREAKTHROUGH_MS;
  if (!urgent) {
    const held = holdReason(ctx, review.accountId, review.channelId);
    if (held) return { action: 'suppress', reason: held };
  }
  const isReminder = event.type === 'reminder';
  const left = formatTimeLeft(timeLeft);
  const notice: Notice = {
    id: noticeIds.review(review.accountId, review.messageId),
    kind: isReminder ? 'review-reminder' : 'review-new',
    title: noticeTitle(review.agentName, review.accountLabel, ctx.multipleAccounts),
    body: noticeBody(isReminder ? `${left}: ${review.summary}` : `${review.summary} (${left})`),
    accountId: review.accountId,
    channelId: review.channelId,
    messageId: review.messageId,
    urgency: urgent ? 'critical' : 'normal',
    at: ctx.now,
  };
  return { action: 'show', notice, sound: ctx.settings.sound };
}

function decideDelivery(failure: DeliveryFailure, ctx: PolicyContext): NotificationDecision {
  if (isFocused(ctx, failure.accountId, failure.channelId)) return { action: 'suppress', reason: 'focused' };
  // Not held back by a mute: this is about the operator's own answer not reaching the agent.
  const held = holdReason(ctx, failure.accountId, failure.channelId, { ignoreMute: true });
  if (held) return { action: 'suppress', reason: held };
  const what =
    failure.reason === 'webhook_failed'
      ? 'Your answer could not be delivered to the agent (webhook failed).'
      : `Your answer has not been confirmed by the agent after ${failure.minutes ?? 'several'} min.`;
  const notice: Notice = {
    id: noticeIds.delivery(failure.accountId, failure.messageId),
    kind: 'delivery-failed',
    title: noticeTitle(failure.agentName, failure.accountLabel, ctx.multipleAccounts),
    body: noticeBody(what),
    accountId: failure.accountId,
    channelId: failure.channelId,
    messageId: failure.messageId,
    urgency: 'normal',
    at: ctx.now,
  };
  return { action: 'show', notice, sound: ctx.settings.sound };
}

/** A single chatter message's notice; ChatterCoalescer merges them per account. */
function decideChatter(message: ChatterMessage, ctx: PolicyContext): NotificationDecision {
  if (isFocused(ctx, message.accountId, message.channelId)) return { action: 'suppress', reason: 'focused' };
  const held = holdReason(ctx, message.accountId, message.channelId);
  if (held) return { action: 'suppress', reason: held };
  const notice: Notice = {
    id: noticeIds.chatter(message.accountId),
    kind: 'chatter',
    title: noticeTitle(message.agentName, message.accountLabel, ctx.multipleAccounts),
    body: noticeBody(message.text) || 'New message',
    accountId: message.accountId,
    channelId: message.channelId,
    ...(message.messageId ? { messageId: message.messageId } : {}),
    urgency: 'low',
    at: ctx.now,
  };
  // Chatter never makes a sound: it is the least important thing the app says.
  return { action: 'show', notice, sound: false };
}

function isFocused(ctx: PolicyContext, accountId: string, channelId: string): boolean {
  return !!ctx.focus?.visible && ctx.focus.accountId === accountId && ctx.focus.channelId === channelId;
}

function holdReason(ctx: PolicyContext, accountId: string, channelId: string, options: { ignoreMute?: boolean } = {}): SuppressReason | null {
  if (!options.ignoreMute && ctx.isMuted(accountId, channelId)) return 'muted';
  const pausedUntil = ctx.settings.notificationsPausedUntil;
  if (pausedUntil != null && pausedUntil > ctx.now) return 'paused';
  if (isQuietTime(ctx.settings.quietHours, ctx.localMinutesOfDay(ctx.now))) return 'quiet-hours';
  return null;
}
