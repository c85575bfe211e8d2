import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type GatewayContext, isoNow } from '../context';
import { channelRoom, userRoom } from '../event-bus';
import { newAgent } from '../fixtures';
import { agentNotFound, HttpError } from '../http-error';
import { wireAgent } from '../serialize';
import type { StoredAgent } from '../types';
import { durable, params, parse, requestUser } from './rest-support';

const headers = z.record(z.string(), z.string());
const auth = z.object({ username: z.string(), password: z.string() });
const command = z.object({ command: z.string().min(1), description: z.string(), acceptsArgs: z.boolean().optional(), argHint: z.string().optional() });

const createSchema = z.object({
  name: z.string().min(1).max(100),
  description: z.string().optional(),
  avatarUrl: z.string().optional(),
  webhookUrl: z.string().url().optional(),
  tag: z.string().max(64).optional(),
});
const updateSchema = createSchema.partial().extend({ webhookHeaders: headers.optional(), webhookAuth: auth.optional() });
const setWebhookSchema = z.object({
  channelId: z.string().min(1),
  url: z.string().url(),
  headers: headers.optional(),
  auth: auth.optional(),
  management: z.object({ url: z.string(), apiKey: z.string() }).optional(),
  isSubagent: z.boolean().optional(),
  parentChannelId: z.string().optional(),
});
const pingSchema = z.object({ agentId: z.string().min(1), status: z.enum(['active', 'busy', 'error', 'offline']), message: z.string().max(500).optional() });

export function registerAgentRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const { store } = ctx;
  // Agent management answers 404 `Agent not found` where messages would say 403 (§1).
  const mine = (req: FastifyRequest, id: unknown): StoredAgent => {
    const agent = store.ownedAgent(requestUser(req), id);
    if (!agent) throw agentNotFound();
    return agent;
  };
  const save = (agent: StoredAgent) => {
    store.putAgent(agent);
    return wireAgent(agent);
  };
  const checkParent = (agent: StoredAgent, parentId: string | undefined, req: FastifyRequest) => {
    if (!parentId) return null;
    let cursor: StoredAgent | null = mine(req, parentId);
    while (cursor) {
      if (cursor.id === agent.id) throw new HttpError(400, 'Parent cycle detected');
      cursor = cursor.parentAgentId ? store.agents.get(cursor.parentAgentId) ?? null : null;
    }
    return parentId;
  };

  app.get('/agents', async (req) =>
    store
      .agentsOf(requestUser(req))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map(wireAgent),
  );

  app.post('/agents', async (req, reply) => {
    const body = parse(createSchema, req.body);
    const agent = newAgent({ id: ctx.newId(), ownerId: requestUser(req), createdAt: isoNow(ctx), ...body });
    return durable(ctx, reply, 201, save(agent));
  });

  app.patch('/agents/:id', async (req, reply) => {
    const agent = mine(req, params(req).id);
    const body = parse(updateSchema, req.body);
    return durable(ctx, reply, 200, save({ ...agent, ...body }));
  });

  app.delete('/agents/:id', async (req, reply) => {
    store.deleteAgent(mine(req, params(req).id).id);
    return durable(ctx, reply, 200, { deleted: true });
  });

  app.post('/agents/setWebhook', async (req, reply) => {
    const raw = (req.body ?? {}) as Record<string, unknown>;
    // The docs profile also takes the management dashboard's `webhookUrl` spelling (§11.6).
    const input = ctx.profile === 'docs' && raw.url === undefined && raw.webhookUrl !== undefined ? { ...raw, url: raw.webhookUrl } : raw;
    const body = parse(setWebhookSchema, input);
    const agent = mine(req, body.channelId);
    const next: StoredAgent = { ...agent, webhookUrl: body.url, webhookHeaders: body.headers ?? null, webhookAuth: body.auth ?? null };
    if (body.management) Object.assign(next, { managementUrl: body.management.url, managementApiKey: body.management.apiKey });
    if (body.isSubagent !== undefined) next.isSubagent = body.isSubagent;
    if (body.parentChannelId !== undefined) next.parentAgentId = checkParent(agent, body.parentChannelId, req);
    return durable(ctx, reply, 200, save(next));
  });

  app.post('/agents/deleteWebhook', async (req, reply) => {
    const body = parse(z.object({ channelId: z.string().min(1) }), req.body);
    const agent = mine(req, body.channelId);
    return durable(ctx, reply, 200, save({ ...agent, webhookUrl: null, webhookHeaders: null, webhookAuth: null }));
  });

  app.put('/agents/:id/commands', async (req, reply) => {
    const agent = mine(req, params(req).id);
    const body = parse(z.object({ commands: z.array(command).max(100) }), req.body);
    return durable(ctx, reply, 200, save({ ...agent, commands: body.commands }));
  });

  app.post('/agents/setTag', async (req, reply) => {
    const body = parse(z.object({ channelId: z.string().min(1), tag: z.string().max(64).nullable() }), req.body);
    return durable(ctx, reply, 200, save({ ...mine(req, body.channelId), tag: body.tag }));
  });

  app.post('/agents/setManagement', async (req, reply) => {
    const body = parse(z.object({ channelId: z.string().min(1), url: z.string().nullable(), apiKey: z.string().nullable() }), req.body);
    if ((body.url === null) !== (body.apiKey === null)) throw new HttpError(400, 'url and apiKey must be set together');
    return durable(ctx, reply, 200, save({ ...mine(req, body.channelId), managementUrl: body.url, managementApiKey: body.apiKey }));
  });

  app.post('/agents/setSubagent', async (req, reply) => {
    const body = parse(z.object({ channelId: z.string().min(1), isSubagent: z.boolean(), parentChannelId: z.string().optional() }), req.body);
    const agent = mine(req, body.channelId);
    const parentAgentId = body.isSubagent ? checkParent(agent, body.parentChannelId, req) : null;
    return durable(ctx, reply, 200, save({ ...agent, isSubagent: body.isSubagent, parentAgentId }));
  });

  app.post('/status/ping', async (req, reply) => {
    const body = parse(pingSchema, req.body);
    const agent = mine(req, body.agentId);
    const now = isoNow(ctx);
    // statusSince moves only on a transition (0.10.0+); the event goes out on every ping.
    const next: StoredAgent = {
      ...agent,
      status: body.status,
      statusMessage: body.message ?? null,
      lastActiveAt: now,
      statusSince: agent.status !== body.status || !agent.statusSince ? now : agent.statusSince,
    };
    store.putAgent(next);
    const rooms = ctx.profile === 'docs' ? [userRoom(agent.ownerId), channelRoom(agent.id)] : [userRoom(agent.ownerId)];
    ctx.bus.emit(rooms, 'agent:status', { agentId: agent.id, status: next.status, statusMessage: next.statusMessage, statusSince: next.statusSince });
    return durable(ctx, reply, 201, wireAgent(next));
  });
}
