import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');

/**
 * Builds the renderer into the bench's scratch folder, not out/renderer: other work (e2e runs)
 * uses that folder, and a bench must not change what they serve.
 */
export async function buildRenderer(outDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    timeout: 180_000,
  });
}

export const CHROMIUM = {
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
