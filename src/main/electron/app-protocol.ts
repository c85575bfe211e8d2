import { appContentSecurityPolicy, contentTypeFor, resolveAppPath } from './app-scheme';

export interface AppProtocolDeps {
  /** out/renderer */
  rootDir: string;
  readFile(path: string): Promise<Uint8Array>;
}

const securityHeaders = {
  'Content-Security-Policy': appContentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The `protocol.handle('app', …)` handler, in terms of the fetch API's Request/Response so it runs
 * (and is tested) in plain Node.
 */
export function createAppRequestHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...securityHeaders, Allow: 'GET, HEAD' } });
    }
    const resolved = resolveAppPath(deps.rootDir, request.url);
    if (!resolved.ok) return new Response(null, { status: resolved.status, headers: securityHeaders });
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.filePath);
    } catch {
      // Missing file or a directory: the same answer, with no file system detail in it.
      return new Response(null, { status: 404, headers: securityHeaders });
    }
    const headers = { ...securityHeaders, 'Content-Type': contentTypeFor(resolved.filePath), 'Cache-Control': 'no-cache' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
