import type { ReviewItem } from '../../../../src/shared/domain';
import type { PolicyContext } from '../../../../src/main/core/notify/notification-policy';

export const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
export const MIN = 60_000;

export function reviewItem(over: Partial<ReviewItem> = {}): ReviewItem {
  return {
    accountId: 'acc1',
    channelId: 'ch1',
    messageId: 'm1',
    agentName: 'Deploy Bot',
    accountLabel: 'Work',
    serverUrl: 'https://placet.example',
    type: 'approval',
    summary: 'Approve / Reject — Deploy v2.3?',
    status: 'pending',
    expiresAt: new Date(NOW + 120 * MIN).toISOString(),
    completedAt: null,
    createdAt: new Date(NOW - MIN).toISOString(),
    deliveryStatus: 'sent',
    openUrl: 'https://placet.example/chats/ch1',
    snoozedUntil: null,
    answer: null,
    ...over,
  };
}

export const expiresIn = (minutes: number) => new Date(NOW + minutes * MIN).toISOString();

export function context(over: Partial<PolicyContext> = {}): PolicyContext {
  return {
    now: NOW,
    settings: { quietHours: null, notificationsPausedUntil: null, sound: true },
    focus: null,
    isMuted: () => false,
    // UTC, so quiet hours in tests are in UTC.
    localMinutesOfDay: (ms) => Math.floor(ms / MIN) % (24 * 60),
    multipleAccounts: false,
    ...over,
  };
}
