import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatchInvoke, type InvokeHandlers } from '../../shared/ipc/dispatch';
import { clientFrameSchema, type ServerFrame } from '../../shared/ipc/wire';
import type { Core } from '../core/core-api';
import type { Logger } from '../core/ports';
import { checkHost, checkUpgrade } from './web-access';
import { readStatic } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** Host-provided calls (`app:info`, `links:open`). */
  hostHandlers: Pick<InvokeHandlers, 'app:info' | 'links:open'>;
  rendererDir: string;
  port?: number;
  logger: Logger;
  /** Subscribe to pushes other than `core:batch` (e.g. `ui:show-review`). */
  extraEvents?: (emit: (channel: string, payload: unknown) => void) => () => void;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const csp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The core served to a browser: the built renderer over HTTP and the IPC contract over a local
 * WebSocket, on 127.0.0.1 only, for the page it served only.
 */
export async function startWebHost(o: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const handlers = { ...o.core.handlers, ...o.hostHandlers } as InvokeHandlers;
  const sockets = new Set<WebSocket>();
  let port = 0;

  const server: Server = createServer((req, res) => {
    const host = checkHost(req.headers.host, port);
    if (!host.ok || (req.method !== 'GET' && req.method !== 'HEAD')) {
      o.logger.warn('web host refused a request', { reason: host.ok ? `method ${req.method}` : host.reason });
      res.writeHead(host.ok ? 405 : 403).end();
      return;
    }
    void readStatic(o.rendererDir, req.url ?? '/').then((file) => {
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const decision = checkUpgrade({ url: req.url, origin: req.headers.origin, host: req.headers.host }, port, token);
    if (!decision.ok) {
      o.logger.warn('web host refused a WebSocket', { reason: decision.reason });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws));
  });

  const send = (ws: WebSocket, frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const broadcast = (channel: string, payload: unknown) => {
    for (const ws of sockets) send(ws, { t: 'event', channel, payload });
  };

  function serve(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      const parsed = clientFrameSchema.safeParse(frame);
      if (!parsed.success) return;
      const { id, channel, input } = parsed.data;
      void dispatchInvoke(handlers, channel, input, (err) => o.logger.error('handler failed', { channel, error: String(err) })).then((result) =>
        send(ws, { t: 'result', id, result }),
      );
    });
  }

  const offBatch = o.core.onBatch((batch) => broadcast('core:batch', batch));
  const offExtra = o.extraEvents?.(broadcast);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      offBatch();
      offExtra?.();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
