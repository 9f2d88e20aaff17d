// client-go util/jsonpath (parser.go, jsonpath.go) and cli-runtime's JSONPathPrinter, on JSON-like data
// (kubectl queries unstructured objects: map[string]interface{}, []interface{}, string, int64,
// float64, bool, nil). Also the Go formatting kubectl applies to such values: fmt's %v and %#v,
// encoding/json, strconv.Quote. Behaviour checked against kubectl v1.36.3.

import { CliError } from '../api/errors.js';
import { goQuote } from '../util/strconv.js';
export { goQuote };

// ---------------------------------------------------------------------------------------------
// Go value model and formatting

/** Go's invalid reflect.Value (e.g. FindResults(nil)): printed as `<no value>`. */
export const NO_VALUE: unique symbol = Symbol('jsonpath.noValue');

/** A Go number whose type is not a data int64/float64: template literals (int, float64), string bytes (uint8). */
export class GoNumber {
  constructor(
    readonly kind: 'int' | 'float' | 'uint8',
    readonly value: number,
  ) {}
}

const INT64_LIMIT = 2 ** 63;

/** Data numbers decode to int64 when integral and in range, else float64 (apimachinery util/json). */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT;
}

function goIntString(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** fmt's %v of a float64 (strconv 'g', shortest digits): exponent form when exp < -4 || exp >= 6. */
export function goFloatString(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, e] = Math.abs(f).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(e);
  const sign = f < 0 ? '-' : '';
  // Shortest formatting decides with precision 6 (strconv ftoa.go %g).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const ae = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return sign + digits + '0'.repeat(intLen - digits.length);
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

/** Go string order (bytewise UTF-8 == code point order). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Keys in the order Go's fmt and encoding/json print a map[string]T. */
function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings);
}

function utf8Bytes(s: string): number[] {
  return [...Buffer.from(s, 'utf8')];
}

/** The Go type fmt's %T / reflect.Type.String() would name. */
export function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return isGoInt(v) ? 'int64' : 'float64';
  if (v instanceof GoNumber) return v.kind === 'float' ? 'float64' : v.kind;
  if (Array.isArray(v)) return '[]interface {}';
  if (isMap(v)) return 'map[string]interface {}';
  return 'interface {}';
}

function goNumberV(v: number | GoNumber): string {
  if (v instanceof GoNumber) return v.kind === 'float' ? goFloatString(v.value) : String(v.value);
  return isGoInt(v) ? goIntString(v) : goFloatString(v);
}

/** fmt.Sprint(v) / %v. */
export function goFormatV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (v === NO_VALUE) return '<invalid reflect.Value>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoNumber) return goNumberV(v);
  if (Array.isArray(v)) return `[${v.map(goFormatV).join(' ')}]`;
  if (isMap(v)) return `map[${sortedKeys(v).map((k) => `${k}:${goFormatV(v[k])}`).join(' ')}]`;
  return String(v);
}

const IS_PRINT = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');


/** fmt's %#v of unstructured data (map[string]interface{} at the top). */
export function goFormatSharpV(v: unknown, inInterface = false): string {
  if (v === null || v === undefined || v === NO_VALUE) return inInterface ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoNumber) return goNumberV(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goFormatSharpV(x, true)).join(', ')}}`;
  if (isMap(v)) {
    const body = sortedKeys(v).map((k) => `${goQuote(k)}:${goFormatSharpV(v[k], true)}`);
    return `map[string]interface {}{${body.join(', ')}}`;
  }
  return String(v);
}

// encoding/json's string escaping with HTML escaping on (json.Marshal).
function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (r < 0x20 || ch === '<' || ch === '>' || ch === '&' || r === 0x2028 || r === 0x2029) out += '\\u' + hex(r, 4);
    else if (r >= 0xd800 && r <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return out + '"';
}

function goJsonScalar(v: unknown): string {
  if (v === null || v === undefined || v === NO_VALUE) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'boolean') return String(v);
  // encoding/json's float format ('f' unless < 1e-6 or >= 1e21, "e-07" cleaned to "e-7") is JS's.
  if (v instanceof GoNumber) return v.kind === 'float' ? String(v.value) : goIntString(v.value);
  if (typeof v === 'number') return isGoInt(v) ? goIntString(v) : String(v);
  return 'null';
}

/** json.Marshal: compact, map keys sorted. */
export function goJsonMarshal(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`;
  if (isMap(v)) return `{${sortedKeys(v).map((k) => `${goJsonString(k)}:${goJsonMarshal(v[k])}`).join(',')}}`;
  return goJsonScalar(v);
}

/** json.MarshalIndent(v, prefix, indent). */
export function goJsonIndent(v: unknown, indent = '    ', depth = 0): string {
  const pad = indent.repeat(depth + 1);
  const end = indent.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + goJsonIndent(x, indent, depth + 1)).join(',\n')}\n${end}]`;
  }
  if (isMap(v)) {
    const keys = sortedKeys(v);
    if (keys.length === 0) return '{}';
    return `{\n${keys.map((k) => `${pad}${goJsonString(k)}: ${goJsonIndent(v[k], indent, depth + 1)}`).join(',\n')}\n${end}}`;
  }
  return goJsonScalar(v);
}

// ---------------------------------------------------------------------------------------------
// Parser (parser.go)

interface Param {
  known: boolean;
  value: number;
  derived: boolean;
}

export interface ListNode {
  t: 'list';
  nodes: JsonPathNode[];
}

export type JsonPathNode =
  | ListNode
  | { t: 'text'; text: string }
  | { t: 'field'; name: string }
  | { t: 'array'; params: [Param, Param, Param] }
  | { t: 'filter'; left: ListNode; right: ListNode; op: string }
  | { t: 'int'; value: number }
  | { t: 'float'; value: number }
  | { t: 'bool'; value: boolean }
  | { t: 'wildcard' }
  | { t: 'recursive' }
  | { t: 'union'; lists: ListNode[] }
  | { t: 'identifier'; name: string };

export interface ParsedJsonPath {
  readonly name: string;
  readonly root: ListNode;
}

/** A template syntax error; `message` is upstream's (e.g. `unclosed action`). */
export class JsonPathParseError extends CliError {
  override name = 'JsonPathParseError';
}

/** An execution error; `message` is upstream's (e.g. `foo is not found`). */
export class JsonPathExecError extends CliError {
  override name = 'JsonPathExecError';
}

const EOF = -1;
const isSpaceR = (r: number) => r === 0x20 || r === 0x09;
const isEndOfLine = (r: number) => r === 0x0d || r === 0x0a;
const isDigitR = (r: number) => r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
const isAlphaNumeric = (r: number) => r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
const TERMINATORS = new Set([EOF, ...'.,[]$@{}'].map((c) => (typeof c === 'string' ? c.codePointAt(0)! : c)));
const isTerminator = (r: number) => isSpaceR(r) || isEndOfLine(r) || TERMINATORS.has(r);

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)([\s\S]+?)$/;

/** Go's %#U, as in `unrecognized character in action: U+002A '*'`. */
function sharpU(r: number): string {
  const ch = String.fromCodePoint(r);
  const code = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return IS_PRINT.test(ch) ? `${code} '${ch}'` : code;
}

/** strconv.Atoi: decimal int64 only. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const b = BigInt(s);
  return b >= -(2n ** 63n) && b < 2n ** 63n ? Number(b) : undefined;
}

class Parser {
  readonly root: ListNode = { t: 'list', nodes: [] };
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }
  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }
  private backup(): void {
    this.pos -= this.width;
  }
  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  private has(prefix: string): boolean {
    return this.input.startsWith(prefix, this.pos);
  }
  private prevIsBackslash(): boolean {
    return this.input[this.pos - 2] === '\\';
  }

  /** parseText at the root; each `{` opens an action that runs to its `}`. */
  parse(): void {
    for (;;) {
      if (this.has('{')) {
        if (this.pos > this.start) this.root.nodes.push({ t: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const list: ListNode = { t: 'list', nodes: [] };
        this.root.nodes.push(list);
        this.insideAction(list);
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.nodes.push({ t: 'text', text: this.consumeText() });
  }

  private insideAction(cur: ListNode): void {
    for (;;) {
      if (this.has('}')) {
        this.pos += 1;
        this.consumeText();
        return;
      }
      if (this.has('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (this.has('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === 0x20 || r === 0x40 /* @ */ || r === 0x24 /* $ */) this.consumeText();
      else if (r === 0x5b /* [ */) this.parseArray(cur);
      else if (r === 0x22 || r === 0x27) this.parseQuote(cur, r);
      else if (r === 0x2e /* . */) this.parseField(cur);
      else if (r === 0x2b || r === 0x2d || isDigitR(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new JsonPathParseError(`unrecognized character in action: ${sharpU(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.nodes.push({ t: 'bool', value: value === 'true' });
    else cur.nodes.push({ t: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.t === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ t: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      const c = this.next();
      if (c !== 0x2e && !isDigitR(c)) break;
    }
    this.backup();
    const value = this.consumeText();
    const i = atoi(value);
    if (i !== undefined) cur.nodes.push({ t: 'int', value: i });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.nodes.push({ t: 'float', value: Number(value) });
    else throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const lists = parts.map((s) => parseAction(`[${s.replace(/^ +| +$/g, '')}]`));
      cur.nodes.push({ t: 'union', lists });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      // `['a.b']` is the same as `.a.b`: the key is re-parsed as fields.
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const params: [Param, Param, Param] = [0, 1, 2].map(() => ({ known: false, value: 0, derived: false })) as [Param, Param, Param];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') continue;
        const n = atoi(v);
        if (n === undefined) throw new JsonPathParseError(`array index ${v} is not a number`);
        params[i] = { known: true, value: n, derived: false };
      } else if (i === 1) {
        // `[n]` is the slice [n:n+1]; "derived" lets [-1] mean the last element.
        params[1] = { known: true, value: params[0].value + 1, derived: true };
      }
    }
    cur.nodes.push({ t: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (!this.prevIsBackslash() && r === pair) end = true;
      } else if (r === 0x29 /* ) */ && begin === end) break;
    }
    if (this.next() !== 0x5d) throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ t: 'filter', left: parseAction(text), right: { t: 'list', nodes: [] }, op: 'exists' });
    else cur.nodes.push({ t: 'filter', left: parseAction(m[1]!), right: parseAction(m[3]!), op: m[2]! });
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated quoted string');
      if (r === quote && !this.prevIsBackslash()) break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new JsonPathParseError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ t: 'text', text: s });
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    for (;;) {
      const r = this.next();
      if (r === 0x5c /* \ */) this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === '*') cur.nodes.push({ t: 'wildcard' });
    else cur.nodes.push({ t: 'field', name: value.replaceAll('\\', '') });
  }
}

/** parseAction: parses `{text}` on its own and returns that action's list. */
function parseAction(text: string): ListNode {
  const p = new Parser(`{${text}}`);
  p.parse();
  return p.root.nodes[0] as ListNode;
}

const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** UnquoteExtend: strconv.Unquote that also takes single quotes. undefined = ErrSyntax. */
function unquoteExtend(s: string): string | undefined {
  if (s.length < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) return undefined;
  s = s.slice(1, -1);
  if (!s.includes('\\') && !s.includes(quote)) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === quote) return undefined;
    if (c !== '\\') {
      const cp = s.codePointAt(i)!;
      out += String.fromCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = s[i + 1];
    i += 2;
    if (e === undefined) return undefined;
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = s.slice(i, i + n);
      if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
      const v = parseInt(digits, 16);
      i += n;
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return undefined;
      out += String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const digits = e + s.slice(i, i + 2);
      if (!/^[0-7]{3}$/.test(digits)) return undefined;
      const v = parseInt(digits, 8);
      if (v > 255) return undefined;
      i += 2;
      out += String.fromCharCode(v);
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      out += e;
    } else return undefined;
  }
  return out;
}

/** jsonpath.Parse: throws JsonPathParseError with upstream's message. */
export function parseJsonPath(template: string, name = 'out'): ParsedJsonPath {
  const p = new Parser(template);
  p.parse();
  return { name, root: p.root };
}

// ---------------------------------------------------------------------------------------------
// Evaluation (jsonpath.go). Walkers return [values, error] as upstream does: on error some return
// their input, which the "exists" filter can still see.

type Values = unknown[];
type Walk = [Values, string?];

interface ExecState {
  nodes: JsonPathNode[];
  allowMissingKeys: boolean;
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEnd: number;
}

export interface ExecuteOptions {
  /**
   * Missing fields give no result instead of the error `<name> is not found`. Default true, as in
   * all of kubectl's uses (jsonpath.New's own default is false).
   */
  allowMissingKeys?: boolean;
}

/**
 * FindResults: one group of values per top-level node (text or action), ranges expanded.
 * Values are the data's own (null = a nil interface), plus NO_VALUE and GoNumber.
 */
export function executeJsonPath(parsed: ParsedJsonPath, data: unknown, opts: ExecuteOptions = {}): unknown[][] {
  const st: ExecState = {
    nodes: parsed.root.nodes,
    allowMissingKeys: opts.allowMissingKeys ?? true,
    beginRange: 0,
    inRange: 0,
    endRange: 0,
    lastEnd: -1,
  };
  // reflect.ValueOf(nil) is the invalid Value.
  return findResults(st, data === undefined || data === null ? NO_VALUE : data, 0);
}

function findResults(st: ExecState, data: unknown, start: number): unknown[][] {
  const cur = [data];
  const full: unknown[][] = [];
  for (let i = start; i < st.nodes.length; i++) {
    const [results, err] = walk(st, cur, st.nodes[i]!);
    if (err !== undefined) throw new JsonPathExecError(err);
    // An {end} inside a range body ends this iteration.
    if (st.endRange > 0 && st.endRange <= st.inRange) {
      st.endRange--;
      st.lastEnd = i;
      break;
    }
    if (st.beginRange > 0) {
      st.beginRange--;
      st.inRange++;
      if (results.length > 0) {
        for (const v of results) full.push(...findResults(st, v === null ? NO_VALUE : v, i + 1));
      } else {
        // Still walk the body so that its {end} is found.
        findResults(st, NO_VALUE, i + 1);
      }
      st.inRange--;
      for (let k = i + 1; k < st.nodes.length; k++) {
        if (k === st.lastEnd) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(results);
  }
  return full;
}

function walk(st: ExecState, input: Values, node: JsonPathNode): Walk {
  switch (node.t) {
    case 'list':
      return evalList(st, input, node);
    case 'text':
      return [[node.text]];
    case 'field':
      return evalField(st, input, node.name);
    case 'array':
      return evalArray(input, node.params);
    case 'filter':
      return evalFilter(st, input, node);
    case 'int':
      return [input.map(() => new GoNumber('int', node.value))];
    case 'float':
      return [input.map(() => new GoNumber('float', node.value))];
    case 'bool':
      return [input.map(() => node.value)];
    case 'wildcard':
      return [input.flatMap((v) => children(v))];
    case 'recursive':
      return [evalRecursive(input)];
    case 'union': {
      const out: Values = [];
      for (const list of node.lists) {
        const [vals, err] = evalList(st, input, list);
        if (err !== undefined) return [input, err];
        out.push(...vals);
      }
      return [out];
    }
    case 'identifier':
      return evalIdentifier(st, input, node.name);
  }
}

function evalList(st: ExecState, input: Values, list: ListNode): Walk {
  let cur = input;
  for (const n of list.nodes) {
    const [vals, err] = walk(st, cur, n);
    if (err !== undefined) return [vals, err];
    cur = vals;
  }
  return [cur];
}

function evalIdentifier(st: ExecState, input: Values, name: string): Walk {
  if (name === 'range') {
    st.beginRange++;
    return [input];
  }
  if (name === 'end') {
    if (st.inRange > 0) {
      st.endRange++;
      return [[]];
    }
    return [[], 'not in range, nothing to end'];
  }
  return [input, `unrecognized identifier ${name}`];
}

function evalField(st: ExecState, input: Values, name: string): Walk {
  const results: Values = [];
  for (const v of input) {
    if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
  }
  if (results.length === 0 && input.length > 0 && !st.allowMissingKeys) return [results, `${name} is not found`];
  return [results];
}

function evalArray(input: Values, nodeParams: [Param, Param, Param]): Walk {
  const result: Values = [];
  for (const value of input) {
    if (value === null) continue;
    if (value === NO_VALUE) return [input, 'reflect: call of reflect.Value.Type on zero Value'];
    if (!Array.isArray(value)) return [input, `${goTypeName(value)} is not array or slice`];
    const [p0, p1, p2] = nodeParams.map((p) => ({ ...p }));
    const len = value.length;
    if (!p0!.known) p0!.value = 0;
    if (p0!.value < 0) p0!.value += len;
    if (!p1!.known) p1!.value = len;
    if (p1!.value < 0 || (p1!.value === 0 && p1!.derived)) p1!.value += len;
    // Asking for zero elements is allowed, and ends the whole evaluation (upstream returns early).
    if (p1!.value === p0!.value) return [result];
    if (p0!.value >= len || p0!.value < 0) return [input, `array index out of bounds: index ${p0!.value}, length ${len}`];
    if (p1!.value > len || p1!.value < 0) return [input, `array index out of bounds: index ${p1!.value - 1}, length ${len}`];
    if (p0!.value > p1!.value) return [input, `starting index ${p0!.value} is greater than ending index ${p1!.value}`];
    let step = 1;
    if (p2!.known) {
      if (p2!.value <= 0) return [input, 'step must be > 0'];
      step = p2!.value;
    }
    for (let i = p0!.value; i < p1!.value; i += step) result.push(value[i]);
  }
  return [result];
}

/** What `*` and `..` iterate: map values (in Go's random order; sorted here), elements, string bytes. */
function children(v: unknown): Values {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return sortedKeys(v).map((k) => v[k]);
  if (typeof v === 'string') return utf8Bytes(v).map((b) => new GoNumber('uint8', b));
  return [];
}

function evalRecursive(input: Values): Values {
  const result: Values = [];
  for (const v of input) {
    const kids = children(v);
    if (kids.length === 0) continue;
    result.push(v);
    result.push(...evalRecursive(kids));
  }
  return result;
}

function evalFilter(st: ExecState, input: Values, node: { left: ListNode; right: ListNode; op: string }): Walk {
  const results: Values = [];
  for (const value of input) {
    if (!Array.isArray(value)) return [input, `${goFormatV(value)} is not array or slice and cannot be filtered`];
    for (const item of value) {
      const [lefts, lerr] = evalList(st, [item], node.left);
      if (node.op === 'exists') {
        if (lefts.length > 0) results.push(item);
        continue;
      }
      if (lerr !== undefined) return [input, lerr];
      if (lefts.length === 0) continue;
      if (lefts.length > 1) return [input, 'can only compare one element at a time'];
      const [rights, rerr] = evalList(st, [item], node.right);
      if (rerr !== undefined) return [input, rerr];
      if (rights.length === 0) continue;
      if (rights.length > 1) return [input, 'can only compare one element at a time'];
      const cmp = COMPARATORS[node.op];
      if (!cmp) return [results, `unrecognized filter operator ${node.op}`];
      const [pass, cerr] = cmp(lefts[0], rights[0]);
      if (cerr !== undefined) return [results, cerr];
      if (pass) results.push(item);
    }
  }
  return [results];
}

// The forked text/template comparison functions (eq, ne, lt, le, gt, ge).
type Cmp = [boolean, string?];
type BasicKind = 'bool' | 'int' | 'uint' | 'float' | 'string';
const BAD_TYPE = 'invalid type for comparison';
const BAD_CMP = 'incompatible types for comparison';

function basicKind(v: unknown): BasicKind | undefined {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return isGoInt(v) ? 'int' : 'float';
  if (v instanceof GoNumber) return v.kind === 'uint8' ? 'uint' : v.kind;
  return undefined;
}
const num = (v: unknown) => (v instanceof GoNumber ? v.value : (v as number));

function goEqual(a: unknown, b: unknown): Cmp {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (!k1 || !k2) return [false, BAD_TYPE];
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return [num(a) === num(b)];
    return [false, BAD_CMP];
  }
  if (k1 === 'bool' || k1 === 'string') return [a === b];
  return [num(a) === num(b)];
}

function goLess(a: unknown, b: unknown): Cmp {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (!k1 || !k2) return [false, BAD_TYPE];
  if (k1 !== k2) {
    if ((k1 === 'int' && k2 === 'uint') || (k1 === 'uint' && k2 === 'int')) return [num(a) < num(b)];
    return [false, BAD_CMP];
  }
  if (k1 === 'bool') return [false, BAD_TYPE];
  if (k1 === 'string') return [compareGoStrings(a as string, b as string) < 0];
  return [num(a) < num(b)];
}

function goLessEqual(a: unknown, b: unknown): Cmp {
  const lt = goLess(a, b);
  return lt[0] || lt[1] !== undefined ? lt : goEqual(a, b);
}

const COMPARATORS: Record<string, (a: unknown, b: unknown) => Cmp> = {
  '<': goLess,
  '>': (a, b) => {
    const [le, err] = goLessEqual(a, b);
    return err !== undefined ? [false, err] : [!le];
  },
  '==': goEqual,
  '!=': (a, b) => {
    const [eq, err] = goEqual(a, b);
    return [!eq, err];
  },
  '<=': goLessEqual,
  '>=': (a, b) => {
    const [lt, err] = goLess(a, b);
    return err !== undefined ? [false, err] : [!lt];
  },
};

// ---------------------------------------------------------------------------------------------
// Printing (JSONPath.PrintResults, cli-runtime JSONPathPrinter)

/** How PrintResults writes one value: maps/slices as compact JSON, the rest as fmt.Fprint. */
export function formatJsonPathValue(v: unknown): string {
  if (v === NO_VALUE) return '<no value>';
  // A nil inside a map or slice prints as JSON null (kubectl 1.36).
  if (v === null || Array.isArray(v) || isMap(v)) return goJsonMarshal(v);
  return goFormatV(v);
}

/** PrintResults for all groups: each group's values joined by single spaces, groups concatenated. */
export function formatJsonPathResults(groups: unknown[][], outputJson = false): string {
  if (outputJson) {
    return groups.map((g) => goJsonIndent(g.map((v) => (v === NO_VALUE ? null : v))) + '\n').join('');
  }
  return groups.map((g) => g.map(formatJsonPathValue).join(' ')).join('');
}

export interface PrintJsonPathOptions extends ExecuteOptions {
  /** -o jsonpath-as-json: each group printed as an indented JSON array. */
  outputJson?: boolean;
}

/**
 * kubectl's `-o jsonpath=<template>` printer. No trailing newline is added. Errors are CliErrors
 * with kubectl's text (printed as `error: <message>`).
 */
export function printJsonPath(template: string, data: unknown, opts: PrintJsonPathOptions = {}): string {
  if (template.length === 0) throw new CliError('template format specified but no template given');
  let parsed: ParsedJsonPath;
  try {
    parsed = parseJsonPath(template);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new CliError(`error parsing jsonpath ${template}, ${e.message}`);
    throw e;
  }
  try {
    const groups = executeJsonPath(parsed, data, { allowMissingKeys: opts.allowMissingKeys ?? true });
    return formatJsonPathResults(groups, opts.outputJson);
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    // The message keeps upstream's trailing newlines: kubectl shows two blank lines after it.
    const debug =
      `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
      `\ttemplate was:\n\t\t${template}\n` +
      `\tobject given to jsonpath engine was:\n\t\t${goFormatSharpV(data)}\n\n`;
    throw new CliError(`error executing jsonpath ${goQuote(template)}: ${debug}\n`);
  }
}
