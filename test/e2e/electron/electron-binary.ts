import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../../..');

/**
 * Where the Electron binary is, or why there is none. Reads what `node_modules/electron` would
 * use without requiring it: requiring it starts a download when the binary is missing.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const pkg = join(root, 'node_modules/electron');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = join(pkg, 'path.txt');
  if (!override && !existsSync(pathFile)) {
    return { missing: 'No Electron binary: node_modules/electron has no path.txt/dist (the download is not possible on this machine).' };
  }
  const exe = override ? join(override, readFileSync(pathFile, 'utf8').trim() || 'electron') : join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? { path: exe } : { missing: `No Electron binary at ${exe} (the download is not possible on this machine).` };
}

export const mainEntry = join(root, 'out/main/index.js');

let said = false;
/** The skip reason, printed once as well: the list reporter does not show skip annotations. */
export function skipReason(found: ReturnType<typeof findElectronBinary>): string {
  if (!('missing' in found)) return '';
  if (!said) console.warn(`[electron e2e] skipped: ${found.missing}`);
  said = true;
  return found.missing;
}
