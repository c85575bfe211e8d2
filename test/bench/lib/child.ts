import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const children = new Set<ChildProcess>();
let hooked = false;

/** Whatever happens to the bench, no server process outlives it. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

export interface BenchChild {
  readonly pid: number;
  /** Sends a command to the child and resolves with its answer. */
  call<T = unknown>(cmd: string, args?: unknown, timeoutMs?: number): Promise<T>;
  /** SIGKILL, and waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Asks the child to close its servers, then makes sure it is gone. */
  stop(): Promise<void>;
}

interface Reply {
  id?: number;
  ready?: unknown;
  ok?: boolean;
  result?: unknown;
  error?: string;
}

/**
 * Forks a TypeScript child (test/bench/children/…) under tsx with an IPC channel and waits for its
 * `{ready}` message. The load and the servers run there, so the measured process has its own core.
 */
export async function startChild<R = unknown>(file: string, args: unknown = {}, readyTimeoutMs = 30_000): Promise<{ child: BenchChild; ready: R }> {
  hookExit();
  const proc = fork(resolve(import.meta.dirname, '..', 'children', file), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  const ready = new Promise<R>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`${file} did not start in ${readyTimeoutMs} ms`)), readyTimeoutMs);
    proc.on('message', (raw) => {
      const msg = raw as Reply;
      if (msg.ready !== undefined) {
        clearTimeout(timer);
        resolveReady(msg.ready as R);
        return;
      }
      const waiter = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!waiter) return;
      pending.delete(msg.id!);
      clearTimeout(waiter.timer);
      if (msg.ok) waiter.resolve(msg.result);
      else waiter.reject(new Error(`${file}: ${msg.error}`));
    });
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${file} exited (${code ?? signal}) before it was ready`));
      for (const w of pending.values()) {
        clearTimeout(w.timer);
        w.reject(new Error(`${file} exited (${code ?? signal})`));
      }
      pending.clear();
    });
  });
  const exited = () => proc.exitCode !== null || proc.signalCode !== null;
  const waitExit = (ms: number) =>
    exited() ? Promise.resolve() : Promise.race([new Promise<void>((r) => proc.once('exit', () => r())), new Promise<void>((r) => setTimeout(r, ms))]);
  const child: BenchChild = {
    pid: proc.pid!,
    call: <T>(cmd: string, callArgs?: unknown, timeoutMs = 120_000) =>
      new Promise<T>((resolveCall, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${file}: ${cmd} timed out`));
        }, timeoutMs);
        pending.set(id, { resolve: resolveCall as (v: unknown) => void, reject, timer });
        proc.send({ id, cmd, args: callArgs });
      }),
    kill: async (signal = 'SIGKILL') => {
      if (!exited()) proc.kill(signal);
      await waitExit(5_000);
    },
    stop: async () => {
      if (exited()) return;
      proc.send({ id: 0, cmd: 'close' });
      await waitExit(5_000);
      if (!exited()) proc.kill('SIGKILL');
      await waitExit(2_000);
    },
  };
  return { child, ready: await ready };
}

type Handler = (args: never) => unknown;

/**
 * The child side: answers `{id, cmd, args}` messages with `{id, ok, result}`. `close` runs the
 * given close handler and exits.
 */
export function serveCommands(handlers: Record<string, Handler>, close: () => Promise<void> | void): void {
  process.on('message', (raw) => {
    const { id, cmd, args } = raw as { id: number; cmd: string; args: unknown };
    if (cmd === 'close') {
      void Promise.resolve(close()).finally(() => process.exit(0));
      return;
    }
    const handler = handlers[cmd];
    if (!handler) {
      process.send?.({ id, ok: false, error: `unknown command ${cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(args as never))
      .then(
        (result) => process.send?.({ id, ok: true, result }),
        (err: unknown) => process.send?.({ id, ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  });
  // The parent went away: nothing should keep serving.
  process.on('disconnect', () => void Promise.resolve(close()).finally(() => process.exit(0)));
}

export function childArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

export function announceReady(ready: unknown): void {
  process.send?.({ ready });
}
