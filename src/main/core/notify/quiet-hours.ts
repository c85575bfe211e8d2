import type { Settings } from '../../../shared/domain';

// Quiet hours are wall-clock times in the operator's own timezone, so the question "is it quiet
// now?" needs the local time of day, which the host supplies (or the process's timezone).

const DAY_MINUTES = 24 * 60;

/** Minutes since local midnight, from the process's timezone or a fixed UTC offset (minutes east). */
export function localMinutesOfDay(ms: number, utcOffsetMinutes?: number): number {
  if (utcOffsetMinutes === undefined) {
    const d = new Date(ms);
    return d.getHours() * 60 + d.getMinutes();
  }
  const minutes = Math.floor(ms / 60_000) + utcOffsetMinutes;
  return ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** `'HH:mm'` → minutes since midnight, or null when it is not a valid time. */
export function parseClockTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/**
 * Whether `minutesOfDay` falls in the quiet window `[start, end)`, which may span midnight
 * (22:00–07:00). Equal start and end, or an unparseable time, mean no quiet hours: when in
 * doubt the operator is told rather than silenced (pausing is the way to silence everything).
 */
export function isQuietTime(quietHours: Settings['quietHours'], minutesOfDay: number): boolean {
  if (!quietHours) return false;
  const start = parseClockTime(quietHours.start);
  const end = parseClockTime(quietHours.end);
  if (start === null || end === null || start === end) return false;
  return start < end ? minutesOfDay >= start && minutesOfDay < end : minutesOfDay >= start || minutesOfDay < end;
}
