import { expect, test } from '@playwright/test';
import { agentApi } from '../support/placet-api';
import { useMockAndHost } from './support/mock-and-host';

// The walking skeleton end to end: mock gateway → core in the web host → renderer in Chromium.

const env = useMockAndHost();

test('a message posted over the REST API appears in the open channel', async ({ page }) => {
  const user = env.gateway.fixtures.users[0]!;
  const agent = user.agents[0]!;
  await page.goto(env.host.url);
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Server URL').fill(env.gateway.url);
  await form.getByLabel('API key').fill(user.apiKeys[0]!);
  await form.getByRole('button', { name: 'Save' }).click();

  await page.getByRole('button', { name: new RegExp(agent.name) }).first().click();
  const text = `deploy finished ${Date.now()}`;
  await agentApi(env.gateway.url, user.apiKeys[0]!).postMessage({ channelId: agent.id, text });
  await expect(page.getByText(text)).toBeVisible();
});

test('a wrong API key shows a readable error, not a blank screen', async ({ page }) => {
  await page.goto(env.host.url);
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Server URL').fill(env.gateway.url);
  await form.getByLabel('API key').fill(`hp_${'0'.repeat(48)}`);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('alert')).toContainText(/rejected the API key/i);
  expect(env.host.output()).not.toContain('0'.repeat(48));
});

test('the web host refuses a WebSocket from another origin or without the token', async () => {
  const { port } = new URL(env.host.url);
  const { default: WebSocket } = await import('ws');
  const attempt = (url: string, origin: string) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(url, { origin });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => resolve(-1));
    });
  const token = new URL(env.host.url).searchParams.get('token')!;
  expect(await attempt(`ws://127.0.0.1:${port}/ipc?token=${token}`, 'https://evil.example')).toBe(403);
  expect(await attempt(`ws://127.0.0.1:${port}/ipc?token=wrong`, `http://127.0.0.1:${port}`)).toBe(403);
  expect(await attempt(`ws://127.0.0.1:${port}/ipc`, `http://127.0.0.1:${port}`)).toBe(403);
  expect(await attempt(`ws://127.0.0.1:${port}/ipc?token=${token}`, `http://127.0.0.1:${port}`)).toBe(101);
});
