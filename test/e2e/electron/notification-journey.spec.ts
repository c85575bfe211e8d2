import { expect, test } from '@playwright/test';
import { findElectronBinary, skipReason } from './electron-binary';
import { launchApp } from './app';

// Notification click → the window focuses that exact review. The demo gateway produces pending
// reviews; PLACET_E2E lets the test click the native notification the app raised.
const binary = findElectronBinary();

test.describe('notification journey', () => {
  test.skip('missing' in binary, skipReason(binary));

  test('clicking a review notification shows that review', async () => {
    if (!('path' in binary)) return;
    const { app, page, close } = await launchApp(binary.path, ['--demo']);
    try {
      await page.evaluate(() => {
        const w = globalThis as unknown as { __shown: unknown[]; placetBridge: { on(c: string, l: (p: unknown) => void): () => void } };
        w.__shown = [];
        w.placetBridge.on('ui:show-review', (p) => w.__shown.push(p));
      });
      await expect
        .poll(() => app.evaluate(() => (globalThis.__placetE2E?.notifications ?? []).filter((n) => n.options.actions.length > 0).length), { timeout: 30_000 })
        .toBeGreaterThan(0);
      const id = await app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()[0]?.minimize();
        const record = (globalThis.__placetE2E?.notifications ?? []).find((n) => n.options.actions.length > 0);
        record?.click();
        return record?.options.id ?? null;
      });
      expect(id).not.toBeNull();
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __shown: unknown[] }).__shown.length)).toBe(1);
      const shown = (await page.evaluate(() => (globalThis as unknown as { __shown: { messageId: string }[] }).__shown[0])) as { messageId: string };
      expect(id).toContain(shown.messageId);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isMinimized())).toBe(false);
    } finally {
      await close();
    }
  });
});
