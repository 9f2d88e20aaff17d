// Turns the ajv errors of a generated validator into the error kube-apiserver's strict JSON
// decoder (sigs.k8s.io/json, via apimachinery's serializer) returns for the same object.
//
// Go decodes in document order - kubectl sends map keys sorted - and:
//  * an Unmarshaler failing (IntOrString, Quantity, Time) aborts decoding at once;
//  * a type mismatch is remembered (first one wins) and decoding goes on;
//  * unknown fields are collected as "strict" errors, reported only if nothing else failed.
// ajv (allErrors) finds every offending location; each is re-judged here with the Go rules, since
// the validators are intentionally stricter than Go at the edges (see scripts/gen-schema.mjs).
import {
  base64Error,
  goJSONStringBody,
  goNumberText,
  goQuote,
  quantityError,
  timeParseError,
} from './go-scalars.js';

/** The `meta` export of a generated validator module: struct names and field descriptors. */
export interface ValidatorMeta {
  root: string;
  defs: Record<string, [struct: string, fields: Record<string, string>]>;
}

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Segment = string | number;
type Severity = 0 | 1 | 2; // 0: aborts decoding, 1: saved type error, 2: strict (unknown field)
interface Finding {
  pos: Segment[];
  severity: Severity;
  message: string;
}

/** Go's decode error for obj, or null if Go would accept what ajv flagged. */
export function goDecodeError(obj: unknown, meta: ValidatorMeta, errors: readonly AjvError[]): string | null {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const at = locate(obj, meta, pointerSegments(err.instancePath));
    if (!at) continue;
    if (err.keyword === 'additionalProperties') {
      const key = String(err.params['additionalProperty']);
      const path = at.strictPath ? `${at.strictPath}.${key}` : key;
      findings.push({ pos: [...at.pos, key], severity: 2, message: `unknown field ${goQuote(path)}` });
    } else if (!seen.has(err.instancePath)) {
      seen.add(err.instancePath);
      const found = valueError(at.value, at.desc, at.context, meta);
      if (found) findings.push({ pos: at.pos, ...found });
    }
  }
  findings.sort((a, b) => comparePositions(a.pos, b.pos));
  const first = (s: Severity) => findings.find((f) => f.severity === s)?.message;
  const fatal = first(0) ?? first(1);
  if (fatal !== undefined) return fatal;
  // sigs.k8s.io/json dedupes strict errors by text and keeps at most 100.
  const strict = [...new Set(findings.map((f) => f.message))].slice(0, 100);
  return strict.length ? `strict decoding error: ${strict.join(', ')}` : null;
}

interface ErrorContext {
  struct: string; // innermost struct whose field is being decoded (Go: errorContext.Struct)
  fields: string[]; // JSON names of the struct fields entered (Go: errorContext.FieldStack)
}

interface Location {
  value: unknown;
  desc: string;
  context: ErrorContext;
  strictPath: string; // "spec.containers[0]": the path format of strict errors
  pos: Segment[];
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

// Walks the descriptors along an ajv instancePath, tracking what Go's decoder would know there.
function locate(obj: unknown, meta: ValidatorMeta, segments: string[]): Location | null {
  let value: unknown = obj;
  let desc = `@${meta.root}`;
  let context: ErrorContext = { struct: '', fields: [] };
  let strictPath = '';
  const pos: Segment[] = [];
  for (const seg of segments) {
    const d = unnamed(desc);
    if (d.startsWith('@')) {
      const def = meta.defs[d.slice(1)];
      const fieldDesc = def?.[1][seg];
      if (!def || fieldDesc === undefined) return null;
      context = { struct: def[0], fields: [...context.fields, seg] };
      strictPath = strictPath ? `${strictPath}.${seg}` : seg;
      desc = fieldDesc;
      pos.push(seg);
    } else if (d.startsWith('[') || d === 'y') {
      desc = d === 'y' ? 'u8' : d.slice(1);
      strictPath += `[${seg}]`;
      pos.push(Number(seg));
    } else if (d.startsWith('{')) {
      desc = d.slice(1);
      strictPath = `${strictPath}.${seg}`;
      pos.push(seg);
    } else return null;
    value = (value as Record<string, unknown> | undefined)?.[Array.isArray(value) ? Number(seg) : seg];
  }
  return { value, desc, context, strictPath, pos };
}

const unnamed = (desc: string) => (desc.startsWith('=') ? desc.slice(desc.indexOf(';') + 1) : desc);

/** The Go type name reflect prints for a descriptor (e.g. "[]v1.Container", "v1.ResourceList"). */
export function goTypeName(desc: string, meta: ValidatorMeta): string {
  if (desc.startsWith('=')) return desc.slice(1, desc.indexOf(';'));
  if (desc.startsWith('@')) return `v1.${meta.defs[desc.slice(1)]?.[0] ?? '?'}`;
  if (desc.startsWith('[')) return `[]${goTypeName(desc.slice(1), meta)}`;
  if (desc.startsWith('{')) return `map[string]${goTypeName(desc.slice(1), meta)}`;
  const [kind, name] = desc.split(' ');
  return name ?? SCALAR_GO_NAMES[kind!] ?? kind!;
}

const SCALAR_GO_NAMES: Record<string, string> = {
  s: 'string', b: 'bool', i32: 'int32', i64: 'int64', u8: 'uint8', y: '[]uint8',
  q: 'resource.Quantity', x: 'intstr.IntOrString', t: 'v1.Time', mt: 'v1.MicroTime', r: 'runtime.RawExtension',
};

// [min, max) - exclusive upper bounds, because 2^63-1 is not a float64 while 2^63 is.
const INT_RANGES: Record<string, [number, number]> = {
  i32: [-(2 ** 31), 2 ** 31],
  i64: [-(2 ** 63), 2 ** 63],
  u8: [0, 256],
};

// What Go reports when decoding `value` into the node `desc` (ignoring its children, which ajv
// flags separately). null: Go accepts it, including JSON null anywhere (zero value).
function valueError(
  value: unknown,
  desc: string,
  context: ErrorContext,
  meta: ValidatorMeta,
): { severity: Severity; message: string } | null {
  if (value === null || value === undefined) return null;
  const kind = jsonKind(value);
  const d = unnamed(desc);
  const saved = (what: string, goType = goTypeName(desc, meta)) => ({ severity: 1 as const, message: typeError(what, goType, context) });
  const tag = d[0] === '@' || d[0] === '[' || d[0] === '{' ? d[0] : d.split(' ')[0]!;
  switch (tag) {
    case '@':
      return kind === 'object' ? null : saved(kind);
    case '[':
      return kind === 'array' ? null : saved(kind);
    case '{':
      return kind === 'object' ? null : saved(kind);
    case 's':
      return kind === 'string' ? null : saved(kind);
    case 'b':
      return typeof value === 'boolean' ? null : saved(kind);
    case 'i32':
    case 'i64':
    case 'u8':
      if (typeof value !== 'number') return saved(kind);
      return fitsInt(value, INT_RANGES[tag]!) ? null : saved(`number ${goNumberText(value)}`);
    case 'x':
      // IntOrString.UnmarshalJSON: strings as-is, anything else through json.Unmarshal into int32;
      // the top-level decoder then stamps its field context onto that UnmarshalTypeError.
      if (typeof value === 'string') return null;
      if (typeof value === 'number' && fitsInt(value, INT_RANGES['i32']!)) return null;
      return { severity: 0, message: typeError(typeof value === 'number' ? `number ${goNumberText(value)}` : kind, 'int32', context) };
    case 'q': {
      // Quantity.UnmarshalJSON parses the raw JSON text; its errors carry no field context.
      // true/false/{...}/[...] all fail on their first character, like any non-number text.
      const raw = typeof value === 'string' ? goJSONStringBody(value) : typeof value === 'number' ? goNumberText(value) : '{';
      const message = quantityError(raw);
      return message ? { severity: 0, message } : null;
    }
    case 't':
    case 'mt': {
      // metav1.Time: json.Unmarshal into a string first, then time.Parse.
      if (typeof value !== 'string') return { severity: 0, message: typeError(kind, 'string', context) };
      const message = timeParseError(value, tag === 't' ? 'time' : 'microTime');
      return message ? { severity: 0, message } : null;
    }
    case 'y': {
      if (Array.isArray(value)) return null; // []byte also decodes from an array of numbers
      if (typeof value !== 'string') return saved(kind);
      const message = base64Error(value);
      return message ? { severity: 1, message } : null;
    }
    default:
      return null; // 'r': RawExtension/FieldsV1 take any JSON
  }
}

// strconv.ParseInt/ParseUint of the literal kubectl sent: integral, no exponent, in range.
function fitsInt(n: number, [min, maxExclusive]: [number, number]): boolean {
  return Number.isInteger(n) && n >= min && n < maxExclusive;
}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v; // string | number
}

// encoding/json UnmarshalTypeError.Error(), with the decoder's field context.
function typeError(what: string, goType: string, context: ErrorContext): string {
  if (context.struct || context.fields.length) {
    return `json: cannot unmarshal ${what} into Go struct field ${context.struct}.${context.fields.join('.')} of type ${goType}`;
  }
  return `json: cannot unmarshal ${what} into Go value of type ${goType}`;
}

// Document order of the JSON kubectl sends: keys sorted bytewise (= code point order), arrays in order.
function comparePositions(a: Segment[], b: Segment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return compareCodePoints(String(x), String(y));
  }
  return a.length - b.length;
}

function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
