// Go formatting helpers (fmt %v / %q / %t and a few kubectl value printers), plus loose readers
// for unstructured JSON fields (absent fields read as Go zero values).
/* eslint-disable @typescript-eslint/no-explicit-any */

export type Obj = Record<string, any>;
import { goQuote } from '../../util/strconv.js';
export { goQuote };

export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
export const arr = (v: unknown): any[] => (Array.isArray(v) ? v : []);
export const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const has = (v: unknown): boolean => v !== undefined && v !== null;
export const keysSorted = (m: unknown): string[] => Object.keys(obj(m)).sort(byteCompare);

/** Go's string ordering (bytewise UTF-8; equal to UTF-16 order outside surrogates). */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stable sort (Go's sort.Sort/sort.Slice are insertion sorts, hence stable, for <= 12 items). */
export function stableSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  return items
    .map((v, i) => ({ v, i }))
    .sort((a, b) => (less(a.v, b.v) ? -1 : less(b.v, a.v) ? 1 : a.i - b.i))
    .map((x) => x.v);
}

/** describe's printBool: True/False. */
export const printBool = (v: unknown): string => (v === true ? 'True' : 'False');

/** describe's printBoolPtr: <unset> when absent. */
export const printBoolPtr = (v: unknown): string => (has(v) ? printBool(v) : '<unset>');

/** fmt %v / %t of a Go bool. */
export const goBool = (v: unknown): string => (v === true ? 'true' : 'false');

export const stringOrNone = (s: string): string => (s.length > 0 ? s : '<none>');

/** intstr.IntOrString.String(); a nil pointer prints <nil>. */
export function intOrString(v: unknown): string {
  if (!has(v)) return '<nil>';
  return typeof v === 'number' ? String(Math.trunc(v)) : String(v);
}

/** fmt %v of a []string: `[a b]`. */
export const goStrings = (v: unknown): string => `[${arr(v).map(str).join(' ')}]`;

/** fmt %v of an unstructured (JSON-decoded) value, as the generic describer prints it. */
export function goValue(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return goBool(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  const m = obj(v);
  return `map[${keysSorted(m)
    .map((k) => `${k}:${goValue(m[k])}`)
    .join(' ')}]`;
}

// %v of a float64 is strconv 'g' with the shortest digits; for shortest output Go switches to the
// exponent form when exp < -4 || exp >= 6 (so 1e6 prints as 1e+06).
function goFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : f < 0 ? '-Inf' : 'NaN';
  const [mant, e] = f.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const ee = Math.abs(exp);
    return `${mant}e${exp < 0 ? '-' : '+'}${ee < 10 ? '0' : ''}${ee}`;
  }
  return String(f);
}


/** Byte length of a string in UTF-8 (Go's len()). */
export const byteLen = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Go's s[:n] on a UTF-8 string. */
export const byteSlice = (s: string, n: number): string => Buffer.from(s, 'utf8').subarray(0, n).toString('utf8');

/** net.JoinHostPort. */
export const joinHostPort = (host: string, port: string): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** The group of an apiVersion ("apps/v1" -> "apps", "v1" -> ""). */
export const groupOf = (apiVersion: string): string => (apiVersion.includes('/') ? apiVersion.split('/')[0]! : '');
