import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartPath, setLinuxAutostart } from '../../../src/main/electron/login-item';

describe('Linux autostart', () => {
  it('writes a quoted Exec line that starts hidden in the tray', () => {
    const entry = autostartEntry('/opt/Placet Companion/placet-companion');
    expect(entry).toContain('Exec="/opt/Placet Companion/placet-companion" --hidden');
    expect(autostartEntry('/tmp/$HOME`x`"q"\\')).toContain('Exec="/tmp/\\$HOME\\`x\\`\\"q\\"\\\\" --hidden');
    expect(entry).toMatch(/^\[Desktop Entry\]\nType=Application\n/);
  });

  it('adds and removes the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'placet-autostart-'));
    try {
      await setLinuxAutostart(dir, '/usr/bin/placet-companion', true);
      expect(await readFile(autostartPath(dir), 'utf8')).toContain('Exec="/usr/bin/placet-companion" --hidden');
      await setLinuxAutostart(dir, '/usr/bin/placet-companion', false);
      await expect(readFile(autostartPath(dir), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
      await setLinuxAutostart(dir, '/usr/bin/placet-companion', false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
