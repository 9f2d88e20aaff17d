// go-yaml v2 resolve.go: what an untagged (or !!-tagged) plain scalar means.
// The encoder uses it to decide whether a string must be quoted, the decoder to
// type scalars.

export const STR_TAG = 'tag:yaml.org,2002:str';
export const BOOL_TAG = 'tag:yaml.org,2002:bool';
export const INT_TAG = 'tag:yaml.org,2002:int';
export const FLOAT_TAG = 'tag:yaml.org,2002:float';
export const NULL_TAG = 'tag:yaml.org,2002:null';
export const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';
export const BINARY_TAG = 'tag:yaml.org,2002:binary';
export const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** A resolved scalar: ints are bigint, floats number, timestamps keep their text. */
export type Scalar = null | boolean | bigint | number | string;

export class ResolveError extends Error {}

const LONG_PREFIX = 'tag:yaml.org,2002:';
export const shortTag = (tag: string): string =>
  tag.startsWith(LONG_PREFIX) ? `!!${tag.slice(LONG_PREFIX.length)}` : tag;

const MAP = new Map<string, [string, Scalar]>();
function add(tag: string, value: Scalar, names: string[]): void {
  for (const n of names) MAP.set(n, [tag, value]);
}
add(BOOL_TAG, true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
add(BOOL_TAG, false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
add(NULL_TAG, null, ['', '~', 'null', 'Null', 'NULL']);
add(FLOAT_TAG, NaN, ['.nan', '.NaN', '.NAN']);
add(FLOAT_TAG, Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
add(FLOAT_TAG, -Infinity, ['-.inf', '-.Inf', '-.INF']);
add(MERGE_TAG, '<<', ['<<']);

/** First-character hint table: S sign, D digit, M map word, . float. */
function hint(s: string): string {
  if (s === '') return 'N';
  const c = s[0]!;
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

const RESOLVABLE = new Set(['', STR_TAG, BOOL_TAG, INT_TAG, FLOAT_TAG, NULL_TAG, TIMESTAMP_TAG]);
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const MAX_U64 = (1n << 64n) - 1n;
const MAX_I64 = (1n << 63n) - 1n;

/** strconv.ParseUint(s, 0, 64) without underscores: undefined on syntax error, 'range' on overflow. */
function parseUint0(s: string): bigint | 'range' | undefined {
  if (s === '') return undefined;
  let base = 10;
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (p === 'b') [base, s] = [2, s.slice(2)];
    else if (p === 'o') [base, s] = [8, s.slice(2)];
    else if (p === 'x') [base, s] = [16, s.slice(2)];
    else [base, s] = [8, s.slice(1)];
  }
  let n = 0n;
  const b = BigInt(base);
  for (const ch of s) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * b + BigInt(d);
  }
  return n > MAX_U64 ? 'range' : n;
}

/** strconv.ParseInt(s, 0, 64). */
function parseInt0(s: string): bigint | 'range' | undefined {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const u = parseUint0(s);
  if (u === undefined) return undefined;
  if (u === 'range') return 'range';
  if (neg ? u > MAX_I64 + 1n : u > MAX_I64) return 'range';
  return neg ? -u : u;
}

/** big.Int.SetString(s, 0): like ParseInt but unbounded. */
function parseBig(s: string): bigint | undefined {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  if (s.length >= 2 && s[0] === '0' && 'bBoOxX'.includes(s[1]!)) {
    base = { b: 2, o: 8, x: 16 }[s[1]!.toLowerCase() as 'b' | 'o' | 'x'];
    s = s.slice(2);
  } else if (s.length >= 2 && s[0] === '0') {
    base = 8;
  }
  if (s === '') return undefined;
  let n = 0n;
  for (const ch of s) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    n = n * BigInt(base) + BigInt(d);
  }
  return neg ? -n : n;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Does s parse with one of go-yaml's time.Parse layouts (2006-1-2[Tt ]15:4:5.999999999[Z07:00])? */
export function isTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[+-]\d\d:\d\d)?)?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim = month === 2 && leap ? 29 : DAYS[month - 1]!;
  if (day < 1 || day > dim) return false;
  if (m[6] === undefined) return true; // date only
  if (Number(m[6]) >= 24 || Number(m[7]) >= 60 || Number(m[8]) >= 60) return false;
  const zone = m[10];
  // "T"/"t" layouts require a zone; the space layout forbids one.
  if (m[5] !== undefined) return zone === undefined;
  if (zone === undefined) return false;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
  return true;
}

/**
 * resolve(tag, in): the resolved tag and value. Timestamps resolve to their text
 * (go-yaml v2 keeps them as strings when decoding into interface{}).
 * Throws ResolveError for an explicit tag the text does not fit.
 */
export function resolve(tag: string, s: string): { tag: string; value: Scalar } {
  if (!RESOLVABLE.has(tag)) return { tag, value: s };
  const r = resolveUnchecked(tag, s);
  if (tag === '' || tag === r.tag || tag === STR_TAG) return r;
  if (tag === FLOAT_TAG && r.tag === INT_TAG) return { tag: FLOAT_TAG, value: Number(r.value as bigint) };
  throw new ResolveError(`cannot decode ${shortTag(r.tag)} \`${s}\` as a ${shortTag(tag)}`);
}

function resolveUnchecked(tag: string, s: string): { tag: string; value: Scalar } {
  const h = hint(s);
  if (h === '' || tag === STR_TAG) return { tag: STR_TAG, value: s };
  const known = MAP.get(s);
  if (known) return { tag: known[0], value: known[1] };
  if (h === '.') {
    if (DOT_FLOAT.test(s)) return { tag: FLOAT_TAG, value: Number(s) };
  } else if (h === 'D' || h === 'S') {
    if ((tag === '' || tag === TIMESTAMP_TAG) && isTimestamp(s)) return { tag: TIMESTAMP_TAG, value: s };
    const plain = s.replaceAll('_', '');
    const i = parseInt0(plain);
    if (typeof i === 'bigint') return { tag: INT_TAG, value: i };
    const u = parseUint0(plain);
    if (typeof u === 'bigint') return { tag: INT_TAG, value: u };
    if (YAML_FLOAT.test(plain)) {
      const f = Number(plain);
      if (Number.isFinite(f)) return { tag: FLOAT_TAG, value: f };
    }
    if (u === 'range') {
      const b = parseBig(plain);
      if (b !== undefined) return { tag: INT_TAG, value: b };
    }
  }
  return { tag: STR_TAG, value: s };
}

/** Base-60 floats ("1:30") resolve as strings but go-yaml still quotes them for old parsers. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0]!;
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s);
}
