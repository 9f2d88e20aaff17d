// Splitting and decoding -f input the way kubectl's resource builder does
// (cli-runtime StreamVisitor + apimachinery YAMLOrJSONDecoder):
//   * input whose first non-space byte (within 4096) is '{' is read as a JSON
//     stream; if a value fails while at most one has been read, the rest is
//     retried as YAML and the JSON error is reported if that fails too;
//   * otherwise it is cut into documents at lines starting with "---", each
//     parsed on its own by go-yaml v2 (so error line numbers restart per document)
//     and converted to JSON by sigs.k8s.io/yaml;
//   * empty and null documents are skipped.
// Object keys come out sorted as Go's json.Marshal writes them.

import { GoYamlError, goSharpV, unmarshalYaml, type GoValue } from '../printers/yaml/compose.js';
import { compareCodePoints } from '../printers/yaml/chars.js';
import { formatFloatG } from '../printers/yaml/gofloat.js';
import { JsonStreamDecoder, JsonSyntaxError, JsonUnexpectedEOF } from './gojson.js';

/** A manifest that kubectl would refuse to parse; the message is kubectl's (without "error: "). */
export class DecodeError extends Error {
  override name = 'DecodeError';
  /** Documents decoded before the failure: kubectl has already acted on these when it reports the error. */
  decoded: unknown[] = [];
}

/** Go's unicode.IsSpace. */
const isGoSpace = (c: number): boolean =>
  (c >= 0x09 && c <= 0x0d) ||
  c === 0x20 ||
  c === 0x85 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

const goTrimSpace = (s: string): string => {
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (a < b && isGoSpace(cps[a]!.codePointAt(0)!)) a++;
  while (b > a && isGoSpace(cps[b - 1]!.codePointAt(0)!)) b--;
  return cps.slice(a, b).join('');
};

/** GuessJSONStream: only the first 4096 bytes are looked at. */
function looksLikeJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  for (const ch of head) {
    if (!isGoSpace(ch.codePointAt(0)!)) return ch === '{';
  }
  return false;
}

/** A failure whose message goes after "error parsing <source>: ". */
class ConvertError extends Error {}

/** YAMLReader.Read loop: documents separated by lines that start with "---". */
function* yamlDocuments(text: string): Generator<string> {
  let buf = '';
  let i = 0;
  while (i < text.length) {
    const j = text.indexOf('\n', i);
    let line = j < 0 ? text.slice(i) : text.slice(i, j);
    if (j >= 0 && line.endsWith('\r')) line = line.slice(0, -1); // bufio.ReadLine drops "\r\n"
    i = j < 0 ? text.length : j + 1;
    line += '\n';
    if (line.startsWith('---')) {
      const rest = goTrimSpace(line.slice(3));
      if (rest.length > 0 && rest[0] !== '#') throw new ConvertError(`invalid Yaml document separator: ${rest}`);
      if (buf.length > 0) {
        yield buf;
        buf = '';
        continue;
      }
      // A separator before any content stays in the document (as in Go).
    }
    buf += line;
  }
  if (buf.length > 0) yield buf;
}

/** sigs.k8s.io/yaml convertToJSONableObject: map keys become strings. */
function jsonable(v: GoValue): unknown {
  if (Array.isArray(v)) return v.map(jsonable);
  if (!(v instanceof Map)) return v;
  const out = new Map<string, unknown>();
  for (const [k, x] of v) {
    let key: string;
    if (typeof k === 'string') key = k;
    else if (typeof k === 'boolean') key = String(k);
    else if (typeof k === 'number') {
      const s = formatFloatG(k, 32);
      key = s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    } else if (typeof k === 'bigint' && k >= -(1n << 63n) && k < 1n << 63n) key = k.toString();
    else {
      const type = k === null ? '%!s(<nil>)' : typeof k === 'bigint' ? (k >= 0n && k < 1n << 64n ? 'uint64' : '*big.Int') : 'interface {}';
      throw new ConvertError(`unsupported map key of type: ${type}, key: ${goSharpV(k as GoValue)}, value: ${goSharpV(x)}`);
    }
    out.set(key, jsonable(x));
  }
  return out;
}

/** What json.Marshal makes of the converted value, read back as plain JSON data. */
function marshal(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new ConvertError(`json: unsupported value: ${formatFloatG(v)}`);
    return v;
  }
  if (Array.isArray(v)) return v.map(marshal);
  if (v instanceof Map) return objectOf([...v.keys()].sort(compareCodePoints).map((k) => [k, marshal(v.get(k))]));
  return v;
}

/** A plain object; "__proto__" stays an ordinary key as with JSON.parse. */
function objectOf(entries: Array<[string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    else o[k] = v;
  }
  return o;
}

/** One YAML document → JSON data (null for an empty document). Throws ConvertError with the Go message. */
function decodeYamlDocument(doc: string): unknown {
  let v: GoValue | undefined;
  try {
    v = unmarshalYaml(doc);
  } catch (e) {
    if (e instanceof GoYamlError) throw new ConvertError(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
  if (v === undefined) return null;
  try {
    return marshal(jsonable(v));
  } catch (e) {
    if (e instanceof ConvertError) throw new ConvertError(`error converting YAML to JSON: ${e.message}`);
    throw e;
  }
}

/** A JSON value as kubectl holds it: keys sorted, lone surrogate escapes read as U+FFFD like Go. */
function normalizeJson(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (Array.isArray(v)) return v.map(normalizeJson);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return objectOf(
      Object.keys(o)
        .sort(compareCodePoints)
        .map((k) => [normalizeJson(k) as string, normalizeJson(o[k])]),
    );
  }
  return v;
}

/** consumeWhitespace: skip spaces up to and including the first newline; -1 at end of input. */
function skipWhitespace(bytes: Uint8Array, from: number): number {
  const rest = new TextDecoder().decode(bytes.subarray(from));
  let offset = from;
  for (const ch of rest) {
    const c = ch.codePointAt(0)!;
    const w = Buffer.byteLength(ch);
    if (c === 0xfffd) return -1; // "invalid utf8 rune": no YAML retry
    if (!isGoSpace(c)) return offset;
    if (c === 0x0a) return offset + w;
    offset += w;
  }
  return -1;
}

function decodeYamlStream(text: string, out: unknown[], onFirstError?: () => never): void {
  let first = true;
  const docs = yamlDocuments(text);
  for (;;) {
    let value: unknown;
    try {
      const next = docs.next();
      if (next.done) return;
      value = decodeYamlDocument(next.value);
    } catch (e) {
      if (first && onFirstError && e instanceof ConvertError) onFirstError();
      throw e;
    }
    first = false;
    if (value !== null) out.push(value);
  }
}

function decodeJsonStream(bytes: Uint8Array, out: unknown[], fail: (msg: string) => never): void {
  const dec = new JsonStreamDecoder(bytes);
  let count = 0;
  for (;;) {
    let raw: Uint8Array | undefined;
    try {
      raw = dec.next();
    } catch (e) {
      if (!(e instanceof JsonSyntaxError || e instanceof JsonUnexpectedEOF)) throw e;
      // Two or more objects make it an unambiguous JSON stream.
      if (count > 1) fail(e.message);
      const jsonErr = e instanceof JsonSyntaxError ? `json: offset ${e.offset}: ${e.message}` : e.message;
      const from = skipWhitespace(bytes, dec.offset);
      if (from < 0) fail(jsonErr);
      decodeYamlStream(new TextDecoder().decode(bytes.subarray(from)), out, () => fail(jsonErr));
      return;
    }
    if (raw === undefined) return;
    count++;
    const value = normalizeJson(JSON.parse(new TextDecoder().decode(raw)));
    if (value !== null) out.push(value);
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/**
 * Decodes every manifest in a file's text, in order. `source` names the file in
 * errors: `error parsing <source>: error converting YAML to JSON: yaml: line 3: ...`.
 */
export function decodeManifests(text: string, source: string): unknown[] {
  const out: unknown[] = [];
  const fail = (msg: string): never => {
    const err = new DecodeError(`error parsing ${source}: ${msg}`);
    err.decoded = out;
    throw err;
  };
  const bytes = Buffer.from(text, 'utf8');
  const json = looksLikeJson(bytes);
  try {
    if (json) decodeJsonStream(bytes, out, fail);
    else decodeYamlStream(text, out);
  } catch (e) {
    if (e instanceof ConvertError) fail(e.message);
    // Deeply nested input ([[[[...) overflows the recursive parser and converters. go-yaml and
    // encoding/json stop at a nesting depth of 10000 with an error; this is ours, in their words.
    if (isStackOverflow(e)) fail(json ? 'json: exceeded max depth' : 'error converting YAML to JSON: yaml: exceeded max depth of 10000');
    throw e;
  }
  return out;
}
