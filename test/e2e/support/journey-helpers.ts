import { expect, type Page } from '@playwright/test';

// Small steps the end-to-end journeys share: adding an account the way a user does, and finding
// things by the names a user reads.

export async function addAccountFromWelcome(page: Page, serverUrl: string, apiKey: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add account' });
  await form.getByLabel('Server URL').fill(serverUrl);
  await form.getByLabel('API key').fill(apiKey);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
}

export const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Navigation' });

/** The Reviews entry of the navigation; its description is the pending count. */
export const reviewsNav = (page: Page) => sidebar(page).getByRole('button', { name: 'Reviews', exact: true });

export async function openChannel(page: Page, agentName: string): Promise<void> {
  await sidebar(page).getByRole('button', { name: new RegExp(`^${agentName}`) }).click();
}

export async function openView(page: Page, name: 'Reviews' | 'Inspector' | 'Settings'): Promise<void> {
  await sidebar(page).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** One row of the review queue, found by what the agent asked. */
export const queueRow = (page: Page, summary: string) => page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: summary });

/** The feed message that carries `text`. */
export const feedMessage = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });
