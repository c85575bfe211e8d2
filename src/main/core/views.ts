import type { AccountView, ChannelView, ConnectionState, MessageView, ReviewItem, ReviewView } from '../../shared/domain';
import type { Message } from '../../shared/placet/schemas';
import { answerSummary } from '../../shared/reviews/review-payload';
import { summarizeReview } from './reviews/review-summary';
import type { AccountRecord, AgentRecord } from './store/account-repo';

// Pure mappings from stored records to the shapes the renderer sees (src/shared/domain.ts).

/** A pending review past its deadline is expired, whether or not the server said so (PROTOCOL.md §4.4). */
export function effectiveReviewStatus(review: NonNullable<Message['review']>, now: number): ReviewView['status'] {
  if (review.status === 'pending' && Date.parse(review.expiresAt) <= now) return 'expired';
  return review.status;
}

export function toMessageView(accountId: string, m: Message, now: number, draftText?: string): MessageView {
  return {
    accountId,
    channelId: m.channelId,
    id: m.id,
    senderType: m.senderType,
    text: draftText ?? m.text,
    tone: m.status,
    review: m.review
      ? {
          type: m.review.type,
          payload: m.review.payload ?? null,
          status: effectiveReviewStatus(m.review, now),
          expiresAt: m.review.expiresAt,
          response: m.review.response ?? null,
          completedAt: m.review.completedAt ?? null,
          feedback: m.review.feedback ?? null,
        }
      : null,
    deliveryStatus: m.deliveryStatus,
    streamState: m.streamState ?? null,
    iterationGroupId: m.iterationGroupId ?? null,
    iteration: m.iteration ?? null,
    iterationCount: null,
    attachments: m.attachments,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt ?? null,
  };
}

export function toAccountView(a: AccountRecord, connection: ConnectionState): AccountView {
  return {
    accountId: a.accountId,
    label: a.label,
    serverUrl: a.serverUrl,
    last4: a.last4,
    enabled: a.enabled,
    keyStorage: a.keyStorage,
    connection: a.enabled ? connection : { status: 'disabled', since: connection.since },
  };
}

export interface ChannelCounts {
  unread: number;
  pending: number;
  failures: number;
  lastMessageAt: string | null;
}

export function isStale(lastActiveAt: string | null | undefined, now: number, staleAfterMs: number): boolean {
  if (!lastActiveAt) return false;
  return now - Date.parse(lastActiveAt) > staleAfterMs;
}

export function toChannelView(r: AgentRecord, counts: ChannelCounts, now: number, staleAfterMs: number): ChannelView {
  const a = r.agent;
  return {
    accountId: r.accountId,
    channelId: a.id,
    name: a.name,
    description: a.description ?? null,
    avatarUrl: a.avatarUrl ?? null,
    tag: a.tag ?? null,
    status: a.status,
    statusMessage: a.statusMessage ?? null,
    statusSince: a.statusSince ?? null,
    lastActiveAt: a.lastActiveAt ?? null,
    commands: a.commands ?? [],
    unread: counts.unread,
    pendingReviews: counts.pending,
    stale: a.status !== 'offline' && isStale(a.lastActiveAt, now, staleAfterMs),
    muted: r.muted,
    recentDeliveryFailures: counts.failures,
    lastMessageAt: counts.lastMessageAt,
  };
}

export function reviewKey(accountId: string, messageId: string): string {
  return `${accountId}:${messageId}`;
}

export function toReviewItem(
  account: AccountRecord,
  m: Message,
  agentName: string,
  now: number,
  snoozedUntil: number | null,
): ReviewItem | null {
  if (!m.review) return null;
  return {
    accountId: account.accountId,
    channelId: m.channelId,
    messageId: m.id,
    agentName,
    accountLabel: account.label,
    serverUrl: account.serverUrl,
    type: m.review.type,
    summary: summarizeReview(m.review.type, m.review.payload ?? null, m.text),
    answer: m.review.status === 'completed' ? answerSummary(m.review.type, m.review.payload ?? null, m.review.response ?? null) : null,
    status: effectiveReviewStatus(m.review, now),
    expiresAt: m.review.expiresAt,
    completedAt: m.review.completedAt ?? null,
    createdAt: m.createdAt,
    deliveryStatus: m.deliveryStatus,
    openUrl: `${account.serverUrl}/chats/${encodeURIComponent(m.channelId)}`,
    snoozedUntil,
  };
}
