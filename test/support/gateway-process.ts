import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Fixtures } from '../../src/mock-gateway/index';

const root = resolve(import.meta.dirname, '../..');

export interface GatewayProcess {
  url: string;
  port: number;
  fixtures: Fixtures;
  pid: number;
  /** SIGKILL: the process dies with whatever it had not written. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the process freezes with its sockets open. */
  freeze(): void;
  thaw(): void;
  /** Starts it again on the same port with the same state file. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** What the process wrote to stderr, and how it exited, for failure messages. */
  log(): string;
}

export interface GatewayProcessOptions {
  state: string;
  args?: string[];
}

/** The mock gateway in a child process, so tests can kill, freeze and restart it like a real server. */
export async function startGatewayProcess(o: GatewayProcessOptions): Promise<GatewayProcess> {
  let child: ChildProcess;
  let port = 0;
  let ready: { url: string; fixtures: Fixtures };
  let history = '';

  const launch = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'src/mock-gateway/cli.ts'), '--port', String(port), '--state', o.state, '--no-rate-limit', '--ping-interval', '1000', '--ping-timeout', '1000', ...(o.args ?? [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      history += d.toString();
    });
    child.once('exit', (code, signal) => (history += `[exit ${code ?? signal}]\n`));
    ready = await new Promise((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${log}`)), 30_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^PLACET_MOCK_READY (.+)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolveReady(JSON.parse(m[1]!) as { url: string; fixtures: Fixtures });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`gateway exited with ${code}:\n${log}`));
      });
    });
    port = Number(new URL(ready.url).port);
  };

  const waitExit = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((r) => child.once('exit', r));
  };

  await launch();
  const handle: GatewayProcess = {
    get url() {
      return ready.url;
    },
    get port() {
      return port;
    },
    get fixtures() {
      return ready.fixtures;
    },
    get pid() {
      return child.pid!;
    },
    async kill() {
      child.kill('SIGKILL');
      await waitExit();
    },
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    restart: launch,
    log: () => history,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await waitExit();
      clearTimeout(timer);
    },
  };
  return handle;
}
