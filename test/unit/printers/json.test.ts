// toJson against kubectl v1.36.3: the -o json goldens of real-kubectl.md §7 and a
// table recorded with `kubectl annotate --local -f obj.json a=b -o json` (each
// value under the last top-level key "zz", so the text is toJson({ zz: value })).

import { describe, expect, it } from 'vitest';
import { goJsonString, marshalCompact, toJson } from '../../../src/printers/json.js';
import { formatJsonNumber } from '../../../src/printers/yaml/gofloat.js';

/** [description, value, kubectl output for { zz: value }] */
const RECORDED: Array<[string, unknown, string]> = [
  ["plain word", "hello", "{\n    \"zz\": \"hello\"\n}\n"],
  ["empty string", "", "{\n    \"zz\": \"\"\n}\n"],
  ["single space", " ", "{\n    \"zz\": \" \"\n}\n"],
  ["numeric string", "123", "{\n    \"zz\": \"123\"\n}\n"],
  ["float string", "1.5", "{\n    \"zz\": \"1.5\"\n}\n"],
  ["exponent string", "1e3", "{\n    \"zz\": \"1e3\"\n}\n"],
  ["octal-looking string", "0755", "{\n    \"zz\": \"0755\"\n}\n"],
  ["hex string", "0x1F", "{\n    \"zz\": \"0x1F\"\n}\n"],
  ["underscore number string", "1_000", "{\n    \"zz\": \"1_000\"\n}\n"],
  ["sign string", "+12", "{\n    \"zz\": \"+12\"\n}\n"],
  ["dot float string", ".5", "{\n    \"zz\": \".5\"\n}\n"],
  ["bool word true", "true", "{\n    \"zz\": \"true\"\n}\n"],
  ["bool word yes", "yes", "{\n    \"zz\": \"yes\"\n}\n"],
  ["bool word y", "y", "{\n    \"zz\": \"y\"\n}\n"],
  ["bool word N", "N", "{\n    \"zz\": \"N\"\n}\n"],
  ["bool word on", "on", "{\n    \"zz\": \"on\"\n}\n"],
  ["bool word Off", "Off", "{\n    \"zz\": \"Off\"\n}\n"],
  ["null word", "null", "{\n    \"zz\": \"null\"\n}\n"],
  ["tilde", "~", "{\n    \"zz\": \"~\"\n}\n"],
  ["inf word", ".inf", "{\n    \"zz\": \".inf\"\n}\n"],
  ["nan word", ".NaN", "{\n    \"zz\": \".NaN\"\n}\n"],
  ["merge key word", "<<", "{\n    \"zz\": \"\\u003c\\u003c\"\n}\n"],
  ["timestamp", "2026-11-22T20:50:23Z", "{\n    \"zz\": \"2026-11-22T20:50:23Z\"\n}\n"],
  ["date", "2001-12-14", "{\n    \"zz\": \"2001-12-14\"\n}\n"],
  ["space timestamp", "2001-12-14 21:59:43.10", "{\n    \"zz\": \"2001-12-14 21:59:43.10\"\n}\n"],
  ["not a timestamp", "2001-13-14", "{\n    \"zz\": \"2001-13-14\"\n}\n"],
  ["base60", "1:30", "{\n    \"zz\": \"1:30\"\n}\n"],
  ["base60 float", "190:20:30.15", "{\n    \"zz\": \"190:20:30.15\"\n}\n"],
  ["colon inside", "a:b", "{\n    \"zz\": \"a:b\"\n}\n"],
  ["colon space", "a: b", "{\n    \"zz\": \"a: b\"\n}\n"],
  ["trailing colon", "a:", "{\n    \"zz\": \"a:\"\n}\n"],
  ["hash after space", "a #b", "{\n    \"zz\": \"a #b\"\n}\n"],
  ["hash inside", "a#b", "{\n    \"zz\": \"a#b\"\n}\n"],
  ["leading hash", "#a", "{\n    \"zz\": \"#a\"\n}\n"],
  ["leading dash space", "- a", "{\n    \"zz\": \"- a\"\n}\n"],
  ["leading dash", "-a", "{\n    \"zz\": \"-a\"\n}\n"],
  ["lone dash", "-", "{\n    \"zz\": \"-\"\n}\n"],
  ["document marker", "---", "{\n    \"zz\": \"---\"\n}\n"],
  ["dots", "...", "{\n    \"zz\": \"...\"\n}\n"],
  ["leading question", "?a", "{\n    \"zz\": \"?a\"\n}\n"],
  ["leading star", "*a", "{\n    \"zz\": \"*a\"\n}\n"],
  ["leading ampersand", "&a", "{\n    \"zz\": \"\\u0026a\"\n}\n"],
  ["leading bang", "!a", "{\n    \"zz\": \"!a\"\n}\n"],
  ["leading percent", "%a", "{\n    \"zz\": \"%a\"\n}\n"],
  ["leading at", "@a", "{\n    \"zz\": \"@a\"\n}\n"],
  ["leading backtick", "`a", "{\n    \"zz\": \"`a\"\n}\n"],
  ["leading pipe", "|a", "{\n    \"zz\": \"|a\"\n}\n"],
  ["leading gt", ">a", "{\n    \"zz\": \"\\u003ea\"\n}\n"],
  ["leading quote", "'a", "{\n    \"zz\": \"'a\"\n}\n"],
  ["leading dquote", "\"a", "{\n    \"zz\": \"\\\"a\"\n}\n"],
  ["flow chars inside", "a[b]{c},d", "{\n    \"zz\": \"a[b]{c},d\"\n}\n"],
  ["leading bracket", "[a]", "{\n    \"zz\": \"[a]\"\n}\n"],
  ["leading space", " a", "{\n    \"zz\": \" a\"\n}\n"],
  ["trailing space", "a ", "{\n    \"zz\": \"a \"\n}\n"],
  ["single quote inside", "it's", "{\n    \"zz\": \"it's\"\n}\n"],
  ["double quote inside", "say \"hi\"", "{\n    \"zz\": \"say \\\"hi\\\"\"\n}\n"],
  ["backslash", "a\\b", "{\n    \"zz\": \"a\\\\b\"\n}\n"],
  ["tab", "a\tb", "{\n    \"zz\": \"a\\tb\"\n}\n"],
  ["carriage return", "a\rb", "{\n    \"zz\": \"a\\rb\"\n}\n"],
  ["control char", "a\u0001b", "{\n    \"zz\": \"a\\u0001b\"\n}\n"],
  ["escape char", "\u001b[0m", "{\n    \"zz\": \"\\u001b[0m\"\n}\n"],
  ["nbsp", "a\u00a0b", "{\n    \"zz\": \"a\u00a0b\"\n}\n"],
  ["latin", "\u00e9", "{\n    \"zz\": \"\u00e9\"\n}\n"],
  ["emoji", "a\ud83d\ude00b", "{\n    \"zz\": \"a\ud83d\ude00b\"\n}\n"],
  ["line separator", "a\u2028b", "{\n    \"zz\": \"a\\u2028b\"\n}\n"],
  ["BOM first", "\ufeffab c", "{\n    \"zz\": \"\ufeffab c\"\n}\n"],
  ["BOM later", "a\ufeffb", "{\n    \"zz\": \"a\ufeffb\"\n}\n"],
  ["html chars", "<a href=\"x\">&amp;</a>", "{\n    \"zz\": \"\\u003ca href=\\\"x\\\"\\u003e\\u0026amp;\\u003c/a\\u003e\"\n}\n"],
  ["newline", "a\nb", "{\n    \"zz\": \"a\\nb\"\n}\n"],
  ["trailing newline", "a\nb\n", "{\n    \"zz\": \"a\\nb\\n\"\n}\n"],
  ["two trailing newlines", "a\n\n", "{\n    \"zz\": \"a\\n\\n\"\n}\n"],
  ["only newline", "\n", "{\n    \"zz\": \"\\n\"\n}\n"],
  ["leading newline", "\nabc", "{\n    \"zz\": \"\\nabc\"\n}\n"],
  ["leading space multiline", "  a\nb", "{\n    \"zz\": \"  a\\nb\"\n}\n"],
  ["trailing space before newline", "a \nb", "{\n    \"zz\": \"a \\nb\"\n}\n"],
  ["space after newline", "a\n b", "{\n    \"zz\": \"a\\n b\"\n}\n"],
  ["tab in multiline", "a\tb\nc", "{\n    \"zz\": \"a\\tb\\nc\"\n}\n"],
  ["multiline with LS", "a\u2028b\nc", "{\n    \"zz\": \"a\\u2028b\\nc\"\n}\n"],
  ["NEL", "a\u0085b", "{\n    \"zz\": \"a\u0085b\"\n}\n"],
  ["NEL with spaces", "a  \u0085  b", "{\n    \"zz\": \"a  \u0085  b\"\n}\n"],
  ["two NELs", "a\u0085\u0085b", "{\n    \"zz\": \"a\u0085\u0085b\"\n}\n"],
  ["DEL", "a\u007fb", "{\n    \"zz\": \"a\u007fb\"\n}\n"],
  ["C1 control", "a\u0090b", "{\n    \"zz\": \"a\u0090b\"\n}\n"],
  ["U+FFFE", "a\ufffeb", "{\n    \"zz\": \"a\ufffeb\"\n}\n"],
  ["long plain", "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", "{\n    \"zz\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"\n}\n"],
  ["long single quoted", "#Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", "{\n    \"zz\": \"#Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\"\n}\n"],
  ["long double quoted", "\tLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et  dolore magna aliqua.", "{\n    \"zz\": \"\\tLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et  dolore magna aliqua.\"\n}\n"],
  ["long double quoted spaces", "yes Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor   incididunt ut labore et dolore magna aliqua.", "{\n    \"zz\": \"yes Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor   incididunt ut labore et dolore magna aliqua.\"\n}\n"],
  ["long no spaces", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "{\n    \"zz\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n}\n"],
  ["long literal", "first line\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n", "{\n    \"zz\": \"first line\\nLorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\\n\"\n}\n"],
  ["message with colon", "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.", "{\n    \"zz\": \"0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.\"\n}\n"],
  ["int", 3, "{\n    \"zz\": 3\n}\n"],
  ["zero", 0, "{\n    \"zz\": 0\n}\n"],
  ["negative", -7, "{\n    \"zz\": -7\n}\n"],
  ["float", 1.5, "{\n    \"zz\": 1.5\n}\n"],
  ["negative float", -0.25, "{\n    \"zz\": -0.25\n}\n"],
  ["float 1e6 range", 1234567.5, "{\n    \"zz\": 1234567.5\n}\n"],
  ["float 100000.5", 100000.5, "{\n    \"zz\": 100000.5\n}\n"],
  ["small float", 0.0001, "{\n    \"zz\": 0.0001\n}\n"],
  ["tiny float", 1e-7, "{\n    \"zz\": 1e-7\n}\n"],
  ["1e21", 1e+21, "{\n    \"zz\": 1e+21\n}\n"],
  ["1e20", 100000000000000000000, "{\n    \"zz\": 100000000000000000000\n}\n"],
  ["1e19 (uint64)", 10000000000000000000, "{\n    \"zz\": 10000000000000000000\n}\n"],
  ["2^53", 9007199254740992, "{\n    \"zz\": 9007199254740992\n}\n"],
  ["max double", 1.7976931348623157e+308, "{\n    \"zz\": 1.7976931348623157e+308\n}\n"],
  ["pi", 3.141592653589793, "{\n    \"zz\": 3.141592653589793\n}\n"],
  ["true", true, "{\n    \"zz\": true\n}\n"],
  ["false", false, "{\n    \"zz\": false\n}\n"],
  ["null", null, "{\n    \"zz\": null\n}\n"],
  ["empty map", {}, "{\n    \"zz\": {}\n}\n"],
  ["empty list", [], "{\n    \"zz\": []\n}\n"],
  ["list of empties", [{},[],""], "{\n    \"zz\": [\n        {},\n        [],\n        \"\"\n    ]\n}\n"],
  ["nested list", [[1,2],[[3]]], "{\n    \"zz\": [\n        [\n            1,\n            2\n        ],\n        [\n            [\n                3\n            ]\n        ]\n    ]\n}\n"],
  ["list of maps", [{"b":1,"a":{"c":[1]}},{"x":null}], "{\n    \"zz\": [\n        {\n            \"a\": {\n                \"c\": [\n                    1\n                ]\n            },\n            \"b\": 1\n        },\n        {\n            \"x\": null\n        }\n    ]\n}\n"],
  ["map of lists", {"k":["a","b"],"e":[]}, "{\n    \"zz\": {\n        \"e\": [],\n        \"k\": [\n            \"a\",\n            \"b\"\n        ]\n    }\n}\n"],
  ["key order", {"1":5,"9":13,"10":12,"a10":1,"a9":2,"A":3,"_":4,"b":6,"B":7,"a":8,"a.b":9,"a-b":10,"a/b":11,"09":14,"\u00e9":15,"z":16,"":17,"a01":18,"a1":19,"a001":20,"x10y2":21,"x10y10":22,"x9y":23}, "{\n    \"zz\": {\n        \"\": 17,\n        \"09\": 14,\n        \"1\": 5,\n        \"10\": 12,\n        \"9\": 13,\n        \"A\": 3,\n        \"B\": 7,\n        \"_\": 4,\n        \"a\": 8,\n        \"a-b\": 10,\n        \"a.b\": 9,\n        \"a/b\": 11,\n        \"a001\": 20,\n        \"a01\": 18,\n        \"a1\": 19,\n        \"a10\": 1,\n        \"a9\": 2,\n        \"b\": 6,\n        \"x10y10\": 22,\n        \"x10y2\": 21,\n        \"x9y\": 23,\n        \"z\": 16,\n        \"\u00e9\": 15\n    }\n}\n"],
  ["special keys", {"123":2,"yes":1,"a: b":3,"- x":4,"#c":5," lead":6,"k\nl":7,"tab\tkey":8,"null":9}, "{\n    \"zz\": {\n        \" lead\": 6,\n        \"#c\": 5,\n        \"- x\": 4,\n        \"123\": 2,\n        \"a: b\": 3,\n        \"k\\nl\": 7,\n        \"null\": 9,\n        \"tab\\tkey\": 8,\n        \"yes\": 1\n    }\n}\n"],
  ["long key", {"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk":1}, "{\n    \"zz\": {\n        \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1\n    }\n}\n"],
  ["long nested folding", {"a":{"b":{"c":"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"}}}, "{\n    \"zz\": {\n        \"a\": {\n            \"b\": {\n                \"c\": \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore\"\n            }\n        }\n    }\n}\n"],
  ["folding in list", ["Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore"], "{\n    \"zz\": [\n        \"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore\"\n    ]\n}\n"],
];

describe('toJson: values recorded from kubectl -o json', () => {
  it.each(RECORDED)('%s', (_name, value, want) => {
    expect(toJson({ zz: value })).toBe(want);
  });
});

/** Typed objects (create/set --local): fields in struct order, i.e. insertion order here. */
const TYPED: Array<[string, string]> = [
  ["create deployment web --image=nginx:1.25 --replicas=3 --port=80 --dry-run=client -o json", "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 3,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx:1.25\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80\n                            }\n                        ],\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n"],
  ["set image --local -f deploy.yaml nginx=nginx:1.27 -o json", "{\n    \"kind\": \"Deployment\",\n    \"apiVersion\": \"apps/v1\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"labels\": {\n            \"app\": \"web\"\n        }\n    },\n    \"spec\": {\n        \"replicas\": 2,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"name\": \"nginx\",\n                        \"image\": \"nginx:1.27\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80\n                            }\n                        ],\n                        \"resources\": {}\n                    }\n                ]\n            }\n        },\n        \"strategy\": {}\n    },\n    \"status\": {}\n}\n"],
];

describe('toJson: typed goldens from real-kubectl.md §7 (sortKeys: false)', () => {
  it.each(TYPED)('%s', (_cmd, want) => {
    expect(toJson(JSON.parse(want), { sortKeys: false })).toBe(want);
  });
});

describe('toJson: unstructured objects are printed with sorted keys', () => {
  // `kubectl label --local -f deploy.yaml tier=fe -o json`
  const LABELED = "{\n    \"apiVersion\": \"apps/v1\",\n    \"kind\": \"Deployment\",\n    \"metadata\": {\n        \"labels\": {\n            \"app\": \"web\",\n            \"tier\": \"fe\"\n        },\n        \"name\": \"web\"\n    },\n    \"spec\": {\n        \"replicas\": 2,\n        \"selector\": {\n            \"matchLabels\": {\n                \"app\": \"web\"\n            }\n        },\n        \"template\": {\n            \"metadata\": {\n                \"labels\": {\n                    \"app\": \"web\"\n                }\n            },\n            \"spec\": {\n                \"containers\": [\n                    {\n                        \"image\": \"nginx:1.25\",\n                        \"name\": \"nginx\",\n                        \"ports\": [\n                            {\n                                \"containerPort\": 80\n                            }\n                        ]\n                    }\n                ]\n            }\n        }\n    }\n}\n";

  it('sorts keys at every level by default', () => {
    const input = {
      spec: JSON.parse(LABELED).spec,
      metadata: { name: 'web', labels: { tier: 'fe', app: 'web' } },
      kind: 'Deployment',
      apiVersion: 'apps/v1',
    };
    expect(toJson(input)).toBe(LABELED);
  });

  it('sorts byte-wise (code points), not by UTF-16 units or locale', () => {
    const out = toJson({ '\uffff': 1, '\ud83d\ude00': 2, b: 3, B: 4, _: 5, '10': 6, '9': 7 });
    const keys = [...out.matchAll(/^ {4}"(.*)":/gm)].map((m) => m[1]);
    expect(keys).toEqual(['10', '9', 'B', '_', 'b', '\uffff', '\ud83d\ude00']);
    expect(toJson({ b: 1, B: 2, _: 3, a: 4 })).toBe('{\n    "B": 2,\n    "_": 3,\n    "a": 4,\n    "b": 1\n}\n');
  });
});

describe('toJson: shape and options', () => {
  it.each<[string, unknown, string]>([
    ['empty object', {}, '{}\n'],
    ['empty array', [], '[]\n'],
    ['null', null, 'null\n'],
    ['nested empties', { a: {}, b: [] }, '{\n    "a": {},\n    "b": []\n}\n'],
    ['array of arrays', [[1], []], '[\n    [\n        1\n    ],\n    []\n]\n'],
    ['undefined members are dropped, undefined items are null', { a: undefined, b: [undefined] }, '{\n    "b": [\n        null\n    ]\n}\n'],
    ['Map input', new Map([['b', 1], ['a', 2]]), '{\n    "a": 2,\n    "b": 1\n}\n'],
    ['bigint', { n: 12345678901234567890n }, '{\n    "n": 12345678901234567890\n}\n'],
  ])('%s', (_name, value, want) => {
    expect(toJson(value)).toBe(want);
  });

  it('takes another indent (kubectl version -o json uses two spaces)', () => {
    expect(toJson({ a: { b: 1 } }, { indent: '  ' })).toBe('{\n  "a": {\n    "b": 1\n  }\n}\n');
  });

  it('keeps insertion order when asked', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1' }, { sortKeys: false })).toBe('{\n    "kind": "Pod",\n    "apiVersion": "v1"\n}\n');
  });

  it('rejects NaN and infinities like json.Marshal', () => {
    expect(() => toJson({ a: NaN })).toThrow('json: unsupported value: NaN');
    expect(() => toJson([-Infinity])).toThrow('json: unsupported value: -Inf');
  });

  it('marshals compactly for json.Marshal callers', () => {
    expect(marshalCompact({ b: [1, { c: '<' }], a: null })).toBe('{"a":null,"b":[1,{"c":"\\u003c"}]}');
  });
});

describe('Go string and number encoding', () => {
  it.each<[string, string]>([
    ['plain', '"plain"'],
    ['<&>', '"\\u003c\\u0026\\u003e"'],
    ['\u2028\u2029', '"\\u2028\\u2029"'],
    ['"\\', '"\\"\\\\"'],
    ['\b\f\n\r\t', '"\\b\\f\\n\\r\\t"'],
    ['\u0000\u001f\u007f', '"\\u0000\\u001f\u007f"'],
    ['\ud800', '"\\ufffd"'],
    ['\ud83d\ude00 é', '"\ud83d\ude00 é"'],
  ])('%j', (s, want) => {
    expect(goJsonString(s)).toBe(want);
  });

  it.each<[number, string]>([
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [1.5, '1.5'],
    [1e-6, '0.000001'],
    [1e-7, '1e-7'],
    [1.5e-10, '1.5e-10'],
    [1e20, '100000000000000000000'],
    [1e21, '1e+21'],
    [2 ** 62, '4611686018427387904'],
    [123456789.125, '123456789.125'],
  ])('%s → %s', (n, want) => {
    expect(formatJsonNumber(n)).toBe(want);
  });
});
