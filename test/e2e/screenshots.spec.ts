import { expect, test } from '@playwright/test';
import { createMockGateway, type MockGateway } from '../../src/mock-gateway/index';
import { startWebHostProcess, type WebHostProcess } from '../support/web-host-process';
import { addAccountFromWelcome, openChannel, openView, sidebar } from './support/journey-helpers';

// Screenshots of the main views in light and dark, for review: test-results/e2e/screenshots/<theme>-<view>.png.
// The demo scenario runs on the mock's virtual clock, fast-forwarded so every kind of review, a
// webhook failure, a completed review and some chatter are already there.

let gateway: MockGateway;
let host: WebHostProcess;

test.beforeAll(async () => {
  gateway = await createMockGateway({ port: 0, rateLimit: false, scenario: 'demo' });
  await gateway.clock.advance(40_000);
  host = await startWebHostProcess();
});

test.afterAll(async () => {
  await host?.stop();
  await gateway?.close();
});

const shotDir = 'test-results/e2e/screenshots';

test('the main views, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(host.url);
  for (const user of gateway.fixtures.users) {
    const welcome = page.getByRole('form', { name: 'Add account' });
    if (!(await welcome.isVisible())) {
      await openView(page, 'Settings');
      await page.getByRole('button', { name: 'Add account' }).click();
    }
    await addAccountFromWelcome(page, gateway.url, user.apiKeys[0]!);
  }
  await expect(sidebar(page).getByRole('button', { name: /^Billing Watcher/ })).toBeVisible();

  // Toasts for the reviews that arrived would cover the views; an operator dismisses them.
  const toasts = page.getByRole('list', { name: 'Notifications' });
  await expect(toasts.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: `${shotDir}/light-toasts.png` });
  while (await toasts.isVisible()) await toasts.getByRole('button', { name: /^Dismiss/ }).first().click();

  for (const theme of ['light', 'dark'] as const) {
    await openView(page, 'Settings');
    await page.getByRole('radio', { name: theme === 'light' ? 'Light' : 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByRole('heading', { level: 2, name: 'Settings' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shotDir}/${theme}-settings.png` });

    await openView(page, 'Reviews');
    await expect(page.getByRole('list', { name: 'Pending reviews' }).getByRole('listitem').first()).toBeVisible();
    await page.screenshot({ path: `${shotDir}/${theme}-reviews.png` });

    await openChannel(page, 'Deploy Bot');
    await expect(page.getByRole('region', { name: /review, (pending|completed)/ }).first()).toBeVisible();
    await page.screenshot({ path: `${shotDir}/${theme}-channel.png` });

    await openChannel(page, 'Research Assistant');
    await expect(page.getByRole('region', { name: /review/ }).first()).toBeVisible();
    await page.screenshot({ path: `${shotDir}/${theme}-channel-research.png` });

    await openView(page, 'Inspector');
    await page.screenshot({ path: `${shotDir}/${theme}-inspector.png` });
  }
});
