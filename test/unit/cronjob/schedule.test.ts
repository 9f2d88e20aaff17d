// Cron parsing and next schedule times (robfig/cron's standard parser, as the CronJob controller uses).

import { describe, expect, it } from 'vitest';
import { mostRecent, nextAfter, parseSchedule, rfc3339In } from '../../../src/controllers/cronjob/schedule.js';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000', ''));

describe('parseSchedule', () => {
  it('expands lists, ranges, steps and names', () => {
    const s = parseSchedule('0,30 9-17/4 1-10/3 jan-mar,DEC mon-fri');
    expect([...s.minute]).toEqual([0, 30]);
    expect([...s.hour]).toEqual([9, 13, 17]);
    expect([...s.dom]).toEqual([1, 4, 7, 10]);
    expect([...s.month]).toEqual([1, 2, 3, 12]);
    expect([...s.dow]).toEqual([1, 2, 3, 4, 5]);
    expect(s.domStar || s.dowStar).toBe(false);
  });

  it('a/n runs from a to the maximum; */1 is a star, */2 is not', () => {
    expect([...parseSchedule('50/5 * * * *').minute]).toEqual([50, 55]);
    expect(parseSchedule('* * */1 * *').domStar).toBe(true);
    expect(parseSchedule('* * */2 * *').domStar).toBe(false);
    expect(parseSchedule('* * ? * *').domStar).toBe(true);
  });

  it.each([
    ['@hourly', '0 * * * *'],
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@weekly', '0 0 * * 0'],
    ['@monthly', '0 0 1 * *'],
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
  ])('%s is %s', (d, equivalent) => {
    expect(parseSchedule(d)).toEqual(parseSchedule(equivalent));
  });

  it.each(['* * * *', '60 * * * *', '* 24 * * *', '* * 0 * *', '5-1 * * * *', '*/0 * * * *', 'x * * * *', '* * * * 7'])(
    'rejects %s',
    (bad) => {
      expect(() => parseSchedule(bad)).toThrow();
    },
  );
});

describe('nextAfter', () => {
  it.each([
    ['*/5 * * * *', '2026-01-01T00:00:00Z', undefined, '2026-01-01T00:05:00Z'],
    ['*/5 * * * *', '2026-01-01T00:04:59Z', undefined, '2026-01-01T00:05:00Z'],
    ['* * * * *', '2026-01-01T00:00:30Z', undefined, '2026-01-01T00:01:00Z'],
    ['@hourly', '2026-01-01T00:00:00Z', undefined, '2026-01-01T01:00:00Z'],
    ['0 9 * * mon', '2026-01-01T00:00:00Z', undefined, '2026-01-05T09:00:00Z'],
    ['30 2 29 2 *', '2026-01-01T00:00:00Z', undefined, '2028-02-29T02:30:00Z'],
    // Both day fields restricted: either matches (the 13th, or any Friday).
    ['0 0 13 * 5', '2026-01-01T00:00:00Z', undefined, '2026-01-02T00:00:00Z'],
    // One day field a star: both must match (Friday the 13th).
    ['0 0 13 * *', '2026-01-01T00:00:00Z', undefined, '2026-01-13T00:00:00Z'],
    ['0 0 * 12 *', '2026-01-01T00:00:00Z', undefined, '2026-12-01T00:00:00Z'],
    // Wall-clock times in a zone: 09:00 in Seoul is 00:00 UTC.
    ['0 9 * * *', '2026-01-01T00:00:00Z', 'Asia/Seoul', '2026-01-02T00:00:00Z'],
    ['0 9 * * *', '2026-06-30T12:00:00Z', 'America/New_York', '2026-06-30T13:00:00Z'],
    ['0 9 * * *', '2026-01-01T00:00:00Z', 'America/New_York', '2026-01-01T14:00:00Z'],
  ])('%s after %s (%s) is %s', (spec, after, tz, next) => {
    expect(iso(nextAfter(parseSchedule(spec), at(after), tz))).toBe(next);
  });
});

describe('mostRecent', () => {
  it('finds the last due time, how many were missed, and the next one', () => {
    const r = mostRecent(parseSchedule('*/2 * * * *'), at('2026-01-01T00:00:00Z'), at('2026-01-01T00:07:30Z'));
    expect(iso(r.last)).toBe('2026-01-01T00:06:00Z');
    expect(r.missed).toBe(3);
    expect(iso(r.next)).toBe('2026-01-01T00:08:00Z');
  });

  it('nothing due yet', () => {
    const r = mostRecent(parseSchedule('@hourly'), at('2026-01-01T00:00:00Z'), at('2026-01-01T00:59:59Z'));
    expect(r.last).toBeUndefined();
    expect(iso(r.next)).toBe('2026-01-01T01:00:00Z');
  });

  it('a long gap stays quick and still finds the latest time', () => {
    const r = mostRecent(parseSchedule('* * * * *'), at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:30Z'));
    expect(iso(r.last)).toBe('2026-03-01T00:00:00Z');
    expect(r.missed).toBeGreaterThan(100);
  });
});

it('rfc3339In writes the zone offset', () => {
  expect(rfc3339In(at('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00Z');
  expect(rfc3339In(at('2026-01-01T00:00:00Z'), 'Asia/Seoul')).toBe('2026-01-01T09:00:00+09:00');
  expect(rfc3339In(at('2026-01-01T00:00:00Z'), 'America/New_York')).toBe('2025-12-31T19:00:00-05:00');
});
