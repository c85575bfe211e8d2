import type { z } from 'zod';
import { errorBodySchema } from '../../../shared/placet/schemas';
import { AppFailure, type ErrorCode } from '../../../shared/ipc/result';
import type { Clock } from '../ports';

export interface RestClientOptions {
  serverUrl: string;
  getKey: () => Promise<string | null>;
  clock: Clock;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** How many times a 429 is waited out before giving up on one request. */
  maxRateLimitWaits?: number;
  fetchImpl?: typeof fetch;
  onRequest?: (info: { method: string; path: string; status: number | null; ms: number }) => void;
}

/**
 * The agent REST API (`/api/v1`, `x-api-key`). Calls are serialised per client so a backfill never
 * bursts past Placet's limit (100 requests / 60 s); a 429 waits for `Retry-After` (or backs off
 * exponentially) and retries, so work finishes later instead of failing.
 */
export class RestClient {
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly options: RestClientOptions) {}

  get<T>(path: string, schema: z.ZodType<T>): Promise<T> {
    const run = this.queue.then(() => this.request('GET', path, schema));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops waiting out rate limits; pending calls fail. */
  dispose(): void {
    this.disposed = true;
    for (const wake of this.waiting) wake();
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>): Promise<T> {
    const maxWaits = this.options.maxRateLimitWaits ?? 8;
    for (let attempt = 0; ; attempt++) {
      if (this.disposed) throw new AppFailure('unreachable', 'The connection was closed');
      const response = await this.send(method, path);
      if (response.status === 429 && attempt < maxWaits) {
        await this.sleep(retryDelayMs(response.headers.get('retry-after'), attempt));
        continue;
      }
      return parseResponse(response, path, schema);
    }
  }

  private async send(method: string, path: string): Promise<Response> {
    const key = await this.options.getKey();
    if (!key) throw new AppFailure('key-rejected', 'No API key is stored for this account');
    // Concatenated, not resolved, so a server under a sub-path (https://host/placet) keeps its prefix.
    const url = new URL(`${this.options.serverUrl}/api/v1${path}`);
    const started = this.options.clock.now();
    const doFetch = this.options.fetchImpl ?? fetch;
    try {
      const response = await doFetch(url, {
        method,
        headers: { 'x-api-key': key, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        redirect: 'error',
      });
      this.options.onRequest?.({ method, path: url.pathname, status: response.status, ms: this.options.clock.now() - started });
      return response;
    } catch (err) {
      this.options.onRequest?.({ method, path: url.pathname, status: null, ms: this.options.clock.now() - started });
      throw networkFailure(err, url);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.options.clock.clearTimeout(handle);
        this.waiting.delete(wake);
        resolve();
      };
      const handle = this.options.clock.setTimeout(wake, ms);
      this.waiting.add(wake);
    });
  }
}

export function retryDelayMs(retryAfter: string | null, attempt: number): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1_000, 120_000) + 50;
  return Math.min(1_000 * 2 ** attempt, 60_000);
}

async function parseResponse<T>(response: Response, path: string, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(body);
    const serverMessage = parsed.success ? [parsed.data.message].flat().join('; ').slice(0, 200) : null;
    throw new AppFailure(codeForStatus(response.status, parsed.success), describeStatus(response.status, serverMessage));
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppFailure('not-placet', `The server's answer to ${path.split('?')[0]} is not what a Placet server sends`);
  }
  return parsed.data;
}

function codeForStatus(status: number, placetShaped: boolean): ErrorCode {
  if (status === 401) return 'key-rejected';
  if (status === 403 || status === 404) return placetShaped ? 'not-found' : 'not-placet';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return placetShaped ? 'invalid-input' : 'not-placet';
}

function describeStatus(status: number, serverMessage: string | null): string {
  if (status === 401) return 'The server rejected the API key (401)';
  if (status === 429) return 'The server is rate-limiting requests (429); try again in a minute';
  if (status >= 500) return `The server had an internal error (${status})`;
  if (serverMessage) return `The server answered ${status}: ${serverMessage}`;
  return `The server answered ${status}; it does not look like a Placet server`;
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

function networkFailure(err: unknown, url: URL): AppFailure {
  const cause = (err as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (err as { code?: string }).code ?? '';
  const where = url.host;
  if ((cause as { message?: string } | undefined)?.message === 'bad port') {
    return new AppFailure('bad-url', `Port ${url.port} is one that HTTP clients refuse to use (a blocked port); the server must listen on another`);
  }
  if ((err as Error).name === 'TimeoutError') return new AppFailure('unreachable', `${where} did not answer in time`);
  if (tlsCodes.has(code)) return new AppFailure('tls', `The TLS certificate of ${where} could not be verified (${code})`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AppFailure('unreachable', `The server name ${url.hostname} could not be resolved`);
  if (code === 'ECONNREFUSED') return new AppFailure('unreachable', `Nothing is listening at ${where} (connection refused)`);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new AppFailure('unreachable', `${where} closed the connection`);
  return new AppFailure('unreachable', `${where} could not be reached${code ? ` (${code})` : ''}`);
}

/** Checks a user-typed server URL and returns its origin, or a specific reason it is unusable. */
export function normaliseServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppFailure('bad-url', 'The server URL is not a valid URL (example: https://placet.example.com)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppFailure('bad-url', `The server URL must start with https:// or http://, not ${url.protocol}`);
  }
  if (url.username || url.password) throw new AppFailure('bad-url', 'The server URL must not contain a user name or password');
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path}`;
}
