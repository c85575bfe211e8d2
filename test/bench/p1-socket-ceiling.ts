import { io, type Socket } from 'socket.io-client';
import { startChild } from './lib/child';
import { delivery, type BenchRow } from './lib/result';
import { percentile, round, summarise } from './lib/stats';
import type { BodyKind } from './lib/wire-messages';
import type { BenchContext } from './context';

export interface P1Limits {
  /** msgs/s for one connection with the load body mix: the ceiling P2 is compared with. */
  mixOneConnection: number;
  /** Acked round trip (emit → ack), ms. */
  rttP50: number;
  rttP99: number;
}

async function connect(url: string, n: number): Promise<Socket[]> {
  return Promise.all(
    Array.from({ length: n }, () =>
      new Promise<Socket>((resolve, reject) => {
        const s = io(url, { forceNew: true, transports: ['websocket'], reconnection: false });
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      }),
    ),
  );
}

/** One run: every socket receives `perSocket` events; the rate is all received / first-to-last. */
async function receiveRun(call: (cmd: string, a: unknown) => Promise<unknown>, sockets: Socket[], perSocket: number, body: BodyKind) {
  let received = 0;
  let first = 0;
  let last = 0;
  const counts = sockets.map(() => 0);
  const done = new Promise<void>((resolve) => {
    sockets.forEach((s, i) => {
      s.removeAllListeners('message:created');
      s.on('message:created', () => {
        const now = performance.now();
        if (received === 0) first = now;
        last = now;
        received++;
        const c = ++counts[i]!;
        if (c % 500 === 0) s.emit('credit', c);
        if (received === perSocket * sockets.length) resolve();
      });
    });
  });
  const blast = call('blast', { count: perSocket, body }) as Promise<{ sent: number }>;
  const timeout = new Promise<void>((r) => setTimeout(r, 60_000));
  await Promise.race([done, timeout]);
  const { sent } = await blast;
  return { rate: (received - 1) / ((last - first) / 1000), sent, received };
}

async function echoRtt(socket: Socket, n: number): Promise<number[]> {
  const samples: number[] = [];
  const payload = { text: 'x'.repeat(200) };
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await socket.timeout(5_000).emitWithAck('echo', payload);
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function runP1(ctx: BenchContext): Promise<{ rows: BenchRow[]; limits: P1Limits }> {
  const { child, ready } = await startChild<{ url: string }>('bare-io-server.ts');
  const rows: BenchRow[] = [];
  let mixOne = Number.NaN;
  let rtt: number[] = [];
  try {
    const cases: Array<{ body: BodyKind; conns: number; label: string }> = [
      { body: 250, conns: 1, label: '250 B, 1 connection' },
      { body: 250, conns: 10, label: '250 B, 10 connections' },
      { body: 4096, conns: 1, label: '4 KB, 1 connection' },
      { body: 4096, conns: 10, label: '4 KB, 10 connections' },
      { body: 'mix', conns: 1, label: 'load mix (80/19/1 %), 1 connection' },
    ];
    for (const c of cases) {
      const sockets = await connect(ready.url, c.conns);
      const total = ctx.quick ? (c.body === 250 ? 20_000 : 6_000) : c.body === 250 ? 120_000 : 40_000;
      const perSocket = Math.ceil(total / c.conns);
      await receiveRun((cmd, a) => child.call(cmd, a), sockets, Math.min(perSocket, 2_000), c.body); // warm-up
      const rates: number[] = [];
      let sent = 0;
      let got = 0;
      for (let r = 0; r < ctx.repeats; r++) {
        const run = await receiveRun((cmd, a) => child.call(cmd, a), sockets, perSocket, c.body);
        rates.push(run.rate);
        sent += run.sent;
        got += run.received;
      }
      if (c.conns === 1 && c.body === 250) rtt = await echoRtt(sockets[0]!, ctx.quick ? 300 : 1_000);
      for (const s of sockets) s.disconnect();
      const value = summarise(rates);
      if (c.body === 'mix') mixOne = value.median;
      rows.push({ id: 'P1', case: `raw socket.io-client receive, ${c.label}`, unit: 'msg/s', value, met: null, target: '— (the ceiling)', delivery: delivery(sent, got) });
    }
    rows.push({
      id: 'P1',
      case: 'acked round trip (emit → ack), ~250 B',
      unit: 'ms p50',
      value: summarise([percentile(rtt, 50)]),
      met: null,
      target: '— (the ceiling)',
      extra: { p50: round(percentile(rtt, 50), 3), p99: round(percentile(rtt, 99), 3), samples: rtt.length },
      note: `p99 ${round(percentile(rtt, 99), 3)} ms over ${rtt.length} round trips`,
    });
  } finally {
    await child.stop();
  }
  return { rows, limits: { mixOneConnection: mixOne, rttP50: percentile(rtt, 50), rttP99: percentile(rtt, 99) } };
}
