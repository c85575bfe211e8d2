import type { AgentStatusValue, DeliveryStatus } from '../../shared/placet/schemas';
import type { ConnectionState, KeyStorage } from '../../shared/domain';
import { formatDuration } from './countdown';

const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(size: number): string {
  if (!Number.isFinite(size) || size < 0) return 'unknown size';
  let v = size;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export function initials(name: string): string {
  const words = name.trim().split(/[\s_\-.]+/u).filter(Boolean);
  const chars = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return (chars.join('') || '?').toUpperCase();
}

export const agentStatusLabel: Record<AgentStatusValue, string> = {
  active: 'Active',
  busy: 'Busy',
  error: 'Error',
  offline: 'Offline',
};

export const deliveryLabel: Record<DeliveryStatus, string> = {
  sent: 'Sent',
  webhook_delivered: 'Delivered to webhook',
  webhook_failed: 'Webhook failed',
  agent_received: 'Acknowledged by agent',
};

export const keyStorageLabel: Record<KeyStorage, { short: string; detail: string }> = {
  keychain: { short: 'OS keychain', detail: 'Stored in the operating system keychain.' },
  'encrypted-file': { short: 'Encrypted file', detail: 'No keychain is available: stored encrypted on disk with the system key.' },
  session: { short: 'This session only', detail: 'Not stored: the key is forgotten when the companion quits.' },
};

export function connectionText(c: ConnectionState, now: number): string {
  switch (c.status) {
    case 'connected':
      return 'Connected';
    case 'connecting':
      return 'Connecting…';
    case 'degraded':
      return c.error ? `Degraded: ${c.error}` : 'Degraded';
    case 'reconnecting': {
      const attempt = c.attempt ? ` (attempt ${c.attempt})` : '';
      if (c.nextRetryAt && c.nextRetryAt > now) return `Reconnecting in ${formatDuration(c.nextRetryAt - now)}${attempt}`;
      return `Reconnecting…${attempt}`;
    }
    case 'key-rejected':
      return 'Key rejected';
    case 'offline':
      return c.error ? `Server unreachable: ${c.error}` : 'Server unreachable';
    case 'disabled':
      return 'Disabled';
  }
}

export const connectionProblem = (c: ConnectionState): boolean =>
  c.status === 'key-rejected' || c.status === 'offline' || c.status === 'reconnecting' || c.status === 'degraded';

/** "just now", "4m ago", "3h ago", "2d ago". */
export function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 'unknown';
  const s = Math.max(0, Math.floor((now - t) / 1000));
  if (s < 45) return 'just now';
  if (s < 3_600) return `${Math.round(s / 60)}m ago`;
  if (s < 86_400) return `${Math.round(s / 3_600)}h ago`;
  return `${Math.round(s / 86_400)}d ago`;
}

export function clockTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Only these may be handed to `links:open`; main checks again. */
export function isOpenableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/** Where a review is answered: the Placet web app's chat (DESIGN.md). */
export const placetChatUrl = (serverUrl: string, channelId: string): string =>
  `${serverUrl.replace(/\/+$/u, '')}/chats/${encodeURIComponent(channelId)}`;

/** "Ops · placet.example.com", or only the host when the label is the host (the default label). */
export function accountPlace(label: string, serverUrl: string): string {
  const host = hostOf(serverUrl);
  return label.trim() === host ? host : `${label} · ${host}`;
}

/**
 * The name to show for each account. Two keys on one server get the same default label, and a
 * sidebar with two identical headings cannot be told apart, so clashing labels get the key's last 4.
 */
export function distinctAccountLabels(accounts: readonly { accountId: string; label: string; last4: string }[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const a of accounts) counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
  return new Map(accounts.map((a) => [a.accountId, (counts.get(a.label) ?? 0) > 1 && a.last4 ? `${a.label} (key …${a.last4})` : a.label]));
}
