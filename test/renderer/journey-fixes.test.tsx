import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ReviewCard } from '../../src/renderer/components/ReviewCard';
import { accountPlace, distinctAccountLabels } from '../../src/renderer/lib/format';
import { defaultSettings, type Settings } from '../../src/shared/domain';
import type { Result } from '../../src/shared/ipc/result';
import { FakeBridge, fail, ok } from './fake-bridge';
import { account, channel, iso, review, reviewItem, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

// What the end-to-end journey and its screenshots showed wrong, pinned at the lowest layer.

describe('settings answer at once', () => {
  it('moves the theme radio as soon as it is clicked, before main answers', async () => {
    const bridge = new FakeBridge();
    let answer: (r: Result<Settings>) => void = () => undefined;
    bridge.handle('settings:set', () => new Promise<Result<Settings>>((resolve) => (answer = resolve)));
    renderApp({ accounts: [account()], channels: [channel()] }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(screen.getByRole('radio', { name: 'Dark' })).toHaveProperty('checked', true);
    expect(document.documentElement.dataset.theme).toBe('dark');
    answer(ok({ ...defaultSettings, theme: 'dark' }));
    expect(await screen.findByRole('radio', { name: 'Dark', checked: true })).toBeTruthy();
  });

  it('puts the theme back when main refuses the change', async () => {
    const bridge = new FakeBridge();
    bridge.handle('settings:set', () => fail('invalid-input', 'no'));
    renderApp({ accounts: [account()], channels: [channel()], settings: { theme: 'light' } }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(await screen.findByRole('radio', { name: 'Light', checked: true })).toBeTruthy();
    expect(document.documentElement.dataset.theme).toBe('light');
  });
});

describe('account names that can be told apart', () => {
  it('shows the host once when the label is the host', () => {
    expect(accountPlace('127.0.0.1:4010', 'http://127.0.0.1:4010')).toBe('127.0.0.1:4010');
    expect(accountPlace('Production', 'https://placet.example.com')).toBe('Production · placet.example.com');
  });

  it('adds the key ending only to labels that clash', () => {
    const labels = distinctAccountLabels([
      { accountId: 'a', label: 'placet.example.com', last4: 'ab12' },
      { accountId: 'b', label: 'placet.example.com', last4: 'cd34' },
      { accountId: 'c', label: 'Staging', last4: 'ef56' },
    ]);
    expect([...labels.values()]).toEqual(['placet.example.com (key …ab12)', 'placet.example.com (key …cd34)', 'Staging']);
  });

  it('names two keys on one server apart in the sidebar, and the queue says the server once', async () => {
    const host = 'placet.example.com';
    renderApp({
      accounts: [account({ label: host }), account({ accountId: 'acc2', label: host, last4: 'b80e' })],
      channels: [channel(), channel({ accountId: 'acc2', channelId: 'ch2', name: 'Data Pipeline' })],
      reviews: [reviewItem({ accountLabel: host })],
    });
    await booted();
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    expect(within(nav).getByRole('region', { name: `Account ${host} (key …wxyz)` })).toBeTruthy();
    expect(within(nav).getByRole('region', { name: `Account ${host} (key …b80e)` })).toBeTruthy();
    const row = within(screen.getByRole('list', { name: 'Pending reviews' })).getAllByRole('listitem')[0]!;
    expect(row.textContent).toContain(host);
    expect(row.textContent).not.toContain(`${host} · ${host}`);
  });
});

describe('approval options are what was offered, not buttons', () => {
  it('marks the chosen option once the review is completed, in words too', () => {
    render(
      <ReviewCard
        review={review({
          type: 'approval',
          status: 'completed',
          payload: { options: [{ id: 'go', label: 'Ship it', style: 'primary' }, { id: 'no', label: 'Hold', style: 'danger' }] },
          response: { selectedOption: 'go' },
          completedAt: iso(T0),
        })}
        iteration={null}
        iterationCount={null}
        onOpenInPlacet={() => undefined}
      />,
    );
    const options = within(screen.getByRole('list', { name: 'Options' })).getAllByRole('listitem');
    expect(options.map((o) => o.textContent)).toEqual(['Ship it (chosen)', 'Hold']);
    expect(within(screen.getByRole('region')).queryByRole('button', { name: 'Ship it' })).toBeNull();
  });
});
