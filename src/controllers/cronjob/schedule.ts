// Cron schedules as the CronJob controller reads them (robfig/cron's standard parser): five fields
// minute hour day-of-month month day-of-week, each `*`, `?`, a value, a range `a-b`, a step `*/n`,
// `a-b/n` or `a/n` (a to the field's maximum), comma-separated lists, month and weekday names
// (JAN-DEC, SUN-SAT); or a descriptor @yearly @annually @monthly @weekly @daily @midnight @hourly.
// When both day fields are restricted, either may match; when one is `*`/`?`, both must.
// Times are evaluated as wall-clock times in the schedule's time zone (UTC unless timeZone is set).

export interface Schedule {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  /** Day of month or day of week was `*` or `?` (robfig's star bit). */
  domStar: boolean;
  dowStar: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds {
  min: number;
  max: number;
  names?: string[];
  /** The value the first name stands for. */
  base?: number;
}

const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, base: 1 },
  { min: 0, max: 6, names: DAYS, base: 0 },
];

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function value(s: string, b: Bounds): number {
  const named = b.names?.indexOf(s.toLowerCase()) ?? -1;
  if (named >= 0) return named + (b.base ?? 0);
  if (!/^\d+$/.test(s)) throw new Error(`failed to parse int from ${s}`);
  return Number(s);
}

/** One field; returns the values and whether it was a star (a star with a step > 1 is not). */
function field(expr: string, b: Bounds): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of expr.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new Error(`too many slashes: ${part}`);
    let lo: number;
    let hi: number;
    let partStar = false;
    if (range === '*' || range === '?') {
      [lo, hi, partStar] = [b.min, b.max, true];
    } else {
      const [a, z, more] = range!.split('-');
      if (more !== undefined) throw new Error(`too many hyphens: ${part}`);
      lo = value(a!, b);
      hi = z !== undefined ? value(z, b) : stepText !== undefined ? b.max : lo;
    }
    const step = stepText === undefined ? 1 : value(stepText, { min: 0, max: 0 });
    if (step === 0) throw new Error(`step of range should be a positive number: ${part}`);
    if (lo < b.min) throw new Error(`beginning of range (${lo}) below minimum (${b.min}): ${part}`);
    if (hi > b.max) throw new Error(`end of range (${hi}) above maximum (${b.max}): ${part}`);
    if (lo > hi) throw new Error(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    if (partStar && step === 1) star = true;
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

/** Parses a schedule; throws on a malformed one (the API validation reports those first). */
export function parseSchedule(spec: string): Schedule {
  const text = DESCRIPTORS[spec.trim().toLowerCase()] ?? spec.trim();
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`expected exactly 5 fields, found ${parts.length}: ${spec}`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => field(p, FIELDS[i]!));
  return {
    minute: minute!.values,
    hour: hour!.values,
    dom: dom!.values,
    month: month!.values,
    dow: dow!.values,
    domStar: dom!.star,
    dowStar: dow!.star,
  };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant (ms; wall = utc + offset). */
export function zoneOffset(timeZone: string | undefined, ms: number): number {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']! % 24, p['minute']!, p['second']!);
  return wall - Math.floor(ms / 1000) * 1000;
}

function dayMatches(s: Schedule, d: Date): boolean {
  const dom = s.dom.has(d.getUTCDate());
  const dow = s.dow.has(d.getUTCDay());
  return s.domStar || s.dowStar ? dom && dow : dom || dow;
}

/** The first schedule time strictly after `afterMs` (ms), or undefined when none within five years. */
export function nextAfter(s: Schedule, afterMs: number, timeZone?: string): number | undefined {
  // Walk wall-clock time (held in a Date's UTC fields), skipping whole months, days and hours.
  let wall = Math.floor((afterMs + zoneOffset(timeZone, afterMs)) / 60_000) * 60_000 + 60_000;
  const limit = wall + 5 * 366 * 86_400_000;
  while (wall < limit) {
    const d = new Date(wall);
    if (!s.month.has(d.getUTCMonth() + 1)) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(s, d)) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!s.hour.has(d.getUTCHours())) {
      wall = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!s.minute.has(d.getUTCMinutes())) {
      wall += 60_000;
      continue;
    }
    const instant = wall - zoneOffset(timeZone, wall - zoneOffset(timeZone, wall));
    if (instant > afterMs) return instant;
    wall += 60_000;
  }
  return undefined;
}

/**
 * The latest schedule time in (earliestMs, nowMs], the number of them (capped at `cap`), and the next
 * one after now (getMostRecentScheduleTime).
 */
export function mostRecent(s: Schedule, earliestMs: number, nowMs: number, timeZone?: string, cap = 101): {
  last?: number;
  missed: number;
  next?: number;
} {
  let last: number | undefined;
  let missed = 0;
  let t = nextAfter(s, earliestMs, timeZone);
  while (t !== undefined && t <= nowMs) {
    last = t;
    missed++;
    let from = t;
    // Too many to walk one by one (a long time unwatched): jump to the last week before now.
    if (missed === cap && nowMs - 8 * 86_400_000 > t) from = nowMs - 8 * 86_400_000;
    t = nextAfter(s, from, timeZone);
  }
  return { last, missed, next: t };
}

/** An instant as RFC 3339 in the zone (`2026-11-22T23:00:00Z`, or with the zone's offset). */
export function rfc3339In(ms: number, timeZone?: string): string {
  const off = zoneOffset(timeZone, ms);
  const wall = new Date(ms + off).toISOString().replace(/\.\d{3}Z$/, '');
  if (off === 0) return `${wall}Z`;
  const sign = off < 0 ? '-' : '+';
  const mins = Math.abs(off) / 60_000;
  return `${wall}${sign}${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}
