import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyError } from 'fastify';
import { Server } from 'socket.io';
import { type MockClock, VirtualClock } from './clock';
import type { GatewayContext, Profile } from './context';
import { registerControlRoutes } from './control-routes';
import { EventBus } from './event-bus';
import { type FaultRequest, FaultState } from './faults';
import { DEFAULT_FIXTURES, describeFixtures, seedFixtures } from './fixtures';
import { errorBody, HttpError } from './http-error';
import { abortIdleStreams } from './message-service';
import { MockStore } from './mock-store';
import { createIdFactory, createRandom } from './random';
import { registerAgentApi } from './rest/api-routes';
import { RateLimiter } from './rest/rate-limiter';
import { sweepExpiredReviews } from './review-service';
import { loadScenario, type Scenario, ScenarioRunner } from './scenarios/scenario-runner';
import { attachSocketGateway, type SocketData } from './socket-gateway';
import { readStateFile, StateLog } from './state-log';
import type { FixtureSpec, Fixtures } from './types';
import { WebhookDispatcher } from './webhook-dispatcher';

export interface MockGatewayOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default; the control API has no auth. */
  host?: string;
  scenario?: string | Scenario;
  seed?: number;
  profile?: Profile;
  /** A JSONL file the data persists to; an existing file is loaded. */
  state?: string;
  /** Virtual time runs this many times faster than real time (0 freezes it). */
  timeScale?: number;
  /** Virtual start time (ms since epoch); defaults to now. */
  startTime?: number;
  rateLimit?: false | { limit: number; windowMs: number };
  pingInterval?: number;
  pingTimeout?: number;
  fixtures?: FixtureSpec;
  jwtSecret?: string;
}

export interface MockGateway {
  /** `http://127.0.0.1:PORT`; sockets connect to `${url}/ws`. */
  url: string;
  port: number;
  readonly fixtures: Fixtures;
  clock: MockClock;
  /** The scenario being played, if any. */
  scenario: ScenarioRunner | null;
  /** Runs the once-a-minute cron now (it also runs by itself on every virtual minute). */
  sweep(): number;
  close(): Promise<void>;
}

const MINUTE = 60_000;

export async function createMockGateway(options: MockGatewayOptions = {}): Promise<MockGateway> {
  const seed = options.seed ?? 1;
  const profile = options.profile ?? 'placet';
  const jwtSecret = options.jwtSecret ?? 'placet-mock-jwt-secret';
  const scenario = options.scenario === undefined ? null : typeof options.scenario === 'string' ? loadScenario(options.scenario) : options.scenario;
  const clock = new VirtualClock(options.startTime ?? Date.now(), options.timeScale ?? 1);
  const random = createRandom(seed);
  const store = new MockStore();
  const newId = createIdFactory(random, () => clock.now());
  const spec = options.fixtures ?? scenario?.fixtures ?? DEFAULT_FIXTURES;

  let log: StateLog | null = null;
  const previous = options.state ? readStateFile(options.state) : null;
  const stateSeed = previous?.find((r) => r.t === 'meta')?.seed ?? seed;
  if (previous) store.load(previous);
  else seedFixtures(store, spec, seed, newId, clock.now());
  if (options.state) {
    log = new StateLog(options.state);
    log.open(store.snapshot(stateSeed));
    store.attachLog(log);
  }

  const faults = new FaultState();
  const app = Fastify({ logger: false, bodyLimit: 110 * 1024 * 1024, forceCloseConnections: true });
  await app.register(fastifyMultipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  const io = new Server(app.server, {
    cors: { origin: true },
    pingInterval: options.pingInterval ?? 25_000,
    pingTimeout: options.pingTimeout ?? 20_000,
    allowRequest: (_req, cb) => (faults.refusing() ? cb('refused', false) : cb(null, true)),
  });
  const bus = new EventBus(io.of('/ws'), faults);
  const ctx: GatewayContext = { store, bus, clock, webhooks: new WebhookDispatcher(clock), newId, profile, onChange: new Set(), onClose: new Set(), oauthStates: new Map() };
  const attempts = new Map<string, number>();
  attachSocketGateway({ io, store, bus, faults, jwtSecret, now: () => clock.now(), attempts, oauthStates: ctx.oauthStates });

  app.setErrorHandler((error: FastifyError | HttpError, req, reply) => {
    const status = error instanceof HttpError ? error.statusCode : error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const message = error instanceof HttpError || status < 500 ? error.message : 'Internal server error';
    if (error instanceof HttpError) reply.headers(error.headers);
    void reply.code(status).send(errorBody(status, message, req.url, clock.now()));
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send(errorBody(404, `Cannot ${req.method} ${req.url.split('?')[0]}`, req.url, clock.now()));
  });

  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit?.limit ?? 100, options.rateLimit?.windowMs ?? MINUTE, () => clock.now());
  registerAgentApi(app, ctx, faults, limiter);
  const fixtures = () => describeFixtures(store, stateSeed, spec);
  registerControlRoutes(app, {
    ctx,
    faults,
    jwtSecret,
    fixtures,
    disconnectAll: () => io.of('/ws').disconnectSockets(false),
    stats: () => collectStats(io, bus, attempts),
  });

  // Boot: drafts idle for over 60 s are aborted with no event; then the cron at every minute mark.
  abortIdleStreams(ctx, MINUTE, false);
  const sweep = () => {
    const n = sweepExpiredReviews(ctx);
    abortIdleStreams(ctx, 5 * MINUTE, true);
    return n;
  };
  const scheduleCron = () => clock.at(Math.floor(clock.now() / MINUTE) * MINUTE + MINUTE, () => {
    sweep();
    scheduleCron();
  });
  scheduleCron();

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const applyFault = (fault: FaultRequest) => {
    faults.apply(fault);
    if (fault.disconnectAll) io.of('/ws').disconnectSockets(false);
    if (fault.malformed) bus.emitMalformed(fault.malformed.event, fault.malformed.channelId);
  };
  const runner = scenario ? new ScenarioRunner(scenario, { ctx, applyFault }, seed) : null;
  runner?.start();

  let closed: Promise<void> | null = null;
  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    get fixtures() {
      return fixtures();
    },
    clock,
    scenario: runner,
    sweep,
    close: () =>
      (closed ??= (async () => {
        runner?.stop();
        clock.close();
        bus.close();
        for (const abort of [...ctx.onClose]) abort();
        io.of('/ws').disconnectSockets(true);
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await app.close().catch(() => undefined);
        log?.close();
      })()),
  };
}

function collectStats(io: Server, bus: EventBus, attempts: Map<string, number>): Record<string, unknown> {
  const nsp = io.of('/ws');
  const liveSockets: Record<string, number> = {};
  for (const socket of nsp.sockets.values()) {
    const data = socket.data as SocketData;
    const label = data.keyPrefix ?? 'jwt';
    liveSockets[label] = (liveSockets[label] ?? 0) + 1;
  }
  const rooms: Record<string, number> = {};
  for (const [room, members] of nsp.adapter.rooms) if (!nsp.sockets.has(room)) rooms[room] = members.size;
  return {
    connectionAttempts: Object.fromEntries(attempts),
    liveSockets,
    totalSockets: nsp.sockets.size,
    rooms,
    eventsEmitted: Object.fromEntries(bus.emitted),
  };
}
