// decodeManifests against kubectl v1.36.3: every row was recorded by running
// `kubectl annotate --local -f in.yaml zz=1 -o json` on the text (and removing
// the added annotation); error texts are kubectl's stderr without "error: ".

import { describe, expect, it } from 'vitest';
import { DecodeError, decodeManifests } from '../../../src/resource/decode.js';

/** [description, file text, the objects kubectl decoded] */
const DECODED: Array<[string, string, unknown[]]> = [
  ["single document", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n", [{"apiVersion": "v1", "data": {"a": "b"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["several documents, empty ones skipped", "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\n\n---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x2\n...\n", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x2"}}]],
  ["separator with a comment", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n--- # next\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x2\n", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x2"}}]],
  ["CRLF line ends", "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: x\r\ndata:\r\n  a: |\r\n    x\r\n    y\r\n", [{"apiVersion": "v1", "data": {"a": "x\ny\n"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["missing final newline", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: |\n    x", [{"apiVersion": "v1", "data": {"a": "x\n"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["UTF-8 BOM", "\ufeffapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n", [{"apiVersion": "v1", "data": {"a": "b"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["YAML 1.1 scalars", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  bools: [yes, No, on, OFF, y, N, true, False]\n  nulls: [~, null, Null, \"\", \"~\", \"null\"]\n  ints: [0755, 0o17, 0x1F, 0b101, -0b11, +12, 1_000, 08, 0x1_F]\n  floats: [1.0, .5, -.5e3, 1e3, 1., 0.1, 1e999]\n  big: [123456789012345678901234567890, 18446744073709551615, 9223372036854775807]\n  strings: [2001-12-14, 2001-12-14 21:59:43.10, 1:30, 0x, 1e, \"1\", !!str 12, !foo 7, ! 8]\n  tagged: [!!int \"7\", !!float 3, !!bool true, !!binary aGVsbG8=, !!timestamp 2001-12-14]\n", [{"apiVersion": "v1", "data": {"big": [1.2345678901234568e+29, 18446744073709552000, 9223372036854776000], "bools": [true, false, true, false, true, false, true, false], "floats": [1, 0.5, -500, 1000, 1, 0.1, "1e999"], "ints": [493, 15, 31, 5, -3, 12, 1000, 8, 31], "nulls": [null, null, null, "", "~", "null"], "strings": ["2001-12-14", "2001-12-14 21:59:43.10", "1:30", "0x", "1e", "1", "12", "7", "8"], "tagged": [7, 3, true, "hello", "2001-12-14"]}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["map keys become strings", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  1.0: a\n  0.1: b\n  3.14159265: c\n  1e7: d\n  !!float 3: e\n  2: f\n  true: g\n  no: h\n  2001-12-14: i\n", [{"apiVersion": "v1", "data": {"1": "a", "2": "f", "3": "e", "0.1": "b", "1e+07": "d", "2001-12-14": "i", "3.1415927": "c", "false": "h", "true": "g"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["anchors, aliases and merge keys", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  base: &b {x: 1, y: 2}\n  ref: *b\n  merged:\n    <<: *b\n    y: 3\n  early:\n    y: 3\n    <<: *b\n  list:\n    <<: [{a: 1}, {a: 2, b: 2}]\n  quoted:\n    \"<<\": *b\n", [{"apiVersion": "v1", "data": {"base": {"true": 2, "x": 1}, "early": {"true": 2, "x": 1}, "list": {"a": 1, "b": 2}, "merged": {"true": 3, "x": 1}, "quoted": {"<<": {"true": 2, "x": 1}}, "ref": {"true": 2, "x": 1}}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["block scalars", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  lit: |\n    a\n     b\n\n  keep: |+\n    a\n\n  strip: |-\n    a\n  fold: >\n    a\n    b\n\n    c\n  ind: |2\n     x\n", [{"apiVersion": "v1", "data": {"fold": "a b\nc\n", "ind": " x\n", "keep": "a\n\n", "lit": "a\n b\n", "strip": "a"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["flow collections and quoting", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  f: {a: [1, {b: c}], \"q\": 's''q'}\n  e: \"\\u00e9\\x41\\U0001F600\\t\\N\"\n  multi: \"a\n    b\n\n    c\"\n  plain: a\n    b\n", [{"apiVersion": "v1", "data": {"e": "\u00e9A\ud83d\ude00\t\u0085", "f": {"a": [1, {"b": "c"}], "q": "s'q"}, "multi": "a b\nc", "plain": "a b"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["comments and document end", "# header\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b # trailing\n  c: \"d # not a comment\"\n", [{"apiVersion": "v1", "data": {"a": "b", "c": "d # not a comment"}, "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON document", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON stream", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"b\"}}\n\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}]],
  ["JSON with YAML-only syntax falls back to YAML", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\",}}", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON object then YAML", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: z\n", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}, {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "z"}}]],
  ["JSON lone surrogate escape", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"\\ud800x\"}}", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "\ufffdx"}}]],
  ["JSON null document", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}\n\nnull\n", [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON bad literal", "{\"apiVersion\":tru,\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", [{"apiVersion": "tru", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON control char in string", "{\"apiVersion\":\"v\t1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", [{"apiVersion": "v\t1", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
  ["JSON non-ASCII junk", "{\"apiVersion\":\u00e9,\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", [{"apiVersion": "\u00e9", "kind": "ConfigMap", "metadata": {"name": "x"}}]],
];

describe('decodeManifests: documents kubectl accepts', () => {
  it.each(DECODED)('%s', (_name, text, want) => {
    expect(decodeManifests(text, 'in.yaml')).toEqual(want);
  });
});

/** [description, file text, kubectl's error, documents kubectl had already handled] */
const FAILURES: Array<[string, string, string, number]> = [
  ["mapping values are not allowed", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x: y\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context", 0],
  ["did not find expected key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n bad: 1\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key", 0],
  ["could not find expected colon", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n  c\n  d: e\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 8: could not find expected ':'", 0],
  ["multi-line quoted key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  \"a\n  b\": c\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context", 0],
  ["cannot start any token (tab indent)", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n\t- b\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token", 0],
  ["cannot start any token (at sign)", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: @b\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token", 0],
  ["did not find expected - indicator", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  - a\n  b: c\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: did not find expected '-' indicator", 0],
  ["unexpected end of stream", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"b\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 7: found unexpected end of stream", 0],
  ["block sequence entries not allowed", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"x\" - b\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: block sequence entries are not allowed in this context", 0],
  ["tab violates indentation", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n\tc: d\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 7: found a tab character that violates indentation", 0],
  ["flow sequence not closed", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: [b\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: did not find expected ',' or ']'", 0],
  ["flow mapping extra brace", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: {b: c}}\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 5: did not find expected key", 0],
  ["unknown anchor", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: *x\n", "error parsing in.yaml: error converting YAML to JSON: yaml: unknown anchor 'x' referenced", 0],
  ["recursive alias", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: &x [*x]\n", "error parsing in.yaml: error converting YAML to JSON: yaml: anchor 'x' value contains itself", 0],
  ["merge of a scalar", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  <<: 1\n", "error parsing in.yaml: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value", 0],
  ["bad explicit tag", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: !!int abc\n", "error parsing in.yaml: error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int", 0],
  ["bad binary", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: !!binary \"###\"\n", "error parsing in.yaml: error converting YAML to JSON: yaml: !!binary value contains invalid base64 data", 0],
  ["NaN", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: .nan\n", "error parsing in.yaml: error converting YAML to JSON: json: unsupported value: NaN", 0],
  ["infinity", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: -.inf\n", "error parsing in.yaml: error converting YAML to JSON: json: unsupported value: -Inf", 0],
  ["null key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ~: a\n", "error parsing in.yaml: error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: \"a\"", 0],
  ["list as key", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  [1]: 2\n", "error parsing in.yaml: error converting YAML to JSON: yaml: invalid map key: []interface {}{1}", 0],
  ["unknown escape", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  x: \"\\q\"\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 6: found unknown escape character", 0],
  ["YAML 1.2 directive", "%YAML 1.2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "error parsing in.yaml: error converting YAML to JSON: yaml: found incompatible YAML document", 0],
  ["unknown directive", "%FOO\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "error parsing in.yaml: error converting YAML to JSON: yaml: found unknown directive name", 0],
  ["control character", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: a\u007fb\n", "error parsing in.yaml: error converting YAML to JSON: yaml: control characters are not allowed", 0],
  ["error in second document counts lines from its start", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x: y\n", "error parsing in.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context", 1],
  ["error on the first line has no line number", "a: b: c\n", "error parsing in.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context", 0],
  ["invalid separator", "--- foo\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "error parsing in.yaml: invalid Yaml document separator: foo", 0],
  ["dashes line", "----\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n", "error parsing in.yaml: invalid Yaml document separator: -", 0],
  ["JSON syntax error after one object", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}\n{\"apiVersion\":\"v1\",,}", "error parsing in.yaml: json: offset 83: invalid character ',' looking for beginning of object key string", 1],
  ["JSON syntax error after two objects", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"y\"}}\n{\"apiVersion\":\"v1\",,}", "error parsing in.yaml: invalid character ',' looking for beginning of object key string", 2],
  ["truncated JSON", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}", "error parsing in.yaml: unexpected EOF", 0],
  ["JSON bad escape", "{\"apiVersion\":\"v\\q1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"x\"}}", "error parsing in.yaml: json: offset 18: invalid character 'q' in string escape code", 0],
];

describe('decodeManifests: kubectl parse errors', () => {
  it.each(FAILURES)('%s', (_name, text, message, before) => {
    let err: unknown;
    try {
      decodeManifests(text, 'in.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).message).toBe(message);
    expect((err as DecodeError).decoded).toHaveLength(before);
  });
});

describe('decodeManifests: details', () => {
  it('names the source as given', () => {
    expect(() => decodeManifests('a: b: c\n', 'STDIN')).toThrow(
      'error parsing STDIN: error converting YAML to JSON: yaml: mapping values are not allowed in this context',
    );
  });

  it('returns nothing for empty input, blank lines, comments or bare separators', () => {
    for (const text of ['', '\n\n', '# c\n', '---\n---\n', '   ', 'null\n', '~\n']) {
      expect(decodeManifests(text, 'x.yaml')).toEqual([]);
    }
  });

  it('keeps non-object documents (the builder rejects them later)', () => {
    expect(decodeManifests('- a\n- 1\n---\nplain\n', 'x.yaml')).toEqual([['a', 1], 'plain']);
  });

  it('sorts keys as Go writes them and keeps "__proto__" an ordinary key', () => {
    const [doc] = decodeManifests('b: 1\n__proto__: 2\na: 3\n', 'x.yaml') as [Record<string, unknown>];
    expect(Object.keys(doc)).toEqual(['__proto__', 'a', 'b']);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
  });

  it('lets later duplicate keys win', () => {
    expect(decodeManifests('a: 1\na: 2\n', 'x.yaml')).toEqual([{ a: 2 }]);
    expect(decodeManifests('{"a": 1, "a": 2}', 'x.json')).toEqual([{ a: 2 }]);
  });

  it('reports a control character only when its 512-byte chunk is read', () => {
    const early = 'a: b: c\n' + 'x: y\n'.repeat(200) + 'z: \u0001\n';
    expect(() => decodeManifests(early, 'f')).toThrow('yaml: mapping values are not allowed in this context');
    const near = 'a: b: c\nz: \u0001\n';
    expect(() => decodeManifests(near, 'f')).toThrow('yaml: control characters are not allowed');
  });

  it('detects JSON only by a leading "{" (after white space)', () => {
    expect(decodeManifests(' \n\t{"a": 1}', 'x')).toEqual([{ a: 1 }]);
    expect(decodeManifests('["a"]', 'x')).toEqual([['a']]);
  });
});

describe('decodeManifests: deeply nested input', () => {
  it('reports a nesting too deep for the parser as a parse error, not a stack overflow', () => {
    const yaml = `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    expect(() => decodeManifests(yaml, 'deep.yaml')).toThrow(DecodeError);
    expect(() => decodeManifests(yaml, 'deep.yaml')).toThrow('error parsing deep.yaml: error converting YAML to JSON: yaml: exceeded max depth of 10000');
    const json = `{"a": ${'['.repeat(20000)}${']'.repeat(20000)}}`;
    expect(() => decodeManifests(json, 'deep.json')).toThrow('error parsing deep.json: json: exceeded max depth');
  });
});
