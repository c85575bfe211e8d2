// How urgent a deadline is. Tone is shown as colour AND words, never colour alone.

export type Urgency = 'calm' | 'soon' | 'urgent' | 'critical' | 'overdue';

export const urgencyLabel: Record<Urgency, string> = {
  calm: 'Plenty of time',
  soon: 'Due within the hour',
  urgent: 'Due in 15 minutes',
  critical: 'Expiring now',
  overdue: 'Expired',
};

/** Thresholds follow the default reminder ladder (T−1 h, T−15 min, T−5 min). */
export function urgencyOf(msLeft: number): Urgency {
  if (msLeft <= 0) return 'overdue';
  if (msLeft <= 5 * 60_000) return 'critical';
  if (msLeft <= 15 * 60_000) return 'urgent';
  if (msLeft <= 60 * 60_000) return 'soon';
  return 'calm';
}

/** "2h 05m", "14m 09s", "45s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3_600);
  const m = Math.floor((total % 3_600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

export function countdownText(expiresAt: string, now: number): string {
  const left = Date.parse(expiresAt) - now;
  if (Number.isNaN(left)) return 'No deadline';
  return left <= 0 ? `Expired ${formatDuration(-left)} ago` : `${formatDuration(left)} left`;
}
