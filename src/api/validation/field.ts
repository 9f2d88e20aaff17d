// field.Error equivalents (apimachinery pkg/util/validation/field) plus the two renderings of an
// Invalid error: kube-apiserver's Status message (errors.NewInvalid) and kubectl's stderr text
// (cmd/util/helpers.go checkErr → MultilineError).

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound';
import { goQuote } from '../../util/strconv.js';
export { goQuote };

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
}

// ---------------------------------------------------------------------------------------------
// Paths (field/path.go): a child name is joined with '.', an index or map key is written `[k]`
// verbatim (no quoting), and a root with an empty name renders as "[]" (e.g. ConfigMap size errors).

export class FieldPath {
  private constructor(
    private readonly parent: FieldPath | null,
    private readonly name: string,
    private readonly idx: string,
  ) {}

  static root(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(null, name, '');
    for (const m of more) p = new FieldPath(p, m, '');
    return p;
  }

  child(name: string, ...more: string[]): FieldPath {
    let p = new FieldPath(this, name, '');
    for (const m of more) p = new FieldPath(p, m, '');
    return p;
  }

  index(i: number): FieldPath {
    return new FieldPath(this, '', String(i));
  }

  key(k: string): FieldPath {
    return new FieldPath(this, '', k);
  }

  toString(): string {
    const elems: FieldPath[] = [];
    for (let p: FieldPath | null = this; p; p = p.parent) elems.unshift(p);
    let out = '';
    for (const p of elems) {
      if (p.parent && p.name.length > 0) out += '.';
      out += p.name.length > 0 ? p.name : `[${p.idx}]`;
    }
    return out;
  }
}

export function newPath(name: string, ...more: string[]): FieldPath {
  return FieldPath.root(name, ...more);
}

type PathLike = FieldPath | string;
const str = (p: PathLike): string => (typeof p === 'string' ? p : p.toString());

// ---------------------------------------------------------------------------------------------
// Bad values. Go picks the rendering from the dynamic type; plain JS values map as follows:
// string → %q, integer number/bigint/boolean → bare, everything else → encoding/json output.
// Go structs (field order, Go field names, no omitempty on internal types) cannot be inferred from
// JSON, so callers pre-render them with goStruct()/rawValue().

/** A value whose Go rendering is already known (emitted verbatim in JSON and as a bad value). */
export class RawValue {
  constructor(readonly text: string) {}
}
export const rawValue = (text: string): RawValue => new RawValue(text);

/** Go's field.OmitValueType{}: the body shows just the error type. */
export const OMIT_VALUE: unique symbol = Symbol('omitValue');

/** JSON of a Go struct with fields in declaration order; `undefined` entries are skipped (omitempty). */
export function goStruct(fields: Array<[string, unknown]>): RawValue {
  const parts = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${goJSON(k)}:${goJSON(v)}`);
  return new RawValue(`{${parts.join(',')}}`);
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');


/** encoding/json string escaping (HTML-safe, \b \f short forms since Go 1.22). */
function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    switch (cp) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
    }
    if (cp < 0x20 || cp === 0x3c || cp === 0x3e || cp === 0x26 || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + hex(cp, 4);
    } else out += String.fromCodePoint(cp);
  }
  return out + '"';
}

/** json.Marshal of a JS value; objects are treated as Go maps (keys sorted). */
export function goJSON(v: unknown): string {
  if (v instanceof RawValue) return v.text;
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return jsonString(v);
    case 'number': return Number.isFinite(v) ? String(v) : 'null';
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
  }
  if (Array.isArray(v)) return `[${v.map(goJSON).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${jsonString(k)}:${goJSON(o[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Go's %v for a non-integral float64 (shortest 'g': %e when the exponent is < -4 or >= 6). */
function goFloat(f: number): string {
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${mant}e${exp < 0 ? '-' : '+'}${e}`;
  }
  return String(f);
}

/** How ErrorBody prints a bad value. */
export function renderBadValue(v: unknown): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return goJSON(v);
}

// ---------------------------------------------------------------------------------------------
// Constructors (field/errors.go).

export function required(path: PathLike, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field: str(path), badValue: '', detail };
}

export function invalid(path: PathLike, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: str(path), badValue: value, detail };
}

export function notSupported(path: PathLike, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? 'supported values: ' + validValues.map(goQuote).join(', ') : '';
  return { type: 'FieldValueNotSupported', field: str(path), badValue: value, detail };
}

export function forbidden(path: PathLike, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: str(path), badValue: '', detail };
}

export function duplicate(path: PathLike, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field: str(path), badValue: value };
}

export function notFound(path: PathLike, value: unknown): FieldError {
  return { type: 'FieldValueNotFound', field: str(path), badValue: value };
}

export function tooLong(path: PathLike, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'FieldValueTooLong', field: str(path), badValue: '<value omitted>', detail };
}

export function tooMany(path: PathLike, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return { type: 'FieldValueTooMany', field: str(path), badValue: actual >= 0 ? actual : OMIT_VALUE, detail };
}

const TYPE_TEXT: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
};

/** (*field.Error).ErrorBody: the message without the field name. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  const showsValue = e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'FieldValueTooLong';
  if (showsValue && e.badValue !== OMIT_VALUE) s += ': ' + renderBadValue(e.badValue);
  if (e.detail) s += ': ' + e.detail;
  return s;
}

/** (*field.Error).Error(): "<field>: <body>". */
export function errorString(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** ErrorList.ToAggregate().Error(): duplicates dropped, one → bare, several → "[a, b]". */
export function aggregateMessage(errs: readonly FieldError[]): string {
  const msgs = [...new Set(errs.map(errorString))];
  if (msgs.length === 0) return '<nil>';
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** schema.GroupKind.String(): "Kind" for the core group, "Kind.group" otherwise. */
export const groupKindString = (kind: string, group = ''): string => (group ? `${kind}.${group}` : kind);

/** The Status message errors.NewInvalid builds: `Deployment.apps "x" is invalid: ...`. */
export function invalidMessage(kind: string, name: string, errs: readonly FieldError[], group = ''): string {
  return `${groupKindString(kind, group)} ${goQuote(name)} is invalid: ${aggregateMessage(errs)}`;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface InvalidStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: 'Invalid';
  details: { name?: string; group?: string; kind: string; causes: StatusCause[] };
  code: 422;
}

/** The full 422 Status (keys in metav1.Status field order, omitempty honoured; every cause kept). */
export function invalidStatus(kind: string, name: string, errs: readonly FieldError[], group = ''): InvalidStatus {
  const causes = errs.map((e) => {
    const c: StatusCause = { reason: e.type, message: errorBody(e) };
    if (e.field) c.field = e.field;
    return c;
  });
  const details: InvalidStatus['details'] = { ...(name ? { name } : {}), ...(group ? { group } : {}), kind, causes };
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
    message: invalidMessage(kind, name, errs, group), reason: 'Invalid', details, code: 422,
  };
}

/**
 * kubectl's stderr for an Invalid status (checkErr): one cause →
 * `The Kind "name" is invalid: field: body`; several → a header ending in ": " then `* field: body`
 * lines. Causes are de-duplicated on "field: message". The result ends with exactly one "\n".
 */
export function kubectlInvalidText(details: { kind?: string; name?: string; causes?: readonly StatusCause[] } | undefined): string {
  if (!details) return 'The request is invalid\n';
  let s = 'The request is invalid';
  if (details.kind || details.name) s = `The ${details.kind ?? ''} ${goQuote(details.name ?? '')} is invalid`;
  const causes = details.causes ?? [];
  if (causes.length === 0) return s + '\n';
  const msgs = [...new Set(causes.map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (msgs.length === 1) return `${s}: ${msgs[0]}\n`;
  return `${s}: \n` + msgs.map((m) => `* ${m}\n`).join('');
}

/** kubectlInvalidText for field errors produced locally. */
export function formatInvalidForKubectl(kind: string, name: string, causes: readonly FieldError[]): string {
  return kubectlInvalidText({ kind, name, causes: causes.map((e) => ({ field: e.field, message: errorBody(e) })) });
}
