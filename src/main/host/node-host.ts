import { homedir } from 'node:os';
import { spawn } from 'node:child_process';
import { defaultDataDir } from '../core/app-paths';
import type { DemoAccount } from '../core/core-api';
import type { Logger, SecretStore } from '../core/ports';
import { KeytarSecretStore } from '../core/secrets/keytar-secret-store';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { startDemoGateway, type DemoGatewayHandle } from '../../mock-gateway/index';
import { isSafeExternalUrl } from '../../shared/external-url';
import { AppFailure } from '../../shared/ipc/result';

// What the two Node hosts (web host, terminal) share: where data lives, where keys live, the demo.

export function dataDirFrom(arg: string | undefined): string {
  return arg ?? defaultDataDir(process.platform, process.env, homedir());
}

/** The OS keychain when it works here; otherwise keys live in memory for this session only, and we say so. */
export async function chooseNodeSecretStore(logger: Logger): Promise<{ store: SecretStore; notice: string | null }> {
  const probe = await KeytarSecretStore.probe();
  if (probe.ok) return { store: new KeytarSecretStore(), notice: null };
  const notice = `No usable keychain (${probe.reason}); API keys are kept in memory for this session only.`;
  logger.warn(notice);
  return { store: new MemorySecretStore(), notice };
}

export interface DemoGateway {
  account: () => Promise<DemoAccount>;
  close: () => Promise<void>;
}

/** The embedded mock gateway running the `demo` scenario, started on first use. */
export function lazyDemoGateway(): DemoGateway {
  let started: Promise<DemoGatewayHandle> | null = null;
  return {
    account: async () => {
      started ??= startDemoGateway();
      const demo = await started;
      return { serverUrl: demo.url, apiKey: demo.apiKey, label: 'Demo (mock gateway)' };
    },
    close: async () => {
      if (started) await (await started).gateway.close();
    },
  };
}

/** Opens a link in the system browser after the one URL check every host uses. */
export function openExternal(url: string): { done: true } {
  if (!isSafeExternalUrl(url)) throw new AppFailure('unsafe-url', 'That link was not opened: only http, https and mailto links are allowed');
  if (process.env.PLACET_NO_EXTERNAL_OPEN !== '1') {
    const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  }
  return { done: true };
}

export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const line = (level: string) => (msg: string, data?: Record<string, unknown>) =>
    stream.write(`${new Date().toISOString()} ${level} ${msg}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
