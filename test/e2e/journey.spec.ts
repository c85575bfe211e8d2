import { expect, test } from '@playwright/test';
import { agentApi, mockControl } from '../support/placet-api';
import { useMockAndHost } from './support/mock-and-host';
import { addAccountFromWelcome, feedMessage, openChannel, openView, queueRow, reviewsNav, sidebar } from './support/journey-helpers';

// Issue 5's journey: mock gateway → core in the web host → renderer in Chromium. The agents act over
// the public REST API, the human answers through the mock's control API, and time moves on the
// mock's virtual clock.

const env = useMockAndHost();

const MINUTE = 60_000;

test('add an account, follow a review from the queue to completed, delivered and expired', async ({ page }) => {
  const user = env.gateway.fixtures.users[0]!;
  const key = user.apiKeys[0]!;
  const deployBot = user.agents.find((a) => a.name === 'Deploy Bot')!;
  const researcher = user.agents.find((a) => a.name === 'Research Assistant')!;
  const api = agentApi(env.gateway.url, key);

  await page.goto(env.host.url);
  await addAccountFromWelcome(page, env.gateway.url, key);

  // Every agent of the key shows up in the sidebar.
  for (const agent of user.agents) await expect(sidebar(page).getByRole('button', { name: new RegExp(`^${agent.name}`) })).toBeVisible();
  await openChannel(page, deployBot.name);
  const hello = `pipeline green ${Date.now()}`;
  await api.postMessage({ channelId: deployBot.id, text: hello, status: 'success' });
  await expect(feedMessage(page, hello)).toBeVisible();

  // Two reviews: one to answer, one to let lapse.
  const approve = 'Ship release 2.3 to production?';
  const lapse = 'Which dataset should the summary use?';
  const asked = await api.postMessage({
    channelId: deployBot.id,
    text: approve,
    review: {
      type: 'approval',
      payload: { options: [{ id: 'approve', label: 'Ship it', style: 'primary' }, { id: 'reject', label: 'Hold', style: 'danger' }], allowComment: true },
      expiresInSeconds: 30 * 60,
    },
  });
  await api.postMessage({
    channelId: researcher.id,
    text: lapse,
    review: { type: 'approval', payload: { options: [{ id: 'ok', label: 'Use Q3' }] }, expiresInSeconds: 2 * 60 },
  });

  // The queue lists both, soonest deadline first, each with a countdown that ticks.
  await openView(page, 'Reviews');
  const pending = page.getByRole('list', { name: 'Pending reviews' });
  await expect(pending.getByRole('listitem')).toHaveCount(2);
  await expect(pending.getByRole('listitem').first()).toContainText(lapse);
  const countdown = queueRow(page, approve).locator('time');
  await expect(countdown).toHaveText(/^(29|30)m \d\ds left$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!, { timeout: 3_000 });
  await expect(queueRow(page, lapse)).toContainText('Expiring now');
  await expect(reviewsNav(page)).toHaveAccessibleDescription('2 pending');

  // The review card in the feed: pending, sent, not yet delivered anywhere.
  await queueRow(page, approve).getByRole('button', { name: 'Show in channel' }).click();
  const card = feedMessage(page, approve);
  await expect(card.getByRole('region', { name: 'Approval review, pending' })).toBeVisible();
  await expect(card.getByRole('img', { name: 'Delivery: Sent' })).toBeVisible();

  // The human answers in Placet; the agent's webhook refuses the delivery.
  await mockControl(env.gateway.url, '/webhooks', { channelId: deployBot.id, outcome: 'failed' });
  await mockControl(env.gateway.url, `/reviews/${asked.id}/respond`, { response: { selectedOption: 'approve', comment: 'Go ahead, watch the error rate' } });
  const done = card.getByRole('region', { name: 'Approval review, completed' });
  await expect(done).toBeVisible();
  await expect(done.getByLabel('Response')).toContainText('Chose Ship it');
  await expect(done.getByLabel('Response')).toContainText('Go ahead, watch the error rate');
  await expect(card.getByRole('img', { name: 'Delivery: Webhook failed' })).toBeVisible();

  await openView(page, 'Reviews');
  await expect(pending.getByRole('listitem')).toHaveCount(1);
  await expect(reviewsNav(page)).toHaveAccessibleDescription('1 pending');
  await page.getByRole('tab', { name: 'Completed' }).click();
  const completedRow = page.getByRole('list', { name: 'Completed reviews' }).getByRole('listitem').filter({ hasText: approve });
  await expect(completedRow).toContainText('Completed');
  await expect(completedRow.getByRole('img', { name: 'Delivery: Webhook failed' })).toBeVisible();

  // Past the other deadline, the server's minute sweep expires it and the companion shows it.
  await page.getByRole('tab', { name: /Pending/ }).click();
  await env.gateway.clock.advance(3 * MINUTE);
  await expect(page.getByText('Nothing pending')).toBeVisible();
  await expect(reviewsNav(page)).toHaveAccessibleDescription('');
  await page.getByRole('tab', { name: 'Expired' }).click();
  await expect(page.getByRole('list', { name: 'Expired reviews' }).getByRole('listitem').filter({ hasText: lapse })).toContainText('Expired');
  await openChannel(page, researcher.name);
  await expect(feedMessage(page, lapse).getByRole('region', { name: 'Approval review, expired' })).toBeVisible();
});

test('hostile content renders inert and leaves the layout intact', async ({ page }) => {
  const user = env.gateway.fixtures.users[0]!;
  const key = user.apiKeys[0]!;
  const agent = user.agents.find((a) => a.name === 'Support Triage')!;
  const api = agentApi(env.gateway.url, key);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await page.goto(env.host.url);
  await addAccountFromWelcome(page, env.gateway.url, key);
  await openChannel(page, agent.name);

  const pwn = 'window.__pwned = true; alert(1)';
  const script = `<script>${pwn}</script> script tag`;
  const img = `<img src=x onerror="${pwn}"> image tag`;
  const rtl = 'مرحبا بالعالم — שלום עולם';
  const emoji = '🚀🔥👩🏽‍💻 family 👨‍👩‍👧‍👦 done';
  const huge = `huge-start ${'lorem ipsum dolor sit amet '.repeat(8_000)} huge-end`;
  await api.postMessage({ channelId: agent.id, text: script });
  await api.postMessage({ channelId: agent.id, text: img });
  await api.postMessage({ channelId: agent.id, text: `[click me](javascript:${encodeURIComponent(pwn)}) and <a href="javascript:alert(1)">raw link</a>` });
  await api.postMessage({ channelId: agent.id, text: rtl });
  await api.postMessage({ channelId: agent.id, text: emoji });
  await api.postMessage({ channelId: agent.id, text: huge });
  const file = await uploadFile(env.gateway.url, key, agent.id, '<img src=x onerror=alert(1)>.bin', 10 * 1024 * 1024);
  await api.postMessage({ channelId: agent.id, text: 'ten megabytes attached', attachmentIds: [file] });

  await expect(feedMessage(page, 'ten megabytes attached')).toBeVisible();
  // Raw HTML shows as text, nothing of it becomes an element.
  await expect(feedMessage(page, 'script tag')).toContainText('<script>');
  await expect(feedMessage(page, 'image tag')).toContainText('<img src=x onerror=');
  expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
  // The javascript: link is not a live link; clicking it runs nothing.
  const link = page.getByText('click me');
  await expect(link).toBeVisible();
  expect(await page.locator('[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
  await link.click();
  await expect(feedMessage(page, rtl).getByText(rtl)).toBeVisible();
  await expect(feedMessage(page, emoji).getByText(emoji)).toBeVisible();
  const attachment = feedMessage(page, 'ten megabytes attached').getByRole('list', { name: 'Attachments' });
  await expect(attachment).toContainText('10 MB');
  await expect(attachment).toContainText('<img src=x onerror=alert(1)>.bin');

  // The 200 KB message is cut to a readable length with a way to see all of it.
  const long = feedMessage(page, 'huge-start');
  await expect(long.getByRole('button', { name: /Show the whole message/ })).toBeVisible();

  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Layout: the sidebar and the feed keep their place; nothing scrolls the page sideways.
  await expect(sidebar(page)).toBeInViewport();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  const sidebarBox = await sidebar(page).boundingBox();
  expect(sidebarBox!.width).toBeGreaterThan(150);
});

async function uploadFile(serverUrl: string, apiKey: string, channelId: string, filename: string, size: number): Promise<string> {
  const form = new FormData();
  form.set('channelId', channelId);
  form.set('file', new Blob([new Uint8Array(size)], { type: 'application/octet-stream' }), filename);
  const res = await fetch(`${serverUrl}/api/v1/files/store`, { method: 'POST', headers: { 'x-api-key': apiKey }, body: form });
  if (res.status !== 201) throw new Error(`POST /api/v1/files/store answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
