import { describe, expect, it } from 'vitest';
import { goSort, SortByDroppedError, SortByFatalError, sortObjectsBy, sortTableRowsBy } from '../../../src/printers/sortby.js';
import { CliError, RawError } from '../../../src/api/errors.js';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

type Obj = { metadata: { name: string }; [k: string]: unknown };
const names = (objs: Obj[]) => objs.map((o) => o.metadata.name);
const obj = (name: string, rest: Record<string, unknown> = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, ...rest });
const both = [
  ['sortObjectsBy', sortObjectsBy],
  ['sortTableRowsBy', sortTableRowsBy],
] as const;

describe.each(both)('%s: sorter_test.go TestSortingPrinter', (_n, sort) => {
  const ts = (name: string, sec: number, extra: Record<string, unknown> = {}) =>
    obj(name, { ...extra, metadata: { name, creationTimestamp: new Date(sec * 1000).toISOString().replace('.000', '') } });
  it.each([
    ['empty', [], '{.metadata.name}', []],
    ['in-order-already', [obj('a'), obj('b'), obj('c')], '{.metadata.name}', ['a', 'b', 'c']],
    ['reverse-order', [obj('b'), obj('c'), obj('a')], '{.metadata.name}', ['a', 'b', 'c']],
    ['random-order-timestamp', [ts('t300', 300), ts('t100', 100), ts('t200', 200)], '{.metadata.creationTimestamp}', ['t100', 't200', 't300']],
    [
      'random-order-numbers',
      [obj('r5', { spec: { replicas: 5 } }), obj('r1', { spec: { replicas: 1 } }), obj('r9', { spec: { replicas: 9 } })],
      '{.spec.replicas}',
      ['r1', 'r5', 'r9'],
    ],
    [
      'some-missing-fields',
      [obj('two', { status: { availableReplicas: 2 } }), obj('none', { status: {} }), obj('one', { status: { availableReplicas: 1 } })],
      '{.status.availableReplicas}',
      ['none', 'one', 'two'],
    ],
    [
      'empty fields (a null sorts first)',
      [obj('e300', { lastTimestamp: '1970-01-01T00:05:00Z' }), obj('e200', { lastTimestamp: null })],
      '{.lastTimestamp}',
      ['e200', 'e300'],
    ],
    ['relaxed field', [obj('b'), obj('a')], 'metadata.name', ['a', 'b']],
  ] as [string, Obj[], string, string[]][])('%s', (_name, objects, field, expected) => {
    const input = [...objects];
    expect(names(sort(objects, field))).toEqual(expected);
    expect(objects).toEqual(input); // not mutated
  });

  it.each([
    ['all-missing-fields', [obj('a', { status: { replicas: 0 } }), obj('b', { status: { replicas: 0 } })], '{.status.availableReplicas}'],
    ['model-invalid-fields', [obj('a'), obj('b'), obj('c')], '{.invalid}'],
  ] as [string, Obj[], string][])('%s', (_name, objects, field) => {
    expect(errorOf(() => sort(objects, field)).message).toBe(`couldn't find any field with path "${field}" in the list of objects`);
  });
});

// Real kubectl v1.36.3 against a fake API server (`get cm --sort-by=F -o name` and the table path agree).
const cms = [
  {
    metadata: { name: 'b10', labels: { app: 'x', tier: '<b>' }, annotations: { q: '1Gi' } },
    data: { a: 'hello', b: 'w' },
    spec: { n: 5, f: 2.5, l: ['a', 'b', { k: null }], nul: null, m: {}, e: [], big: 1234567.5 },
  },
  { metadata: { name: 'b9', annotations: { q: '500Mi' } }, spec: { n: 12, f: 0.5 } },
  { metadata: { name: 'a2' }, data: { a: 'x' } },
  { metadata: { name: 'a1' }, spec: { n: -1 } },
];

describe.each(both)('%s: kubectl goldens', (_n, sort) => {
  it.each([
    ['.metadata.name', ['a1', 'a2', 'b10', 'b9']], // byte order, not natural order
    ['spec.n', ['a2', 'a1', 'b10', 'b9']],
    ['.spec.f', ['a1', 'a2', 'b9', 'b10']], // the two objects without the field come out reversed
    ['{.metadata.annotations.q}', ['a1', 'a2', 'b9', 'b10']], // quantities: 500Mi < 1Gi
    ['.data.a', ['a1', 'b9', 'b10', 'a2']],
    ['.spec.l', ['a1', 'a2', 'b9', 'b10']],
  ])('--sort-by=%s', (field, expected) => {
    expect(names(sort(cms as Obj[], field))).toEqual(expected);
  });

  it('quantities compare by value when both parse, else strings compare bytewise', () => {
    const values = ['x9', 'x10', 'x-1', 'X1', 'x01', 'x1', 'x1a', 'x1.5', 'x 2', 'é', 'z', '10', '9', '1Gi', '500Mi', '2', '1.5', 'abc', '1e3', '100m'];
    const objects = values.map((v, i) => obj(`o${i}`, { data: { v } }));
    expect(names(sort(objects, '.data.v'))).toEqual(
      'o19 o16 o15 o12 o11 o18 o14 o13 o3 o17 o8 o2 o4 o5 o7 o1 o6 o0 o10 o9'.split(' '),
    );
  });

  it('nulls sort first and are equal to each other', () => {
    const objects = [obj('a', { s: 'x' }), obj('b', { s: null }), obj('c', { s: 'a' }), obj('d', { n: null })];
    expect(names(sort(objects, '.s'))).toEqual(['d', 'b', 'c', 'a']);
    const nulls = [obj('a', { n: null }), obj('b', { n: null }), obj('c', { n: 1 })];
    expect(names(sort(nulls, '.n'))).toEqual(['a', 'b', 'c']);
  });

  it('the first value of a multi-valued path is used', () => {
    const objects = [obj('a', { l: [3, 1] }), obj('b', { l: [1, 2] }), obj('c', { l: [2] })];
    expect(names(sort(objects, '.l[*]'))).toEqual(['b', 'c', 'a']);
  });

  // Larger lists go through pdqsort (partitions, breakPatterns, heapsort); with an inconsistent
  // Less, the exact algorithm decides the order. 0 = no field, null = a null value.
  const generated: [number, (string | null | 0)[], number[]][] = [
    [
      13,
      [null, 0, '10', '1Gi', null, 0, '2', 0, 'x9', 0, '1Gi', '2', '1e3'],
      [5, 7, 9, 1, 0, 4, 6, 11, 2, 12, 3, 10, 8],
    ],
    [
      60,
      ['500Mi', '2', 0, 0, 0, 0, '500Mi', 0, 0, 0, 0, 0, 'x10', 0, 'x10', 0, 0, 'x1', '1Gi', 'x1', 'x1', '500Mi', 'x1', 'x9', 0, 0, '10', 0, 0, 0, '1Gi', '2', 0, 0, 0, 'x1', 0, 'a', 0, 'a', 0, 0, '2', 'x9', 0, '2', '10', 0, 0, 'x10', 0, '1', '1', 'x9', 'x1', 0, 'x9', 0, 0, 0],
      [38, 57, 3, 55, 27, 8, 48, 4, 24, 5, 29, 10, 15, 13, 28, 36, 9, 33, 59, 11, 40, 25, 2, 58, 47, 41, 44, 32, 50, 7, 34, 16, 51, 52, 31, 42, 45, 1, 26, 46, 0, 6, 21, 18, 30, 37, 39, 22, 35, 20, 19, 17, 54, 49, 12, 14, 23, 56, 53, 43],
    ],
    [
      150,
      ['x10', '100m', 'x10', 'b', 'x10', null, 'a', 0, 0, '100m', 0, 'x9', '1e3', '10', 'b', null, 'abc', 'a', null, null, '1e3', 'Ki', 0, '1Gi', null, 0, '1', null, '2', 'a', 0, 0, '100m', 'zz', 0, 'b', 'x1', '1', '10', 0, null, '', '1Gi', '', '500Mi', 'x10', '', '500Mi', 0, 0, null, null, 0, '100m', 'x10', null, '10', null, 0, 'Ki', 0, 'abc', null, null, 'x1', 0, '', '2', 'x9', 'zz', 'abc', null, 'b', null, null, '2', '10', null, '500Mi', null, null, 'x10', '100m', 'x10', 0, 'abc', null, null, null, 'x10', 'b', 'x9', 0, '', '2', null, '2', '', '2', 0, 'a', '500Mi', '2', 0, '1Gi', '', null, '500Mi', 'Ki', 0, 0, null, '1Gi', 'x10', 'x1', 'x10', '2', 'x9', 0, '1', null, '500Mi', 'zz', '1Gi', 0, 0, '10', '1e3', '2', 0, '2', 'b', null, 0, '1e3', 0, 'abc', 'x9', null, 'zz', null, 'x1', 'zz', 'a', 'x10', null, 0, null, null, '1e3'],
      [60, 8, 129, 84, 65, 124, 34, 146, 31, 133, 39, 25, 118, 10, 103, 58, 135, 92, 30, 109, 110, 7, 125, 52, 49, 48, 22, 99, 111, 106, 148, 27, 147, 145, 140, 138, 132, 5, 120, 24, 40, 79, 73, 80, 63, 62, 77, 86, 51, 71, 50, 95, 18, 15, 88, 55, 87, 57, 19, 74, 93, 46, 105, 97, 43, 41, 66, 21, 59, 108, 9, 1, 53, 32, 82, 119, 37, 26, 116, 75, 67, 96, 28, 130, 128, 102, 98, 94, 56, 126, 38, 76, 13, 127, 20, 149, 12, 134, 44, 47, 121, 107, 101, 78, 42, 23, 104, 123, 112, 100, 17, 143, 6, 29, 85, 136, 16, 61, 70, 14, 90, 35, 131, 3, 72, 141, 64, 36, 114, 0, 83, 4, 45, 54, 81, 2, 113, 144, 115, 89, 11, 117, 68, 91, 137, 122, 33, 142, 69, 139],
    ],
  ];
  it.each(generated)('%i objects, as kubectl orders them', (n, values, order) => {
    expect(values.length).toBe(n);
    const objects = values.map((v, i) => obj(String(i), v === 0 ? {} : { data: { v } }));
    expect(sort(objects, '.data.v').map((o) => Number(o.metadata.name))).toEqual(order);
  });
});

const typed = [
  { metadata: { name: 'a', namespace: 'default' }, spec: { v: 1, b: true, m: { x: 1 }, l: [3, 1], n: null, s: 'x' } },
  { metadata: { name: 'b', namespace: 'default' }, spec: { v: 2.5, b: false, m: { x: 0 }, l: [1, 2], n: null, s: null } },
  { metadata: { name: 'c', namespace: 'default' }, spec: { v: 0, b: true, m: { x: 2 }, l: [2], n: 1, s: 'a' } },
];

describe('sortObjectsBy errors (kubectl goldens)', () => {
  it.each([
    ['{.a', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
    ['.a[', 'unterminated array'],
    ['.nope', 'couldn\'t find any field with path "{.nope}" in the list of objects'],
  ])('%s', (field, message) => {
    const e = errorOf(() => sortObjectsBy(typed, field));
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(message);
  });

  it('checks the field even for one object, but not for none', () => {
    expect(errorOf(() => sortObjectsBy([typed[0]], '.nope'))).toBeInstanceOf(CliError);
    expect(sortObjectsBy([], '{.a')).toEqual([]);
  });

  it('an evaluation error on the objects scanned for the field is an ordinary error', () => {
    expect(errorOf(() => sortObjectsBy([typed[2], typed[0]], '.spec.l[1]')).message).toBe('array index out of bounds: index 1, length 1');
  });

  it.each([
    ['.spec.v', 'unsortable interface: interface'],
    ['.spec.b', 'unsortable type: bool'],
    ['.spec.m', 'unsortable type: map[string]interface {}'],
    ['.spec.l', 'unsortable type: []interface {}'],
  ])('klog.Exitf for unsortable values: %s', (field, err) => {
    const e = errorOf(() => sortObjectsBy(typed, field));
    expect(e).toBeInstanceOf(SortByFatalError);
    expect(e).toBeInstanceOf(RawError);
    expect(e.message).toBe(`Field {${field}} in *unstructured.Unstructured is an unsortable type: interface, err: ${err}`);
    expect((e as SortByFatalError).exitCode).toBe(1);
    expect((e as SortByFatalError).location).toBe('sorter.go:329');
  });

  it('klog.Fatalf when Less cannot evaluate an object', () => {
    const e = errorOf(() => sortObjectsBy(typed, '.spec.l[1]'));
    expect(e).toBeInstanceOf(SortByFatalError);
    expect(e.message).toBe(
      'Failed to get i values for &unstructured.Unstructured{Object:map[string]interface {}{"metadata":map[string]interface {}{"name":"c", "namespace":"default"}, ' +
        '"spec":map[string]interface {}{"b":true, "l":[]interface {}{2}, "m":map[string]interface {}{"x":2}, "n":1, "s":"a", "v":0}}} ' +
        'using {.spec.l[1]} (&errors.errorString{s:"array index out of bounds: index 1, length 1"})',
    );
    expect((e as SortByFatalError).exitCode).toBe(255);
  });
});

describe('sortTableRowsBy (the human-readable path)', () => {
  it('does nothing for a single row, even with a bad field', () => {
    expect(sortTableRowsBy([typed[0]], '{.a')).toEqual([typed[0]]);
    expect(sortTableRowsBy([typed[0]], '.nope')).toEqual([typed[0]]);
  });
  it.each([
    ['.nope', 'couldn\'t find any field with path "{.nope}" in the list of objects'],
    ['{.a', 'sorting error: unclosed action'],
    ['{.a[}', 'sorting error: unterminated array'],
    ['.spec.l[1]', 'array index out of bounds: index 1, length 1'],
  ])('errors kubectl drops (nothing printed): %s', (field, message) => {
    const e = errorOf(() => sortTableRowsBy(typed, field));
    expect(e).toBeInstanceOf(SortByDroppedError);
    expect(e.message).toBe(message);
  });
  it('unsortable values still kill kubectl', () => {
    const e = errorOf(() => sortTableRowsBy(typed, '.spec.v'));
    expect(e).toBeInstanceOf(SortByFatalError);
    expect(e.message).toBe('Field {.spec.v} in [][][]reflect.Value is an unsortable type: interface, err: unsortable interface: interface');
    expect((e as SortByFatalError).location).toBe('sorter.go:375');
  });
});

describe('goSort (Go sort.Sort)', () => {
  const sortInts = (xs: number[]) => {
    const a = [...xs];
    goSort(
      a.length,
      (i, j) => a[i]! < a[j]!,
      (i, j) => ([a[i], a[j]] = [a[j]!, a[i]!]),
    );
    return a;
  };
  it.each([0, 1, 2, 12, 13, 49, 50, 51, 200, 1000])('sorts %i numbers', (n) => {
    // A deterministic scramble with duplicates, runs and reversed stretches.
    const xs = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? n - i : (i * 7919) % 97));
    expect(sortInts(xs)).toEqual([...xs].sort((a, b) => a - b));
  });
  it('sorts already sorted and reversed input', () => {
    const up = Array.from({ length: 300 }, (_, i) => i);
    expect(sortInts(up)).toEqual(up);
    expect(sortInts([...up].reverse())).toEqual(up);
  });
  it('is not stable: insertion sort moves "less" items past equal ones', () => {
    // Less(i, j) is true whenever i lacks the key, as sorter.go's Less is.
    const a = ['x', 'y', 'z'];
    goSort(3, () => true, (i, j) => ([a[i], a[j]] = [a[j]!, a[i]!]));
    expect(a).toEqual(['z', 'y', 'x']);
  });
});
