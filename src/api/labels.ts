// Label maps and label selectors as apimachinery formats them (pkg/labels, meta/v1 helpers).
// Parsing/validation follows apimachinery pkg/labels/selector.go and api/validate/content/kube.go;
import { goQuote } from '../util/strconv.js';
export { goQuote };
// error texts are byte-identical to upstream (field.Error / utilerrors.Aggregate formatting).

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** labels.FormatLabels: "k=v" sorted, joined with ","; "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const parts = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  if (parts.length === 0) return '<none>';
  parts.sort();
  return parts.join(',');
}

// ---------------------------------------------------------------------------------------------
// Go compatibility helpers (shared with fields.ts).

/** Go string ordering (UTF-8 byte order == code point order), unlike JS's UTF-16 `<`. */
export function goCompare(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** encoding/json rendering of a []string (HTML-escaping on, nil → null). */
function goJSONStrings(vals: readonly string[] | null): string {
  if (vals === null) return 'null';
  const enc = (s: string) =>
    JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  return '[' + vals.map(enc).join(',') + ']';
}

const utf8Len = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------
// validation (api/validate/content): IsLabelKey (= IsQualifiedName) and IsLabelValue.
// NB: servers before the content package said "characters" / "a qualified name"; 1.35+ say "bytes".

function regexError(msg: string, re: string, ...examples: string[]): string {
  let out = msg + ' (e.g. ';
  examples.forEach((e, i) => {
    if (i > 0) out += ' or ';
    out += `'${e}', `;
  });
  return out + `regex used for validation is '${re}')`;
}
const maxLenError = (n: number) => `must be no more than ${n} bytes`;

const KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const KEY_RE = new RegExp(`^${KEY_FMT}$`);
const KEY_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const VALUE_FMT = `(${KEY_FMT})?`;
const VALUE_RE = new RegExp(`^${VALUE_FMT}$`);
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS_SUBDOMAIN_FMT = `${DNS_LABEL}(\\.${DNS_LABEL})*`;
const DNS_SUBDOMAIN_RE = new RegExp(`^${DNS_SUBDOMAIN_FMT}$`);
const DNS_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (utf8Len(v) > 253) errs.push(maxLenError(253));
  if (!DNS_SUBDOMAIN_RE.test(v)) errs.push(regexError(DNS_SUBDOMAIN_MSG, DNS_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsQualifiedName / content.IsLabelKey: list of problems, empty when valid. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => 'prefix part ' + m));
  } else {
    return [
      'a valid label key ' +
        regexError(KEY_MSG, KEY_FMT, 'MyName', 'my.name', '123-abc') +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (utf8Len(name) > 63) errs.push('name part ' + maxLenError(63));
  if (!KEY_RE.test(name)) errs.push('name part ' + regexError(KEY_MSG, KEY_FMT, 'MyName', 'my.name', '123-abc'));
  return errs;
}

/** validation.IsValidLabelValue / content.IsLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Len(value) > 63) errs.push(maxLenError(63));
  if (!VALUE_RE.test(value)) errs.push(regexError(VALUE_MSG, VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

// field.Invalid(path, value, detail).Error(); a nil *field.Path prints as "<nil>".
const invalid = (path: string, bad: string, detail: string) => `${path}: Invalid value: ${bad}: ${detail}`;

/** utilerrors.Aggregate.Error() of field.ErrorList.ToAggregate() (deduplicated). */
function aggregate(msgs: string[]): string | undefined {
  const uniq = [...new Set(msgs)];
  if (uniq.length === 0) return undefined;
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

// ---------------------------------------------------------------------------------------------
// Requirements and selectors.

/** selection.Operator values as upstream spells them. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

const BINARY_OPS: Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

/** Label selector syntax/validation error; `message` is upstream's error text. */
export class SelectorParseError extends Error {
  override name = 'SelectorParseError';
}

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
  matches(labels: Record<string, string> | undefined): boolean;
  string(): string;
}

export interface Selector {
  matches(labels: Record<string, string> | undefined): boolean;
  empty(): boolean;
  string(): string;
  requirements: Requirement[];
}

// strconv.ParseInt(s, 10, 64): optional sign, ASCII digits, int64 range.
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const v = BigInt(s);
  return v >= -(2n ** 63n) && v < 2n ** 63n ? v : undefined;
}

const has = (ls: Record<string, string> | undefined, k: string) =>
  ls !== undefined && ls !== null && Object.prototype.hasOwnProperty.call(ls, k);

function makeRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const vals = Object.freeze([...values]);
  return {
    key,
    operator,
    values: vals,
    matches(ls) {
      switch (operator) {
        case 'in':
        case '=':
        case '==':
          return has(ls, key) && vals.includes(ls![key]!);
        case 'notin':
        case '!=':
          return !has(ls, key) || !vals.includes(ls![key]!);
        case 'exists':
          return has(ls, key);
        case '!':
          return !has(ls, key);
        case 'gt':
        case 'lt': {
          if (!has(ls, key) || vals.length !== 1) return false;
          const l = parseInt64(ls![key]!);
          const r = parseInt64(vals[0]!);
          if (l === undefined || r === undefined) return false;
          return operator === 'gt' ? l > r : l < r;
        }
      }
    },
    string() {
      const prefix = operator === '!' ? '!' : '';
      const opText: Record<Operator, string> = {
        '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '',
      };
      if (operator === 'exists' || operator === '!') return prefix + key;
      // safeSort: output order only; the stored values are left as given.
      const v = vals.length === 1 ? vals[0]! : [...vals].sort(goCompare).join(',');
      const set = operator === 'in' || operator === 'notin';
      return `${key}${opText[operator]}${set ? `(${v})` : v}`;
    },
  };
}

/**
 * labels.NewRequirement: validates and builds one requirement. Throws SelectorParseError with the
 * aggregated field errors (paths "key", "values", "values[i]", "values[i][key]").
 */
export function newRequirement(key: string, operator: Operator, values: string[] | null): Requirement {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(invalid('key', goQuote(key), keyErrs.join('; ')));
  const vals = values ?? [];
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0) errs.push(invalid('values', goJSONStrings(values), "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1) errs.push(invalid('values', goJSONStrings(values), 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0) errs.push(invalid('values', goJSONStrings(values), 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1) errs.push(invalid('values', goJSONStrings(values), "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) errs.push(invalid(`values[${i}]`, goQuote(v), "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  vals.forEach((v, i) => {
    const ve = isValidLabelValue(v);
    if (ve.length) errs.push(invalid(`values[${i}][${key}]`, goQuote(v), ve.join('; ')));
  });
  const msg = aggregate(errs);
  if (msg !== undefined) throw new SelectorParseError(msg);
  return makeRequirement(key, operator, vals);
}

// sort.Sort(ByKey): insertion sort (stable) for <= 12 items in Go; stable here for any size.
const byKey = (reqs: Requirement[]) => [...reqs].sort((a, b) => goCompare(a.key, b.key));

function internalSelector(reqs: Requirement[]): Selector {
  return {
    requirements: reqs,
    matches: (ls) => reqs.every((r) => r.matches(ls)),
    empty: () => reqs.length === 0,
    string: () => reqs.map((r) => r.string()).join(','),
  };
}

/** labels.Everything(): matches all, Empty() true, String() "". */
export function everything(): Selector {
  return internalSelector([]);
}

/** labels.Nothing(): matches nothing, Empty() false, String() "". */
export function nothing(): Selector {
  return { requirements: [], matches: () => false, empty: () => false, string: () => '' };
}

// ---------------------------------------------------------------------------------------------
// Lexer / parser (selector.go Parse). Works on UTF-16 units; every special char is ASCII so the
// token boundaries equal Go's byte-wise lexer. A NUL char acts as end-of-input like Go's read().

type Tok = 'err' | 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
interface Item { tok: Tok; lit: string }

// Map, not an object literal: identifiers like "constructor" must not hit the prototype.
const LITERALS = new Map<string, Tok>(
  [')', ',', '!', '==', '=', '>', 'in', '<', '!=', 'notin', '('].map((t) => [t, t as Tok]),
);
const isWS = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => c.length === 1 && '=!(),><'.includes(c);

function lex(s: string): Item[] {
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++]! : '\0');
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (isWS(ch)) ch = read();
    let item: Item;
    if (ch === '\0') item = { tok: 'eos', lit: '' };
    else if (isSpecial(ch)) {
      pos--;
      let buf = '';
      let last: Item | undefined;
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (!isSpecial(c)) { pos--; break; }
        buf += c;
        if (LITERALS.has(buf)) last = { tok: LITERALS.get(buf)!, lit: buf };
        else if (last) { pos--; break; }
      }
      item = last ?? { tok: 'err', lit: `error expected: keyword found '${buf}'` };
    } else {
      pos--;
      let buf = '';
      for (;;) {
        const c = read();
        if (c === '\0') break;
        if (isSpecial(c) || isWS(c)) { pos--; break; }
        buf += c;
      }
      item = { tok: LITERALS.get(buf) ?? 'id', lit: buf };
    }
    items.push(item);
    if (item.tok === 'eos') return items;
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly items: Item[]) {}

  // In the Values context "in"/"notin" are plain identifiers.
  private look(values: boolean): Item {
    const it = this.items[this.pos]!;
    return values && (it.tok === 'in' || it.tok === 'notin') ? { tok: 'id', lit: it.lit } : it;
  }
  private take(values: boolean): Item {
    const it = this.look(values);
    this.pos++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.look(true);
      if (tok === 'id' || tok === '!') {
        let r: Requirement;
        try {
          r = this.requirement();
        } catch (e) {
          throw new SelectorParseError(`unable to parse requirement: ${(e as Error).message}`);
        }
        reqs.push(r);
        const next = this.take(true);
        if (next.tok === 'eos') return reqs;
        if (next.tok !== ',') throw new SelectorParseError(`found '${next.lit}', expected: ',' or 'end of string'`);
        const after = this.look(true);
        if (after.tok !== 'id' && after.tok !== '!')
          throw new SelectorParseError(`found '${after.lit}', expected: identifier after ','`);
      } else if (tok === 'eos') {
        return reqs;
      } else {
        throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private requirement(): Requirement {
    let op: Operator | undefined;
    let { tok, lit } = this.take(true);
    if (tok === '!') {
      op = '!';
      ({ tok, lit } = this.take(true));
    }
    if (tok !== 'id') throw new Error(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    // validateLabelKey(literal, p.path) with a nil path.
    if (keyErrs.length) throw new Error(invalid('<nil>', goQuote(lit), keyErrs.join('; ')));
    const key = lit;
    const next = this.look(true).tok;
    if ((next === 'eos' || next === ',') && op !== '!') op = 'exists';
    if (op === 'exists' || op === '!') return newRequirement(key, op, []);

    const o = this.take(false);
    const ops: Partial<Record<Tok, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };
    op = ops[o.tok];
    if (!op) throw new Error(`found '${o.lit}', expected: ${BINARY_OPS.join(', ')}`);
    const values = op === 'in' || op === 'notin' ? this.setValues() : this.exactValue();
    // sets.String.List(): deduplicated and sorted.
    return newRequirement(key, op, [...new Set(values)].sort(goCompare));
  }

  private setValues(): string[] {
    const open = this.take(true);
    if (open.tok !== '(') throw new Error(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.look(true);
    if (tok === 'id' || tok === ',') {
      const s = this.identifiers();
      if (this.take(true).tok !== ')') throw new Error(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === ')') {
      this.take(true);
      return [''];
    }
    throw new Error(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private identifiers(): string[] {
    const s: string[] = [];
    for (;;) {
      const { tok, lit } = this.take(true);
      if (tok === 'id') {
        s.push(lit);
        const next = this.look(true);
        if (next.tok === ',') continue;
        if (next.tok === ')') return s;
        throw new Error(`found '${next.lit}', expected: ',' or ')'`);
      } else if (tok === ',') {
        if (s.length === 0) s.push(''); // "(,"
        const next = this.look(true).tok;
        if (next === ')') {
          s.push(''); // ",)"
          return s;
        }
        if (next === ',') {
          this.take(true);
          s.push(''); // ",,"
        }
      } else {
        throw new Error(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private exactValue(): string[] {
    const next = this.look(true).tok;
    if (next === 'eos' || next === ',') return [''];
    const { tok, lit } = this.take(true);
    if (tok === 'id') return [lit];
    throw new Error(`found '${lit}', expected: identifier`);
  }
}

/** labels.Parse: throws SelectorParseError with upstream's message. Requirements sorted by key. */
export function parseSelector(s: string): Selector {
  return internalSelector(byKey(new Parser(lex(s)).parse()));
}

/**
 * labels.ValidatedSelectorFromSet (service selectors, matchLabels): an "=" requirement per entry,
 * sorted by key; nil/empty → Everything. Throws SelectorParseError on invalid keys/values.
 */
export function selectorFromSet(set: Record<string, string> | undefined | null): Selector {
  const keys = Object.keys(set ?? {}).sort(goCompare);
  return internalSelector(keys.map((k) => newRequirement(k, '=', [set![k]!])));
}

/** labels.SelectorFromValidatedSet: like selectorFromSet without validation (never throws). */
export function selectorFromValidatedSet(set: Record<string, string> | undefined | null): Selector {
  const keys = Object.keys(set ?? {}).sort(goCompare);
  return internalSelector(keys.map((k) => makeRequirement(k, '=', [set![k]!])));
}

const LS_OPS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1.LabelSelectorAsSelector: null/undefined → Nothing, no requirements → Everything.
 * Throws SelectorParseError (`"Foo" is not a valid label selector operator`, field errors).
 * Go iterates matchLabels in random map order; we go by sorted key so the first error is stable.
 */
export function labelSelectorAsSelector(sel: LabelSelector | undefined | null): Selector {
  if (sel === undefined || sel === null) return nothing();
  const labels = sel.matchLabels ?? {};
  const exprs = sel.matchExpressions ?? [];
  if (Object.keys(labels).length + exprs.length === 0) return everything();
  const reqs: Requirement[] = [];
  for (const k of Object.keys(labels).sort(goCompare)) reqs.push(newRequirement(k, '=', [labels[k]!]));
  for (const e of exprs) {
    const op = Object.prototype.hasOwnProperty.call(LS_OPS, e.operator) ? LS_OPS[e.operator] : undefined;
    if (!op) throw new SelectorParseError(`${goQuote(String(e.operator ?? ''))} is not a valid label selector operator`);
    // append([]string(nil), values...) stays nil for an empty list (JSON "null" in errors).
    reqs.push(newRequirement(e.key, op, e.values && e.values.length ? [...e.values] : null));
  }
  return internalSelector(byKey(reqs));
}

/** metav1.FormatLabelSelector: "<none>" when the string is empty, "<error>" on conversion error. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  let s: string;
  try {
    s = labelSelectorAsSelector(sel).string();
  } catch (e) {
    if (e instanceof SelectorParseError) return '<error>';
    throw e;
  }
  return s === '' ? '<none>' : s;
}
