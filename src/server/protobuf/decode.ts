// Decodes the Kubernetes protobuf request bodies that kubectl >= 1.32 sends for typed-client writes
// (`kubectl create deployment|configmap|secret|service|...`, Content-Type
// application/vnd.kubernetes.protobuf) into the JSON object kubectl would have sent as JSON.
//
// Body layout: the 4-byte magic `k8s\0`, then a runtime.Unknown message
//   { 1: typeMeta { 1: apiVersion, 2: kind }, 2: raw, 3: contentEncoding, 4: contentType }
// where `raw` is the kind's own message from k8s.io/api's generated.proto (see ./schema.ts).

import type { KObject } from '../../api/types.js';
import { StatusError } from '../../api/errors.js';
import { ANY_VERSION_KINDS, KINDS, MESSAGES, isScalar, type FieldDef, type MessageDef } from './schema.js';
import { WIRE_FIXED32, WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireReader, float32, float64, readFields, toInt32, toInt64, toUint, wireError, type WireField } from './wire.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00]; // "k8s\0"

/** True for `application/vnd.kubernetes.protobuf` (parameters ignored). */
export function isProtobufContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === PROTOBUF_MEDIA_TYPE;
}

/** The apiserver's 415 for a body it cannot decode (negotiation.NewUnsupportedMediaTypeError). */
export function unsupportedMediaType(accepted: string[] = ['application/json', 'application/yaml']): StatusError {
  return new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
}

/** The apiVersion/kind pairs decodeProtobufObject understands. */
export function supportedProtobufKinds(): Array<{ apiVersion: string; kind: string }> {
  return Object.keys(KINDS).map((k) => {
    const [apiVersion, kind] = k.split(' ') as [string, string];
    return { apiVersion, kind };
  });
}

export interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/** Parses the `k8s\0` magic and the runtime.Unknown envelope. Throws 400 BadRequest when malformed. */
export function readEnvelope(body: Uint8Array): UnknownEnvelope {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) {
    throw wireError('missing the "k8s\\x00" protobuf prefix');
  }
  const env: UnknownEnvelope = { apiVersion: '', kind: '', raw: new Uint8Array(0), contentEncoding: '', contentType: '' };
  for (const f of readFields(body.subarray(4))) {
    if (f.field === 1) {
      const tm = expectBytes(f, 'Unknown.typeMeta');
      for (const g of readFields(tm)) {
        if (g.field === 1) env.apiVersion = utf8(expectBytes(g, 'TypeMeta.apiVersion'));
        else if (g.field === 2) env.kind = utf8(expectBytes(g, 'TypeMeta.kind'));
      }
    } else if (f.field === 2) env.raw = expectBytes(f, 'Unknown.raw');
    else if (f.field === 3) env.contentEncoding = utf8(expectBytes(f, 'Unknown.contentEncoding'));
    else if (f.field === 4) env.contentType = utf8(expectBytes(f, 'Unknown.contentType'));
  }
  return env;
}

/**
 * Decodes a protobuf request body (`k8s\0` + runtime.Unknown) into the equivalent JSON object.
 * Throws StatusError 415 UnsupportedMediaType for kinds it has no schema for, and 400 BadRequest
 * for malformed input.
 */
export function decodeProtobufObject(body: Uint8Array): KObject {
  const env = readEnvelope(body);
  if (!env.kind || !env.apiVersion) throw wireError('the runtime.Unknown envelope has no apiVersion/kind');
  const msgName = KINDS[`${env.apiVersion} ${env.kind}`] ?? ANY_VERSION_KINDS[env.kind];
  if (!msgName || env.contentEncoding !== '' || (env.contentType !== '' && env.contentType !== PROTOBUF_MEDIA_TYPE)) {
    throw unsupportedMediaType();
  }
  const obj = decodeMessage(env.raw, MESSAGES.get(msgName)!);
  const out = { kind: env.kind, apiVersion: env.apiVersion, ...obj } as KObject;
  if (out.metadata === undefined) out.metadata = {};
  return out;
}

/** Decodes one message of the schema into a JSON object. */
export function decodeMessageByName(bytes: Uint8Array, name: string): Record<string, unknown> {
  const def = MESSAGES.get(name);
  if (!def) throw new Error(`no protobuf schema for message ${name}`);
  return decodeMessage(bytes, def);
}

function decodeMessage(bytes: Uint8Array, def: MessageDef): Record<string, unknown> {
  // Gather the wire values per field number (unknown fields are skipped, as proto requires).
  const seen = new Map<number, WireField[]>();
  const r = new WireReader(bytes);
  for (let f = r.next(); f; f = r.next()) {
    if (!def.byNum.has(f.field)) continue;
    let list = seen.get(f.field);
    if (!list) seen.set(f.field, (list = []));
    list.push(f);
  }
  const out: Record<string, unknown> = {};
  for (const fd of def.fields) {
    const values = seen.get(fd.num) ?? [];
    const where = `${def.name}.${fd.json}`;
    if (fd.inline) {
      const inner = decodeMessage(concat(values.map((v) => expectBytes(v, where))), MESSAGES.get(fd.type)!);
      Object.assign(out, inner);
    } else if (fd.map) {
      const entries: Record<string, unknown> = {};
      for (const v of values) {
        let key = '';
        let val: WireField | undefined;
        for (const e of readFields(expectBytes(v, where))) {
          if (e.field === 1) key = utf8(expectBytes(e, `${where} key`));
          else if (e.field === 2) val = e;
        }
        entries[key] = val ? convertSingle(val, fd, where) : zeroValue(fd.type);
      }
      if (values.length > 0) out[fd.json] = entries;
      else if (fd.always) out[fd.json] = null;
    } else if (fd.repeated) {
      const items: unknown[] = [];
      for (const v of values) {
        if (isScalar(fd.type) && fd.type !== 's' && fd.type !== 'by' && v.wireType === WIRE_LEN) items.push(...unpack(v.value as Uint8Array, fd, where));
        else items.push(convertSingle(v, fd, where));
      }
      if (items.length > 0) out[fd.json] = items;
      else if (fd.always) out[fd.json] = null;
    } else if (isScalar(fd.type)) {
      if (values.length === 0) {
        if (fd.always) out[fd.json] = fd.pointer ? null : zeroValue(fd.type);
        continue;
      }
      const v = convertSingle(values[values.length - 1]!, fd, where);
      if (fd.pointer || fd.always || !isZero(v)) out[fd.json] = v;
    } else {
      if (values.length === 0) {
        if (fd.always) out[fd.json] = null;
        continue;
      }
      // Repeated occurrences of an embedded message merge: concatenating the bytes does exactly that.
      const merged = values.length === 1 ? expectBytes(values[0]!, where) : concat(values.map((v) => expectBytes(v, where)));
      const v = convertMessage(merged, fd.type, where);
      if (v === undefined) {
        if (fd.always || fd.pointer) out[fd.json] = null;
      } else out[fd.json] = v;
    }
  }
  return out;
}

function convertSingle(v: WireField, fd: FieldDef, where: string): unknown {
  if (isScalar(fd.type)) return convertScalar(v, fd.type, where);
  return convertMessage(expectBytes(v, where), fd.type, where) ?? null;
}

function convertScalar(v: WireField, type: string, where: string): unknown {
  switch (type) {
    case 's':
      return utf8(expectBytes(v, where));
    case 'by':
      return Buffer.from(expectBytes(v, where)).toString('base64');
    case 'b':
      return expectVarint(v, where) !== 0n;
    case 'i32':
      return toInt32(expectVarint(v, where));
    case 'i64':
      return toInt64(expectVarint(v, where));
    case 'u32':
    case 'u64':
      return toUint(expectVarint(v, where));
    case 'd':
      if (v.wireType !== WIRE_FIXED64) throw wireError(`${where}: expected a fixed64 value`);
      return float64(v.value as bigint);
    case 'f':
      if (v.wireType !== WIRE_FIXED32) throw wireError(`${where}: expected a fixed32 value`);
      return float32(v.value as number);
    default:
      throw new Error(`unknown scalar type ${type}`);
  }
}

function unpack(buf: Uint8Array, fd: FieldDef, where: string): unknown[] {
  const r = new WireReader(buf);
  const out: unknown[] = [];
  while (!r.done) {
    if (fd.type === 'd') out.push(float64(r.fixed64()));
    else if (fd.type === 'f') out.push(float32(r.fixed32()));
    else out.push(convertScalar({ field: fd.num, wireType: WIRE_VARINT, value: r.varint() }, fd.type, where));
  }
  return out;
}

/** A message value as JSON; undefined means "zero value that Go encodes as null/omits" (a zero Time). */
function convertMessage(bytes: Uint8Array, type: string, where: string): unknown {
  switch (type) {
    case 'Time':
    case 'MicroTime': {
      let seconds = 0n;
      let nanos = 0;
      for (const f of readFields(bytes)) {
        if (f.field === 1) seconds = BigInt.asIntN(64, expectVarint(f, where));
        else if (f.field === 2) nanos = toInt32(expectVarint(f, where));
      }
      if (seconds === 0n && nanos === 0) return undefined;
      return formatTime(seconds, type === 'MicroTime' ? nanos : 0, type === 'MicroTime');
    }
    case 'Duration': {
      let d = 0n;
      for (const f of readFields(bytes)) if (f.field === 1) d = BigInt.asIntN(64, expectVarint(f, where));
      return formatDuration(d);
    }
    case 'Quantity': {
      let s = '';
      for (const f of readFields(bytes)) if (f.field === 1) s = utf8(expectBytes(f, where));
      return s === '' ? '0' : s;
    }
    case 'IntOrString': {
      let kind = 0n;
      let intVal = 0;
      let strVal = '';
      for (const f of readFields(bytes)) {
        if (f.field === 1) kind = expectVarint(f, where);
        else if (f.field === 2) intVal = toInt32(expectVarint(f, where));
        else if (f.field === 3) strVal = utf8(expectBytes(f, where));
      }
      return kind === 1n ? strVal : intVal;
    }
    case 'FieldsV1':
    case 'RawExtension': {
      let raw: Uint8Array = new Uint8Array(0);
      for (const f of readFields(bytes)) if (f.field === 1) raw = expectBytes(f, where);
      if (raw.length === 0) return type === 'FieldsV1' ? {} : null;
      try {
        return JSON.parse(utf8(raw));
      } catch {
        throw wireError(`${where}: embedded object is not JSON`);
      }
    }
    default:
      return decodeMessage(bytes, MESSAGES.get(type)!);
  }
}

/** metav1.Time → RFC 3339 in UTC, seconds precision; MicroTime → 6 fractional digits. */
function formatTime(seconds: bigint, nanos: number, micro: boolean): string {
  const ms = Number(seconds) * 1000;
  const iso = new Date(ms).toISOString(); // 2006-01-02T15:04:05.000Z
  const base = iso.slice(0, 19);
  if (!micro) return `${base}Z`;
  return `${base}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

/** metav1.Duration → Go's time.Duration.String(). */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, div] = u < 1000n ? ['ns', 1n] : u < 1_000_000n ? ['µs', 1000n] : ['ms', 1_000_000n];
    out = fraction(u, div as bigint) + (unit as string);
  } else {
    const h = u / 3_600_000_000_000n;
    u -= h * 3_600_000_000_000n;
    const m = u / 60_000_000_000n;
    u -= m * 60_000_000_000n;
    out = `${fraction(u, 1_000_000_000n)}s`;
    if (h > 0n) out = `${h}h${m}m${out}`;
    else if (m > 0n) out = `${m}m${out}`;
  }
  return neg ? `-${out}` : out;
}

function fraction(v: bigint, div: bigint): string {
  const whole = v / div;
  const rest = v % div;
  if (rest === 0n) return String(whole);
  const digits = String(div).length - 1;
  return `${whole}.${String(rest).padStart(digits, '0').replace(/0+$/, '')}`;
}

function zeroValue(type: string): unknown {
  switch (type) {
    case 's':
    case 'by':
      return '';
    case 'b':
      return false;
    case 'i32':
    case 'i64':
    case 'u32':
    case 'u64':
    case 'd':
    case 'f':
      return 0;
    default:
      return null;
  }
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false || v === null;
}

function expectBytes(f: WireField, where: string): Uint8Array {
  if (f.wireType !== WIRE_LEN) throw wireError(`${where}: expected a length-delimited value, got wire type ${f.wireType}`);
  return f.value as Uint8Array;
}

function expectVarint(f: WireField, where: string): bigint {
  if (f.wireType !== WIRE_VARINT) throw wireError(`${where}: expected a varint, got wire type ${f.wireType}`);
  return f.value as bigint;
}

const decoder = new TextDecoder('utf-8');
function utf8(b: Uint8Array): string {
  return decoder.decode(b);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts);
}
