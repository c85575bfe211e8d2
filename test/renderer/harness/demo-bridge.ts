import type { ChannelView, MessageView } from '../../../src/shared/domain';
import { FakeBridge, ok } from '../fake-bridge';
import { account, channel, message, review, reviewItem } from '../fixtures';

// A bridge with believable data, for looking at the renderer in a real browser (screenshots).
export function demoBridge(theme: 'light' | 'dark'): FakeBridge {
  const now = Date.now();
  const at = (ms: number): string => new Date(now + ms).toISOString();
  const accounts = [
    account({ connection: { status: 'connected', since: now } }),
    account({ accountId: 'acc2', label: 'Staging', serverUrl: 'https://stage.placet.dev', keyStorage: 'session', connection: { status: 'reconnecting', since: now, attempt: 2, nextRetryAt: now + 14_000 } }),
  ];
  const channels: ChannelView[] = [
    channel({ unread: 2, pendingReviews: 2, lastMessageAt: at(-60_000), commands: [{ command: 'deploy', description: 'Deploy a branch to an environment', argHint: '<branch> <env>' }, { command: 'rollback', description: 'Roll back the last deploy' }] }),
    channel({ channelId: 'ch2', name: 'Research Assistant', status: 'busy', statusMessage: 'Reading 14 papers', pendingReviews: 1, lastMessageAt: at(-120_000) }),
    channel({ channelId: 'ch3', name: 'Invoice Agent', status: 'error', statusMessage: 'OCR service down', recentDeliveryFailures: 2, unread: 5, lastMessageAt: at(-300_000) }),
    channel({ channelId: 'ch4', name: 'Night Watch', status: 'offline', stale: true, lastActiveAt: at(-7_200_000), lastMessageAt: at(-9_000_000) }),
    channel({ accountId: 'acc2', channelId: 'ch5', name: 'Staging Tester', status: 'active', pendingReviews: 1, lastMessageAt: at(-30_000) }),
  ];
  const reviews = [
    reviewItem({ messageId: 'r1', summary: 'Deploy v2.14.0 to production?', expiresAt: at(4 * 60_000) }),
    reviewItem({ messageId: 'r2', type: 'form', summary: 'Fill in the database migration window', expiresAt: at(12 * 60_000) }),
    reviewItem({ messageId: 'r3', channelId: 'ch2', agentName: 'Research Assistant', type: 'selection', summary: 'Pick the papers to summarise', expiresAt: at(48 * 60_000) }),
    reviewItem({ messageId: 'r4', accountId: 'acc2', accountLabel: 'Staging', serverUrl: 'https://stage.placet.dev', channelId: 'ch5', agentName: 'Staging Tester', type: 'text-input', summary: 'Write the release note for 2.14', expiresAt: at(5 * 3_600_000) }),
    reviewItem({ messageId: 'r5', channelId: 'ch2', agentName: 'Research Assistant', type: 'approval', summary: 'Spend $40 on API credits?', expiresAt: at(20 * 3_600_000) }),
  ];
  const feed: MessageView[] = [
    message({ id: 'f1', text: 'Starting the **release pipeline** for `v2.14.0`.', createdAt: at(-40 * 60_000), deliveryStatus: 'agent_received' }),
    message({ id: 'f2', senderType: 'user', text: 'Go ahead, but keep an eye on the error rate.', createdAt: at(-38 * 60_000), deliveryStatus: 'webhook_delivered' }),
    message({ id: 'f3', tone: 'success', text: 'All 1,284 tests passed. Coverage 91 %.\n\n| suite | time |\n|---|---|\n| unit | 42 s |\n| e2e | 6 m |', createdAt: at(-30 * 60_000) }),
    message({ id: 'f4', tone: 'warning', text: 'Bundle size grew by 8 % — see [the report](https://ci.example.com/r/991).', createdAt: at(-25 * 60_000), attachments: [{ id: 'a1', messageId: 'f4', channelId: 'ch1', pluginType: '@uax/file', filename: 'bundle-report.csv', mimeType: 'text/csv', size: 18_230, textContent: 'chunk,size\nmain,412k', createdAt: at(-25 * 60_000) }] }),
    message({ id: 'r2', text: 'I need the maintenance window for the migration.', createdAt: at(-20 * 60_000), review: review({ type: 'form', expiresAt: at(12 * 60_000), payload: { fields: [{ name: 'start', type: 'datetime', label: 'Window start', required: true }, { name: 'dba', type: 'text', label: 'DBA on call', placeholder: 'name' }, { name: 'pw', type: 'password', label: 'Vault token' }] } }) }),
    message({ id: 'old', text: 'Previous deploy: approve?', createdAt: at(-15 * 60_000), iteration: 1, iterationCount: 2, deliveryStatus: 'webhook_failed', review: review({ status: 'completed', completedAt: at(-14 * 60_000), response: { selectedOption: 'reject', comment: 'Wait for the fix in #412' }, expiresAt: at(3_600_000) }) }),
    message({ id: 'r1', text: 'Fix is in. **Deploy v2.14.0 to production?**', createdAt: at(-5 * 60_000), iteration: 2, iterationCount: 2, review: review({ expiresAt: at(4 * 60_000), payload: { options: [{ id: 'go', label: 'Deploy', style: 'primary' }, { id: 'no', label: 'Hold', style: 'danger' }], allowComment: true } }) }),
    message({ id: 'f9', text: 'Warming caches on eu-west-1', streamState: 'streaming', createdAt: at(-10_000) }),
  ];
  const bridge = new FakeBridge();
  bridge.handle('state:snapshot', () =>
    ok({ accounts, channels, reviews, settings: { reminderLadderMinutes: [60, 15, 5], quietHours: null, sound: true, theme, notificationsPausedUntil: null }, stats: { invalidEvents: 3, quarantinedEvents: 0 } }),
  );
  bridge.handle('messages:page', ({ channelId }) => ok({ messages: channelId === 'ch1' ? feed : [], hasMore: false }));
  bridge.handle('app:info', () => ok({ host: 'web', version: '0.1.0', demo: true }));
  return bridge;
}
