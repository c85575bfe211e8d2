import type { ReviewItem } from '../../shared/domain';
import type { AttentionState } from '../core/ports';
import { productName } from './app-identity';

export interface AttentionSummary {
  state: AttentionState;
  pendingReviews: number;
  mostUrgent: ReviewItem[];
}

export interface TrayContext {
  now: number;
  notificationsPausedUntil: number | null;
  closeToTray: boolean;
  startAtLogin: boolean;
  /** Formats a clock time for "paused until 14:30" (locale-aware in the app, fixed in tests). */
  formatTime(epochMs: number): string;
}

export type TrayAction = 'open' | 'quit' | 'pause-1h' | 'pause-tomorrow' | 'resume-notifications' | 'toggle-close-to-tray' | 'toggle-start-at-login';

export type TrayMenuItem =
  | { kind: 'review'; label: string; review: Pick<ReviewItem, 'accountId' | 'channelId' | 'messageId'> }
  | { kind: 'action'; action: TrayAction; label: string }
  | { kind: 'checkbox'; action: TrayAction; label: string; checked: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'separator' };

export const maxTrayReviews = 5;

/**
 * The icon follows what needs the operator: a connection problem outranks pending reviews (a
 * dead connection may hide new ones); any pending review means attention even if the core's
 * summary lags behind the count.
 */
export function trayIconState(summary: AttentionSummary): AttentionState {
  if (summary.state === 'problem') return 'problem';
  if (summary.pendingReviews > 0 || summary.state === 'attention') return 'attention';
  return 'ok';
}

function pendingText(count: number): string {
  if (count <= 0) return 'no reviews waiting';
  return count === 1 ? '1 review waiting' : `${count} reviews waiting`;
}

export function isPaused(ctx: Pick<TrayContext, 'now' | 'notificationsPausedUntil'>): boolean {
  return ctx.notificationsPausedUntil !== null && ctx.notificationsPausedUntil > ctx.now;
}

export function trayTooltip(summary: AttentionSummary, ctx: TrayContext): string {
  const parts = [pendingText(Math.max(0, summary.pendingReviews))];
  if (trayIconState(summary) === 'problem') parts.unshift('connection problem');
  if (isPaused(ctx)) parts.push(`notifications paused until ${ctx.formatTime(ctx.notificationsPausedUntil ?? 0)}`);
  // Windows cuts tray tooltips at 127 characters.
  return `${productName} — ${parts.join(' · ')}`.slice(0, 127);
}

export function expiresInText(expiresAt: string, now: number): string {
  const ms = Date.parse(expiresAt) - now;
  if (!Number.isFinite(ms)) return 'no deadline';
  if (ms <= 0) return 'expired';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min left`;
}

function reviewLabel(review: ReviewItem, now: number): string {
  const text = `${review.agentName}: ${review.summary}`.replace(/\s+/g, ' ').trim();
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  // A single "&" is an accelerator marker in Windows menus.
  return `${short} (${expiresInText(review.expiresAt, now)})`.replace(/&/g, '&&');
}

export function buildTrayMenu(summary: AttentionSummary, ctx: TrayContext): TrayMenuItem[] {
  const urgent = [...summary.mostUrgent]
    .filter((r) => r.status === 'pending')
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
    .slice(0, maxTrayReviews);
  const items: TrayMenuItem[] = [{ kind: 'action', action: 'open', label: `Open ${productName}` }, { kind: 'separator' }];
  if (urgent.length === 0) items.push({ kind: 'label', label: 'No reviews waiting' });
  for (const review of urgent) {
    items.push({ kind: 'review', label: reviewLabel(review, ctx.now), review: { accountId: review.accountId, channelId: review.channelId, messageId: review.messageId } });
  }
  items.push({ kind: 'separator' });
  if (isPaused(ctx)) {
    items.push({ kind: 'label', label: `Notifications paused until ${ctx.formatTime(ctx.notificationsPausedUntil ?? 0)}` });
    items.push({ kind: 'action', action: 'resume-notifications', label: 'Resume notifications' });
  } else {
    items.push({ kind: 'action', action: 'pause-1h', label: 'Pause notifications for 1 hour' });
    items.push({ kind: 'action', action: 'pause-tomorrow', label: 'Pause notifications until tomorrow' });
  }
  items.push({ kind: 'separator' });
  items.push({ kind: 'checkbox', action: 'toggle-close-to-tray', label: 'Keep running in the tray when closed', checked: ctx.closeToTray });
  items.push({ kind: 'checkbox', action: 'toggle-start-at-login', label: 'Start at login', checked: ctx.startAtLogin });
  items.push({ kind: 'separator' });
  items.push({ kind: 'action', action: 'quit', label: 'Quit' });
  return items;
}

/** "Until tomorrow" means tomorrow at 08:00 local time: the start of a working day. */
export function pausedUntil(choice: 'pause-1h' | 'pause-tomorrow', now: number): number {
  if (choice === 'pause-1h') return now + 60 * 60_000;
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}

/** The dock/taskbar badge: the pending count, capped where it would not fit. */
export function badgeText(pendingReviews: number): string {
  if (pendingReviews <= 0) return '';
  return pendingReviews > 99 ? '99+' : String(pendingReviews);
}
