import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { HttpError } from '../http-error';
import { messageInChannel } from '../message-service';
import { expireLazily } from '../review-service';
import { wireMessage } from '../serialize';
import type { StoredMessage } from '../types';
import { ownedChannel, params, query } from './rest-support';

const WAIT_MAX_MS = 30_000;
const WAIT_POLL_MS = 2_000;

function reviewMessage(ctx: GatewayContext, channelId: string, id: string): StoredMessage {
  const m = messageInChannel(ctx, channelId, id);
  if (!m.review) throw new HttpError(404, 'No review on this message');
  return m;
}

export function registerReviewRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const { store } = ctx;

  app.get('/reviews/pending', async (req) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    // Overdue reviews stay listed until the cron sweeps them (§4.4).
    return [...store.channelMessageIds(agent.id)]
      .reverse()
      .map((id) => store.messages.get(id)!)
      .filter((m) => m.review?.status === 'pending')
      .map((m) => wireMessage(store, m, { redact: true }));
  });

  app.get('/reviews/:id/wait', async (req, reply) => {
    const q = query(req);
    const agent = ownedChannel(ctx, req, q.channel);
    const id = params(req).id!;
    const raw = typeof q.timeout === 'string' ? Number(q.timeout) : NaN;
    const timeout = Number.isFinite(raw) && raw > 0 && raw <= WAIT_MAX_MS ? raw : WAIT_MAX_MS;
    const resolved = () => {
      const m = expireLazily(ctx, reviewMessage(ctx, agent.id, id));
      const status = m.review!.status;
      return status === 'pending' ? null : { status, message: wireMessage(store, m, { textContent: true }) };
    };
    const first = resolved();
    if (first) return first;
    // Placet re-reads every 2 s; changes made by the mock also wake the poll at once.
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | null = null;
      const finish = (value: unknown) => {
        ctx.onChange.delete(check);
        ctx.onClose.delete(abort);
        clearInterval(poll);
        if (timer) clearTimeout(timer);
        reply.raw.off('close', abort);
        resolve(value);
      };
      const check = () => {
        try {
          const r = resolved();
          if (r) finish(r);
        } catch {
          finish({ status: 'timeout' });
        }
      };
      const abort = () => finish({ status: 'timeout' });
      const poll = setInterval(check, WAIT_POLL_MS);
      timer = setTimeout(() => finish({ status: 'timeout' }), timeout);
      ctx.onChange.add(check);
      ctx.onClose.add(abort);
      // The response closing before we answer means the client went away.
      reply.raw.once('close', abort);
    });
  });

  app.get('/reviews/:id', async (req) => {
    const agent = ownedChannel(ctx, req, query(req).channel);
    return wireMessage(store, reviewMessage(ctx, agent.id, params(req).id!));
  });
}
