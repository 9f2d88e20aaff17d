// Timestamps as describe prints them: Go's time.RFC1123Z in the process's local zone, and ages.

import { humanDuration } from '../duration.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Go formats the zero time.Time (an absent metav1.Time) in UTC, whatever the local zone.
const ZERO_TIME = 'Mon, 01 Jan 0001 00:00:00 +0000';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** Parses an RFC 3339 timestamp (any fractional precision) to epoch ms; undefined if absent/invalid. */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const t = Date.parse(ts.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? undefined : t;
}

/** `Mon, 02 Jan 2006 15:04:05 -0700` in local time, from JS local getters and getTimezoneOffset. */
export function rfc1123z(ts: unknown): string {
  const ms = parseTime(ts);
  if (ms === undefined) return ZERO_TIME;
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return (
    `${DAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${pad(d.getFullYear(), 4)} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${sign}${pad(Math.trunc(a / 60))}${pad(a % 60)}`
  );
}

/** describe's translateTimestampSince: `<unknown>` for a zero time, else HumanDuration(now - ts). */
export function since(ts: unknown, now: number): string {
  const ms = parseTime(ts);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}
