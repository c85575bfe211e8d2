import type { AccountView, ChannelView, MessageView, ReviewItem, ReviewView } from '../../src/shared/domain';

export const T0 = Date.parse('2030-01-01T12:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

export function account(over: Partial<AccountView> = {}): AccountView {
  return {
    accountId: 'acc1',
    label: 'Production',
    serverUrl: 'https://placet.example.com',
    last4: 'wxyz',
    enabled: true,
    keyStorage: 'keychain',
    connection: { status: 'connected', since: T0 },
    ...over,
  };
}

export function channel(over: Partial<ChannelView> = {}): ChannelView {
  return {
    accountId: 'acc1',
    channelId: 'ch1',
    name: 'Deploy Bot',
    description: 'Ships things',
    avatarUrl: null,
    tag: null,
    status: 'active',
    statusMessage: 'Watching the pipeline',
    statusSince: iso(T0 - 3_600_000),
    lastActiveAt: iso(T0 - 30_000),
    commands: [],
    unread: 0,
    pendingReviews: 0,
    stale: false,
    muted: false,
    recentDeliveryFailures: 0,
    lastMessageAt: iso(T0 - 60_000),
    ...over,
  };
}

export function message(over: Partial<MessageView> = {}): MessageView {
  return {
    accountId: 'acc1',
    channelId: 'ch1',
    id: 'm1',
    senderType: 'agent',
    text: 'Hello operator',
    tone: null,
    review: null,
    deliveryStatus: 'sent',
    streamState: null,
    iterationGroupId: null,
    iteration: null,
    iterationCount: null,
    attachments: [],
    createdAt: iso(T0 - 60_000),
    updatedAt: null,
    ...over,
  };
}

export function review(over: Partial<ReviewView> = {}): ReviewView {
  return {
    type: 'approval',
    payload: null,
    status: 'pending',
    expiresAt: iso(T0 + 2 * 3_600_000),
    response: null,
    completedAt: null,
    feedback: null,
    ...over,
  };
}

export function reviewItem(over: Partial<ReviewItem> = {}): ReviewItem {
  return {
    accountId: 'acc1',
    channelId: 'ch1',
    messageId: 'r1',
    agentName: 'Deploy Bot',
    accountLabel: 'Production',
    serverUrl: 'https://placet.example.com',
    type: 'approval',
    summary: 'Deploy v2 to production?',
    status: 'pending',
    expiresAt: iso(T0 + 2 * 3_600_000),
    completedAt: null,
    createdAt: iso(T0 - 60_000),
    deliveryStatus: 'sent',
    openUrl: 'https://placet.example.com/chats/ch1',
    snoozedUntil: null,
    answer: null,
    ...over,
  };
}
