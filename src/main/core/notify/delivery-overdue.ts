// When an answered review counts as "not delivered" although the server never said it failed:
// the webhook dispatch can die silently (PROTOCOL.md §5: an SSRF block or a DNS failure leaves
// the status at `sent` with no event). Only reviews that go out by webhook can be judged this way;
// an agent that long-polls `/wait` reads its answer without ever changing the status.

export const DELIVERY_CONFIRM_MS = 5 * 60_000;

export interface AnsweredReview {
  status: 'pending' | 'completed' | 'expired';
  completedAt: string | null;
  deliveryStatus: 'sent' | 'webhook_delivered' | 'webhook_failed' | 'agent_received';
  /** The channel has a webhookUrl, or the message a metadata.webhookUrl or review.callback. */
  expectsWebhook: boolean;
}

/** Minutes since the answer when its delivery is overdue, else null. Feed a non-null result to `delivery-failed` as `not-confirmed`. */
export function deliveryOverdueMinutes(review: AnsweredReview, now: number, afterMs = DELIVERY_CONFIRM_MS): number | null {
  if (review.status !== 'completed' || !review.expectsWebhook || review.deliveryStatus !== 'sent') return null;
  const answeredAt = review.completedAt ? Date.parse(review.completedAt) : NaN;
  if (!Number.isFinite(answeredAt) || now - answeredAt < afterMs) return null;
  return Math.floor((now - answeredAt) / 60_000);
}
