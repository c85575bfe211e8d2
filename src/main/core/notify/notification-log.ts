import type { Notice } from '../../../shared/domain';
import type { NotificationEvent, SuppressReason } from './notification-policy';

/** One decision of the notification policy, as the store's notification log keeps it. No text, no secrets. */
export interface NotificationLogEntry {
  at: number;
  event: NotificationEvent['type'];
  accountId: string;
  channelId: string | null;
  messageId: string | null;
  action: 'show' | 'withdraw' | 'suppress';
  noticeId: string | null;
  kind: Notice['kind'] | null;
  urgency: Notice['urgency'] | null;
  reason: SuppressReason | null;
}

/** The store implements it; every decision is recorded, suppressions included. */
export interface NotificationLog {
  record(entry: NotificationLogEntry): void;
}

export class InMemoryNotificationLog implements NotificationLog {
  readonly entries: NotificationLogEntry[] = [];

  record(entry: NotificationLogEntry): void {
    this.entries.push(entry);
  }
}
