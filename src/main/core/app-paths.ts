import { join } from 'node:path';

/** The platform's app-data folder for the companion (what Electron's `userData` would be). */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Placet Companion');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Placet Companion');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'placet-companion');
}
