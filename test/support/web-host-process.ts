import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface WebHostProcess {
  url: string;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

/** Starts `src/main/web/main.ts` as a child process and waits for its `PLACET_COMPANION_WEB <url>` line. */
export async function startWebHostProcess(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<WebHostProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'placet-web-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main/web/main.ts'), '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, PLACET_NO_EXTERNAL_OPEN: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${log}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      log += `${line}\n`;
      const match = /^PLACET_COMPANION_WEB (\S+)$/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
