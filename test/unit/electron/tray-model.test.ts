import { describe, expect, it } from 'vitest';
import { badgeText, buildTrayMenu, expiresInText, pausedUntil, trayIconState, trayTooltip, type TrayContext } from '../../../src/main/electron/tray-model';
import { review } from './notices';

const ctx: TrayContext = { now: 0, notificationsPausedUntil: null, closeToTray: true, startAtLogin: false, formatTime: (ms) => `T${ms}` };

describe('trayIconState', () => {
  it.each([
    [{ state: 'ok', pendingReviews: 0 }, 'ok'],
    [{ state: 'ok', pendingReviews: 2 }, 'attention'],
    [{ state: 'attention', pendingReviews: 0 }, 'attention'],
    [{ state: 'problem', pendingReviews: 0 }, 'problem'],
    [{ state: 'problem', pendingReviews: 5 }, 'problem'],
  ] as const)('%j → %s', (summary, expected) => {
    expect(trayIconState({ ...summary, mostUrgent: [] })).toBe(expected);
  });
});

describe('trayTooltip', () => {
  it('says how many reviews wait', () => {
    expect(trayTooltip({ state: 'ok', pendingReviews: 0, mostUrgent: [] }, ctx)).toBe('Placet Companion — no reviews waiting');
    expect(trayTooltip({ state: 'attention', pendingReviews: 1, mostUrgent: [] }, ctx)).toBe('Placet Companion — 1 review waiting');
    expect(trayTooltip({ state: 'attention', pendingReviews: 12, mostUrgent: [] }, ctx)).toBe('Placet Companion — 12 reviews waiting');
  });

  it('leads with a connection problem and mentions a pause', () => {
    const text = trayTooltip({ state: 'problem', pendingReviews: 3, mostUrgent: [] }, { ...ctx, notificationsPausedUntil: 5_000 });
    expect(text).toBe('Placet Companion — connection problem · 3 reviews waiting · notifications paused until T5000');
    expect(trayTooltip({ state: 'ok', pendingReviews: 0, mostUrgent: [] }, { ...ctx, notificationsPausedUntil: -1 })).not.toMatch(/paused/);
  });

  it('fits the Windows tooltip limit', () => {
    expect(trayTooltip({ state: 'problem', pendingReviews: 1e9, mostUrgent: [] }, { ...ctx, notificationsPausedUntil: 1, formatTime: () => 'x'.repeat(200) }).length).toBeLessThanOrEqual(127);
  });
});

describe('buildTrayMenu', () => {
  const labels = (items: ReturnType<typeof buildTrayMenu>) => items.map((i) => ('label' in i ? i.label : '—'));

  it('lists the most urgent pending reviews first, at most five', () => {
    const reviews = [40, 10, 30, 20, 60, 50].map((min, i) =>
      review({ messageId: `m${i}`, agentName: `agent${i}`, expiresAt: new Date(min * 60_000).toISOString() }),
    );
    reviews.push(review({ messageId: 'done', status: 'completed', expiresAt: new Date(60_000).toISOString() }));
    const items = buildTrayMenu({ state: 'attention', pendingReviews: 6, mostUrgent: reviews }, ctx);
    const reviewItems = items.filter((i) => i.kind === 'review');
    expect(reviewItems.map((i) => i.review.messageId)).toEqual(['m1', 'm3', 'm2', 'm0', 'm5']);
    expect(reviewItems[0]?.label).toBe('agent1: Ship 4.2? (10 min left)');
  });

  it('offers open, pause (1 h, until tomorrow), the options and quit', () => {
    const items = buildTrayMenu({ state: 'ok', pendingReviews: 0, mostUrgent: [] }, ctx);
    expect(labels(items)).toEqual([
      'Open Placet Companion',
      '—',
      'No reviews waiting',
      '—',
      'Pause notifications for 1 hour',
      'Pause notifications until tomorrow',
      '—',
      'Keep running in the tray when closed',
      'Start at login',
      '—',
      'Quit',
    ]);
    expect(items.find((i) => i.kind === 'checkbox' && i.action === 'toggle-close-to-tray')).toMatchObject({ checked: true });
    expect(items.find((i) => i.kind === 'checkbox' && i.action === 'toggle-start-at-login')).toMatchObject({ checked: false });
  });

  it('offers resume while paused', () => {
    const items = buildTrayMenu({ state: 'ok', pendingReviews: 0, mostUrgent: [] }, { ...ctx, notificationsPausedUntil: 10 });
    expect(labels(items)).toContain('Notifications paused until T10');
    expect(items.some((i) => i.kind === 'action' && i.action === 'resume-notifications')).toBe(true);
    expect(items.some((i) => i.kind === 'action' && i.action === 'pause-1h')).toBe(false);
  });

  it('keeps agent text from becoming menu accelerators or overflowing', () => {
    const items = buildTrayMenu({ state: 'attention', pendingReviews: 1, mostUrgent: [review({ summary: `R&D\n${'x'.repeat(200)}` })] }, ctx);
    const label = items.find((i) => i.kind === 'review')?.label ?? '';
    expect(label).toMatch(/^deploy-bot: R&&D x+…/);
    expect(label).not.toMatch(/\n/);
    expect(label.length).toBeLessThan(90);
  });
});

describe('helpers', () => {
  it('pauses for an hour or until 08:00 tomorrow, local time', () => {
    const now = new Date(2025, 4, 6, 22, 15).getTime();
    expect(pausedUntil('pause-1h', now)).toBe(now + 3_600_000);
    expect(pausedUntil('pause-tomorrow', now)).toBe(new Date(2025, 4, 7, 8, 0).getTime());
    const early = new Date(2025, 4, 6, 2, 0).getTime();
    expect(pausedUntil('pause-tomorrow', early)).toBe(new Date(2025, 4, 7, 8, 0).getTime());
  });

  it('describes time left and caps the badge', () => {
    expect(expiresInText(new Date(90_000).toISOString(), 0)).toBe('2 min left');
    expect(expiresInText(new Date(125 * 60_000).toISOString(), 0)).toBe('2 h 5 min left');
    expect(expiresInText(new Date(0).toISOString(), 1)).toBe('expired');
    expect(expiresInText('garbage', 0)).toBe('no deadline');
    expect([0, -1, 1, 99, 100].map(badgeText)).toEqual(['', '', '1', '99', '99+']);
  });
});
