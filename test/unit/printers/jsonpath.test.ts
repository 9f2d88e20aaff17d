import { describe, expect, it } from 'vitest';
import {
  executeJsonPath,
  formatJsonPathResults,
  goFloatString,
  goFormatSharpV,
  goFormatV,
  goJsonIndent,
  goJsonMarshal,
  goQuote,
  JsonPathExecError,
  JsonPathParseError,
  parseJsonPath,
  printJsonPath,
  type JsonPathNode,
} from '../../../src/printers/jsonpath.js';
import { CliError } from '../../../src/api/errors.js';

/** JSONPath.Execute: parse, FindResults, PrintResults. */
function run(template: string, data: unknown, allowMissingKeys: boolean): string {
  return formatJsonPathResults(executeJsonPath(parseJsonPath(template), data, { allowMissingKeys }));
}

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

// ---- parser (client-go parser_test.go) -----------------------------------------------------

const list = (...nodes: JsonPathNode[]): JsonPathNode => ({ t: 'list', nodes });
const text = (t: string): JsonPathNode => ({ t: 'text', text: t });
const field = (name: string): JsonPathNode => ({ t: 'field', name });
const p = (value: number, known: boolean, derived = false) => ({ value, known, derived });
const array = (a: ReturnType<typeof p>, b: ReturnType<typeof p>, c: ReturnType<typeof p>): JsonPathNode => ({
  t: 'array',
  params: [a, b, c],
});
const filter = (left: JsonPathNode[], op: string, right: JsonPathNode[]): JsonPathNode => ({
  t: 'filter',
  left: { t: 'list', nodes: left },
  right: { t: 'list', nodes: right },
  op,
});
const osImage = [field('status'), field('nodeInfo'), field('osImage')];

describe('parseJsonPath (parser_test.go vectors)', () => {
  const cases: [string, string, JsonPathNode[]][] = [
    ['plain', 'hello jsonpath', [text('hello jsonpath')]],
    ['variable', 'hello {.jsonpath}', [text('hello '), list(field('jsonpath'))]],
    ['arrayfiled', "hello {['jsonpath']}", [text('hello '), list(field('jsonpath'))]],
    ['quote', '{"{"}', [list(text('{'))]],
    ['array', '{[1:3]}', [list(array(p(1, true), p(3, true), p(0, false)))]],
    ['allarray', '{.book[*].author}', [list(field('book'), array(p(0, false), p(0, false), p(0, false)), field('author'))]],
    ['wildcard', '{.bicycle.*}', [list(field('bicycle'), { t: 'wildcard' })]],
    ['filter', '{[?(@.price<3)]}', [list(filter([field('price')], '<', [{ t: 'int', value: 3 }]))]],
    ['recursive', '{..}', [list({ t: 'recursive' })]],
    ['recurField', '{..price}', [list({ t: 'recursive' }, field('price'))]],
    ['arraydict', "{['book.price']}", [list(field('book'), field('price'))]],
    [
      'union',
      "{['bicycle.price', 3, 'book.price']}",
      [
        list({
          t: 'union',
          lists: [
            { t: 'list', nodes: [field('bicycle'), field('price')] },
            { t: 'list', nodes: [array(p(3, true), p(4, true, true), p(0, false))] },
            { t: 'list', nodes: [field('book'), field('price')] },
          ],
        }),
      ],
    ],
    [
      'range',
      '{range .items}{.name},{end}',
      [list({ t: 'identifier', name: 'range' }, field('items')), list(field('name')), text(','), list({ t: 'identifier', name: 'end' })],
    ],
    ['paired parentheses in quotes', '{[?(@.status.nodeInfo.osImage == "()")]}', [list(filter(osImage, '==', [text('()')]))]],
    [
      'paired parentheses in double quotes and with double quotes escape',
      '{[?(@.status.nodeInfo.osImage == "(\\"\\")")]}',
      [list(filter(osImage, '==', [text('("")')]))],
    ],
    ['unregular parentheses in double quotes', '{[?(@.test == "())(")]}', [list(filter([field('test')], '==', [text('())(')]))]],
    ['plain text in single quotes', "{[?(@.status.nodeInfo.osImage == 'Linux')]}", [list(filter(osImage, '==', [text('Linux')]))]],
    ['test filter suffix', '{[?(@.status.nodeInfo.osImage == "{[()]}")]}', [list(filter(osImage, '==', [text('{[()]}')]))]],
    ['double inside single', `{[?(@.status.nodeInfo.osImage == "''")]}`, [list(filter(osImage, '==', [text("''")]))]],
    ['single inside double', `{[?(@.status.nodeInfo.osImage == '""')]}`, [list(filter(osImage, '==', [text('""')]))]],
    [
      'single containing escaped single',
      "{[?(@.status.nodeInfo.osImage == '\\\\\\'')]}",
      [list(filter(osImage, '==', [text("\\'")]))],
    ],
    ['negative index slice, a[len-5] to a[len-1]', '{[-5:]}', [list(array(p(-5, true), p(0, false), p(0, false)))]],
    ['negative index slice, a[len-1]', '{[-1]}', [list(array(p(-1, true), p(0, true, true), p(0, false)))]],
    ['negative index slice, a[1] to a[len-1]', '{[1:-1]}', [list(array(p(1, true), p(-1, true), p(0, false)))]],
    ['bool and numbers', '{true 12 -3 1.5}', [list({ t: 'bool', value: true }, { t: 'int', value: 12 }, { t: 'int', value: -3 }, { t: 'float', value: 1.5 })]],
    ['escaped dots in a field', '{.a\\.b/c}', [list(field('a.b/c'))]],
    ['exists filter', '{[?(@.z)]}', [list(filter([field('z')], 'exists', []))]],
  ];
  it.each(cases)('%s', (_name, template, nodes) => {
    expect(parseJsonPath(template).root.nodes).toEqual(nodes);
  });

  const failures: [string, string][] = [
    ['{.hello', 'unclosed action'],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{+12.3.0}', 'cannot parse number +12.3.0'],
    ['{[1}', 'unterminated array'],
    ['{[?(.price]}', 'unterminated filter'],
    ['{\\\\\\}', "unrecognized character in action: U+005C '\\'"],
    ['{....Price}', 'invalid multiple recursive descent'],
    ['{[a]}', 'invalid array index a'],
    ['{[-]}', 'array index - is not a number'],
    ['{[?(@.a==1)x}', 'unclosed array expect ]'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    [`{'a\\"'}`, `unquote string 'a\\"' error invalid syntax`],
    ['{.a\n}', 'unclosed action'],
    ['{.a\t}', 'unrecognized character in action: U+0009'],
    ['{.x[?(@.type=~"R.*")]}', "unrecognized character in action: U+007E '~'"],
  ];
  it.each(failures)('fails on %j', (template, message) => {
    const e = errorOf(() => parseJsonPath(template));
    expect(e).toBeInstanceOf(JsonPathParseError);
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(message);
  });
});

// ---- execution (client-go jsonpath_test.go vectors; structs become maps) --------------------

const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ['one', 'two', 'three', 'four'],
  interfaces: [true, 'one', 1, 1.1],
  maps: [
    { name: 'one', value: 1 },
    { name: 'two', value: 2.02 },
    { name: 'three', value: 3.03 },
    { name: 'four', value: 4.04 },
  ],
};

describe('executeJsonPath: TestTypesInput', () => {
  const cases: [string, string][] = [
    ['{ .bools }', '[true,false,true,false]'],
    ['{ .bools[0] }', 'true'],
    ['{ .bools[-1] }', 'false'],
    ['{ .bools[0:2] }', 'true false'],
    ['{ .bools[:2] }', 'true false'],
    ['{ .bools[:4:2] }', 'true true'],
    ['{ .integers }', '[1,2,3,4]'],
    ['{ .integers[0] }', '1'],
    ['{ .integers[-2] }', '3'],
    ['{ .integers[0:2] }', '1 2'],
    ['{ .integers[:4:2] }', '1 3'],
    ['{ .floats }', '[1,2.2,3.3,4]'],
    ['{ .floats[0] }', '1'],
    ['{ .floats[-2] }', '3.3'],
    ['{ .floats[:4:2] }', '1 3.3'],
    ['{ .strings }', '["one","two","three","four"]'],
    ['{ .strings[-2] }', 'three'],
    ['{ .strings[:4:2] }', 'one three'],
    ['{ .interfaces }', '[true,"one",1,1.1]'],
    ['{ .interfaces[-2] }', '1'],
    ['{ .interfaces[0:2] }', 'true one'],
    ['{ .interfaces[:4:2] }', 'true 1'],
    ['{ .maps }', '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]'],
    ['{ .maps[0] }', '{"name":"one","value":1}'],
    ['{ .maps[-2] }', '{"name":"three","value":3.03}'],
    ['{ .maps[0:2] }', '{"name":"one","value":1} {"name":"two","value":2.02}'],
    ['{ .maps[::2] }', '{"name":"one","value":1} {"name":"three","value":3.03}'],
    ['{ .maps[1::2] }', '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
  ];
  it.each(cases)('%s', (template, expected) => {
    expect(run(template, types, false)).toBe(expected);
  });
});

const storeData = {
  Name: 'jsonpath',
  Book: [
    { Category: 'reference', Author: 'Nigel Rees', Title: 'Sayings of the Centurey', Price: 8.95 },
    { Category: 'fiction', Author: 'Evelyn Waugh', Title: 'Sword of Honour', Price: 12.99 },
    { Category: 'fiction', Author: 'Herman Melville', Title: 'Moby Dick', Price: 8.99 },
  ],
  Bicycle: [
    { Color: 'red', Price: 19.95, IsNew: true },
    { Color: 'green', Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, 'web/html': 15, 'k8s-app': 20 },
  Employees: { jason: 'manager', dan: 'clerk' },
};
const red = '{"Color":"red","IsNew":true,"Price":19.95}';
const green = '{"Color":"green","IsNew":false,"Price":20.01}';

describe('executeJsonPath: TestStructInput', () => {
  // Maps print with sorted keys, and `*`/`..` visit map values in key order (Go: random order).
  const cases: [string, string, unknown, string][] = [
    ['plain', 'hello jsonpath', null, 'hello jsonpath'],
    ['recursive', '{..}', [1, 2, 3], '[1,2,3]'],
    ['filter', '{[?(@<5)]}', [2, 6, 3, 7], '2 3'],
    ['quote', '{"{"}', null, '{'],
    ['union', '{[1,3,4]}', [0, 1, 2, 3, 4], '1 3 4'],
    ['array', '{[0:2]}', ['Monday', 'Tudesday'], 'Monday Tudesday'],
    ['variable', 'hello {.Name}', storeData, 'hello jsonpath'],
    ['dict/', '{$.Labels.web/html}', storeData, '15'],
    ['dict/', '{$.Employees.jason}', storeData, 'manager'],
    ['dict/', '{$.Employees.dan}', storeData, 'clerk'],
    ['dict-', '{.Labels.k8s-app}', storeData, '20'],
    ['nest', '{.Bicycle[*].Color}', storeData, 'red green'],
    ['allarray', '{.Book[*].Author}', storeData, 'Nigel Rees Evelyn Waugh Herman Melville'],
    ['allfields', '{range .Bicycle[*]}{ "{" }{ @.* }{ "} " }{end}', storeData, '{red true 19.95} {green false 20.01} '],
    ['recurfields', '{..Price}', storeData, '19.95 20.01 8.95 12.99 8.99'],
    ['recurdotfields', '{...Price}', storeData, '19.95 20.01 8.95 12.99 8.99'],
    ['allstructsSlice', '{.Bicycle}', storeData, `[${red},${green}]`],
    ['allstructs', '{range .Bicycle[*]}{ @ }{ " " }{end}', storeData, `${red} ${green} `],
    ['lastarray', '{.Book[-1:]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['recurarray', '{..Book[2]}', storeData, '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}'],
    ['bool', '{.Bicycle[?(@.IsNew==true)]}', storeData, red],
  ];
  it.each(cases)('%s: %s', (_name, template, data, expected) => {
    expect(run(template, data, false)).toBe(expected);
  });

  it.each([
    ['{.hello}', ''],
    ['before-{.hello}after', 'before-after'],
  ])('missing keys allowed: %s', (template, expected) => {
    expect(run(template, storeData, true)).toBe(expected);
  });

  const failures: [string, string][] = [
    ['{hello}', 'unrecognized identifier hello'],
    ['{.hello}', 'hello is not found'],
    ['{.Labels[0]}', 'map[string]interface {} is not array or slice'],
    ['{.Book[?(@.Price<>10)]}', 'unrecognized filter operator <>'],
    ['{range .Labels.*}{@}{end}{end}', 'not in range, nothing to end'],
  ];
  it.each(failures)('fails: %s', (template, message) => {
    const e = errorOf(() => run(template, storeData, false));
    expect(e).toBeInstanceOf(JsonPathExecError);
    expect(e.message).toBe(message);
  });
});

const points = [
  { id: 'i1', x: 4, y: -5 },
  { id: 'i2', x: -2, y: -5, z: 1 },
  { id: 'i3', x: 8, y: 3 },
  { id: 'i4', x: -6, y: -1 },
  { id: 'i5', x: 0, y: 2, z: 1 },
  { id: 'i6', x: 1, y: 4 },
];

const nodesData = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, ready: true, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2', labels: { 'kubernetes.io/hostname': '127.0.0.2' } },
      status: {
        capacity: { cpu: '8' },
        ready: false,
        addresses: [
          { type: 'LegacyHostIP', address: '127.0.0.2' },
          { type: 'another', address: '127.0.0.3' },
        ],
      },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};

describe('executeJsonPath: TestJSONInput, TestKubernetes', () => {
  const cases: [string, unknown, string][] = [
    ['{[?(@.z)].id}', points, 'i2 i5'],
    ["{[0]['id']}", points, 'i1'],
    ['{range .items[*]}{.metadata.name}, {end}{.kind}', nodesData, '127.0.0.1, 127.0.0.2, List'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', nodesData, '127.0.0.1\t127.0.0.2\t'],
    ['{.items[*].status.addresses[*].address}', nodesData, '127.0.0.1 127.0.0.2 127.0.0.3'],
    ['{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}', nodesData, '127.0.0.1, 127.0.0.2, 127.0.0.3, '],
    ['{.items[*].metadata.name}', nodesData, '127.0.0.1 127.0.0.2'],
    ["{.items[*]['metadata.name', 'status.capacity']}", nodesData, '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    ['{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}', nodesData, '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] '],
    ['{.users[?(@.name=="e2e")].user.password}', nodesData, 'secret'],
    ['{.items[0].metadata.labels.kubernetes\\.io/hostname}', nodesData, '127.0.0.1'],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', nodesData, 'None'],
    ['{.items[?(@..ready==true)].metadata.name}', nodesData, '127.0.0.1'],
    ['{..name}', nodesData, '127.0.0.1 127.0.0.2 myself e2e'],
  ];
  it.each(cases)('%s', (template, data, expected) => {
    expect(run(template, data, false)).toBe(expected);
  });
});

const podsData = {
  items: [
    {
      metadata: { name: 'pod1' },
      spec: {
        containers: [
          { name: 'foo', another: [{ name: 'value1' }, { name: 'value2' }] },
          { name: 'bar', another: [{ name: 'value1' }, { name: 'value2' }] },
        ],
      },
    },
    { metadata: { name: 'pod2' }, spec: { containers: [{ name: 'baz', another: [{ name: 'value1' }, { name: 'value2' }] }] } },
  ],
};

describe('executeJsonPath: ranges (TestEmptyRange, TestNestedRanges)', () => {
  it.each([
    ['{range .items[*]}{.metadata.name}{end}'],
    ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}'],
  ])('empty range: %s', (template) => {
    expect(run(template, { items: [] }, true)).toBe('');
  });

  it.each([
    ['{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}', 'pod1:foo,bar,+pod2:baz,+'],
    [
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      'pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#',
    ],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      'pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n',
    ],
  ])('nested: %s', (template, expected) => {
    expect(run(template, podsData, false)).toBe(expected);
  });

  it('an unterminated range runs its body to the end of the template, then the rest again', () => {
    expect(run('{range .items[*]}<{.metadata.name}>', podsData, true)).toBe('<pod1><pod2><>');
  });
});

describe('executeJsonPath: filters (TestFilterPartialMatchesSometimesMissingAnnotations, TestRunningPodsJSONPathOutput)', () => {
  const data = {
    kind: 'List',
    items: [
      { kind: 'Pod', metadata: { name: 'pod1', annotations: { color: 'blue' } } },
      { kind: 'Pod', metadata: { name: 'pod2' } },
      { kind: 'Pod', metadata: { name: 'pod3', annotations: { color: 'green' } } },
      { kind: 'Pod', metadata: { name: 'pod4', annotations: { color: 'blue' } } },
    ],
  };
  const template = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  it('tolerates missing items', () => expect(run(template, data, true)).toBe('pod1 pod4'));
  it('errors on missing items without allowMissingKeys', () => {
    expect(errorOf(() => run(template, data, false)).message).toBe('annotations is not found');
  });

  it('range over running pods', () => {
    const pods = {
      kind: 'List',
      items: [
        { kind: 'Pod', metadata: { name: 'pod1' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod2' }, status: { phase: 'Running' } },
        { kind: 'Pod', metadata: { name: 'pod3' }, status: { phase: 'Running' } },
        { resourceVersion: '' },
      ],
    };
    expect(run('{range .items[?(.status.phase=="Running")]}{.metadata.name}{" is Running\\n"}{end}', pods, true)).toBe(
      'pod1 is Running\npod2 is Running\npod3 is Running\n',
    );
  });

  const nums = {
    i: [{ n: 1 }, { n: 3 }],
    f: [{ n: 2.5 }],
    s: [{ n: 'x' }],
    b: [{ n: true }],
    z: [{ n: null }],
    e: [{}],
    all: [{ n: 1 }, { n: 2.5 }, { n: 'x' }, { n: true }, { n: null }, {}],
  };
  it.each([
    ['{.i[?(@.n<2)].n}', '1'],
    ['{.i[?(@.n>=1)].n}', '1 3'],
    ['{.i[?(@.n!=1)].n}', '3'],
    ['{.i[?(@.n<=3)].n}', '1 3'],
    ['{.f[?(@.n>2.0)].n}', '2.5'],
    ['{.s[?(@.n=="x")].n}', 'x'],
    ['{.s[?(@.n<"y")].n}', 'x'],
    ['{.b[?(@.n==true)].n}', 'true'],
    ['{.e[?(@.n==1)].n}', ''],
    ['{.all[?(@.n)].n}', '1 2.5 x true null'],
    ['{.i[?(@.n==@.n)].n}', '1 3'],
  ])('compare: %s', (template, expected) => {
    expect(run(template, nums, true)).toBe(expected);
  });
  it.each([
    ['{.i[?(@.n==1.0)]}', 'incompatible types for comparison'],
    ['{.f[?(@.n>2)]}', 'incompatible types for comparison'],
    ['{.s[?(@.n==1)]}', 'incompatible types for comparison'],
    ['{.b[?(@.n<true)]}', 'invalid type for comparison'],
    ['{.z[?(@.n==1)]}', 'invalid type for comparison'],
    ['{.i[?(@.n=1)]}', 'unrecognized filter operator ='],
    ['{.i[?(@.n==one)]}', 'unrecognized identifier one'],
    ['{.i[0][?(@.n==1)]}', 'map[n:1] is not array or slice and cannot be filtered'],
    ['{.z[0].n[?(@==1)]}', '<nil> is not array or slice and cannot be filtered'],
  ])('compare error: %s', (template, message) => {
    expect(errorOf(() => run(template, nums, true)).message).toBe(message);
  });
});

const containers = (n: number) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  spec: { containers: Array.from({ length: n }, (_, i) => ({ image: 'radial/busyboxplus:curl', name: `fake${i}` })) },
});

describe('executeJsonPath: slices (TestNegativeIndex, TestStep)', () => {
  const cases: [string, number, string | Error][] = [
    ['{.spec.containers[0].name}', 4, 'fake0'],
    ['{.spec.containers[0:0].name}', 4, ''],
    ['{.spec.containers[0:-1].name}', 4, 'fake0 fake1 fake2'],
    ['{.spec.containers[-1:0].name}', 4, new Error('starting index 3 is greater than ending index 0')],
    ['{.spec.containers[-1].name}', 4, 'fake3'],
    ['{.spec.containers[-1:].name}', 4, 'fake3'],
    ['{.spec.containers[-2].name}', 4, 'fake2'],
    ['{.spec.containers[-2:].name}', 4, 'fake2 fake3'],
    ['{.spec.containers[-3].name}', 4, 'fake1'],
    ['{.spec.containers[-4].name}', 4, 'fake0'],
    ['{.spec.containers[-4:].name}', 4, 'fake0 fake1 fake2 fake3'],
    ['{.spec.containers[-5].name}', 4, new Error('array index out of bounds: index -1, length 4')],
    ['{.spec.containers[5:5].name}', 4, ''],
    ['{.spec.containers[-5:-5].name}', 4, ''],
    ['{.spec.containers[3:1].name}', 4, new Error('starting index 3 is greater than ending index 1')],
    ['{.spec.containers[-1:-2].name}', 4, new Error('starting index 3 is greater than ending index 2')],
    ['{.spec.containers[9].name}', 4, new Error('array index out of bounds: index 9, length 4')],
    ['{.spec.containers[0:9].name}', 4, new Error('array index out of bounds: index 8, length 4')],
    ['{.spec.containers[0:].name}', 6, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:].name}', 6, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:1].name}', 6, 'fake0 fake1 fake2 fake3 fake4 fake5'],
    ['{.spec.containers[0:6:0].name}', 6, new Error('step must be > 0')],
    ['{.spec.containers[0:6:-1].name}', 6, new Error('step must be > 0')],
    ['{.spec.containers[1:4:2].name}', 6, 'fake1 fake3'],
    ['{.spec.containers[1:4:3].name}', 6, 'fake1'],
    ['{.spec.containers[1:4:4].name}', 6, 'fake1'],
    ['{.spec.containers[0:6:2].name}', 6, 'fake0 fake2 fake4'],
    ['{.spec.containers[0:6:3].name}', 6, 'fake0 fake3'],
    ['{.spec.containers[0:6:5].name}', 6, 'fake0 fake5'],
    ['{.spec.containers[0:6:6].name}', 6, 'fake0'],
    ['{.spec.containers[].name}', 6, 'fake0'],
  ];
  it.each(cases)('%s (%i containers)', (template, n, expected) => {
    if (expected instanceof Error) expect(errorOf(() => run(template, containers(n), false)).message).toBe(expected.message);
    else expect(run(template, containers(n), false)).toBe(expected);
  });
});

describe('executeJsonPath: values', () => {
  it('returns one group per top-level node; NO_VALUE for a nil range item', () => {
    const groups = executeJsonPath(parseJsonPath('a{.x[*]}{range .x[*]}{@}{end}'), { x: [1, null] });
    expect(groups.length).toBe(4);
    expect(groups[0]).toEqual(['a']);
    expect(groups[1]).toEqual([1, null]);
    expect(formatJsonPathResults(groups)).toBe('a1 null1<no value>');
  });
  it('wildcard over a string yields its UTF-8 bytes', () => {
    expect(run('{.s.*}', { s: 'hé' }, true)).toBe('104 195 169');
  });
  it('jsonpath-as-json prints each group as an indented array', () => {
    const groups = executeJsonPath(parseJsonPath('{.a}{.b[*]}'), { a: { k: [1] }, b: ['x', 2] });
    expect(formatJsonPathResults(groups, true)).toBe('[\n    {\n        "k": [\n            1\n        ]\n    }\n]\n[\n    "x",\n    2\n]\n');
  });
});

// ---- kubectl -o jsonpath (outputs of real kubectl v1.36.3 on this object) -------------------

const cm = {
  apiVersion: 'v1',
  data: { a: 'hello', false: '5' },
  kind: 'ConfigMap',
  metadata: { annotations: { 'a.b/c': 'dotted' }, labels: { app: 'web', x: 'y', z: '<&>' }, name: 'cm1' },
  spec: {
    big: 1000000.5,
    bigi: 100000000000,
    conds: [
      { false: 1, status: 'True', type: 'Ready' },
      { false: 2, status: 'False', type: 'Other' },
    ],
    empty: {},
    emptyl: [],
    f1: 1000000,
    f2: 2,
    list: [1, 'two', 3.25, null, { x: 1 }],
    nul: null,
    ratio: 3.5,
    replicas: 3,
    s: 'esc\u001bx\rq',
    t: true,
    uni: 'héllo ✓',
  },
};

describe('printJsonPath (kubectl goldens)', () => {
  const cases: [string, string][] = [
    ['{.metadata.labels}', '{"app":"web","x":"y","z":"\\u003c\\u0026\\u003e"}'],
    ['{.spec.ratio} {.spec.big} {.spec.bigi} {.spec.f1} {.spec.f2}', '3.5 1.0000005e+06 100000000000 1000000 2'],
    ['{.spec.nul}', 'null'],
    ['{.spec.list}', '[1,"two",3.25,null,{"x":1}]'],
    ['{.spec.list[*]}', '1 two 3.25 null {"x":1}'],
    ['{.spec.empty}{.spec.emptyl}', '{}[]'],
    ['{.spec.s}', 'esc\u001bx\rq'],
    ['{range .spec.list[*]}[{@}]{end}', '[1][two][3.25][<no value>][{"x":1}]'],
    ['.metadata.name', '.metadata.name'],
    ['{.metadata.annotations.a\\.b/c}', 'dotted'],
    ["{.metadata.annotations['a.b/c']}", ''],
    ['{.spec.conds[?(@.type=="Ready")].status}', 'True'],
    ['{..type}', 'Ready Other'],
    ['{.spec.conds[*].type}{"\\n"}', 'Ready Other\n'],
    ['{range .spec.conds[*]}{.type}{"\\t"}{.status}{"\\n"}{end}', 'Ready\tTrue\nOther\tFalse\n'],
    ['{.spec.list[-1:]}', '{"x":1}'],
    ['{.spec.list[::2]}', '1 3.25 {"x":1}'],
    ['{.spec.list[0:0]}', ''],
    ['{.spec.conds[?(@.type<"Q")].type}', 'Other'],
    ['{.spec.list[?(@.x)]}', '{"x":1}'],
    ['{.spec.conds[0,1].type}', 'Ready Other'],
    ["{.spec.conds[*]['type','status']}", 'Ready Other True False'],
    ['x{.spec.ratio}y', 'x3.5y'],
    ['{.spec.uni.*}', '104 195 169 108 108 111 32 226 156 147'],
    ['{.spec.conds[]}', '{"false":1,"status":"True","type":"Ready"}'],
    ['{.missing}{.spec.missing.deeper}', ''],
  ];
  it.each(cases)('%s', (template, expected) => {
    expect(printJsonPath(template, cm)).toBe(expected);
  });

  const parseErrors: [string, string][] = [
    ['{.a', 'error parsing jsonpath {.a, unclosed action'],
    ['{*}', "error parsing jsonpath {*}, unrecognized character in action: U+002A '*'"],
    ['{.spec.conds[?(@.type=~"R.*")].type}', `error parsing jsonpath {.spec.conds[?(@.type=~"R.*")].type}, unrecognized character in action: U+007E '~'`],
    ['{"\\q"}', 'error parsing jsonpath {"\\q"}, unquote string "\\q" error invalid syntax'],
    ['{[1}', 'error parsing jsonpath {[1}, unterminated array'],
    ['{....x}', 'error parsing jsonpath {....x}, invalid multiple recursive descent'],
    ['{.spec.conds[a]}', 'error parsing jsonpath {.spec.conds[a]}, invalid array index a'],
    ['', 'template format specified but no template given'],
  ];
  it.each(parseErrors)('parse error: %j', (template, message) => {
    const e = errorOf(() => printJsonPath(template, cm));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(message);
  });

  const execErrors: [string, string][] = [
    ['{.spec.conds[?(@.type==Ready)]}', 'unrecognized identifier Ready'],
    ['{.spec.conds[?(@.status==1)]}', 'incompatible types for comparison'],
    ['{hello}', 'unrecognized identifier hello'],
    ['{end}', 'not in range, nothing to end'],
    ['{.spec.list[3:1]}', 'starting index 3 is greater than ending index 1'],
    ['{.spec.list[0:5:0]}', 'step must be > 0'],
    ['{.metadata.name[0]}', 'string is not array or slice'],
    ['{.spec.list[9]}', 'array index out of bounds: index 9, length 5'],
  ];
  it.each(execErrors)('execution error: %s', (template, err) => {
    const e = errorOf(() => printJsonPath(template, cm));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message.split('\n')[0]).toBe(
      `error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${err}. Printing more information for debugging the template:`,
    );
  });

  it('execution error: the full text, with the object dumped as %#v', () => {
    const e = errorOf(() => printJsonPath('{.spec.missing}', cm, { allowMissingKeys: false }));
    expect(e.message).toBe(
      'error executing jsonpath "{.spec.missing}": Error executing template: missing is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.spec.missing}\n' +
        '\tobject given to jsonpath engine was:\n\t\t' +
        'map[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"a":"hello", "false":"5"}, "kind":"ConfigMap", ' +
        '"metadata":map[string]interface {}{"annotations":map[string]interface {}{"a.b/c":"dotted"}, "labels":map[string]interface {}{"app":"web", "x":"y", "z":"<&>"}, "name":"cm1"}, ' +
        '"spec":map[string]interface {}{"big":1.0000005e+06, "bigi":100000000000, "conds":[]interface {}{map[string]interface {}{"false":1, "status":"True", "type":"Ready"}, ' +
        'map[string]interface {}{"false":2, "status":"False", "type":"Other"}}, "empty":map[string]interface {}{}, "emptyl":[]interface {}{}, "f1":1000000, "f2":2, ' +
        '"list":[]interface {}{1, "two", 3.25, interface {}(nil), map[string]interface {}{"x":1}}, "nul":interface {}(nil), "ratio":3.5, "replicas":3, ' +
        '"s":"esc\\x1bx\\rq", "t":true, "uni":"héllo ✓"}}\n\n\n',
    );
  });
});

// ---- Go formatting helpers --------------------------------------------------------------------

describe('Go formatting', () => {
  it.each([
    [0.000001, '1e-06'],
    [1e-7, '1e-07'],
    [1e20, '1e+20'],
    [1e21, '1e+21'],
    [123456.5, '123456.5'],
    [1234567.5, '1.2345675e+06'],
    [-0.5, '-0.5'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [12345678901234567890, '1.2345678901234567e+19'],
    [1e100, '1e+100'],
    [100000, '100000'],
  ])('%%v of float64 %d', (f, s) => {
    expect(goFloatString(f)).toBe(s);
  });

  it('json.Marshal numbers: int64 exact, floats as encoding/json', () => {
    expect(goJsonMarshal([0.000001, 1e-7, 1e20, 1e21, 123456.5, 1234567.5, -0.5, 12345678901234567890, -3, 2 ** 60])).toBe(
      '[0.000001,1e-7,100000000000000000000,1e+21,123456.5,1234567.5,-0.5,12345678901234567000,-3,1152921504606846976]',
    );
  });

  it('json.Marshal strings: HTML-escaped, \\b \\f, U+2028/9', () => {
    expect(goJsonMarshal('a\b\f\u0001\u001f\u007f\u2028\u2029😀<>&"\\/\t\n\r')).toBe(
      '"a\\b\\f\\u0001\\u001f\u007f\\u2028\\u2029😀\\u003c\\u003e\\u0026\\"\\\\/\\t\\n\\r"',
    );
  });

  it('json.Marshal sorts keys by bytes', () => {
    expect(goJsonMarshal({ b: 1, a: { z: null, é: [], B: {} } })).toBe('{"a":{"B":{},"z":null,"é":[]},"b":1}');
  });

  it('json.MarshalIndent', () => {
    expect(goJsonIndent({ a: [], b: {}, c: [1, { d: 'x' }] })).toBe(
      '{\n    "a": [],\n    "b": {},\n    "c": [\n        1,\n        {\n            "d": "x"\n        }\n    ]\n}',
    );
  });

  it('strconv.Quote', () => {
    expect(goQuote('a\b\f\u0001\u001f\u007f\u2028\u2029😀<>&"\\/\t\n\r\x1b é')).toBe(
      '"a\\b\\f\\x01\\x1f\\x7f\\u2028\\u2029😀<>&\\"\\\\/\\t\\n\\r\\x1b é"',
    );
  });

  it('fmt %v of unstructured values', () => {
    expect(goFormatV({ b: 'w\u001bx', a: 'hello', n: null, l: ['a', 'b', { k: null }], m: {}, e: [], f: 2.5, i: 5, t: true })).toBe(
      'map[a:hello b:w\u001bx e:[] f:2.5 i:5 l:[a b map[k:<nil>]] m:map[] n:<nil> t:true]',
    );
    expect(goFormatV(null)).toBe('<nil>');
  });

  it('fmt %#v of unstructured values', () => {
    expect(goFormatSharpV({ l: [1, 'two', null], m: {}, f: 1.5e-7 })).toBe(
      'map[string]interface {}{"f":1.5e-07, "l":[]interface {}{1, "two", interface {}(nil)}, "m":map[string]interface {}{}}',
    );
  });
});
