import type { Notice, ReviewItem } from '../../../src/shared/domain';

export function notice(over: Partial<Notice> = {}): Notice {
  return {
    id: 'review:a1:m1',
    kind: 'review-new',
    title: 'deploy-bot asks for approval',
    body: 'Ship release 4.2 to production?',
    accountId: 'a1',
    channelId: 'c1',
    messageId: 'm1',
    urgency: 'normal',
    at: 0,
    ...over,
  };
}

export function review(over: Partial<ReviewItem> = {}): ReviewItem {
  return {
    accountId: 'a1',
    channelId: 'c1',
    messageId: 'm1',
    agentName: 'deploy-bot',
    accountLabel: 'Prod',
    serverUrl: 'https://placet.example',
    type: 'approval',
    summary: 'Ship 4.2?',
    status: 'pending',
    expiresAt: new Date(60 * 60_000).toISOString(),
    completedAt: null,
    createdAt: new Date(0).toISOString(),
    deliveryStatus: 'agent_received',
    openUrl: 'https://placet.example/chats/c1',
    snoozedUntil: null,
    answer: null,
    ...over,
  };
}
