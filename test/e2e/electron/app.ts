import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { mainEntry } from './electron-binary';

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  close(): Promise<void>;
}

/** Starts the built app (out/) with its own data dir; PLACET_E2E records notifications. */
export async function launchApp(executablePath: string, extraArgs: string[] = ['--no-demo']): Promise<LaunchedApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'placet-e2e-electron-'));
  const app = await _electron.launch({
    executablePath,
    args: [mainEntry, `--data-dir=${dataDir}`, ...extraArgs, ...(process.env['CI'] ? ['--no-sandbox'] : [])],
    env: { ...process.env, PLACET_E2E: '1', ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    close: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
