import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeBridge, fail, ok } from './fake-bridge';
import { account, channel, iso, message, review, reviewItem, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });

function rows(): HTMLElement[] {
  return within(screen.getByRole('list', { name: 'Pending reviews' })).getAllByRole('listitem');
}

describe('review queue', () => {
  it('is the home view and lists every pending review across accounts, soonest deadline first', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    renderApp({
      accounts: [account(), account({ accountId: 'acc2', label: 'Staging', serverUrl: 'https://stage.example.com' })],
      channels: [channel()],
      reviews: [
        reviewItem({ messageId: 'late', summary: 'Later one', expiresAt: iso(T0 + 5 * 3_600_000) }),
        reviewItem({ messageId: 'soon', accountId: 'acc2', accountLabel: 'Staging', serverUrl: 'https://stage.example.com', agentName: 'Stage Bot', summary: 'Soon one', expiresAt: iso(T0 + 10 * 60_000) }),
      ],
    });
    await booted();
    expect(screen.getByRole('heading', { name: 'Reviews' })).toBeTruthy();
    const [first, second] = rows();
    expect(first?.textContent).toContain('Soon one');
    expect(first?.textContent).toContain('Stage Bot');
    expect(first?.textContent).toContain('Staging · stage.example.com');
    expect(first?.textContent).toContain('10m 00s left');
    expect(second?.textContent).toContain('Later one');
    expect(screen.getByRole('tab', { name: /Pending/ }).textContent).toContain('(2)');
  });

  it('counts down live and changes tone, in words too, as the deadline nears, then moves the review to Expired', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    renderApp({ accounts: [account()], reviews: [reviewItem({ expiresAt: iso(T0 + 61 * 60_000) })] });
    await booted();
    const countdown = () => rows()[0]?.querySelector('[data-urgency]') as HTMLElement;
    expect(countdown().dataset.urgency).toBe('calm');
    expect(countdown().textContent).toContain('1h 01m left');
    expect(countdown().textContent).toContain('Plenty of time');
    await act(async () => vi.advanceTimersByTime(2 * 60_000));
    expect(countdown().dataset.urgency).toBe('soon');
    expect(countdown().textContent).toContain('Due within the hour');
    await act(async () => vi.advanceTimersByTime(45 * 60_000));
    expect(countdown().dataset.urgency).toBe('urgent');
    expect(countdown().textContent).toContain('14m 00s left');
    await act(async () => vi.advanceTimersByTime(10 * 60_000));
    expect(countdown().dataset.urgency).toBe('critical');
    expect(countdown().textContent).toContain('Expiring now');
    await act(async () => vi.advanceTimersByTime(5 * 60_000));
    // Past its deadline it is expired locally, even though no review:expired arrived.
    expect(screen.getByText('Nothing pending')).toBeTruthy();
    expect(screen.getByRole('tab', { name: /Pending/ }).textContent).toContain('(0)');
    await user().click(screen.getByRole('tab', { name: 'Expired' }));
    expect(within(screen.getByRole('list', { name: 'Expired reviews' })).getByText('Deploy v2 to production?')).toBeTruthy();
  });

  it('"Open in Placet" opens the review in the Placet web app through links:open', async () => {
    const { bridge } = renderApp({ accounts: [account()], reviews: [reviewItem({ openUrl: 'https://placet.example.com/chats/ch1' })] });
    await booted();
    await userEvent.click(within(rows()[0] as HTMLElement).getByRole('button', { name: 'Open in Placet' }));
    expect(bridge.callsOf('links:open')).toEqual([{ url: 'https://placet.example.com/chats/ch1' }]);
  });

  it('filters by account, agent, type and expiring soon', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    renderApp({
      accounts: [account(), account({ accountId: 'acc2', label: 'Staging' })],
      reviews: [
        reviewItem({ messageId: 'a', summary: 'Approve A', expiresAt: iso(T0 + 30 * 60_000) }),
        reviewItem({ messageId: 'b', summary: 'Form B', type: 'form', channelId: 'ch2', agentName: 'Form Bot', expiresAt: iso(T0 + 5 * 3_600_000) }),
        reviewItem({ messageId: 'c', summary: 'Staging C', accountId: 'acc2', accountLabel: 'Staging', channelId: 'ch3', agentName: 'Stage Bot', expiresAt: iso(T0 + 3 * 3_600_000) }),
      ],
    });
    await booted();
    const u = user();
    expect(rows()).toHaveLength(3);
    await u.selectOptions(screen.getByLabelText('Account'), 'acc2');
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Staging C')]);
    await u.selectOptions(screen.getByLabelText('Account'), '');
    await u.selectOptions(screen.getByLabelText('Type'), 'form');
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('Form B');
    await u.selectOptions(screen.getByLabelText('Type'), '');
    await u.selectOptions(screen.getByLabelText('Agent'), 'acc2/ch3');
    expect(rows()[0]?.textContent).toContain('Staging C');
    await u.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);
    await u.click(screen.getByLabelText('Expiring within 1 hour'));
    expect(rows()).toHaveLength(1);
    expect(rows()[0]?.textContent).toContain('Approve A');
  });

  it('says when filters hide everything, and clears them', async () => {
    renderApp({ accounts: [account()], reviews: [reviewItem({ expiresAt: iso(Date.now() + 5 * 3_600_000) })] });
    await booted();
    await userEvent.click(screen.getByLabelText('Expiring within 1 hour'));
    expect(screen.getByText('No reviews match these filters')).toBeTruthy();
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[1] as HTMLElement);
    expect(rows()).toHaveLength(1);
  });

  it('loads completed reviews from main and shows their delivery state', async () => {
    const bridge = new FakeBridge();
    bridge.handle('reviews:list', ({ status }) =>
      ok(status === 'completed' ? [reviewItem({ messageId: 'done', status: 'completed', summary: 'Approved deploy', answer: 'Chose Ship it — “go”', completedAt: iso(T0), deliveryStatus: 'webhook_failed' })] : []),
    );
    renderApp({ accounts: [account()] }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('tab', { name: 'Completed' }));
    const list = await screen.findByRole('list', { name: 'Completed reviews' });
    expect(list.textContent).toContain('Approved deploy');
    expect(list.textContent).toContain('Answer: Chose Ship it — “go”');
    expect(within(list).getByRole('img', { name: 'Delivery: Webhook failed' })).toBeTruthy();
    expect(bridge.callsOf('reviews:list')).toEqual([{ status: 'completed', limit: 500 }]);
    expect(screen.getByRole('tab', { name: 'Completed' }).getAttribute('aria-selected')).toBe('true');
  });

  it('shows an error with a retry when a tab cannot load', async () => {
    const bridge = new FakeBridge();
    bridge.handle('reviews:list', () => fail('internal', 'database busy'));
    renderApp({ accounts: [account()] }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('tab', { name: 'Expired' }));
    expect((await screen.findByRole('alert')).textContent).toContain('database busy');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says nothing is pending, and how many agents are watched', async () => {
    renderApp({ accounts: [account()], channels: [channel(), channel({ channelId: 'ch2', name: 'Two' })] });
    await booted();
    expect(screen.getByText('Nothing pending')).toBeTruthy();
    expect(screen.getByText(/Watching 2 agents/)).toBeTruthy();
  });

  it('warns about a rejected key or an unreachable server on the home view', async () => {
    renderApp({
      accounts: [
        account({ connection: { status: 'key-rejected', since: T0 } }),
        account({ accountId: 'acc2', label: 'Staging', connection: { status: 'offline', since: T0, error: 'ECONNREFUSED' } }),
      ],
    });
    await booted();
    const alerts = screen.getAllByRole('alert');
    expect(alerts.some((a) => /Production.*rejected the API key/s.test(a.textContent ?? ''))).toBe(true);
    expect(alerts.some((a) => /Staging.*server unreachable \(ECONNREFUSED\)/s.test(a.textContent ?? ''))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Update key' }));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
  });

  it('adds reviews pushed by main, live', async () => {
    const { bridge } = renderApp({ accounts: [account()] });
    await booted();
    expect(screen.getByText('Nothing pending')).toBeTruthy();
    act(() => bridge.push({ reviews: [reviewItem({ summary: 'Pushed review', expiresAt: iso(Date.now() + 3_600_000 * 3) })] }));
    expect(rows()[0]?.textContent).toContain('Pushed review');
    expect(screen.getByRole('button', { name: 'Reviews' }).getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('1 pending')).toBeTruthy();
  });

  it('snoozes reminders for a review', async () => {
    const { bridge } = renderApp({ accounts: [account()], reviews: [reviewItem({ expiresAt: iso(Date.now() + 3_600_000 * 3) })] });
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Snooze reminders 1 h' }));
    expect(bridge.callsOf('reviews:snooze')).toEqual([{ accountId: 'acc1', messageId: 'r1', minutes: 60 }]);
    expect(await screen.findByText(/Reminders snoozed until/)).toBeTruthy();
  });

  it('"Show in channel" opens the feed at the review, and so does main asking via ui:show-review', async () => {
    const bridge = new FakeBridge();
    const reviewMsg = message({ id: 'r1', text: 'Deploy v2 to production?', review: review({ expiresAt: iso(Date.now() + 3_600_000) }) });
    bridge.handle('messages:page', () => ok({ messages: [message(), reviewMsg], hasMore: false }));
    renderApp({ accounts: [account()], channels: [channel()], reviews: [reviewItem({ expiresAt: iso(Date.now() + 3_600_000) })] }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Show in channel' }));
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-message-id="r1"]')?.classList.contains('is-highlighted')).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: 'Reviews' }));
    act(() => bridge.emit('ui:show-review', { accountId: 'acc1', channelId: 'ch1', messageId: 'r1' }));
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-message-id="r1"]')?.classList.contains('is-highlighted')).toBe(true));
  });

  it('renders hostile names and summaries as inert text without breaking the row', async () => {
    const evil = '<script>window.pwnedQueue=1</script><img src=x onerror="window.pwnedQueue=2">';
    renderApp({
      accounts: [account({ label: 'حساب الإنتاج' })],
      channels: [channel({ name: evil })],
      reviews: [reviewItem({ agentName: evil, summary: `${'🚀'.repeat(50)} ${'x'.repeat(5_000)}`, expiresAt: iso(Date.now() + 3_600_000 * 3) })],
    });
    await booted();
    const row = rows()[0] as HTMLElement;
    expect(row.textContent).toContain('<script>window.pwnedQueue=1</script>');
    expect(document.querySelector('#main script, nav script, #main img')).toBeNull();
    expect((window as unknown as { pwnedQueue?: number }).pwnedQueue).toBeUndefined();
    expect(row.querySelector('.queue-summary')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('region', { name: 'Account حساب الإنتاج' })).toBeTruthy();
  });
});
