import { channelRoom, userRoom } from './event-bus';
import { type GatewayContext, isoNow } from './context';
import { HttpError, messageNotFound } from './http-error';
import { normaliseReview, type ReviewInput } from './review-rules';
import { wireMessage } from './serialize';
import type { StoredAgent, StoredAttachment, StoredMessage } from './types';

export interface CreateMessageInput {
  channelId: string;
  text?: string;
  status?: 'info' | 'success' | 'warning' | 'error';
  review?: ReviewInput;
  metadata?: Record<string, unknown>;
  webhookUrl?: string;
  attachmentIds?: string[];
  textAttachments?: Array<{ content: string; filename?: string; mimeType?: string }>;
  iterationOf?: string;
  clientId?: string;
  streamId?: string;
  streamStartedAt?: string;
  streamState?: 'streaming' | 'complete' | 'aborted';
}

export function pluginTypeFor(mimeType: string): string {
  return mimeType.startsWith('image/') ? '@uax/image' : '@uax/file';
}

export function newAttachment(ctx: GatewayContext, channelId: string, messageId: string | null, filename: string, mimeType: string, data: Buffer): StoredAttachment {
  const id = ctx.newId();
  const att: StoredAttachment = {
    id,
    messageId,
    channelId,
    pluginType: pluginTypeFor(mimeType),
    filename,
    mimeType,
    size: data.length,
    storageKey: `${channelId}/${id}/${filename}`,
    pluginData: null,
    createdAt: isoNow(ctx),
  };
  ctx.store.putAttachment(att, data);
  return att;
}

/** A new message row with every field at its default. */
export function baseMessage(ctx: GatewayContext, agent: StoredAgent, senderType: 'agent' | 'user', senderId: string): StoredMessage {
  const now = isoNow(ctx);
  return {
    id: ctx.newId(),
    channelId: agent.id,
    senderType,
    senderId,
    text: null,
    status: null,
    review: null,
    metadata: null,
    clientId: null,
    streamId: null,
    streamState: null,
    deliveryStatus: 'sent',
    iterationGroupId: null,
    iteration: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Emits `message:created` (or `updated`) for an agent message to `[CH, U]` with `agentName`. */
export function emitAgentMessage(ctx: GatewayContext, event: 'message:created' | 'message:updated', agent: StoredAgent, m: StoredMessage, channelOnly = false): void {
  const rooms = channelOnly ? [channelRoom(agent.id)] : [channelRoom(agent.id), userRoom(agent.ownerId)];
  ctx.bus.emit(rooms, event, wireMessage(ctx.store, m, { agentName: agent.name }));
}

/** `POST /api/v1/messages`. Returns the row and whether it was created (a replay is not). */
export function createAgentMessage(ctx: GatewayContext, agent: StoredAgent, input: CreateMessageInput): { message: StoredMessage; created: boolean } {
  const { store } = ctx;
  const replay = (input.clientId && store.byClient(agent.id, input.clientId)) || (input.streamId && store.byStream(agent.id, input.streamId)) || null;
  if (replay) {
    if (input.streamState === 'aborted' && replay.streamState === 'streaming') {
      const updated = { ...replay, text: input.text ?? replay.text, streamState: 'aborted' as const, updatedAt: isoNow(ctx) };
      store.putMessage(updated);
      emitAgentMessage(ctx, 'message:updated', agent, updated);
      return { message: updated, created: false };
    }
    return { message: replay, created: false };
  }
  const m = baseMessage(ctx, agent, 'agent', agent.id);
  m.text = input.text ?? null;
  m.status = input.status ?? null;
  m.clientId = input.clientId ?? null;
  m.streamId = input.streamId ?? null;
  m.streamState = input.streamState ?? (input.streamId ? 'streaming' : null);
  if (input.review) m.review = normaliseReview(input.review, ctx.clock.now());
  const metadata: Record<string, unknown> = { ...(input.metadata ?? {}) };
  if (input.webhookUrl) metadata.webhookUrl = input.webhookUrl;
  if (m.review?.type === 'freeform' && m.review.payload.plugin !== undefined) metadata.plugin = m.review.payload.plugin;
  m.metadata = Object.keys(metadata).length ? metadata : (input.metadata ?? null);
  if (input.iterationOf) applyIteration(ctx, agent, m, input.iterationOf);
  store.putMessage(m);
  for (const id of input.attachmentIds ?? []) {
    const att = store.attachments.get(id);
    if (att && att.messageId === null && att.channelId === agent.id) store.linkAttachment({ ...att, messageId: m.id });
  }
  for (const t of input.textAttachments ?? []) {
    newAttachment(ctx, agent.id, m.id, t.filename ?? 'content.md', t.mimeType ?? 'text/markdown', Buffer.from(t.content, 'utf8'));
  }
  emitAgentMessage(ctx, 'message:created', agent, m);
  return { message: m, created: true };
}

function applyIteration(ctx: GatewayContext, agent: StoredAgent, m: StoredMessage, targetId: string): void {
  const target = ctx.store.messages.get(targetId);
  if (!target || target.channelId !== agent.id) throw new HttpError(400, 'iterationOf must reference a message in the same channel');
  if (!target.review || target.review.status === 'pending') throw new HttpError(400, 'iterationOf target review must be completed or expired');
  const rootId = target.iterationGroupId ?? target.id;
  const root = ctx.store.messages.get(rootId);
  if (root && root.iteration === null) ctx.store.putMessage({ ...root, iterationGroupId: rootId, iteration: 1 });
  const members = ctx.store.channelMessageIds(agent.id).map((id) => ctx.store.messages.get(id)!).filter((x) => x.iterationGroupId === rootId);
  m.iterationGroupId = rootId;
  m.iteration = Math.max(1, ...members.map((x) => x.iteration ?? 1)) + 1;
}

/** A human message (the web app's `POST /api/messages`): emitted without `agentName`, then the webhook. */
export function createUserMessage(ctx: GatewayContext, agent: StoredAgent, text: string, clientId?: string): StoredMessage {
  if (clientId) {
    const replay = ctx.store.byClient(agent.id, clientId);
    if (replay) return replay;
  }
  const m = baseMessage(ctx, agent, 'user', agent.ownerId);
  m.text = text;
  m.clientId = clientId ?? null;
  ctx.store.putMessage(m);
  ctx.bus.emit([channelRoom(agent.id), userRoom(agent.ownerId)], 'message:created', wireMessage(ctx.store, m));
  if (agent.webhookUrl) {
    const body = { event: 'message:created', channelId: agent.id, message: wireMessage(ctx.store, m) };
    ctx.webhooks.dispatch(agent.id, agent.webhookUrl, body, (ok) => setDelivery(ctx, m.id, ok ? 'webhook_delivered' : 'webhook_failed'));
  }
  return m;
}

export function setDelivery(ctx: GatewayContext, messageId: string, deliveryStatus: StoredMessage['deliveryStatus']): void {
  const m = ctx.store.messages.get(messageId);
  if (!m) return;
  ctx.store.putMessage({ ...m, deliveryStatus, updatedAt: isoNow(ctx) });
  ctx.bus.emit([channelRoom(m.channelId)], 'message:delivery', { messageId, deliveryStatus });
}

export function messageInChannel(ctx: GatewayContext, channelId: string, id: string): StoredMessage {
  const m = ctx.store.messages.get(id);
  if (!m || m.channelId !== channelId) throw messageNotFound();
  return m;
}

/** `PATCH /messages/streams/:streamId`. */
export function patchStream(ctx: GatewayContext, agent: StoredAgent, streamId: string, text: string, complete?: boolean, state?: string): StoredMessage {
  const draft = ctx.store.byStream(agent.id, streamId);
  if (!draft) throw new HttpError(404, 'No streaming draft for this (channelId, streamId)');
  const streamState = complete ? 'complete' : state === 'aborted' || state === 'complete' || state === 'streaming' ? state : draft.streamState;
  const updated: StoredMessage = { ...draft, text, streamState, updatedAt: isoNow(ctx) };
  ctx.store.putMessage(updated);
  emitAgentMessage(ctx, 'message:updated', agent, updated);
  return updated;
}

/** `POST /messages/streams/:streamId/status`: may arrive before the draft exists. */
export function addStreamStatus(ctx: GatewayContext, agent: StoredAgent, streamId: string, text: string, toolHint: boolean) {
  const index = ctx.store.statusEventsOf(agent.id, streamId).length;
  const event = { id: ctx.newId(), channelId: agent.id, streamId, index, text, toolHint, createdAt: isoNow(ctx) };
  ctx.store.addStatusEvent(event);
  ctx.bus.emit([channelRoom(agent.id), userRoom(agent.ownerId)], 'message:status', { ...event });
  return event;
}

/** The once-a-minute cron's stream half: drafts idle for 5 min are aborted, `CH` only, no `agentName`. */
export function abortIdleStreams(ctx: GatewayContext, idleMs: number, emit: boolean): void {
  const cutoff = ctx.clock.now() - idleMs;
  for (const m of ctx.store.messages.values()) {
    if (m.streamState !== 'streaming' || Date.parse(m.updatedAt) > cutoff) continue;
    const updated = { ...m, streamState: 'aborted' as const, updatedAt: isoNow(ctx) };
    ctx.store.putMessage(updated);
    if (emit) ctx.bus.emit([channelRoom(m.channelId)], 'message:updated', wireMessage(ctx.store, updated));
  }
}
