// kubectl -o yaml: sigs.k8s.io/yaml.Marshal = json.Marshal, then go-yaml v2
// Unmarshal of that JSON into interface{}, then go-yaml v2 Marshal.
//
// The JSON detour decides number types (3 → int, 1.5 → float) and, for a few
// characters Go leaves raw in JSON (U+007F–U+009F, U+FFFE/U+FFFF), changes the
// outcome: NEL is folded to a space by the YAML scanner and the others are
// rejected by its reader. Values without such characters take a direct path.

import { emitDocument, type ENode } from './yaml/emitter.js';
import { formatFloatG, formatJsonFloat } from './yaml/gofloat.js';
import { sortByKey } from './yaml/sorter.js';
import { STR_TAG, isBase60Float, resolve } from './yaml/resolve.js';
import { GoYamlError, unmarshalYaml } from './yaml/compose.js';
import { marshalCompact } from './json.js';

const TWO63 = 2 ** 63;
const MAX_U64 = (1n << 64n) - 1n;
const ROUND_TRIP_CHARS = /[\u007f-\u009f\ufffe\uffff]/;

/** The plain scalar go-yaml writes for a number that went through Go's JSON encoder. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${formatFloatG(n)}`);
  // Integral values in int64 range are int64 in an unstructured object.
  if (Number.isInteger(n) && n >= -TWO63 && n < TWO63) return BigInt(n).toString();
  // Otherwise a float64: its JSON text re-read by go-yaml is a uint64 if it can be, else a float.
  const t = formatJsonFloat(n);
  if (/^[0-9]+$/.test(t) && BigInt(t) <= MAX_U64) return t;
  return formatFloatG(n, 64);
}

/** encode.go stringv: quote strings that would read back as something else. */
function stringNode(s: string): ENode {
  const canUsePlain = resolve('', s).tag === STR_TAG && !isBase60Float(s);
  return { kind: 'scalar', value: s, style: s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double' };
}

const plain = (value: string): ENode => ({ kind: 'scalar', value, style: 'plain' });

function mapNode(entries: Array<[string, unknown]>): ENode {
  return { kind: 'map', pairs: sortByKey(entries).map(([k, v]) => [stringNode(k), encode(v)]) };
}

const present = (v: unknown): boolean => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';

function encode(v: unknown): ENode {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return plain('null');
  switch (typeof v) {
    case 'boolean':
      return plain(v ? 'true' : 'false');
    case 'number':
      return plain(numberText(v));
    case 'bigint':
      return plain(v.toString());
    case 'string':
      return stringNode(v);
  }
  if (Array.isArray(v)) return { kind: 'seq', items: v.map(encode) };
  // Maps come from the JSON round trip (string keys) or from callers.
  if (v instanceof Map) return mapNode([...v].filter(([, x]) => present(x)).map(([k, x]) => [String(k), x]));
  const o = v as Record<string, unknown>;
  if (typeof (o as { toJSON?: unknown }).toJSON === 'function') return encode((o as { toJSON: () => unknown }).toJSON());
  return mapNode(Object.keys(o).filter((k) => present(o[k])).map((k) => [k, o[k]]));
}

function needsRoundTrip(v: unknown): boolean {
  if (typeof v === 'string') return ROUND_TRIP_CHARS.test(v);
  if (Array.isArray(v)) return v.some(needsRoundTrip);
  if (v instanceof Map) return [...v].some(([k, x]) => needsRoundTrip(String(k)) || needsRoundTrip(x));
  if (v && typeof v === 'object') {
    return Object.entries(v).some(([k, x]) => ROUND_TRIP_CHARS.test(k) || needsRoundTrip(x));
  }
  return false;
}

/**
 * Renders a JSON-like value exactly as `kubectl -o yaml` does; the document ends
 * with a newline. Throws an Error with kubectl's message when Go would fail
 * (e.g. "yaml: control characters are not allowed", "json: unsupported value: NaN").
 */
export function toYaml(value: unknown): string {
  if (!needsRoundTrip(value)) return emitDocument(encode(value));
  let decoded: unknown;
  try {
    decoded = unmarshalYaml(marshalCompact(value));
  } catch (e) {
    if (e instanceof GoYamlError) throw new Error(e.message);
    throw e;
  }
  return emitDocument(encode(decoded));
}
