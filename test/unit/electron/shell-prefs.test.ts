import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultShellPrefs, loadShellPrefs, saveShellPrefs } from '../../../src/main/electron/shell-prefs';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'placet-shell-prefs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shell prefs', () => {
  it('starts from defaults and round-trips', async () => {
    const file = join(dir, 'nested', 'shell.json');
    expect(await loadShellPrefs(file)).toEqual(defaultShellPrefs);
    const prefs = { ...defaultShellPrefs, closeToTray: false, launchedBefore: true, window: { bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: true } };
    await saveShellPrefs(file, prefs);
    expect(await loadShellPrefs(file)).toEqual(prefs);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(prefs);
  });

  it('turns a damaged file or damaged fields into defaults', async () => {
    const file = join(dir, 'shell.json');
    await writeFile(file, '{not json');
    expect(await loadShellPrefs(file)).toEqual(defaultShellPrefs);
    await writeFile(file, JSON.stringify({ closeToTray: 'yes', startAtLogin: true, window: { bounds: 'x' } }));
    expect(await loadShellPrefs(file)).toEqual({ ...defaultShellPrefs, startAtLogin: true });
    await writeFile(file, 'null');
    expect(await loadShellPrefs(file)).toEqual(defaultShellPrefs);
  });
});
