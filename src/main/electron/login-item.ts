import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { desktopFileName, productName } from './app-identity';

/**
 * Start-at-login. macOS and Windows have `app.setLoginItemSettings`; Linux desktops follow the
 * XDG autostart spec instead, a .desktop file in ~/.config/autostart.
 */
export function autostartEntry(execPath: string): string {
  // Exec quoting per the Desktop Entry spec: double quotes, with " ` $ \ escaped.
  const quoted = `"${execPath.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', `Name=${productName}`, `Exec=${quoted} --hidden`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=true', ''].join('\n');
}

export function autostartPath(configHome: string): string {
  return join(configHome, 'autostart', desktopFileName);
}

export async function setLinuxAutostart(configHome: string, execPath: string, enabled: boolean): Promise<void> {
  const file = autostartPath(configHome);
  if (!enabled) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, autostartEntry(execPath), { mode: 0o644 });
}
