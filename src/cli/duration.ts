// Go's time.ParseDuration and Duration.String, for --timeout flags and `cluster advance`: kubectl
// takes and prints durations the way Go does (5m, 1h30m, 300ms; "5m0s").

import { CliError } from '../api/errors.js';

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** time.ParseDuration, in milliseconds; throws Go's error text. */
export function parseGoDuration(s: string): number {
  const invalid = () => new Error(`time: invalid duration "${s}"`);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    if (rest[0] === '-') sign = -1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw invalid();
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(\.\d*)?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.') throw invalid();
    rest = rest.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(rest)![0];
    if (unit === '') throw new Error(`time: missing unit in duration "${s}"`);
    const factor = UNIT_MS[unit];
    if (factor === undefined) throw new Error(`time: unknown unit "${unit}" in duration "${s}"`);
    total += Number(num[0]) * factor;
    rest = rest.slice(unit.length);
  }
  return sign * total;
}

/** A duration flag, with pflag's error text: `invalid argument "x" for "--timeout" flag: …`. */
export function durationFlag(name: string, value: unknown): number {
  try {
    return parseGoDuration(String(value));
  } catch (e) {
    throw new CliError(`invalid argument "${String(value)}" for "--${name}" flag: ${(e as Error).message}`);
  }
}

/** Duration.String at millisecond precision: 0s, 250ms, 30s, 5m0s, 1h0m0s, 1m30.5s. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let d = Math.abs(Math.round(ms));
  let out: string;
  if (d < 1000) {
    out = `${d}ms`;
  } else {
    const h = Math.floor(d / 3_600_000);
    d -= h * 3_600_000;
    const m = Math.floor(d / 60_000);
    d -= m * 60_000;
    const frac = d % 1000;
    const secs = `${Math.floor(d / 1000)}${frac ? '.' + String(frac).padStart(3, '0').replace(/0+$/, '') : ''}s`;
    out = h > 0 ? `${h}h${m}m${secs}` : m > 0 ? `${m}m${secs}` : secs;
  }
  return neg ? `-${out}` : out;
}
