import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// STYLE.md: no ipcMain / ipcRenderer / webContents.send outside the two files that wire the
// contract. eslint.config.js is shared, so the rule lives here as a test over src/.

const root = join(import.meta.dirname, '../../..');
const allowed = new Set(['src/main/electron/register-ipc.ts', 'src/preload/index.ts', 'src/preload/create-bridge.ts', 'src/main/index.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) ? [path] : [];
  });
}

describe('IPC boundary', () => {
  const files = sourceFiles(join(root, 'src')).map((f) => ({ rel: relative(root, f).split('\\').join('/'), text: readFileSync(f, 'utf8') }));

  it('finds the source tree', () => {
    expect(files.some((f) => f.rel === 'src/main/electron/register-ipc.ts')).toBe(true);
  });

  it('uses ipcMain/ipcRenderer and webContents.send only in the wiring files', () => {
    const offenders = files
      .filter((f) => !allowed.has(f.rel))
      .filter((f) => /\bipcMain\b|\bipcRenderer\b|webContents\s*\.\s*send\b|\.sendToFrame\b|\bMessageChannelMain\b/.test(f.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('the composition root hands ipcMain to registerIpc and sends nothing itself', () => {
    const index = files.find((f) => f.rel === 'src/main/index.ts')?.text ?? '';
    expect(index).not.toMatch(/ipcMain\s*\.\s*(handle|on|once)\b/);
    expect(index).not.toMatch(/\.send\s*\(/);
  });

  it('register-ipc.ts is the only file calling .send( on a webContents-like target in src/main', () => {
    const senders = files.filter((f) => f.rel.startsWith('src/main/electron/') && /\btarget\.send\s*\(|webContents\.send\s*\(/.test(f.text)).map((f) => f.rel);
    expect(senders).toEqual(['src/main/electron/register-ipc.ts']);
  });
});
