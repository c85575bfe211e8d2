import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type GatewayContext, notifyChange } from './context';
import type { FaultRequest, FaultState } from './faults';
import { agentNotFound } from './http-error';
import { signJwt } from './jwt';
import { createUserMessage } from './message-service';
import { parse } from './rest/rest-support';
import { respondToReview } from './review-service';
import { wireMessage } from './serialize';
import type { Fixtures } from './types';

export interface ControlDeps {
  ctx: GatewayContext;
  faults: FaultState;
  fixtures: () => Fixtures;
  stats: () => Record<string, unknown>;
  disconnectAll: () => void;
  jwtSecret: string;
}

const respondSchema = z.object({
  response: z.record(z.string(), z.unknown()),
  feedback: z.string().optional(),
  modifiedFileIds: z.record(z.string(), z.string()).optional(),
});
const faultSchema = z.object({
  disconnectAll: z.boolean().optional(),
  refuseConnectionsMs: z.number().nonnegative().optional(),
  acceptThenDropMs: z.number().nonnegative().optional(),
  delayEventsMs: z.number().nonnegative().max(600_000).optional(),
  duplicateEvents: z.number().int().min(1).max(10).optional(),
  malformed: z.object({ event: z.string().min(1), channelId: z.string().optional() }).optional(),
  rest: z.object({ status: z.union([z.literal(500), z.literal(429)]), count: z.number().int().positive().optional(), durationMs: z.number().positive().optional() }).nullable().optional(),
  clear: z.boolean().optional(),
});

/** The human side, the clock and the faults: `/mock/*`, loopback only and unauthenticated by design. */
export function registerControlRoutes(app: FastifyInstance, deps: ControlDeps): void {
  const { ctx, faults } = deps;
  app.register(
    async (mock) => {
      mock.get('/fixtures', async () => deps.fixtures());

      mock.post('/reviews/:messageId/respond', async (req, reply) => {
        const body = parse(respondSchema, req.body);
        const m = respondToReview(ctx, (req.params as { messageId: string }).messageId, body);
        ctx.store.flush();
        return reply.code(201).send(wireMessage(ctx.store, m));
      });

      mock.post('/messages', async (req, reply) => {
        const body = parse(z.object({ channelId: z.string().min(1), text: z.string().min(1), clientId: z.string().optional() }), req.body);
        const agent = ctx.store.agents.get(body.channelId);
        if (!agent) throw agentNotFound();
        const m = createUserMessage(ctx, agent, body.text, body.clientId);
        ctx.store.flush();
        return reply.code(201).send(wireMessage(ctx.store, m));
      });

      mock.post('/webhooks', async (req) => {
        const body = parse(z.object({ channelId: z.string().min(1), outcome: z.enum(['delivered', 'failed', 'timeout']), times: z.number().int().positive().max(1000).optional() }), req.body);
        ctx.webhooks.queue(body.channelId, body.outcome, body.times ?? 1);
        return { queued: true };
      });
      mock.get('/webhooks', async () => ctx.webhooks.log);

      mock.get('/clock', async () => ({ now: new Date(ctx.clock.now()).toISOString(), ms: ctx.clock.now() }));
      mock.post('/clock/advance', async (req) => {
        const body = parse(z.object({ ms: z.number().nonnegative().max(10 * 365 * 86_400_000) }), req.body);
        await ctx.clock.advance(body.ms);
        notifyChange(ctx);
        ctx.store.flush();
        return { now: new Date(ctx.clock.now()).toISOString(), ms: ctx.clock.now() };
      });

      mock.post('/faults', async (req) => {
        const body = parse(faultSchema, req.body) as FaultRequest;
        faults.apply(body);
        if (body.disconnectAll) deps.disconnectAll();
        if (body.malformed) ctx.bus.emitMalformed(body.malformed.event, body.malformed.channelId);
        return faults.describe();
      });

      mock.get('/stats', async () => deps.stats());

      // A JWT like the web app's ws-ticket, for tests of the `auth.token` path and user rooms.
      mock.post('/ws-ticket', async (req) => {
        const body = parse(z.object({ userId: z.string().min(1), expiresInSeconds: z.number().positive().optional() }), req.body);
        const iat = Math.floor(ctx.clock.now() / 1000);
        return { ticket: signJwt({ sub: body.userId, iat, exp: iat + (body.expiresInSeconds ?? 300) }, deps.jwtSecret) };
      });
    },
    { prefix: '/mock' },
  );
}
