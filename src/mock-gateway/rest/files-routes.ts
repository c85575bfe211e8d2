import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { GatewayContext } from '../context';
import { HttpError, validationFailed } from '../http-error';
import { baseMessage, emitAgentMessage, newAttachment } from '../message-service';
import { wireAttachment } from '../serialize';
import { durable, ownedChannel, params, parse } from './rest-support';

const storeTextSchema = z.object({
  channelId: z.string().min(1),
  content: z.string(),
  filename: z.string().min(1).max(255).optional(),
  mimeType: z.string().min(1).max(255).optional(),
});

/** Reads one multipart upload: the `file` part and the `channelId` field, in either order. */
async function readUpload(req: FastifyRequest): Promise<{ channelId: unknown; filename: string; mimeType: string; data: Buffer }> {
  if (!req.isMultipart()) throw validationFailed();
  let channelId: unknown;
  let file: { filename: string; mimeType: string; data: Buffer } | null = null;
  for await (const part of req.parts()) {
    if (part.type === 'file') file = { filename: part.filename || 'upload.bin', mimeType: part.mimetype || 'application/octet-stream', data: await part.toBuffer() };
    else if (part.fieldname === 'channelId') channelId = part.value;
  }
  if (!file) throw new HttpError(400, 'No file uploaded');
  return { channelId, ...file };
}

export function registerFileRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const { store } = ctx;

  app.get('/files', async (req) => {
    const agent = ownedChannel(ctx, req, (req.query as Record<string, unknown>).channel);
    return [...store.attachments.values()]
      .filter((a) => a.channelId === agent.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((a) => wireAttachment(store, a, false));
  });

  app.post('/files/store-text', async (req, reply) => {
    const body = parse(storeTextSchema, req.body);
    const agent = ownedChannel(ctx, req, body.channelId);
    const att = newAttachment(ctx, agent.id, null, body.filename ?? 'content.md', body.mimeType ?? 'text/markdown', Buffer.from(body.content, 'utf8'));
    return durable(ctx, reply, 201, wireAttachment(store, att, false));
  });

  app.post('/files/store', async (req, reply) => {
    const up = await readUpload(req);
    const agent = ownedChannel(ctx, req, up.channelId);
    const att = newAttachment(ctx, agent.id, null, up.filename, up.mimeType, up.data);
    return durable(ctx, reply, 201, wireAttachment(store, att, false));
  });

  app.post('/files/upload', async (req, reply) => {
    const up = await readUpload(req);
    const agent = ownedChannel(ctx, req, up.channelId);
    const message = baseMessage(ctx, agent, 'agent', agent.id);
    store.putMessage(message);
    const att = newAttachment(ctx, agent.id, message.id, up.filename, up.mimeType, up.data);
    // Agent uploads go to CH only (§2.4).
    emitAgentMessage(ctx, 'message:created', agent, message, true);
    return durable(ctx, reply, 201, wireAttachment(store, att, false));
  });

  app.get('/files/:id/download', async (req, reply) => {
    const att = store.attachments.get(params(req).id!);
    if (!att) throw new HttpError(404, 'Attachment not found');
    ownedChannel(ctx, req, att.channelId);
    const safeName = att.filename.replace(/["\\\r\n]/g, '_');
    return reply
      .header('Content-Type', att.mimeType)
      .header('Content-Disposition', `inline; filename="${safeName}"`)
      .send(store.fileData.get(att.id) ?? Buffer.alloc(0));
  });
}
