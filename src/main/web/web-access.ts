import { timingSafeEqual } from 'node:crypto';
import { webIpcPath } from '../../shared/ipc/wire';

export type AccessDecision = { ok: true } | { ok: false; reason: string };

export interface UpgradeRequest {
  url: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}

/** The names the page may be served under; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(host: string | undefined, port: number): AccessDecision {
  if (!host || !allowedHosts(port).includes(host.toLowerCase())) return { ok: false, reason: `unexpected Host header ${JSON.stringify(host ?? null).slice(0, 80)}` };
  return { ok: true };
}

/**
 * Any website the user visits may try to open a WebSocket to 127.0.0.1, so the web host accepts an
 * upgrade only from the page it served: right path, right Host, Origin of that page, and the
 * random per-run token that travels in the URL it printed.
 */
export function checkUpgrade(req: UpgradeRequest, port: number, token: string): AccessDecision {
  const host = checkHost(req.host, port);
  if (!host.ok) return host;
  let url: URL;
  try {
    url = new URL(req.url ?? '', `http://127.0.0.1:${port}`);
  } catch {
    return { ok: false, reason: 'malformed request URL' };
  }
  if (url.pathname !== webIpcPath) return { ok: false, reason: `unexpected path ${url.pathname.slice(0, 80)}` };
  const origins = allowedHosts(port).map((h) => `http://${h}`);
  if (!req.origin || !origins.includes(req.origin.toLowerCase())) {
    return { ok: false, reason: `foreign Origin ${JSON.stringify(req.origin ?? null).slice(0, 120)}` };
  }
  if (!sameSecret(url.searchParams.get('token') ?? '', token)) return { ok: false, reason: 'missing or wrong token' };
  return { ok: true };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
