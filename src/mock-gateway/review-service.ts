import { channelRoom } from './event-bus';
import { type GatewayContext, isoNow, notifyChange } from './context';
import { HttpError, messageNotFound } from './http-error';
import { setDelivery } from './message-service';
import { rawAgent, wireMessage } from './serialize';
import type { StoredMessage } from './types';

export interface RespondInput {
  response: Record<string, unknown>;
  feedback?: string;
  modifiedFileIds?: Record<string, string>;
}

/** What the web UI's `POST /api/messages/:id/respond` does (§4.3): expiry is not checked. */
export function respondToReview(ctx: GatewayContext, messageId: string, input: RespondInput): StoredMessage {
  const m = ctx.store.messages.get(messageId);
  if (!m) throw messageNotFound();
  if (!m.review) throw new HttpError(400, 'No review on this message');
  if (m.review.status !== 'pending') throw new HttpError(403, 'Review already responded');
  const agent = ctx.store.agents.get(m.channelId);
  if (!agent) throw messageNotFound();
  const at = isoNow(ctx);
  const review = { ...m.review, status: 'completed' as const, response: input.response };
  if (ctx.profile === 'docs') review.completed_at = at;
  else review.completedAt = at;
  if (input.feedback !== undefined) review.feedback = input.feedback;
  if (input.modifiedFileIds !== undefined) review.modifiedFileIds = input.modifiedFileIds;
  const updated: StoredMessage = { ...m, review, updatedAt: at };
  ctx.store.putMessage(updated);
  // CH only, with the unmasked agent row and unredacted passwords (§2.4 quirks).
  ctx.bus.emit([channelRoom(m.channelId)], 'review:responded', { ...wireMessage(ctx.store, updated), agent: rawAgent(agent) });
  notifyChange(ctx);
  const url = (typeof m.metadata?.webhookUrl === 'string' ? m.metadata.webhookUrl : null) ?? agent.webhookUrl ?? m.review.callback?.url ?? null;
  if (url) {
    const body: Record<string, unknown> = {
      event: 'review:responded',
      channelId: m.channelId,
      message_id: m.id,
      review_type: m.review.type,
      response: input.response,
      responded_at: at,
    };
    if (input.modifiedFileIds) body.modifiedFileIds = input.modifiedFileIds;
    if (input.feedback) body.feedback = input.feedback;
    if (m.iterationGroupId) Object.assign(body, { iterationGroupId: m.iterationGroupId, iteration: m.iteration });
    ctx.webhooks.dispatch(m.channelId, url, body, (ok) => setDelivery(ctx, m.id, ok ? 'webhook_delivered' : 'webhook_failed'));
  }
  return updated;
}

function isOverdue(ctx: GatewayContext, m: StoredMessage): boolean {
  return m.review?.status === 'pending' && Date.parse(m.review.expiresAt) <= ctx.clock.now();
}

function markExpired(ctx: GatewayContext, m: StoredMessage): StoredMessage {
  const updated: StoredMessage = { ...m, review: { ...m.review!, status: 'expired' }, updatedAt: isoNow(ctx) };
  ctx.store.putMessage(updated);
  notifyChange(ctx);
  return updated;
}

/** The cron half of §4.4: `review:expired` to `CH` and one best-effort webhook per review. */
export function sweepExpiredReviews(ctx: GatewayContext): number {
  let count = 0;
  for (const m of [...ctx.store.messages.values()]) {
    if (!isOverdue(ctx, m)) continue;
    markExpired(ctx, m);
    count++;
    ctx.bus.emit([channelRoom(m.channelId)], 'review:expired', { messageId: m.id });
    const agent = ctx.store.agents.get(m.channelId);
    const url = (typeof m.metadata?.webhookUrl === 'string' ? m.metadata.webhookUrl : null) ?? agent?.webhookUrl ?? m.review?.callback?.url;
    if (url) {
      const body = { event: 'review:expired', channelId: m.channelId, message_id: m.id, review_type: m.review!.type, expired_at: isoNow(ctx) };
      ctx.webhooks.dispatch(m.channelId, url, body, () => undefined);
    }
  }
  return count;
}

/** `/wait`'s lazy expiry: silent, so the cron never emits `review:expired` for this review. */
export function expireLazily(ctx: GatewayContext, m: StoredMessage): StoredMessage {
  return isOverdue(ctx, m) ? markExpired(ctx, m) : m;
}
