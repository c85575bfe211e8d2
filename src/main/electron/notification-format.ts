import type { Notice } from '../../shared/domain';

export type DesktopPlatform = 'darwin' | 'win32' | 'linux';

export const notificationActions = ['Open', 'Snooze reminder'] as const;
export type NotificationActionLabel = (typeof notificationActions)[number];

export interface FormattedNotification {
  /** Stable per review: macOS and Windows replace a notification with the same id in place. */
  id: string;
  title: string;
  body: string;
  urgency: 'low' | 'normal' | 'critical';
  timeoutType: 'default' | 'never';
  actions: { type: 'button'; text: NotificationActionLabel }[];
  silent: boolean;
}

export const maxTitleLength = 120;
export const maxBodyLength = 300;

// Agents write these texts. Control characters could reorder or hide text (bidi overrides) or
// break the notification daemon's protocol; they go, except the newline.
// eslint-disable-next-line no-control-regex
const controlChars = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function cap(text: string, max: number): string {
  const chars = Array.from(text.replace(controlChars, '').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * freedesktop notification servers read the body as a small markup language (<b>, <a href>,
 * <img>), so agent text is escaped there, after capping, so no entity is cut in half.
 */
export function escapeNotificationMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const reviewKinds = new Set<Notice['kind']>(['review-new', 'review-reminder']);

export function isReviewNotice(notice: Notice): boolean {
  return reviewKinds.has(notice.kind) && notice.accountId !== undefined && notice.messageId !== undefined;
}

export function formatNotification(notice: Notice, platform: DesktopPlatform, options: { sound: boolean } = { sound: true }): FormattedNotification {
  const title = cap(notice.title, maxTitleLength) || 'Placet Companion';
  const body = cap(notice.body, maxBodyLength);
  return {
    id: notice.id,
    title,
    body: platform === 'linux' ? escapeNotificationMarkup(body) : body,
    urgency: notice.urgency,
    // A review about to expire stays on screen until the user does something about it.
    timeoutType: notice.urgency === 'critical' ? 'never' : 'default',
    actions: isReviewNotice(notice) ? notificationActions.map((text) => ({ type: 'button' as const, text })) : [],
    silent: !options.sound || notice.urgency === 'low',
  };
}
