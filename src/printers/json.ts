// kubectl -o json: Go's json.MarshalIndent(obj, "", "    ") plus a newline.
// Go escapes <, >, & and U+2028/U+2029, formats floats its own way, and sorts
// map keys byte-wise (unstructured objects); typed objects keep field order.

import { compareCodePoints } from './yaml/chars.js';
import { formatJsonNumber } from './yaml/gofloat.js';

export interface JsonOptions {
  /** Sort object keys as Go sorts map keys (default). false keeps insertion order, as for typed objects. */
  sortKeys?: boolean;
  /** Indentation unit; kubectl's printer uses four spaces (`kubectl version -o json` uses two). */
  indent?: string;
}

const HEX = '0123456789abcdef';

/** encoding/json string encoding with HTML escaping, as json.Marshal does by default. */
export function goJsonString(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      esc =
        c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : c === 0x08 ? '\\b' : c === 0x0c ? '\\f' : `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x3c) esc = '\\u003c';
    else if (c === 0x3e) esc = '\\u003e';
    else if (c === 0x26) esc = '\\u0026';
    else if (c === 0x2028) esc = '\\u2028';
    else if (c === 0x2029) esc = '\\u2029';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const paired =
        c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
      if (paired) {
        i++;
        continue;
      }
      esc = '\\ufffd'; // Go would have seen invalid UTF-8 here
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return `${out + s.slice(start)}"`;
}

function keysOf(o: object, sort: boolean): string[] {
  const keys = Object.keys(o).filter((k) => isPresent((o as Record<string, unknown>)[k]));
  return sort ? keys.sort(compareCodePoints) : keys;
}

/** JSON.stringify's notion of a member that exists. */
const isPresent = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

function scalar(v: unknown): string | undefined {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatJsonNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return goJsonString(v);
  return undefined;
}

function toPlain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), x]));
  if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

function write(v: unknown, sort: boolean, unit: string, indent: string, out: string[]): void {
  v = toPlain(v);
  const s = scalar(v);
  if (s !== undefined) {
    out.push(s);
    return;
  }
  const inner = indent + unit;
  const nl = unit === '' ? '' : '\n';
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    v.forEach((item, i) => {
      out.push(i === 0 ? nl + inner : `,${nl}${inner}`);
      write(item, sort, unit, inner, out);
    });
    out.push(`${nl}${indent}]`);
    return;
  }
  const o = v as Record<string, unknown>;
  const keys = keysOf(o, sort);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((k, i) => {
    out.push(i === 0 ? nl + inner : `,${nl}${inner}`);
    out.push(goJsonString(k), unit === '' ? ':' : ': ');
    write(o[k], sort, unit, inner, out);
  });
  out.push(`${nl}${indent}}`);
}

/** kubectl's JSON printer output: json.MarshalIndent(v, "", "    ") + "\n". Throws for NaN/±Infinity like Go. */
export function toJson(value: unknown, opts: JsonOptions = {}): string {
  const out: string[] = [];
  write(value, opts.sortKeys ?? true, opts.indent ?? '    ', '', out);
  out.push('\n');
  return out.join('');
}

/** json.Marshal(v): compact, keys sorted as for a Go map. */
export function marshalCompact(value: unknown, sortKeys = true): string {
  const out: string[] = [];
  write(value, sortKeys, '', '', out);
  return out.join('');
}
