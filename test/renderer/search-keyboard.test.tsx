import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { FakeBridge, ok } from './fake-bridge';
import { account, channel, iso, message, reviewItem, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

describe('search', () => {
  it('searches stored messages and opens a result in its feed', async () => {
    const bridge = new FakeBridge();
    const hit = message({ id: 'hit', text: 'the deploy failed on node 3', createdAt: iso(T0 - 7_200_000) });
    bridge.handle('messages:search', () => ok([hit]));
    bridge.handle('messages:page', () => ok({ messages: [hit, message({ id: 'later' })], hasMore: false }));
    renderApp({ accounts: [account()], channels: [channel()] }, bridge);
    await booted();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'deploy failed{Enter}');
    expect(bridge.callsOf('messages:search')).toEqual([{ query: 'deploy failed', limit: 100 }]);
    expect(await screen.findByText('1 result')).toBeTruthy();
    expect(screen.getByText('deploy failed').tagName).toBe('MARK');
    await userEvent.click(within(document.querySelector('.search-results') as HTMLElement).getByRole('button', { name: /Deploy Bot/ }));
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-message-id="hit"]')?.classList.contains('is-highlighted')).toBe(true));
  });

  it('says when nothing matches', async () => {
    renderApp({ accounts: [account()] });
    await booted();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'nothing{Enter}');
    expect(await screen.findByText('No messages match “nothing”.')).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('/ focuses search, ? opens the help overlay and Esc closes it', async () => {
    renderApp({ accounts: [account()] });
    await booted();
    await userEvent.keyboard('/');
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search messages' }));
    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Next / previous item');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('switches views with r, i and s, but not while typing', async () => {
    renderApp({ accounts: [account()] });
    await booted();
    await userEvent.keyboard('i');
    expect(screen.getByRole('heading', { name: 'Inspector' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Inspector' }).getAttribute('aria-current')).toBe('page');
    await userEvent.keyboard('s');
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    await userEvent.keyboard('r');
    expect(screen.getByRole('heading', { name: 'Reviews' })).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search messages' }), 'is');
    expect(screen.getByRole('heading', { name: 'Reviews' })).toBeTruthy();
  });

  it('j/k move through the review queue and Enter opens the focused review in its channel', async () => {
    const bridge = new FakeBridge();
    bridge.handle('messages:page', () => ok({ messages: [message({ id: 'r2', text: 'second review' })], hasMore: false }));
    renderApp(
      {
        accounts: [account()],
        channels: [channel()],
        reviews: [
          reviewItem({ messageId: 'r1', summary: 'First', expiresAt: iso(Date.now() + 3_600_000) }),
          reviewItem({ messageId: 'r2', summary: 'Second', expiresAt: iso(Date.now() + 7_200_000) }),
        ],
      },
      bridge,
    );
    await booted();
    await userEvent.keyboard('j');
    expect((document.activeElement as HTMLElement).dataset.reviewId).toBe('r1');
    await userEvent.keyboard('j');
    expect((document.activeElement as HTMLElement).dataset.reviewId).toBe('r2');
    await userEvent.keyboard('k');
    expect((document.activeElement as HTMLElement).dataset.reviewId).toBe('r1');
    await userEvent.keyboard('j');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-message-id="r2"]')?.classList.contains('is-highlighted')).toBe(true));
  });

  it('j/k move through the feed, and ] / [ step through channels', async () => {
    const bridge = new FakeBridge();
    bridge.handle('messages:page', ({ channelId }) =>
      ok({ messages: [message({ id: `${channelId}-a`, channelId }), message({ id: `${channelId}-b`, channelId, createdAt: iso(T0) })], hasMore: false }),
    );
    renderApp({ accounts: [account()], channels: [channel(), channel({ channelId: 'ch2', name: 'Zed Bot', lastMessageAt: iso(T0 - 9e6) })] }, bridge);
    await booted();
    await userEvent.keyboard(']');
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-message-id="ch1-b"]')).toBeTruthy());
    await userEvent.keyboard('j');
    expect((document.activeElement as HTMLElement).dataset.messageId).toBe('ch1-a');
    await userEvent.keyboard('j');
    expect((document.activeElement as HTMLElement).dataset.messageId).toBe('ch1-b');
    act(() => {
      fireEvent.keyDown(window, { key: ']' });
    });
    expect(await screen.findByRole('heading', { name: 'Zed Bot', level: 2 })).toBeTruthy();
    await userEvent.keyboard('[[');
    expect(await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 })).toBeTruthy();
  });
});
