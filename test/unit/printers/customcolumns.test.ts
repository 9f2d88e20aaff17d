import { describe, expect, it } from 'vitest';
import {
  CustomColumnsError,
  parseCustomColumns,
  parseCustomColumnsFile,
  relaxedJsonPath,
  renderCustomColumns,
  type CustomColumn,
} from '../../../src/printers/customcolumns.js';
import { GET_TABWRITER, tabwrite } from '../../../src/printers/tabwriter.js';
import { CliError } from '../../../src/api/errors.js';

const RELAXED_ERROR =
  "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
const FILE_HINT = 'Expected format is one line of space separated headers, one line of space separated column specs.';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** What kubectl writes: the rows aligned by get's tabwriter. */
function print(columns: CustomColumn[], objects: unknown[], noHeaders = false): string {
  return tabwrite(renderCustomColumns(columns, objects, { noHeaders }), GET_TABWRITER);
}

describe('relaxedJsonPath (TestMassageJSONPath)', () => {
  it.each([
    ['foo.bar', '{.foo.bar}'],
    ['{foo.bar}', '{.foo.bar}'],
    ['.foo.bar', '{.foo.bar}'],
    ['{.foo.bar}', '{.foo.bar}'],
    ['', ''],
    ['metadata.labels.app\\.kubernetes\\.io/name', '{.metadata.labels.app\\.kubernetes\\.io/name}'],
    ['.spec.containers[*].image', '{.spec.containers[*].image}'],
  ])('%j -> %j', (input, output) => {
    expect(relaxedJsonPath(input)).toBe(output);
  });
  it.each(['{foo.bar', 'foo.bar}', '{foo.bar}}', '{{foo.bar}', '{.a}{.b}'])('rejects %j', (input) => {
    const e = errorOf(() => relaxedJsonPath(input));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(RELAXED_ERROR);
  });
});

describe('parseCustomColumns (TestNewColumnPrinterFromSpec)', () => {
  it.each([
    ['NAME:metadata.name,API_VERSION:apiVersion', [
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
    ]],
    ['A:', [{ header: 'A', fieldSpec: '' }]],
    ['A B:.metadata.name:x', [{ header: 'A B', fieldSpec: '{.metadata.name:x}' }]],
    [':x', [{ header: '', fieldSpec: '{.x}' }]],
    ['lower:{.a}', [{ header: 'lower', fieldSpec: '{.a}' }]],
  ])('%j', (spec, columns) => {
    expect(parseCustomColumns(spec)).toEqual(columns);
  });
  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['invalid', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
    ['invalid=foobar', 'unexpected custom-columns spec: invalid=foobar, expected <header>:<json-path-expr>'],
    ['invalid,foobar:blah', 'unexpected custom-columns spec: invalid, expected <header>:<json-path-expr>'],
    ['A:.metadata.name,', 'unexpected custom-columns spec: , expected <header>:<json-path-expr>'],
    ['A:{.a}}', RELAXED_ERROR],
  ])('rejects %j', (spec, message) => {
    const e = errorOf(() => parseCustomColumns(spec));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(message);
  });
});

describe('parseCustomColumnsFile (TestNewColumnPrinterFromTemplate)', () => {
  const expected = [
    { header: 'NAME', fieldSpec: '{.metadata.name}' },
    { header: 'API_VERSION', fieldSpec: '{.apiVersion}' },
  ];
  it.each([
    ['ok', 'NAME               API_VERSION\n{metadata.name}    {apiVersion}'],
    ['ok-2', 'NAME               \t\tAPI_VERSION\n\t\t\t\t\t\t\t{metadata.name}    {apiVersion}'],
    ['CRLF, trailing newline, extra lines', 'NAME API_VERSION\r\n.metadata.name apiVersion\r\nignored\n'],
  ])('%s', (_name, text) => {
    expect(parseCustomColumnsFile(text)).toEqual(expected);
  });
  it('two empty lines: no columns', () => {
    expect(parseCustomColumnsFile('\n\n')).toEqual([]);
  });
  it.each([
    ['', `invalid template, missing header line. ${FILE_HINT}`],
    ['invalid', `invalid template, missing spec line. ${FILE_HINT}`],
    ['invalid=foobar\n', `invalid template, missing spec line. ${FILE_HINT}`],
    ['A B\n.a\n', "number of headers (2) and field specifications (1) don't match"],
    ['A\n{.a\n', RELAXED_ERROR],
  ])('rejects %j', (text, message) => {
    expect(errorOf(() => parseCustomColumnsFile(text)).message).toBe(message);
  });
});

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, ...extra });

describe('renderCustomColumns (TestColumnPrint)', () => {
  const name = { header: 'NAME', fieldSpec: '{.metadata.name}' };
  const apiVersion = { header: 'API_VERSION', fieldSpec: '{.apiVersion}' };
  it.each([
    ['one object', [name], [pod('foo')], 'NAME\nfoo\n'],
    ['a list', [name], [pod('foo'), pod('bar')], 'NAME\nfoo\nbar\n'],
    ['two columns', [name, apiVersion], [{ ...pod('foo'), apiVersion: 'baz' }], 'NAME   API_VERSION\nfoo    baz\n'],
    [
      'not found',
      [name, apiVersion, { header: 'NOT_FOUND', fieldSpec: '{.notFound}' }],
      [{ ...pod('foo'), apiVersion: 'baz' }],
      'NAME   API_VERSION   NOT_FOUND\nfoo    baz           <none>\n',
    ],
    ['terminal escapes', [name], [pod('\x1b \r')], 'NAME\n^[ \\r\n'],
    ['empty list keeps the header', [name], [], 'NAME\n'],
    ['empty spec', [{ header: 'A', fieldSpec: '' }], [pod('foo')], 'A\n<none>\n'],
  ])('%s', (_n, columns, objects, expected) => {
    expect(print(columns, objects)).toBe(expected);
  });

  it('--no-headers', () => {
    expect(print([apiVersion], [pod('foo'), pod('bar')], true)).toBe('v1\nv1\n');
  });

  it('TestIndividualPrintObjOnExistingTabWriter', () => {
    const columns = [
      name,
      { header: 'LONG COLUMN NAME', fieldSpec: '{.metadata.labels.label1}' },
      { header: 'LABEL 2', fieldSpec: '{.metadata.labels.label2}' },
    ];
    const objects = ['foo', 'bar'].map((n) => ({ metadata: { name: n, labels: { label1: n, label2: n } } }));
    expect(print(columns, objects)).toBe('NAME   LONG COLUMN NAME   LABEL 2\nfoo    foo                foo\nbar    bar                bar\n');
  });
});

describe('renderCustomColumns (TestSliceColumnPrint)', () => {
  const obj = {
    metadata: { name: 'fake-name', namespace: 'fake-namespace' },
    spec: { containers: [{ name: 'fake0' }, { name: 'fake1' }, { name: 'fake2' }, { name: 'fake3' }] },
  };
  it.each([
    ['[0]', 'fake0'],
    ['[3]', 'fake3'],
    ['[-1]', 'fake3'],
    ['[-2]', 'fake2'],
    ['[-4]', 'fake0'],
    ['[0:0]', '<none>'],
    ['[0:3]', 'fake0,fake1,fake2'],
    ['[1:]', 'fake1,fake2,fake3'],
    ['[0:-1]', 'fake0,fake1,fake2'],
    ['[-1:]', 'fake3'],
    ['[-4:]', 'fake0,fake1,fake2,fake3'],
    ['[-3:-1]', 'fake1,fake2'],
    ['[4:4]', '<none>'],
    ['[-5:-5]', '<none>'],
  ])('containers%s', (slice, cell) => {
    expect(print(parseCustomColumns(`CONTAINER:.spec.containers${slice}.name`), [obj])).toBe(`CONTAINER\n${cell}\n`);
  });
  it.each([
    ['[5]', 'array index out of bounds: index 5, length 4'],
    ['[-5]', 'array index out of bounds: index -1, length 4'],
    ['[3:1]', 'starting index 3 is greater than ending index 1'],
    ['[-2:-3]', 'starting index 2 is greater than ending index 1'],
  ])('containers%s fails', (slice, message) => {
    const e = errorOf(() => print(parseCustomColumns(`CONTAINER:.spec.containers${slice}.name`), [obj]));
    expect(e).toBeInstanceOf(CustomColumnsError);
    expect(e.message).toBe(message);
    expect((e as CustomColumnsError).partialOutput).toBe('CONTAINER\n');
  });
});

// Real kubectl v1.36.3, `get cm -o custom-columns=…` against a fake API server serving these items.
const items = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'b10', labels: { app: 'x', tier: '<b>' }, annotations: { q: '1Gi' } },
    data: { a: 'hello', b: 'w\u001bx\ry' },
    spec: { n: 5, f: 2.5, l: ['a', 'b', { k: null }], nul: null, m: {}, e: [], big: 1234567.5 },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b9', annotations: { q: '500Mi' } }, spec: { n: 12, f: 0.5 } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a2' }, data: { a: 'x' } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a1' }, spec: { n: -1 } },
];

describe('renderCustomColumns (kubectl goldens)', () => {
  it('cells are fmt %v of the values, joined with ","', () => {
    const spec =
      'NAME:.metadata.name,DATA:data,LBL:{.metadata.labels},N:{spec.n},F:.spec.f,L:.spec.l,NUL:.spec.nul,M:.spec.m,E:.spec.e,BIG:.spec.big,ALL:.spec.l[*],X:.metadata.labels.*';
    expect(print(parseCustomColumns(spec), items)).toBe(
      [
        'NAME   DATA                     LBL                   N        F        L                    NUL      M        E        BIG             ALL                X',
        'b10    map[a:hello b:w^[x\\ry]   map[app:x tier:<b>]   5        2.5      [a b map[k:<nil>]]   <nil>    map[]    []       1.2345675e+06   a,b,map[k:<nil>]   x,<b>',
        'b9     <none>                   <none>                12       0.5      <none>               <none>   <none>   <none>   <none>          <none>             <none>',
        'a2     map[a:x]                 <none>                <none>   <none>   <none>               <none>   <none>   <none>   <none>          <none>             <none>',
        'a1     <none>                   <none>                -1       <none>   <none>               <none>   <none>   <none>   <none>          <none>             <none>',
        '',
      ].join('\n'),
    );
  });

  it('the custom-columns-file form', () => {
    expect(print(parseCustomColumnsFile('NAME  V\r\n.metadata.name\t{.spec.v}\r\n'), items)).toBe(
      'NAME   V\nb10    <none>\nb9     <none>\na2     <none>\na1     <none>\n',
    );
  });

  it('a column spec that does not parse fails after the header is written', () => {
    const e = errorOf(() => renderCustomColumns(parseCustomColumns('A:.a['), items, { noHeaders: false }));
    expect(e).toBeInstanceOf(CustomColumnsError);
    expect(e.message).toBe('unterminated array');
    expect((e as CustomColumnsError).partialOutput).toBe('A\n');
  });

  it('an evaluation error stops at the failing row', () => {
    const e = errorOf(() => renderCustomColumns(parseCustomColumns('N:.metadata.name,X:.spec.l[?(@=="a")]'), items, { noHeaders: false }));
    expect(e.message).toBe('invalid type for comparison');
    expect((e as CustomColumnsError).partialOutput).toBe('N\tX\n');
    const e2 = errorOf(() => renderCustomColumns(parseCustomColumns('N:.metadata.name,X:.spec.f[0]'), items, { noHeaders: true }));
    expect(e2.message).toBe('float64 is not array or slice');
    expect((e2 as CustomColumnsError).partialOutput).toBe('');
  });
});
