// P1's ceiling: a bare socket.io server (no gateway logic) that pushes prepared events as fast as
// the receivers keep up. A credit window stands in for TCP flow control, so memory stays bounded.
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { announceReady, serveCommands } from '../lib/child';
import { wireMessageFactory, type BodyKind } from '../lib/wire-messages';

const WINDOW = 16_000;
const CHUNK = 1_000;

const http = createServer();
const io = new Server(http, { transports: ['websocket'], perMessageDeflate: false });
const credit = new Map<string, number>();
io.on('connection', (socket) => {
  credit.set(socket.id, 0);
  socket.on('credit', (n: number) => credit.set(socket.id, n));
  socket.on('echo', (payload: unknown, ack: (p: unknown) => void) => ack(payload));
  socket.on('disconnect', () => credit.delete(socket.id));
});

/** Sends `count` events to every connected socket, each paced by its own credit. */
async function blast(args: { count: number; body: BodyKind }): Promise<{ sent: number; ms: number }> {
  const make = wireMessageFactory(7, Array.from({ length: 50 }, (_, i) => `channel-${i}`), args.body);
  // Prepared up front: the ceiling is socket.io and the receiver, not building payloads.
  const payloads = Array.from({ length: Math.min(args.count, 20_000) }, () => make());
  const sockets = [...io.of('/').sockets.values()];
  const sentTo = new Map<Socket, number>(sockets.map((s) => [s, 0]));
  const started = performance.now();
  let total = 0;
  await new Promise<void>((resolve) => {
    const step = () => {
      let progressed = false;
      let open = 0;
      for (const socket of sockets) {
        let sent = sentTo.get(socket)!;
        if (sent >= args.count || !socket.connected) continue;
        open++;
        const allowed = Math.min(args.count, (credit.get(socket.id) ?? 0) + WINDOW, sent + CHUNK);
        for (; sent < allowed; sent++) socket.emit('message:created', payloads[sent % payloads.length]);
        if (allowed > sentTo.get(socket)!) progressed = true;
        total += allowed - sentTo.get(socket)!;
        sentTo.set(socket, sent);
      }
      if (open === 0) return resolve();
      if (progressed) setImmediate(step);
      else setTimeout(step, 1);
    };
    step();
  });
  return { sent: total, ms: performance.now() - started };
}

http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serveCommands({ blast }, () => new Promise<void>((r) => io.close(() => r())));
  announceReady({ url: `http://127.0.0.1:${port}` });
});
