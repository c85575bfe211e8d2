import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type ProxyMode = 'pass' | 'blackhole' | 'reset';

export interface TcpProxy {
  url: string;
  port: number;
  /** pass: forward; blackhole: keep sockets open but forward nothing either way; reset: destroy all. */
  setMode(mode: ProxyMode): void;
  /** Extra delay on every chunk, both ways. */
  setLatency(ms: number): void;
  /** The first bytes each client sent (the HTTP upgrade request), to check what travels in the clear. */
  requestHeads(): string[];
  close(): Promise<void>;
}

/** A loopback TCP proxy between the client and the gateway, to cut or slow the wire without telling either side. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let mode: ProxyMode = 'pass';
  let latency = 0;
  const pairs = new Set<[Socket, Socket]>();
  const heads: string[] = [];

  const forward = (from: Socket, to: Socket) => {
    from.on('data', (chunk) => {
      if (mode !== 'pass') return;
      if (latency > 0) setTimeout(() => to.writable && to.write(chunk), latency);
      else if (to.writable) to.write(chunk);
    });
  };

  const server: Server = createServer((client) => {
    if (mode === 'reset') {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.once('data', (chunk) => heads.push(chunk.toString('latin1').split('\r\n\r\n')[0] ?? ''));
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setMode(next) {
      mode = next;
      if (next !== 'reset') return;
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
    },
    setLatency(ms) {
      latency = ms;
    },
    requestHeads: () => [...heads],
    async close() {
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
