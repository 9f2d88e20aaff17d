import { describe, expect, it } from 'vitest';
import {
  createTwoWayMergePatch, strategicMergePatch, StrategicMergePatchError,
} from '../../../src/api/patch/index.js';
import type { JsonObject, JsonValue } from '../../../src/api/types.js';
import { fixtures, frozen, sorted } from './helpers.js';

// Upstream's patch_test.go runs against a test struct; its fields map onto real ones here:
// mergingList → Pod spec.containers (merge by name), mergingIntList → metadata.finalizers (merge),
// simpleMap → metadata.labels, nonMergingList → spec.tolerations (atomic),
// retainKeysMergingList → spec.volumes (merge,retainKeys), retainKeysMap → Deployment spec.strategy.
const containers = (list: JsonValue[]): JsonObject => ({ spec: { containers: list } });
const volumes = (list: JsonValue[]): JsonObject => ({ spec: { volumes: list } });
const finalizers = (list: JsonValue[]): JsonObject => ({ metadata: { finalizers: list } });
const strategy = (m: JsonObject): JsonObject => ({ spec: { strategy: m } });

type ApplyCase = [desc: string, kind: string, original: JsonObject, patch: JsonObject, want: JsonObject];

const applyCases: ApplyCase[] = [
  // customStrategicMergePatchTestCaseData
  ['unique scalars when merging lists', 'Pod', finalizers(['1', '2']), finalizers(['2', '3']), finalizers(['1', '2', '3'])],
  ['delete map from nested map', 'Pod', { metadata: { labels: { key1: '1', key2: '1' } } }, { metadata: { labels: { $patch: 'delete' } } }, { metadata: { labels: {} } }],
  ['delete all items from merging list', 'Pod', containers([{ name: '1' }, { name: '2' }]), containers([{ $patch: 'replace' }]), containers([])],
  ['merge empty merging lists', 'Pod', containers([]), containers([]), containers([])],
  ['delete all keys from map', 'Pod', { name: '1', value: '1' }, { $patch: 'replace' }, {}],
  ['add key and delete all keys from map', 'Pod', { name: '1', value: '1' }, { other: 'a', $patch: 'replace' }, { other: 'a' }],
  ['delete all duplicate entries in a merging list', 'Pod',
    containers([{ name: '1' }, { name: '1' }, { name: '2', value: 'a' }, { name: '3' }, { name: '3' }]),
    containers([{ name: '1', $patch: 'delete' }, { name: '3', $patch: 'delete' }]),
    containers([{ name: '2', value: 'a' }])],
  ['retainKeys map can add a field when no retainKeys directive present', 'Deployment', strategy({ name: 'foo' }), strategy({ value: 'bar' }), strategy({ name: 'foo', value: 'bar' })],
  ['retainKeys map can delete a field when no retainKeys directive present', 'Deployment', strategy({ name: 'foo', value: 'a' }), strategy({ value: null }), strategy({ name: 'foo' })],
  ['retainKeys map merge an empty map', 'Deployment', strategy({ name: 'foo', value: 'a' }), strategy({}), strategy({ name: 'foo', value: 'a' })],
  ['retainKeys list can change a field when no retainKeys directive present', 'Pod',
    volumes([{ name: 'bar' }, { name: 'foo', value: 'a' }]), volumes([{ name: 'foo', value: 'b' }]), volumes([{ name: 'bar' }, { name: 'foo', value: 'b' }])],
  ['retainKeys list can delete a field when no retainKeys directive present', 'Pod',
    volumes([{ name: 'bar' }, { name: 'foo', value: 'a' }]), volumes([{ name: 'foo', value: null }]), volumes([{ name: 'bar' }, { name: 'foo' }])],
  ['preserve the order from the patch in a merging list', 'Pod',
    containers([{ name: '1' }, { name: '2', value: 'b' }, { name: '3' }]),
    containers([{ name: '3', value: 'c' }, { name: '1', value: 'a' }, { name: '2', other: 'x' }]),
    containers([{ name: '3', value: 'c' }, { name: '1', value: 'a' }, { name: '2', value: 'b', other: 'x' }])],
  ['preserve the order from the patch in a merging list 2', 'Pod',
    containers([{ name: '1' }, { name: '2', value: 'b' }, { name: '3' }]),
    containers([{ name: '3', value: 'c' }, { name: '1', value: 'a' }]),
    containers([{ name: '2', value: 'b' }, { name: '3', value: 'c' }, { name: '1', value: 'a' }])],
  ['preserve the order from the patch in a merging int list', 'Pod', finalizers([1, 2, 3]), finalizers([3, 1, 2]), finalizers([3, 1, 2])],
  ['preserve the order from the patch in a merging int list 2', 'Pod', finalizers([1, 2, 3]), finalizers([3, 1]), finalizers([2, 3, 1])],
  // customStrategicMergePatchRawTestCases
  ['$setElementOrder contains item that is not present in the list to be merged', 'Pod',
    containers([{ name: '1' }, { name: '3' }]),
    { spec: { '$setElementOrder/containers': [{ name: '3' }, { name: '2' }, { name: '1' }], containers: [{ name: '3', value: '3' }, { name: '1', value: '1' }] } },
    containers([{ name: '3', value: '3' }, { name: '1', value: '1' }])],
  ['$setElementOrder contains item that is not present in the int list to be merged', 'Pod',
    finalizers([1, 3]), { metadata: { '$setElementOrder/finalizers': [3, 2, 1] } }, finalizers([3, 1])],
  // Basic semantics.
  ['null deletes a key; maps merge recursively', 'Pod',
    { metadata: { labels: { a: '1', b: '2' } }, spec: { nodeName: 'n' } },
    { metadata: { labels: { a: null, c: '3' } }, spec: { nodeName: null, hostname: 'h' } },
    { metadata: { labels: { b: '2', c: '3' } }, spec: { hostname: 'h' } }],
  ['nulls for absent keys are dropped, also inside new values', 'Pod', { spec: {} }, { spec: { x: null, y: { a: null, b: 1 } } }, { spec: { y: { b: 1 } } }],
  ['atomic lists are replaced', 'Pod',
    { spec: { tolerations: [{ key: 'a' }, { key: 'b' }], containers: [{ name: 'c', args: ['1', '2'] }] } },
    { spec: { tolerations: [{ key: 'c' }], containers: [{ name: 'c', args: ['3'] }] } },
    { spec: { tolerations: [{ key: 'c' }], containers: [{ name: 'c', args: ['3'] }] } }],
  ['$deleteFromPrimitiveList removes values', 'Pod', finalizers(['a', 'b', 'c']), { metadata: { '$deleteFromPrimitiveList/finalizers': ['b', 'x'] } }, finalizers(['a', 'c'])],
  ['$retainKeys clears fields not listed', 'Deployment',
    strategy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }), strategy({ type: 'Recreate', $retainKeys: ['type'] }), strategy({ type: 'Recreate' })],
  ['merge key can be a number (containerPort)', 'Pod',
    containers([{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 9 }] }]),
    containers([{ name: 'a', ports: [{ containerPort: 9, name: 'n' }] }]),
    containers([{ name: 'a', ports: [{ containerPort: 80 }, { containerPort: 9, name: 'n' }] }])],
  // Found by differential testing against kubectl 1.36.3 (`patch --local`).
  ['server-only items keep their place among new ones (upstream reads its in-place-modified live list)', 'Pod',
    containers([{ name: 'c3' }, { name: 'c4' }]),
    { spec: { '$setElementOrder/containers': [{ name: 'c1' }, { name: 'c2' }], containers: [{ name: 'c1' }, { name: 'c2' }, { name: 'c3', $patch: 'delete' }] } },
    containers([{ name: 'c4' }, { name: 'c1' }, { name: 'c2' }])],
  ['items missing from $setElementOrder are placed as Go\'s insertion sort leaves them', 'Pod',
    finalizers(['f/c', 'f/d']), { metadata: { finalizers: ['f/e', 'f/c'], '$setElementOrder/finalizers': [] } }, finalizers(['f/c', 'f/d', 'f/e'])],
  ['kinds without metadata: maps merge, lists are atomic', 'Widget',
    { spec: { list: [{ name: 'a' }], m: { a: 1 } } }, { spec: { list: [{ name: 'b' }], m: { b: 2 } } }, { spec: { list: [{ name: 'b' }], m: { a: 1, b: 2 } } }],
];

describe('strategicMergePatch', () => {
  it.each(applyCases)('%s', (_desc, kind, original, patch, want) => {
    expect(strategicMergePatch(frozen(original), frozen(patch), kind)).toEqual(want);
  });

  it('test harness: frozen() inputs throw on mutation, so the tables also prove inputs stay untouched', () => {
    const v = frozen({ a: { b: [1] } }) as { a: { b: number[]; c?: number } };
    expect(() => v.a.b.push(2)).toThrow(TypeError);
    expect(() => { v.a.c = 1; }).toThrow(TypeError);
  });

  it('keeps the original key order and appends new keys', () => {
    const out = strategicMergePatch({ b: 1, a: 2 }, { c: 3, a: 4 }, 'Pod') as JsonObject;
    expect(Object.keys(out)).toEqual(['b', 'a', 'c']);
  });

  it('returns fresh values: the result shares nothing with the inputs', () => {
    const original = { spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }] } };
    const patch = { spec: { tolerations: [{ key: 'k' }], containers: [{ name: 'b' }] } };
    const out = strategicMergePatch(original, patch, 'Pod') as { spec: { containers: JsonObject[]; tolerations: JsonObject[] } };
    out.spec.containers[1]!.env = 'mutated';
    out.spec.tolerations[0]!.key = 'mutated';
    expect(original.spec.containers).toEqual([{ name: 'a', env: [{ name: 'X', value: '1' }] }]);
    expect(patch).toEqual({ spec: { tolerations: [{ key: 'k' }], containers: [{ name: 'b' }] } });
  });

  it.each<[string, JsonObject, JsonObject, string]>([
    ['merge key missing', containers([{ name: 'a' }]), containers([{ image: 'x' }]), 'map: map[image:x] does not contain declared merge key: name'],
    ['unknown $patch', { spec: {} }, { spec: { $patch: 'bogus' } }, 'unknown patch type: bogus in map: map[$patch:bogus]'],
    ['$patch: merge in a list', containers([{ name: 'a' }]), containers([{ name: 'a', $patch: 'merge' }]), 'merging lists cannot yet be specified in the patch'],
    ['$setElementOrder order mismatch', containers([{ name: '1' }, { name: '3' }, { name: '2' }]),
      { spec: { '$setElementOrder/containers': [{ name: '1' }, { name: '2' }, { name: '3' }], containers: [{ name: '3', value: '3' }, { name: '1', value: '1' }] } },
      "The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn't match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n"],
    ['$retainKeys not listing a patched field', strategy({ type: 'a' }), strategy({ type: 'b', x: 1, $retainKeys: ['type'] }), 'invalid patch format of retainKeys'],
    ['mixed element types', containers([{ name: 'a' }]), containers(['x']), 'list element types are not identical: [[map[name:a]] [x]]'],
    ['lists of lists', finalizers([['a']]), finalizers([['b']]), 'lists of lists are not supported'],
  ])('error: %s', (_d, original, patch, message) => {
    expect(() => strategicMergePatch(original, patch, 'Pod')).toThrow(StrategicMergePatchError);
    expect(() => strategicMergePatch(original, patch, 'Pod')).toThrow(message);
  });

  describe('matches kubectl 1.36.3 `patch --local --type strategic`', () => {
    // kubectl refuses strategic patches for kinds it has no schema for; we merge without metadata.
    const cases = fixtures.strategic.filter((c) => c.name !== 'crd like unknown kind');
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
      const kind = (c.doc as JsonObject).kind as string;
      if (c.error !== undefined) {
        expect(() => strategicMergePatch(c.doc, c.patch, kind)).toThrow(c.error.trimEnd());
      } else {
        expect(sorted(strategicMergePatch(frozen(c.doc), frozen(c.patch), kind))).toEqual(c.result);
      }
    });
  });
});

type TwoWayCase = [desc: string, kind: string, original: JsonObject, modified: JsonObject, want: JsonObject];

const twoWayCases: TwoWayCase[] = [
  ['nothing changed', 'Pod', containers([{ name: 'a', image: 'x' }]), containers([{ name: 'a', image: 'x' }]), {}],
  ['add field to map', 'Pod', { spec: { a: 1 } }, { spec: { a: 1, b: 2 } }, { spec: { b: 2 } }],
  ['delete field from map', 'Pod', { spec: { a: 1, b: 2 } }, { spec: { a: 1 } }, { spec: { b: null } }],
  ['add item to merging list', 'Pod', containers([{ name: '1' }, { name: '2' }]), containers([{ name: '1' }, { name: '2' }, { name: '3' }]),
    { spec: { '$setElementOrder/containers': [{ name: '1' }, { name: '2' }, { name: '3' }], containers: [{ name: '3' }] } }],
  ['delete item from merging list', 'Pod', containers([{ name: '1' }, { name: '2' }, { name: '3' }]), containers([{ name: '1' }, { name: '3' }]),
    { spec: { '$setElementOrder/containers': [{ name: '1' }, { name: '3' }], containers: [{ $patch: 'delete', name: '2' }] } }],
  ['reorder merging list', 'Pod', containers([{ name: '1' }, { name: '2' }]), containers([{ name: '2' }, { name: '1' }]),
    { spec: { '$setElementOrder/containers': [{ name: '2' }, { name: '1' }] } }],
  ['change item in merging list', 'Pod', containers([{ name: '1', image: 'a' }, { name: '2' }]), containers([{ name: '1', image: 'b' }, { name: '2' }]),
    { spec: { '$setElementOrder/containers': [{ name: '1' }, { name: '2' }], containers: [{ image: 'b', name: '1' }] } }],
  ['add to merging primitive list', 'Pod', finalizers(['a', 'b']), finalizers(['a', 'b', 'c']),
    { metadata: { '$setElementOrder/finalizers': ['a', 'b', 'c'], finalizers: ['c'] } }],
  ['delete from merging primitive list', 'Pod', finalizers(['a', 'b', 'c']), finalizers(['a', 'c']),
    { metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a', 'c'] } }],
  ['atomic list replaced whole', 'Pod', { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } }, { spec: { tolerations: [{ key: 'b' }] } },
    { spec: { tolerations: [{ key: 'b' }] } }],
  ['retainKeys map lists the kept fields', 'Deployment', strategy({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } }), strategy({ type: 'Recreate' }),
    { spec: { strategy: { $retainKeys: ['type'], rollingUpdate: null, type: 'Recreate' } } }],
  ['retainKeys list items', 'Pod', volumes([{ name: 'v', emptyDir: {} }]), volumes([{ name: 'v', configMap: { name: 'c' } }]),
    { spec: { '$setElementOrder/volumes': [{ name: 'v' }], volumes: [{ $retainKeys: ['configMap', 'name'], configMap: { name: 'c' }, emptyDir: null, name: 'v' }] } }],
  ['replace-strategy map is always sent whole (upstream quirk)', 'PodDisruptionBudget',
    { spec: { selector: { matchLabels: { a: 'b' } }, minAvailable: 1 } }, { spec: { selector: { matchLabels: { a: 'b' } }, minAvailable: 2 } },
    { spec: { minAvailable: 2, selector: { matchLabels: { a: 'b' } } } }],
  ['an unchanged but unsorted primitive merge list still gets $setElementOrder (upstream quirk)', 'Pod',
    { metadata: { finalizers: ['f/b', 'f/a'] }, spec: { nodeName: 'a' } }, { metadata: { finalizers: ['f/b', 'f/a'] }, spec: { nodeName: 'b' } },
    { metadata: { '$setElementOrder/finalizers': ['f/b', 'f/a'] }, spec: { nodeName: 'b' } }],
  // Captured from kubectl 1.36.3 `set image` / `set env` against a logging server.
  ['kubectl set image', 'Deployment',
    { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } } },
    { spec: { template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y2' }] } } } },
    { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }], containers: [{ image: 'y2', name: 'b' }] } } } }],
  ['kubectl set env -c a E3=3 E1-', 'Deployment',
    { spec: { template: { spec: { containers: [{ name: 'a', env: [{ name: 'E1', value: '1' }, { name: 'E2', value: '2' }] }, { name: 'b' }] } } } },
    { spec: { template: { spec: { containers: [{ name: 'a', env: [{ name: 'E2', value: '2' }, { name: 'E3', value: '3' }] }, { name: 'b' }] } } } },
    { spec: { template: { spec: {
      '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
      containers: [{ '$setElementOrder/env': [{ name: 'E2' }, { name: 'E3' }], env: [{ name: 'E3', value: '3' }, { $patch: 'delete', name: 'E1' }], name: 'a' }],
    } } } }],
];

describe('createTwoWayMergePatch', () => {
  it.each(twoWayCases)('%s', (_d, kind, original, modified, want) => {
    const patch = createTwoWayMergePatch(frozen(original), frozen(modified), kind);
    expect(JSON.stringify(patch)).toBe(JSON.stringify(want)); // byte-exact, keys sorted like Go
    expect(strategicMergePatch(original, patch, kind)).toEqual(modified); // and it round-trips
  });
});
