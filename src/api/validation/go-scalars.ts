// Go-side pieces of kube-apiserver's JSON decoding that produce user-visible error text:
// strconv.Quote, encoding/json number/string encoding (what kubectl sends), resource.ParseQuantity,
// time.Parse for metav1.Time/MicroTime, and base64.StdEncoding. Ported for behaviour only.


import { goQuote } from '../../util/strconv.js';
export { goQuote };
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A JSON number as Go's encoding/json writes a float64/int64 - the literal the apiserver sees. */
export function goNumberText(n: number): string {
  // Integral values below 1e21 print in full ('f' format); JS would switch to exponent at 1e21 too.
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n); // shortest round-trip digits; exponent form matches Go's cleaned "e-7"/"e+21"
}

/** Body of a JSON string as Go's encoder (HTML-escaping on) writes it: the raw bytes a custom
 *  UnmarshalJSON such as Quantity's sees, since it strips the quotes without unescaping. */
export function goJSONStringBody(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x22 || cp === 0x5c) out += `\\${ch}`;
    else if (cp === 0x3c || cp === 0x3e || cp === 0x26 || cp === 0x2028 || cp === 0x2029) out += `\\u${hex(cp, 4)}`;
    else if (cp < 0x20) out += JSON_SHORT[cp] ?? `\\u00${hex(cp, 2)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out;
}

const JSON_SHORT: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/** strings.TrimSpace (unicode.IsSpace). */
export function goTrimSpace(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// resource.ParseQuantity (k8s.io/apimachinery/pkg/api/resource/quantity.go): error text only.

const QUANTITY_FORMAT =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const QUANTITY_NUMERIC = 'unable to parse numeric part of quantity';
const QUANTITY_SUFFIX = "unable to parse quantity's suffix";

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const isDigitCh = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Error Quantity.UnmarshalJSON returns for the raw JSON text (quotes already stripped), or null. */
export function quantityError(rawText: string): string | null {
  const str = goTrimSpace(rawText);
  if (str === '') return QUANTITY_FORMAT;
  if (str === '0') return null;
  const parsed = scanQuantity(str);
  if (typeof parsed === 'string') return parsed;
  const { value, num, denom, suffix } = parsed;

  let base: 2 | 10;
  let exponent: number;
  if (suffix in DEC_SUFFIX) [base, exponent] = [10, DEC_SUFFIX[suffix]!];
  else if (suffix in BIN_SUFFIX) [base, exponent] = [2, BIN_SUFFIX[suffix]!];
  else if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const n = BigInt(suffix.slice(1));
    if (n > 9223372036854775807n || n < -9223372036854775808n) return QUANTITY_SUFFIX; // ParseInt range
    [base, exponent] = [10, Number(BigInt.asIntN(32, n))];
  } else return QUANTITY_SUFFIX;

  // Fast path (int64 arithmetic) vs. inf.Dec slow path; only the slow path can fail, and only
  // when the numeric part has no digit at all (inf.Dec.SetString).
  let precision: number;
  let scale = 0;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else if (denom.length === 0) {
    precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
  } else precision = -1;
  const fast = precision >= 0 && scale - denom.length >= -9;
  if (!fast && !/[0-9]/.test(value)) return QUANTITY_NUMERIC;
  return null;
}

// parseQuantityString: splits sign/number/suffix or fails with the format error.
function scanQuantity(str: string): { value: string; num: string; denom: string; suffix: string } | string {
  const end = str.length;
  let pos = 0;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigitCh(str[i])) i++;
  if (i >= end) return { value: str, num: str.slice(pos), denom: '', suffix: '' };
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigitCh(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos]!)) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigitCh(str[pos])) pos++;
  if (pos < end) return QUANTITY_FORMAT;
  return { value, num, denom, suffix: str.slice(suffixStart) };
}

// ---------------------------------------------------------------------------------------------
// time.Parse with RFC3339 / RFC3339Micro layouts (metav1.Time / metav1.MicroTime UnmarshalJSON).

type Std = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'frac6' | 'tz';
const DATE_TIME: [string, Std, string][] = [
  ['', 'year', '2006'], ['-', 'month', '01'], ['-', 'day', '02'], ['T', 'hour', '15'], [':', 'minute', '04'], [':', 'second', '05'],
];
const LAYOUTS = {
  time: { text: '2006-01-02T15:04:05Z07:00', chunks: [...DATE_TIME, ['', 'tz', 'Z07:00']] as [string, Std, string][] },
  microTime: {
    text: '2006-01-02T15:04:05.000000Z07:00',
    chunks: [...DATE_TIME, ['', 'frac6', '.000000'], ['', 'tz', 'Z07:00']] as [string, Std, string][],
  },
};

/** The error time.Parse returns for value (works on UTF-8 bytes, like Go), or null. */
export function timeParseError(value: string, layoutName: 'time' | 'microTime'): string | null {
  const layout = LAYOUTS[layoutName];
  const q = (b: Uint8Array) => timeQuote(b);
  const whole = new TextEncoder().encode(value);
  const cannot = (valueElem: Uint8Array, layoutElem: string) =>
    `parsing time ${q(whole)} as "${layout.text}": cannot parse ${q(valueElem)} as "${layoutElem}"`;
  let v: Uint8Array = whole;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const [prefix, std, stdText] of layout.chunks) {
    for (const ch of prefix) {
      if (v.length === 0 || v[0] !== ch.charCodeAt(0)) return cannot(v, prefix);
      v = v.subarray(1);
    }
    const hold = v;
    let bad = false;
    let range = '';
    switch (std) {
      case 'year':
        if (v.length < 4 || !digitAt(v, 0) || !digitAt(v, 1) || !digitAt(v, 2) || !digitAt(v, 3)) bad = true;
        else [year, v] = [Number(ascii(v.subarray(0, 4))), v.subarray(4)];
        break;
      case 'month':
      case 'day':
      case 'minute':
      case 'hour': {
        const r = getnum(v, std !== 'hour');
        if (!r) { bad = true; break; }
        v = r[1];
        if (std === 'month') { month = r[0]; if (month < 1 || month > 12) range = 'month'; }
        if (std === 'day') day = r[0];
        if (std === 'hour' && r[0] >= 24) range = 'hour';
        if (std === 'minute' && r[0] >= 60) range = 'minute';
        break;
      }
      case 'second': {
        const r = getnum(v, true);
        if (!r) { bad = true; break; }
        v = r[1];
        if (r[0] >= 60) { range = 'second'; break; }
        // A fraction the layout doesn't mention is still consumed (not for MicroTime's own).
        if (layoutName === 'time' && v.length >= 2 && (v[0] === 0x2e || v[0] === 0x2c) && digitAt(v, 1)) {
          let n = 2;
          while (n < v.length && digitAt(v, n)) n++;
          v = v.subarray(n);
        }
        break;
      }
      case 'frac6': {
        if (v.length < 7) { bad = true; break; }
        const digits = ascii(v.subarray(1, 7));
        if ((v[0] !== 0x2e && v[0] !== 0x2c) || !/^[+-]?[0-9]+$/.test(digits)) bad = true;
        else if (digits.startsWith('-') && Number(digits) !== 0) range = 'fractional second';
        v = v.subarray(7);
        break;
      }
      case 'tz': {
        if (v.length >= 1 && v[0] === 0x5a /* Z */) { v = v.subarray(1); break; }
        if (v.length < 6 || v[3] !== 0x3a /* : */) { bad = true; break; }
        const sign = v[0];
        const hh = getnum(v.subarray(1, 3), true);
        const mm = hh ? getnum(v.subarray(4, 6), true) : null;
        v = v.subarray(6);
        if (!hh || !mm) bad = true;
        if ((hh?.[0] ?? 0) > 24) range = 'time zone offset hour';
        if ((mm?.[0] ?? 0) > 60) range = 'time zone offset minute';
        if (sign !== 0x2b && sign !== 0x2d) bad = true;
        break;
      }
    }
    if (range) return `parsing time ${q(whole)}: ${range} out of range`;
    if (bad) return cannot(hold, stdText);
  }
  if (v.length > 0) return `parsing time ${q(whole)}: extra text: ${q(v)}`;
  if (day < 1 || day > daysIn(month, year)) return `parsing time ${q(whole)}: day out of range`;
  return null;
}

const digitAt = (b: Uint8Array, i: number) => i < b.length && b[i]! >= 0x30 && b[i]! <= 0x39;
const ascii = (b: Uint8Array) => String.fromCharCode(...b);

function getnum(b: Uint8Array, fixed: boolean): [number, Uint8Array] | null {
  if (!digitAt(b, 0)) return null;
  if (!digitAt(b, 1)) return fixed ? null : [b[0]! - 0x30, b.subarray(1)];
  return [(b[0]! - 0x30) * 10 + (b[1]! - 0x30), b.subarray(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// time's own quote(): \x escapes for every byte of a non-ASCII or control character.
function timeQuote(b: Uint8Array): string {
  let out = '"';
  for (const byte of b) {
    if (byte >= 0x80 || byte < 0x20) out += `\\x${hex(byte, 2)}`;
    else out += (byte === 0x22 || byte === 0x5c ? '\\' : '') + String.fromCharCode(byte);
  }
  return `${out}"`;
}

// ---------------------------------------------------------------------------------------------
// base64.StdEncoding.Decode (encoding/json decodes []byte fields with it).

const B64 = (() => {
  const map = new Uint8Array(256).fill(0xff);
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < chars.length; i++) map[chars.charCodeAt(i)] = i;
  return map;
})();

/** "illegal base64 data at input byte N" for s (as UTF-8), or null when it decodes. */
export function base64Error(s: string): string | null {
  const b = new TextEncoder().encode(s);
  const n = b.length;
  const corrupt = (at: number) => `illegal base64 data at input byte ${at}`;
  const isNL = (c: number | undefined) => c === 0x0a || c === 0x0d;
  let si = 0;
  while (si < n) {
    // One decodeQuantum: up to four symbols, newlines skipped, '=' padding only at the end.
    for (let j = 0; j < 4; j++) {
      if (si === n) return j === 0 ? null : corrupt(si - j);
      const c = b[si++]!;
      if (B64[c] !== 0xff) continue;
      if (isNL(c)) { j--; continue; }
      if (c !== 0x3d || j < 2) return corrupt(si - 1);
      if (j === 2) {
        while (si < n && isNL(b[si])) si++;
        if (si === n) return corrupt(n);
        if (b[si] !== 0x3d) return corrupt(si - 1);
        si++;
      }
      while (si < n && isNL(b[si])) si++;
      return si < n ? corrupt(si) : null;
    }
  }
  return null;
}
