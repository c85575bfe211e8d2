import type { FastifyInstance } from 'fastify';
import type { GatewayContext } from '../context';
import type { FaultState } from '../faults';
import { HttpError } from '../http-error';
import { sha256Hex } from '../random';
import { registerAgentRoutes } from './agents-routes';
import { registerFileRoutes } from './files-routes';
import { registerMessageRoutes } from './messages-routes';
import { registerOauthRoutes } from './oauth-routes';
import type { RateLimiter } from './rate-limiter';
import { registerReviewRoutes } from './reviews-routes';
import { setRequestUser } from './rest-support';

const TOO_MANY = 'ThrottlerException: Too Many Requests';

/** The agent API under `/api/v1`: throttler first (a global guard in Nest), then the API-key guard. */
export function registerAgentApi(app: FastifyInstance, ctx: GatewayContext, faults: FaultState, limiter: RateLimiter | null): void {
  app.register(
    async (api) => {
      api.addHook('onRequest', async (req, reply) => {
        const fault = faults.takeRestFault();
        if (fault === 429) throw new HttpError(429, TOO_MANY, { 'Retry-After': '1' });
        if (fault === 500) throw new HttpError(500, 'Internal server error');
        if (limiter) {
          const r = limiter.hit(req.ip);
          if (r.retryAfterSec !== null) throw new HttpError(429, TOO_MANY, { 'Retry-After': String(r.retryAfterSec) });
          reply.header('X-RateLimit-Remaining', String(r.remaining)).header('X-RateLimit-Reset', String(r.resetSec));
        }
        // The OAuth callback is public: the browser lands on it, not the agent.
        if (req.url.startsWith('/api/v1/oauth/callback')) return;
        let key = req.headers['x-api-key'];
        // The docs profile also takes the documented `Authorization: Bearer` form (§11.3).
        if (key === undefined && ctx.profile === 'docs') {
          const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
          if (bearer) key = bearer[1];
        }
        if (typeof key !== 'string' || !key.startsWith('hp_')) throw new HttpError(401, 'Missing or invalid API key');
        const found = ctx.store.keysByHash.get(sha256Hex(key));
        if (!found) throw new HttpError(401, 'Invalid API key');
        setRequestUser(req, found.userId);
      });
      registerMessageRoutes(api, ctx);
      registerReviewRoutes(api, ctx);
      registerAgentRoutes(api, ctx);
      registerFileRoutes(api, ctx);
      registerOauthRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
}
