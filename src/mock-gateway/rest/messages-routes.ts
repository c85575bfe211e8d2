import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { HttpError } from '../http-error';
import { addStreamStatus, createAgentMessage, messageInChannel, patchStream, setDelivery } from '../message-service';
import { wireMessage } from '../serialize';
import { durable, ownedChannel, params, parse, query } from './rest-support';

const reviewSchema = z.object({
  type: z.string().min(1),
  payload: z.record(z.string(), z.unknown()).optional(),
  callback: z.object({ url: z.string(), method: z.string().optional(), headers: z.record(z.string(), z.string()).optional() }).optional(),
  expiresAt: z.string().optional(),
  expiresInSeconds: z.number().optional(),
  feedback: z.string().optional(),
  modifiedFileIds: z.record(z.string(), z.string()).optional(),
});

const createSchema = z
  .object({
    channelId: z.string().min(1),
    text: z.string().optional(),
    status: z.enum(['info', 'success', 'warning', 'error']).optional(),
    review: reviewSchema.optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    webhookUrl: z.string().url().optional(),
    attachmentIds: z.array(z.string()).optional(),
    textAttachments: z.array(z.object({ content: z.string(), filename: z.string().optional(), mimeType: z.string().optional() })).optional(),
    iterationOf: z.string().optional(),
    clientId: z.string().min(1).max(128).optional(),
    streamId: z.string().min(1).max(128).optional(),
    streamStartedAt: z.string().datetime({ offset: true }).optional(),
    streamState: z.enum(['streaming', 'complete', 'aborted']).optional(),
  })
  .refine((b) => b.text !== undefined || b.review !== undefined || b.status !== undefined || !!b.attachmentIds?.length || !!b.textAttachments?.length);

const patchSchema = z.object({
  channelId: z.string().min(1),
  text: z.string(),
  complete: z.boolean().optional(),
  streamState: z.enum(['streaming', 'complete', 'aborted']).optional(),
});

const statusSchema = z.object({ channelId: z.string().min(1), text: z.string().max(4000), toolHint: z.boolean().optional() });

function limitOf(raw: unknown): number {
  const n = typeof raw === 'string' ? Number.parseInt(raw, 10) : NaN;
  if (raw === undefined) return 50;
  if (!Number.isFinite(n) || n < 1) throw new HttpError(400, 'Validation failed');
  return Math.min(n, 100);
}

export function registerMessageRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const { store } = ctx;

  app.post('/messages', async (req, reply) => {
    const body = parse(createSchema, req.body);
    const agent = ownedChannel(ctx, req, body.channelId);
    const { message } = createAgentMessage(ctx, agent, body);
    return durable(ctx, reply, 201, wireMessage(store, message, { textContent: true }));
  });

  app.patch('/messages/streams/:streamId', async (req, reply) => {
    const body = parse(patchSchema, req.body);
    const agent = ownedChannel(ctx, req, body.channelId);
    const m = patchStream(ctx, agent, params(req).streamId!, body.text, body.complete, body.streamState);
    return durable(ctx, reply, 200, wireMessage(store, m, { textContent: true }));
  });

  app.post('/messages/streams/:streamId/status', async (req, reply) => {
    const body = parse(statusSchema, req.body);
    const agent = ownedChannel(ctx, req, body.channelId);
    return durable(ctx, reply, 201, addStreamStatus(ctx, agent, params(req).streamId!, body.text, body.toolHint ?? false));
  });

  app.get('/messages', async (req) => {
    const q = query(req);
    const agent = ownedChannel(ctx, req, q.channel);
    const limit = limitOf(q.limit);
    const search = typeof q.search === 'string' && q.search ? q.search.toLowerCase() : null;
    const hasAttachments = q.has_attachments === 'true' ? true : q.has_attachments === 'false' ? false : null;
    const ids = store.channelMessageIds(agent.id);
    let start = ids.length - 1;
    if (typeof q.cursor === 'string' && q.cursor) {
      const cursor = store.messages.get(q.cursor);
      // An unknown cursor gives an empty page, as Prisma's cursor on a missing row does.
      start = cursor && cursor.channelId === agent.id ? ids.lastIndexOf(q.cursor) - 1 : -1;
    }
    const data: Record<string, unknown>[] = [];
    for (let i = start; i >= 0 && data.length < limit; i--) {
      const m = store.messages.get(ids[i]!)!;
      if (search && !(m.text ?? '').toLowerCase().includes(search)) continue;
      if (hasAttachments !== null && store.attachmentsOf(m.id).length > 0 !== hasAttachments) continue;
      data.push(wireMessage(store, m, { statusEvents: true, redact: true }));
    }
    const last = data[data.length - 1];
    return { data, nextCursor: data.length === limit && last ? (last.id as string) : null };
  });

  app.get('/messages/iterations/:id', async (req) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    const m = messageInChannel(ctx, agent.id, params(req).id!);
    const groupId = m.iterationGroupId ?? m.id;
    const iterations = store
      .channelMessageIds(agent.id)
      .map((id) => store.messages.get(id)!)
      .filter((x) => x.id === groupId || x.iterationGroupId === groupId)
      .sort((a, b) => (a.iteration ?? 1) - (b.iteration ?? 1))
      .map((x) => wireMessage(store, x, { textContent: true }));
    return { groupId, iterations };
  });

  app.get('/messages/:id', async (req) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    return wireMessage(store, messageInChannel(ctx, agent.id, params(req).id!));
  });

  app.delete('/messages/:id', async (req, reply) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    const m = messageInChannel(ctx, agent.id, params(req).id!);
    if (m.iterationGroupId) {
      const others = store.channelMessageIds(agent.id).filter((id) => id !== m.id && (id === m.iterationGroupId || store.messages.get(id)?.iterationGroupId === m.iterationGroupId));
      if (others.length) throw new HttpError(400, 'Cannot delete a message that is part of an iteration chain');
    }
    store.deleteMessage(m.id);
    return durable(ctx, reply, 200, { deleted: true });
  });

  app.post('/messages/:id/ack', async (req, reply) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    const m = messageInChannel(ctx, agent.id, params(req).id!);
    setDelivery(ctx, m.id, 'agent_received');
    return durable(ctx, reply, 200, { acknowledged: true });
  });
}
