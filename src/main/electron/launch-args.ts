import { findDeepLinkInArgv } from './deep-link';

export interface LaunchArgs {
  dataDir: string | null;
  /** null: not said, the composition root decides (first run). */
  demo: boolean | null;
  deepLink: string | null;
  /** Started at login: stay in the tray until the user opens the window. */
  hidden: boolean;
}

/**
 * Our switches among Electron's and Chromium's own (`--data-dir=<dir>` or `--data-dir <dir>`,
 * `--demo`, `--no-demo`, `--hidden`). Unknown arguments are left alone: Chromium and the OS add their own.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  let dataDir: string | null = null;
  let demo: boolean | null = null;
  let hidden = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--demo') demo = true;
    else if (arg === '--no-demo') demo = false;
    else if (arg === '--hidden') hidden = true;
    else if (arg.startsWith('--data-dir=')) dataDir = arg.slice('--data-dir='.length) || null;
    else if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        dataDir = next;
        i += 1;
      }
    }
  }
  return { dataDir, demo, deepLink: findDeepLinkInArgv(argv), hidden };
}
