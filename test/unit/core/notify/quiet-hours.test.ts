import { describe, expect, it } from 'vitest';
import { isQuietTime, localMinutesOfDay, parseClockTime } from '../../../../src/main/core/notify/quiet-hours';

const hm = (h: number, m = 0) => h * 60 + m;

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1439],
    ['24:00', null],
    ['12:60', null],
    ['7:30', null],
    ['', null],
  ])('%j → %s', (input, expected) => {
    expect(parseClockTime(input)).toBe(expected);
  });
});

describe('isQuietTime', () => {
  const night = { start: '22:00', end: '07:00' };
  const lunch = { start: '12:00', end: '13:30' };
  it.each([
    ['no quiet hours', null, hm(3), false],
    ['across midnight: late evening', night, hm(23, 30), true],
    ['across midnight: at the start', night, hm(22), true],
    ['across midnight: a minute before the start', night, hm(21, 59), false],
    ['across midnight: just after midnight', night, hm(0, 1), true],
    ['across midnight: a minute before the end', night, hm(6, 59), true],
    ['across midnight: at the end', night, hm(7), false],
    ['across midnight: noon', night, hm(12), false],
    ['same day: inside', lunch, hm(12, 45), true],
    ['same day: at the end', lunch, hm(13, 30), false],
    ['same day: before', lunch, hm(11, 59), false],
    ['equal start and end means none', { start: '08:00', end: '08:00' }, hm(8), false],
    ['an invalid time means none', { start: '25:00', end: '07:00' }, hm(3), false],
  ])('%s', (_name, quiet, minutes, expected) => {
    expect(isQuietTime(quiet, minutes)).toBe(expected);
  });
});

describe('localMinutesOfDay', () => {
  const t = Date.UTC(2025, 5, 1, 23, 30);
  it('applies a fixed offset, wrapping around midnight both ways', () => {
    expect(localMinutesOfDay(t, 0)).toBe(hm(23, 30));
    expect(localMinutesOfDay(t, 120)).toBe(hm(1, 30));
    expect(localMinutesOfDay(Date.UTC(2025, 5, 1, 1, 0), -300)).toBe(hm(20));
  });

  it('uses the process timezone without an offset', () => {
    const d = new Date(t);
    expect(localMinutesOfDay(t)).toBe(d.getHours() * 60 + d.getMinutes());
  });
});
