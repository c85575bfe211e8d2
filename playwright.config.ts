import { defineConfig } from '@playwright/test';

// End-to-end tests in the system Chromium (never a downloaded browser): Debian's /usr/bin/chromium
// unless PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH says otherwise.
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: ['electron/**'] },
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
});
