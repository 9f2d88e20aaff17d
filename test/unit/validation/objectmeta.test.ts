import { describe, expect, it } from 'vitest';
import { errorString } from '../../../src/api/validation/field.js';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from '../../../src/api/validation/names.js';
import {
  prepareMetaForUpdate, selectorMatches, validateLabelSelector, validateObjectMeta, validateObjectMetaUpdate,
} from '../../../src/api/validation/objectmeta.js';
import { newPath } from '../../../src/api/validation/field.js';
import type { ObjectMeta } from '../../../src/api/types.js';

const msgs = (errs: Parameters<typeof errorString>[0][]) => errs.map(errorString);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const KEY_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('validateObjectMeta (create)', () => {
  it.each<[string, ObjectMeta, boolean, typeof nameIsDNSSubdomain, string[]]>([
    ['valid namespaced', { name: 'web', namespace: 'default' }, true, nameIsDNSSubdomain, []],
    ['name required', { namespace: 'default' }, true, nameIsDNSSubdomain, ['metadata.name: Required value: name or generateName is required']],
    ['bad subdomain name', { name: 'Web', namespace: 'default' }, true, nameIsDNSSubdomain, [`metadata.name: Invalid value: "Web": ${SUBDOMAIN_MSG}`]],
    [
      'service names are DNS-1035 labels',
      { name: '1web', namespace: 'default' },
      true,
      nameIsDNS1035Label,
      [
        "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    ['name too long', { name: 'a'.repeat(254), namespace: 'default' }, true, nameIsDNSSubdomain, [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]],
    ['namespace required', { name: 'web' }, true, nameIsDNSSubdomain, ['metadata.namespace: Required value']],
    ['bad namespace', { name: 'web', namespace: 'My_NS' }, true, nameIsDNSSubdomain, [`metadata.namespace: Invalid value: "My_NS": ${LABEL_MSG}`]],
    ['namespace on cluster-scoped', { name: 'n1', namespace: 'default' }, false, nameIsDNSSubdomain, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['namespace names', { name: 'a.b' }, false, nameIsDNSLabel, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ['generateName prefix ok', { generateName: 'web-', namespace: 'default' }, true, nameIsDNSSubdomain, []],
    ['generateName prefix bad', { generateName: 'Web-', name: 'Web-abcde', namespace: 'default' }, true, nameIsDNSSubdomain, [
      `metadata.generateName: Invalid value: "Web-": ${SUBDOMAIN_MSG}`,
      `metadata.name: Invalid value: "Web-abcde": ${SUBDOMAIN_MSG}`,
    ]],
    ['negative generation', { name: 'a', namespace: 'd', generation: -1 }, true, nameIsDNSSubdomain, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    [
      'labels: key and value on the map path',
      { name: 'a', namespace: 'd', labels: { '-bad': 'ok', good: 'bad value' } },
      true,
      nameIsDNSSubdomain,
      [`metadata.labels: Invalid value: "-bad": ${KEY_NAME_MSG}`, `metadata.labels: Invalid value: "bad value": ${VALUE_MSG}`],
    ],
    ['label value too long', { name: 'a', namespace: 'd', labels: { app: 'x'.repeat(64) } }, true, nameIsDNSSubdomain, [`metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 bytes`]],
    ['annotation keys are case-insensitive qualified names', { name: 'a', namespace: 'd', annotations: { 'Example.COM/Key': 'v' } }, true, nameIsDNSSubdomain, []],
    ['bad annotation key', { name: 'a', namespace: 'd', annotations: { 'a b': 'v' } }, true, nameIsDNSSubdomain, [`metadata.annotations: Invalid value: "a b": ${KEY_NAME_MSG}`]],
    ['annotations too large', { name: 'a', namespace: 'd', annotations: { big: 'x'.repeat(256 * 1024) } }, true, nameIsDNSSubdomain, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['non-standard finalizer', { name: 'a', namespace: 'd', finalizers: ['custom'] }, true, nameIsDNSSubdomain, ['metadata.finalizers[0]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']],
    ['qualified finalizer', { name: 'a', namespace: 'd', finalizers: ['example.com/x', 'kubernetes', 'foregroundDeletion'] }, true, nameIsDNSSubdomain, []],
    ['conflicting finalizers', { name: 'a', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] }, true, nameIsDNSSubdomain, ['metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set']],
    [
      'owner references',
      { name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: '', kind: 'Deployment', name: '', uid: 'u' }] },
      true,
      nameIsDNSSubdomain,
      ['metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty', 'metadata.ownerReferences.name: Invalid value: "": must not be empty'],
    ],
    [
      'two controllers',
      {
        name: 'a',
        namespace: 'd',
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r1', uid: '1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r2', uid: '2', controller: true },
        ],
      },
      true,
      nameIsDNSSubdomain,
      [
        'metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r1","uid":"1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r2","uid":"2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/r1 and ReplicaSet/r2',
      ],
    ],
  ])('%s', (_n, meta, namespaced, fn, want) => {
    expect(msgs(validateObjectMeta(meta, namespaced, fn))).toEqual(want);
  });
});

describe('validateObjectMetaUpdate', () => {
  const old: ObjectMeta = { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5', creationTimestamp: '2024-01-01T00:00:00Z', generation: 2 };
  it.each<[string, ObjectMeta, string[]]>([
    ['unchanged', { ...old }, []],
    ['name', { ...old, name: 'web2' }, ['metadata.name: Invalid value: "web2": field is immutable']],
    ['namespace', { ...old, namespace: 'x' }, ['metadata.namespace: Invalid value: "x": field is immutable']],
    ['uid', { ...old, uid: 'u2' }, ['metadata.uid: Invalid value: "u2": field is immutable']],
    ['creationTimestamp', { ...old, creationTimestamp: '2025-01-01T00:00:00Z' }, ['metadata.creationTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable']],
    ['creationTimestamp removed', { ...old, creationTimestamp: undefined }, ['metadata.creationTimestamp: Invalid value: null: field is immutable']],
    ['resourceVersion missing', { ...old, resourceVersion: undefined }, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
    ['generation decremented', { ...old, generation: 1 }, ['metadata.generation: Invalid value: 1: must not be decremented']],
    ['labels re-validated', { ...old, labels: { a: '-' } }, [`metadata.labels: Invalid value: "-": ${VALUE_MSG}`]],
  ])('%s', (_n, meta, want) => {
    expect(msgs(validateObjectMetaUpdate(meta, old))).toEqual(want);
  });

  it('rejects new finalizers while deleting', () => {
    const deleting = { ...old, deletionTimestamp: '2024-02-01T00:00:00Z', finalizers: ['a/x'] };
    expect(msgs(validateObjectMetaUpdate({ ...deleting, finalizers: ['a/x', 'b/y', 'a/z'] }, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a/z", "b/y"}',
    ]);
  });

  it('prepareMetaForUpdate copies what BeforeUpdate copies', () => {
    const prepared = prepareMetaForUpdate({ name: 'web', namespace: 'default', labels: { a: 'b' } }, old);
    expect(prepared).toEqual({ ...old, labels: { a: 'b' } });
    expect(msgs(validateObjectMetaUpdate(prepared, old))).toEqual([]);
  });
});

describe('label selectors', () => {
  const p = newPath('spec', 'selector');
  it('validates requirements', () => {
    expect(
      msgs(validateLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [
        { key: 'tier', operator: 'In', values: [] },
        { key: 'x', operator: 'Exists', values: ['a'] },
        { key: 'bad key', operator: 'Foo' },
        { key: 'y', operator: 'NotIn', values: ['-no'] },
      ] }, p)),
    ).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Foo": not a valid selector operator',
      `spec.selector.matchExpressions[2].key: Invalid value: "bad key": ${KEY_NAME_MSG}`,
      `spec.selector.matchExpressions[3].values[0]: Invalid value: "-no": ${VALUE_MSG}`,
    ]);
  });
  it('matches like labels.Selector', () => {
    expect(selectorMatches(undefined, { a: 'b' })).toEqual({ empty: false, matches: false });
    expect(selectorMatches({}, undefined)).toEqual({ empty: true, matches: true });
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'web', x: 'y' }).matches).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web' } }, { app: 'api' }).matches).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, {}).matches).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }] }, { env: 'dev' }).matches).toBe(false);
  });
});
