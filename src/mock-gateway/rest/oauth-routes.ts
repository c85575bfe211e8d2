import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import { channelRoom } from '../event-bus';

const page = (title: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><p>${title}</p></body></html>`;

/** `GET /api/v1/oauth/callback`: relays the browser's code or error to the channel room (§2.3, §2.4). */
export function registerOauthRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  app.get('/oauth/callback', async (req, reply) => {
    const q = (req.query ?? {}) as Record<string, unknown>;
    const state = typeof q.state === 'string' ? q.state : '';
    const known = ctx.oauthStates.get(state);
    reply.type('text/html; charset=utf-8');
    if (!known || known.expiresAt <= ctx.clock.now()) return reply.code(400).send(page('Unknown or expired authorization request.'));
    ctx.oauthStates.delete(state);
    if (typeof q.error === 'string') {
      const errorDescription = typeof q.error_description === 'string' ? q.error_description : null;
      ctx.bus.emit([channelRoom(known.channelId)], 'oauth:error', { state, error: q.error, errorDescription, provider: known.provider });
      return reply.send(page('Authorization failed. You can close this window.'));
    }
    if (typeof q.code !== 'string') return reply.code(400).send(page('Missing code.'));
    ctx.bus.emit([channelRoom(known.channelId)], 'oauth:code', { state, code: q.code, provider: known.provider });
    return reply.send(page('Authorization complete. You can close this window.'));
  });
}
