import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

// The UI is served from `app://companion/…`, not `file://`: a standard, secure scheme gives the
// page a real origin (so the IPC sender check and the CSP have something to hold on to) and
// keeps file:// and its extra privileges out of the picture.

export const appScheme = 'app';
export const appHost = 'companion';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const appSchemePrivileges = Object.freeze({
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
});

/**
 * The header CSP (the renderer's meta CSP applies as well; the browser enforces both).
 * No inline or remote script, no inline styles (React positions things through the CSSOM, which
 * CSP does not restrict). Images may come from Placet servers (agent avatars, attachments), which
 * can be plain http on a LAN. The Electron renderer talks to main over IPC only, so it connects
 * to nothing but its own origin.
 */
export const appContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export type AppPathResolution = { ok: true; filePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a request URL to a file inside `rootDir`, or refuses it. Refuses other schemes and hosts,
 * malformed escapes, NUL bytes, backslashes and anything that would leave the root
 * (`..`, encoded `%2e%2e`, encoded slashes, absolute paths).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 404 };
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rootDir);
  const filePath = resolve(root, `.${path}`);
  const rel = relative(root, filePath);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return { ok: false, status: 404 };
  return { ok: true, filePath };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
