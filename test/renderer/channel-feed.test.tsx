import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/shared/domain';
import { FakeBridge, fail, ok } from './fake-bridge';
import { account, channel, iso, message, T0 } from './fixtures';
import { booted, renderApp } from './render-app';

async function openChannel(messages: MessageView[], opts: { hasMore?: boolean; bridge?: FakeBridge; channel?: Parameters<typeof channel>[0] } = {}) {
  const bridge = opts.bridge ?? new FakeBridge();
  if (!opts.bridge) bridge.handle('messages:page', () => ok({ messages, hasMore: opts.hasMore ?? false }));
  const app = renderApp({ accounts: [account()], channels: [channel(opts.channel)] }, bridge);
  await booted();
  await userEvent.click(screen.getByRole('button', { name: /Deploy Bot/ }));
  await screen.findByRole('heading', { name: 'Deploy Bot', level: 2 });
  return app;
}

const feed = (): HTMLElement => screen.getByRole('log', { name: 'Messages with Deploy Bot' });
const msg = (id: string): HTMLElement => document.querySelector(`[data-message-id="${id}"]`) as HTMLElement;

describe('channel feed', () => {
  it('loads the newest page, shows sender, time and text, and marks the channel read', async () => {
    const { bridge } = await openChannel([message({ id: 'a', text: 'Build **passed**' }), message({ id: 'b', senderType: 'user', text: 'Thanks', createdAt: iso(T0) })]);
    expect(bridge.callsOf('messages:page')[0]).toEqual({ accountId: 'acc1', channelId: 'ch1', limit: 100 });
    await within(feed()).findByText('passed');
    expect(within(msg('a')).getByText('Deploy Bot')).toBeTruthy();
    expect(msg('a').querySelector('strong')?.textContent).toBe('passed');
    expect(within(msg('b')).getByText('You')).toBeTruthy();
    expect(bridge.callsOf('channels:read')).toContainEqual({ accountId: 'acc1', channelId: 'ch1' });
  });

  it('renders hostile markdown inert: raw HTML stays text, javascript: and data: links are dead, images never load', async () => {
    const hostile = [
      '<script>window.pwned = 1</script>',
      '<img src=x onerror="window.pwned = 2">',
      '[click me](javascript:window.pwned=3)',
      '[data link](data:text/html,<script>alert(1)</script>)',
      '![tracker](https://evil.example/pixel.gif)',
      '[safe](https://example.com/docs)',
    ].join('\n\n');
    const { bridge } = await openChannel([message({ id: 'h', text: hostile })]);
    const m = await waitFor(() => msg('h'));
    expect(m.querySelector('script')).toBeNull();
    expect(m.querySelector('img')).toBeNull();
    expect(m.textContent).toContain('<script>window.pwned = 1</script>');
    const anchors = Array.from(m.querySelectorAll('a'));
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/docs']);
    expect(within(m).getByText('click me').tagName).toBe('SPAN');
    expect(within(m).getByText('data link').tagName).toBe('SPAN');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    await userEvent.click(within(m).getByRole('link', { name: 'safe' }));
    expect(bridge.callsOf('links:open')).toEqual([{ url: 'https://example.com/docs' }]);
    await userEvent.click(within(m).getByRole('button', { name: /Image: tracker/ }));
    expect(bridge.callsOf('links:open')[1]).toEqual({ url: 'https://evil.example/pixel.gif' });
  });

  it('keeps huge messages, RTL text and emoji inside the layout', async () => {
    const huge = 'A'.repeat(100_000);
    await openChannel([message({ id: 'big', text: huge }), message({ id: 'rtl', text: 'مرحبا بالعالم 👋🏽 שלום', createdAt: iso(T0) })]);
    const big = await waitFor(() => msg('big'));
    expect(big.textContent?.length).toBeLessThan(25_000);
    await userEvent.click(within(big).getByRole('button', { name: /Show the whole message \(100k characters\)/ }));
    expect(msg('big').textContent?.length).toBeGreaterThan(100_000);
    const rtl = msg('rtl');
    expect(rtl.querySelector('.markdown')?.getAttribute('dir')).toBe('auto');
    expect(rtl.textContent).toContain('👋🏽');
  });

  it('shows tone in words and the delivery badge with an accessible label for each state', async () => {
    await openChannel([
      message({ id: 'a', tone: 'warning', deliveryStatus: 'sent' }),
      message({ id: 'b', tone: 'error', deliveryStatus: 'webhook_delivered' }),
      message({ id: 'c', deliveryStatus: 'webhook_failed' }),
      message({ id: 'd', tone: 'success', deliveryStatus: 'agent_received' }),
    ]);
    await waitFor(() => msg('d'));
    expect(within(msg('a')).getByText('Warning')).toBeTruthy();
    expect(within(msg('b')).getByText('Error')).toBeTruthy();
    expect(within(msg('d')).getByText('Success')).toBeTruthy();
    expect(within(msg('a')).getByRole('img', { name: 'Delivery: Sent' })).toBeTruthy();
    expect(within(msg('b')).getByRole('img', { name: 'Delivery: Delivered to webhook' })).toBeTruthy();
    expect(within(msg('c')).getByRole('img', { name: 'Delivery: Webhook failed' })).toBeTruthy();
    expect(within(msg('d')).getByRole('img', { name: 'Delivery: Acknowledged by agent' })).toBeTruthy();
  });

  it('updates a delivery badge when main pushes the new state', async () => {
    const { bridge } = await openChannel([message({ id: 'a', deliveryStatus: 'sent' })]);
    await waitFor(() => msg('a'));
    act(() => bridge.push({ messages: [message({ id: 'a', deliveryStatus: 'webhook_failed' })] }));
    expect(within(msg('a')).getByRole('img', { name: 'Delivery: Webhook failed' })).toBeTruthy();
  });

  it('lists attachments with name, type and size, and previews text ones', async () => {
    const att = (over: Record<string, unknown>) => ({ id: 'f', messageId: 'a', channelId: 'ch1', pluginType: '@uax/file', filename: 'x', mimeType: 'text/plain', size: 1, createdAt: iso(T0), ...over });
    await openChannel([
      message({
        id: 'a',
        text: null,
        attachments: [
          att({ id: 'f1', filename: 'report.csv', mimeType: 'text/csv', size: 2048, textContent: 'a,b\n1,2' }),
          att({ id: 'f2', filename: 'dump.bin', mimeType: 'application/octet-stream', size: 10 * 1024 * 1024 }),
          att({ id: 'f3', filename: 'absurd.iso', mimeType: 'application/x-iso9660-image', size: 9e18 }),
        ],
      }),
    ]);
    const list = await screen.findByRole('list', { name: 'Attachments' });
    expect(list.textContent).toContain('report.csv');
    expect(list.textContent).toContain('text/csv · 2.0 KB');
    expect(list.textContent).toContain('application/octet-stream · 10 MB');
    expect(list.textContent).toContain('7994 PB');
    await userEvent.click(within(list).getByRole('button', { name: 'Preview' }));
    expect(screen.getByLabelText('Preview of report.csv').textContent).toBe('a,b\n1,2');
  });

  it('shows streamed drafts updating live until complete', async () => {
    const { bridge } = await openChannel([message({ id: 'a' })]);
    await waitFor(() => msg('a'));
    act(() => bridge.push({ messages: [message({ id: 's', text: 'Thinking', streamState: 'streaming', createdAt: iso(T0) })] }));
    expect(within(msg('s')).getByText('Writing…')).toBeTruthy();
    act(() => bridge.push({ messages: [message({ id: 's', text: 'Thinking about the deploy', streamState: 'streaming', createdAt: iso(T0) })] }));
    expect(msg('s').textContent).toContain('Thinking about the deploy');
    act(() => bridge.push({ messages: [message({ id: 's', text: 'Done thinking.', streamState: 'complete', createdAt: iso(T0) })] }));
    expect(msg('s').textContent).toContain('Done thinking.');
    expect(within(msg('s')).queryByText('Writing…')).toBeNull();
    expect(document.querySelectorAll('[data-message-id="s"]')).toHaveLength(1);
  });

  it('loads older pages from main with the oldest message as the cursor', async () => {
    const bridge = new FakeBridge();
    const newest = message({ id: 'new', text: 'newest', createdAt: iso(T0) });
    const older = message({ id: 'old', text: 'older one', createdAt: iso(T0 - 3_600_000) });
    bridge.handle('messages:page', ({ before }) => ok(before ? { messages: [older], hasMore: false } : { messages: [newest], hasMore: true }));
    await openChannel([], { bridge });
    await userEvent.click(await screen.findByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(msg('old')).toBeTruthy());
    expect(bridge.callsOf('messages:page')[1]).toEqual({ accountId: 'acc1', channelId: 'ch1', limit: 100, before: { createdAt: newest.createdAt, id: 'new' } });
    expect(screen.queryByRole('button', { name: 'Load older messages' })).toBeNull();
  });

  it('offers a "N new" jump button when new messages arrive while scrolled away', async () => {
    const many = Array.from({ length: 40 }, (_, i) => message({ id: `m${i}`, text: `line ${i}`, createdAt: iso(T0 - (40 - i) * 1000) }));
    const { bridge } = await openChannel(many);
    await waitFor(() => msg('m39'));
    const el = feed();
    Object.defineProperty(el, 'scrollHeight', { configurable: true, value: 5_000 });
    el.scrollTop = 1_000;
    fireEvent.wheel(el, { deltaY: -400 });
    fireEvent.scroll(el);
    act(() => bridge.push({ messages: [message({ id: 'n1', createdAt: iso(T0 + 1) }), message({ id: 'n2', createdAt: iso(T0 + 2) })] }));
    const jump = await screen.findByRole('button', { name: /2 new messages/ });
    await userEvent.click(jump);
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
  });

  it('keeps following new messages when a scroll comes from layout, not from the user', async () => {
    const many = Array.from({ length: 40 }, (_, i) => message({ id: `m${i}`, text: `line ${i}`, createdAt: iso(T0 - (40 - i) * 1000) }));
    const { bridge } = await openChannel(many);
    await waitFor(() => msg('m39'));
    const el = feed();
    Object.defineProperty(el, 'scrollHeight', { configurable: true, value: 5_000 });
    el.scrollTop = 1_000;
    fireEvent.scroll(el);
    act(() => bridge.push({ messages: [message({ id: 'n1', createdAt: iso(T0 + 1) })] }));
    await waitFor(() => msg('n1'));
    expect(screen.queryByRole('button', { name: /new message/ })).toBeNull();
  });

  it('shows an error with a retry when the channel cannot be loaded, and an empty state', async () => {
    const bridge = new FakeBridge();
    let n = 0;
    bridge.handle('messages:page', () => (++n === 1 ? fail('internal', 'disk full') : ok({ messages: [], hasMore: false })));
    await openChannel([], { bridge });
    expect((await screen.findByRole('alert')).textContent).toContain('disk full');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No messages in this channel yet.')).toBeTruthy();
  });

  it('has an agent panel with status, since, last seen, stale warning, delivery failures and commands', async () => {
    await openChannel([message({ id: 'f', text: 'please deploy', senderType: 'user', deliveryStatus: 'webhook_failed' })], {
      channel: {
        status: 'error',
        statusMessage: 'Pipeline broken',
        stale: true,
        recentDeliveryFailures: 1,
        commands: [{ command: 'deploy', description: 'Deploy a branch', argHint: '<branch>' }],
      },
    });
    const panel = screen.getByRole('complementary', { name: 'Agent details' });
    expect(panel.textContent).toContain('Error');
    expect(panel.textContent).toContain('Pipeline broken');
    expect(panel.textContent).toContain('Stale: no ping since');
    expect(within(panel).getByText('Since')).toBeTruthy();
    expect(within(panel).getByText('Last seen')).toBeTruthy();
    expect(await within(panel).findByText(/1 webhook delivery failed recently/)).toBeTruthy();
    expect(within(panel).getByText('/deploy <branch>')).toBeTruthy();
    expect(panel.textContent).toContain('Deploy a branch');
    await userEvent.click(screen.getByRole('button', { name: 'Agent details' }));
    expect(screen.queryByRole('complementary', { name: 'Agent details' })).toBeNull();
  });

  it('mutes the channel and lists open reviews with countdowns above the feed', async () => {
    const bridge = new FakeBridge();
    bridge.handle('messages:page', () => ok({ messages: [message()], hasMore: false }));
    {
      const { reviewItem } = await import('./fixtures');
      const app = renderApp({ accounts: [account()], channels: [channel()], reviews: [reviewItem({ expiresAt: iso(Date.now() + 20 * 60_000) })] }, bridge);
      await booted();
      await userEvent.click(screen.getByRole('button', { name: /Deploy Bot/ }));
      const bar = await screen.findByRole('region', { name: 'Open reviews in this channel' });
      expect(bar.textContent).toContain('1 open review');
      expect(bar.textContent).toContain('Deploy v2 to production?');
      expect(bar.textContent).toMatch(/\d+m \d\ds left/);
      await userEvent.click(screen.getByRole('button', { name: 'Mute' }));
      expect(app.bridge.callsOf('channels:mute')).toEqual([{ accountId: 'acc1', channelId: 'ch1', muted: true }]);
      expect(await screen.findByRole('button', { name: 'Unmute' })).toBeTruthy();
    }
  });
});
