import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FakeBridge, fail, ok } from './fake-bridge';
import { account, channel, iso, message, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

describe('app shell', () => {
  it('shows a loading state, then the welcome form with a demo option when there are no accounts', async () => {
    const bridge = new FakeBridge();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    bridge.handle('state:snapshot', async () => {
      await gate;
      return ok({ accounts: [], channels: [], reviews: [], settings: { reminderLadderMinutes: [60], quietHours: null, sound: true, theme: 'system', notificationsPausedUntil: null }, stats: { invalidEvents: 0, quarantinedEvents: 0 } });
    });
    renderApp(undefined, bridge);
    expect(screen.getByText('Loading the companion…')).toBeTruthy();
    release();
    await booted();
    expect(screen.getByRole('heading', { name: 'Connect your first Placet server' })).toBeTruthy();
    expect(screen.getByLabelText('Server URL')).toBeTruthy();
    expect((screen.getByLabelText('API key') as HTMLInputElement).type).toBe('password');
    expect(screen.getByRole('button', { name: 'Test connection' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('"Try the demo" adds the demo account, which then appears in the sidebar', async () => {
    const bridge = new FakeBridge();
    bridge.handle('accounts:add-demo', () => ok(account({ accountId: 'demo', label: 'Demo server' })));
    renderApp({}, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect(bridge.callsOf('accounts:add-demo')).toHaveLength(1);
    const nav = screen.getByRole('navigation', { name: 'Navigation' });
    expect(await within(nav).findByText('Demo server')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Connect your first Placet server' })).toBeNull();
  });

  it('says why the demo could not start', async () => {
    const bridge = new FakeBridge();
    bridge.handle('accounts:add-demo', () => fail('internal', 'the embedded gateway did not start'));
    renderApp({}, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: 'Try the demo' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the embedded gateway did not start');
  });

  it('shows an error with a retry when the snapshot fails', async () => {
    const bridge = new FakeBridge();
    let calls = 0;
    bridge.handle('state:snapshot', () => {
      calls += 1;
      return calls === 1
        ? fail('internal', 'store is locked')
        : ok({ accounts: [account()], channels: [], reviews: [], settings: { reminderLadderMinutes: [60], quietHours: null, sound: true, theme: 'system', notificationsPausedUntil: null }, stats: { invalidEvents: 0, quarantinedEvents: 0 } });
    });
    renderApp(undefined, bridge);
    expect((await screen.findByRole('alert')).textContent).toContain('store is locked');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Reviews' })).toBeTruthy();
  });

  it('lists accounts and their channels with status words, unread and pending counts, stale and connection markers', async () => {
    renderApp({
      accounts: [account(), account({ accountId: 'acc2', label: 'Staging', connection: { status: 'key-rejected', since: T0 } })],
      channels: [
        channel({ unread: 3, pendingReviews: 2 }),
        channel({ channelId: 'ch2', name: 'Quiet Agent', status: 'offline', stale: true, lastMessageAt: iso(T0 - 9e6) }),
        channel({ accountId: 'acc2', channelId: 'ch9', name: 'Stage Bot', status: 'busy' }),
      ],
    });
    await booted();
    const prod = screen.getByRole('region', { name: 'Account Production' });
    const deploy = within(prod).getByRole('button', { name: /Deploy Bot/ });
    expect(deploy.textContent).toContain('Active');
    expect(deploy.textContent).toContain('3 unread');
    expect(deploy.textContent).toContain('2 pending reviews');
    const quiet = within(prod).getByRole('button', { name: /Quiet Agent/ });
    expect(quiet.textContent).toContain('Offline');
    expect(quiet.textContent).toContain('Stale');
    const staging = screen.getByRole('region', { name: 'Account Staging' });
    expect(staging.textContent).toContain('Key rejected');
    expect(within(staging).getByRole('button', { name: /Stage Bot/ }).textContent).toContain('Connection problem');
    expect(within(staging).getByRole('button', { name: /Stage Bot/ }).textContent).toContain('Busy');
  });

  it('shows each account in the status bar with a live retry countdown and a retry button', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(T0);
    const { bridge } = renderApp({
      accounts: [account({ connection: { status: 'reconnecting', since: T0, attempt: 3, nextRetryAt: T0 + 12_000 } })],
    });
    await booted();
    const bar = screen.getByRole('contentinfo', { name: 'Connection status' });
    expect(bar.textContent).toContain('Reconnecting in 12s (attempt 3)');
    await act(async () => {
      vi.advanceTimersByTime(5_000);
    });
    expect(bar.textContent).toContain('Reconnecting in 7s');
    await userEvent.click(within(bar).getByRole('button', { name: 'Reconnect Production now' }));
    expect(bridge.callsOf('accounts:reconnect')).toEqual([{ accountId: 'acc1' }]);
  });

  it('says plainly when the link to the companion is lost, and reloads the snapshot once it is back', async () => {
    const { link, bridge } = renderApp({ accounts: [account()] });
    await booted();
    expect(screen.queryByText(/Lost connection to the companion/)).toBeNull();
    act(() => link.set('lost'));
    const alert = screen.getByText(/Lost connection to the companion/).closest('[role="alert"]') as HTMLElement;
    expect(alert).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Reconnect now' }));
    expect(link.retries).toBe(1);
    const before = bridge.callsOf('state:snapshot').length;
    act(() => link.set('open'));
    expect(screen.queryByText(/Lost connection to the companion/)).toBeNull();
    await waitFor(() => expect(bridge.callsOf('state:snapshot').length).toBe(before + 1));
  });

  it('re-reads the open feed after the link comes back, so messages pushed meanwhile appear', async () => {
    const bridge = new FakeBridge();
    let page = [message({ id: 'a', text: 'before the drop' })];
    bridge.handle('messages:page', () => ok({ messages: page, hasMore: false }));
    const { link } = renderApp({ accounts: [account()], channels: [channel()] }, bridge);
    await booted();
    await userEvent.click(screen.getByRole('button', { name: /Deploy Bot/ }));
    expect(await screen.findByText('before the drop')).toBeTruthy();
    act(() => link.set('lost'));
    page = [...page, message({ id: 'b', text: 'sent while we were away', createdAt: iso(T0) })];
    act(() => link.set('open'));
    expect(await screen.findByText('sent while we were away')).toBeTruthy();
  });

  it('applies the theme from settings to the document and follows pushed changes', async () => {
    const { bridge } = renderApp({ accounts: [account()], settings: { theme: 'dark' } });
    await booted();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    act(() => bridge.push({ settings: { reminderLadderMinutes: [60], quietHours: null, sound: true, theme: 'light', notificationsPausedUntil: null } }));
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('tells main which channel is on screen', async () => {
    const { bridge } = renderApp({ accounts: [account()], channels: [channel()] });
    await booted();
    await userEvent.click(screen.getByRole('button', { name: /Deploy Bot/ }));
    await waitFor(() => expect(bridge.callsOf('ui:focus').at(-1)).toMatchObject({ accountId: 'acc1', channelId: 'ch1' }));
    await userEvent.click(screen.getByRole('button', { name: 'Reviews' }));
    await waitFor(() => expect(bridge.callsOf('ui:focus').at(-1)).toMatchObject({ accountId: null, channelId: null }));
  });

  it('announces new reviews and urgent reminders in live regions', async () => {
    const { bridge } = renderApp({ accounts: [account()] });
    await booted();
    act(() =>
      bridge.push({ notices: [{ id: 'n1', kind: 'review-new', title: 'Deploy Bot needs a review', body: 'Deploy v2?', urgency: 'normal', at: T0 }] }),
    );
    expect(screen.getByTestId('announcer-polite').textContent).toBe('Deploy Bot needs a review: Deploy v2?');
    act(() =>
      bridge.push({ notices: [{ id: 'n2', kind: 'review-reminder', title: '5 minutes left', body: 'Deploy v2?', urgency: 'critical', at: T0 }] }),
    );
    expect(screen.getByTestId('announcer-assertive').textContent).toBe('5 minutes left: Deploy v2?');
    expect(screen.getByRole('list', { name: 'Notifications' }).textContent).toContain('5 minutes left');
  });
});
