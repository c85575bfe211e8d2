import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

// Desktop-only preferences the core does not know about (window placement, tray behaviour).
// Kept in their own small JSON file in userData; a damaged file means defaults, never a crash.

const rectSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });

export const shellPrefsSchema = z.object({
  window: z.object({ bounds: rectSchema, maximized: z.boolean() }).nullable().catch(null),
  /** Closing the window keeps the app (and its notifications) running in the tray. */
  closeToTray: z.boolean().catch(true),
  startAtLogin: z.boolean().catch(false),
  /** The user agreed to keep keys with safeStorage's `basic_text` backend (obfuscation only). */
  allowBasicTextSecrets: z.boolean().catch(false),
  /** Set after the first run; the first run starts the demo by default. */
  launchedBefore: z.boolean().catch(false),
});
export type ShellPrefs = z.infer<typeof shellPrefsSchema>;

export const defaultShellPrefs: ShellPrefs = {
  window: null,
  closeToTray: true,
  startAtLogin: false,
  allowBasicTextSecrets: false,
  launchedBefore: false,
};

export async function loadShellPrefs(file: string): Promise<ShellPrefs> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { ...defaultShellPrefs };
  }
  const parsed = shellPrefsSchema.safeParse({ ...defaultShellPrefs, ...(typeof raw === 'object' && raw !== null ? raw : {}) });
  return parsed.success ? parsed.data : { ...defaultShellPrefs };
}

/** Write-then-rename, so a crash mid-write leaves the previous file intact. */
export async function saveShellPrefs(file: string, prefs: ShellPrefs): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(prefs, null, 2), { mode: 0o600 });
  await rename(tmp, file);
}
