import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { GatewayContext } from '../context';
import { HttpError, notYourAgent, validationFailed } from '../http-error';
import type { StoredAgent } from '../types';

const users = new WeakMap<FastifyRequest, string>();

export function setRequestUser(req: FastifyRequest, userId: string): void {
  users.set(req, userId);
}

/** The key owner of an `/api/v1` request (set by the API-key guard). */
export function requestUser(req: FastifyRequest): string {
  const id = users.get(req);
  if (!id) throw new HttpError(401, 'Missing or invalid API key');
  return id;
}

/** Zod parse that fails the way Placet's pipe does: 400 `Validation failed`, without the issues. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw validationFailed();
  return result.data;
}

/** Messages, reviews and files answer 403 `Not your agent` for unknown and foreign agents alike. */
export function ownedChannel(ctx: GatewayContext, req: FastifyRequest, channelId: unknown): StoredAgent {
  if (typeof channelId !== 'string' || !channelId) throw validationFailed();
  const agent = ctx.store.ownedAgent(requestUser(req), channelId);
  if (!agent) throw notYourAgent();
  return agent;
}

export function query(req: FastifyRequest): Record<string, unknown> {
  return (req.query ?? {}) as Record<string, unknown>;
}

export function params(req: FastifyRequest): Record<string, string> {
  return (req.params ?? {}) as Record<string, string>;
}

/** Replies after the state log is flushed, so whatever the client sees acknowledged survives a kill. */
export function durable(ctx: GatewayContext, reply: FastifyReply, status: number, body: unknown): FastifyReply {
  ctx.store.flush();
  return reply.code(status).send(body);
}
