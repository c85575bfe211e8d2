import { homedir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { setLinuxAutostart } from './login-item';

/** Start-at-login: the OS login items on macOS and Windows, XDG autostart on Linux. */
export async function applyStartAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'linux') {
    const configHome = process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
    // In an AppImage, execPath is inside a temporary mount; $APPIMAGE is the file to start.
    await setLinuxAutostart(configHome, process.env['APPIMAGE'] ?? process.execPath, enabled);
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
}
