// yaml.Unmarshal(doc, &interface{}) of go-yaml v2 (decode.go): events → node
// tree (anchors resolved at parse time) → Go values, with merge keys, alias
// loop detection and the "excessive aliasing" guard.
//
// Go values are modelled as: null, boolean, string, bigint (int/uint64/big.Int),
// number (float64), GoValue[] and Map<GoValue, GoValue> (map[interface{}]interface{}).

import { formatFloatG } from './gofloat.js';
import { Parser, type YamlEvent } from './parser.js';
import { BINARY_TAG, MERGE_TAG, ResolveError, TIMESTAMP_TAG, resolve } from './resolve.js';
import { YamlSyntaxError } from './scanner.js';
import { goQuote } from '../../util/strconv.js';
export { goQuote };

export type GoValue = null | boolean | string | bigint | number | GoValue[] | GoMap;
export type GoMap = Map<GoValue, GoValue>;

/** An error as go-yaml reports it, message already prefixed with "yaml: ". */
export class GoYamlError extends Error {}

const fail = (msg: string): never => {
  throw new GoYamlError(`yaml: ${msg}`);
};

interface Node {
  kind: 'document' | 'mapping' | 'sequence' | 'scalar' | 'alias';
  tag: string;
  value: string;
  implicit: boolean;
  children: Node[];
  alias?: Node;
}

/** decode.go's parser: builds one document's node tree from the event stream. */
class Composer {
  private readonly parser: Parser;
  private event: YamlEvent | undefined;
  private anchors = new Map<string, Node>();
  private started = false;

  constructor(input: string) {
    // go-yaml parses an empty input as a lone line break.
    this.parser = new Parser(input === '' ? '\n' : input);
  }

  private peek(): YamlEvent {
    if (!this.event) {
      try {
        this.event = this.parser.next();
      } catch (e) {
        if (e instanceof YamlSyntaxError) fail(e.goMessage());
        throw e;
      }
    }
    if (!this.event) throw new Error('yaml: attempted to read past the end of stream');
    return this.event;
  }

  private expect(type: YamlEvent['type']): YamlEvent {
    const e = this.peek();
    if (e.type === 'STREAM-END') fail('attempted to go past the end of stream; corrupted value?');
    if (e.type !== type) fail(`expected ${type} event but got ${e.type}`);
    this.event = undefined;
    return e;
  }

  /** p.parse(): the first node of the stream, or undefined for an empty stream. */
  parse(): Node | undefined {
    if (!this.started) {
      this.expect('STREAM-START');
      this.started = true;
    }
    const e = this.peek();
    switch (e.type) {
      case 'SCALAR':
        return this.scalar();
      case 'ALIAS':
        return this.aliasNode();
      case 'MAPPING-START':
        return this.collection('mapping', 'MAPPING-END');
      case 'SEQUENCE-START':
        return this.collection('sequence', 'SEQUENCE-END');
      case 'DOCUMENT-START':
        return this.document();
      case 'STREAM-END':
        return undefined;
      default:
        throw new Error(`yaml: attempted to parse unknown event: ${e.type}`);
    }
  }

  private node(kind: Node['kind']): Node {
    return { kind, tag: '', value: '', implicit: false, children: [] };
  }

  private document(): Node {
    const n = this.node('document');
    this.anchors = new Map();
    this.expect('DOCUMENT-START');
    const child = this.parse();
    if (child) n.children.push(child);
    this.expect('DOCUMENT-END');
    return n;
  }

  private aliasNode(): Node {
    const e = this.peek();
    const n = this.node('alias');
    n.value = e.anchor ?? '';
    n.alias = this.anchors.get(n.value);
    if (!n.alias) fail(`unknown anchor '${n.value}' referenced`);
    this.expect('ALIAS');
    return n;
  }

  private scalar(): Node {
    const e = this.peek();
    const n = this.node('scalar');
    n.value = e.value ?? '';
    n.tag = e.tag ?? '';
    n.implicit = !!e.implicit;
    if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
    this.expect('SCALAR');
    return n;
  }

  private collection(kind: 'mapping' | 'sequence', end: YamlEvent['type']): Node {
    const e = this.peek();
    const n = this.node(kind);
    n.tag = e.tag ?? '';
    // Registered before the children: "&a [*a]" refers to itself.
    if (e.anchor !== undefined) this.anchors.set(e.anchor, n);
    this.expect(e.type);
    while (this.peek().type !== end) {
      const child = this.parse();
      if (child) n.children.push(child);
    }
    this.expect(end);
    return n;
  }
}

const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;

function allowedAliasRatio(count: number): number {
  if (count <= ALIAS_RATIO_LOW) return 0.99;
  if (count >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((count - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

const isMerge = (n: Node): boolean => n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === MERGE_TAG);

/** decode.go's decoder, specialised to an interface{} target. */
class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly activeAliases = new Set<Node>();

  /** d.unmarshal(n, out); `into` is the map a merge writes into. */
  unmarshal(n: Node, into?: GoMap): GoValue {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      fail('document contains excessive aliasing');
    }
    switch (n.kind) {
      case 'document':
        return n.children.length === 1 ? this.unmarshal(n.children[0]!, into) : null;
      case 'alias':
        return this.alias(n, into);
    }
    // (prepare()'s null check only skips pointer allocation; it does not stop decoding.)
    switch (n.kind) {
      case 'scalar':
        return this.scalar(n);
      case 'mapping':
        return this.mapping(n, into ?? new Map());
      default:
        return n.children.map((c) => this.unmarshal(c));
    }
  }

  private alias(n: Node, into?: GoMap): GoValue {
    if (this.activeAliases.has(n)) fail(`anchor '${n.value}' value contains itself`);
    this.activeAliases.add(n);
    this.aliasDepth++;
    const v = this.unmarshal(n.alias!, into);
    this.aliasDepth--;
    this.activeAliases.delete(n);
    return v;
  }

  private scalar(n: Node): GoValue {
    if (n.tag === '' && !n.implicit) return n.value; // quoted: always a string
    let r: { tag: string; value: GoValue };
    try {
      r = resolve(n.tag, n.value);
    } catch (e) {
      if (e instanceof ResolveError) fail(e.message);
      throw e;
    }
    if (r.tag === BINARY_TAG) return decodeBinary(r.value as string);
    if (r.value === null) return null;
    if (r.tag === TIMESTAMP_TAG) return n.value; // v2 keeps timestamps as strings in interface{}
    return r.value;
  }

  private mapping(n: Node, out: GoMap): GoMap {
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      const k = n.children[i]!;
      const v = n.children[i + 1]!;
      if (isMerge(k)) {
        this.merge(v, out);
        continue;
      }
      const key = this.unmarshal(k);
      if (Array.isArray(key) || key instanceof Map) fail(`invalid map key: ${goSharpV(key)}`);
      out.set(key, this.unmarshal(v));
    }
    return out;
  }

  private merge(n: Node, out: GoMap): void {
    const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
    if (n.kind === 'mapping') this.unmarshal(n, out);
    else if (n.kind === 'alias') {
      if (n.alias && n.alias.kind !== 'mapping') wantMap();
      this.unmarshal(n, out);
    } else if (n.kind === 'sequence') {
      // Backwards, so that earlier maps win.
      for (let i = n.children.length - 1; i >= 0; i--) {
        const c = n.children[i]!;
        if (c.kind === 'alias' ? c.alias && c.alias.kind !== 'mapping' : c.kind !== 'mapping') wantMap();
        this.unmarshal(c, out);
      }
    } else wantMap();
  }
}

/** base64.StdEncoding.DecodeString (line breaks ignored), bytes read back as Go's JSON encoder would. */
function decodeBinary(s: string): string {
  const clean = s.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean)) {
    fail('!!binary value contains invalid base64 data');
  }
  return decodeUtf8Lossy(Buffer.from(clean, 'base64'));
}

/** UTF-8 decoding with one U+FFFD per invalid byte, like Go's utf8.DecodeRune loops. */
export function decodeUtf8Lossy(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need === 0) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let cp = need === 1 ? c & 0x1f : need === 2 ? c & 0x0f : c & 0x07;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 0x3f);
    }
    if (ok && ((need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)))) {
      ok = false;
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Go's %#v for the interface{} values go-yaml produces (used in its error texts). */
export function goSharpV(v: GoValue): string {
  if (v === null) return '<nil>';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return v >= 1n << 63n ? `0x${v.toString(16)}` : v.toString();
  if (typeof v === 'number') return formatFloatG(v, 64);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  return `map[interface {}]interface {}{${[...v].map(([k, x]) => `${goSharpV(k)}:${goSharpV(x)}`).join(', ')}}`;
}


/**
 * go-yaml v2 Unmarshal of one document into interface{}: undefined for an
 * empty stream. Throws GoYamlError ("yaml: line 3: ...").
 */
export function unmarshalYaml(input: string): GoValue | undefined {
  const node = new Composer(input).parse();
  if (!node) return undefined;
  return new Decoder().unmarshal(node);
}
