// The garbage collector's decisions, and what it skips in a later command while nothing its last
// verdicts rested on changed (src/controllers/gc).

import { describe, expect, it } from 'vitest';
import type { KObject, OwnerReference } from '../../../src/api/types.js';
import { garbageCollector } from '../../../src/controllers/gc/index.js';
import { GC_META, type GcMeta } from '../../../src/controllers/gc/settled.js';
import { cluster, configMap, CONFIGMAPS, names, ownedBy, reopen, secret, SECRETS } from './helpers.js';

const GONE_UID = '00000000-0000-0000-0000-000000000000';

/** Secret "parent" owning ConfigMap "child", deleted with `policy`, then one collector pass. */
function parentOfChildDeleted(policy: 'Orphan' | 'Foreground') {
  const { api } = cluster();
  const parent = api.create(SECRETS, secret('parent'));
  api.create(CONFIGMAPS, configMap('child', ownedBy(parent)));
  api.delete(SECRETS, 'default', 'parent', { propagationPolicy: policy });
  garbageCollector(api);
  return api;
}

describe('background collection', () => {
  // The owner "parent" (a Secret) exists; each case names the refs of ConfigMap "child".
  const cases: [string, (parent: KObject) => OwnerReference[], boolean][] = [
    ['its owner exists', (p) => ownedBy(p), true],
    ['its owner is gone', (p) => [{ ...ownedBy(p)[0]!, name: 'gone' }], false],
    ['an object of that name has another uid', (p) => [{ ...ownedBy(p)[0]!, uid: GONE_UID }], false],
    ['one of two owners exists', (p) => [{ ...ownedBy(p)[0]!, name: 'gone' }, ...ownedBy(p)], true],
    ['an owner of a kind not served, found by uid', (p) => [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: p.metadata.uid! }], true],
    ['an owner of a kind not served, with no such uid', () => [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: GONE_UID }], false],
    ['the same name and uid under another kind', (p) => [{ ...ownedBy(p)[0]!, apiVersion: 'v1', kind: 'ConfigMap' }], false],
  ];
  it.each(cases)('%s: kept %s', (_name, refs, kept) => {
    const { api } = cluster();
    const parent = api.create(SECRETS, secret('parent'));
    api.create(CONFIGMAPS, configMap('child', refs(parent)));
    garbageCollector(api);
    expect(names(api)).toEqual(kept ? ['child'] : []);
  });

  it('sees owners deleted earlier in the same pass, but not later ones (as without its lookups kept)', () => {
    const { api } = cluster();
    // ConfigMaps are walked before Secrets, "a" before "b". "a" is looked at while its owner "b"
    // exists; "b", whose owner is gone, is deleted next; Secret "c" is looked at after that, and
    // goes too (an answer about "b" kept from before would keep it for another pass).
    const b = api.create(CONFIGMAPS, configMap('b', [{ apiVersion: 'v1', kind: 'Secret', name: 'gone', uid: GONE_UID }]));
    api.create(CONFIGMAPS, configMap('a', ownedBy(b)));
    api.create(SECRETS, secret('c', ownedBy(b)));
    garbageCollector(api);
    expect(names(api)).toEqual(['a']);
    expect(names(api, SECRETS)).toEqual([]);
    garbageCollector(api);
    expect(names(api)).toEqual([]);
  });

  it('orphans the dependents of an object deleted with the orphan finalizer', () => {
    const api = parentOfChildDeleted('Orphan');
    expect(names(api, SECRETS)).toEqual([]);
    expect(api.get(CONFIGMAPS, 'default', 'child').metadata.ownerReferences).toBeUndefined();
  });

  it('deletes dependents first for a foreground deletion, then the owner', () => {
    const api = parentOfChildDeleted('Foreground');
    // The dependent is deleted in the foreground too: it stays, being deleted, for one more pass.
    expect(api.get(CONFIGMAPS, 'default', 'child').metadata.deletionTimestamp).toBeDefined();
    expect(names(api, SECRETS)).toEqual(['parent']);
    garbageCollector(api);
    expect(names(api)).toEqual([]);
    expect(names(api, SECRETS)).toEqual([]);
  });
});

const settledOf = (api: { store: { getMeta<T>(n: string): T | undefined } }) => api.store.getMeta<GcMeta>(GC_META)?.settled ?? {};

describe('between commands', () => {
  function settledCluster() {
    const first = cluster();
    const parent = first.api.create(SECRETS, secret('parent'));
    first.api.create(CONFIGMAPS, configMap('child', ownedBy(parent)));
    garbageCollector(first.api);
    // Written in this command: no stamp yet, nothing settled.
    expect(settledOf(first.api)).toEqual({});
    const second = reopen(first.store);
    garbageCollector(second.api);
    return { parent, second };
  }

  it('remembers a resource whose dependents all have live owners, and does not read it again', () => {
    const { second } = settledCluster();
    expect(second.loaded).toContain('configmaps');
    expect(Object.keys(settledOf(second.api))).toEqual(['configmaps']);
    expect(Object.keys(settledOf(second.api)['configmaps']!.owners)).toEqual(['secrets']);
    const third = reopen(second.store);
    const reads = third.store.trackReads(() => garbageCollector(third.api));
    expect(third.loaded).not.toContain('configmaps');
    expect(third.loaded).not.toContain('secrets');
    // Still noted as read, so that a change to either runs the collector again.
    expect([...reads.keys()]).toEqual(expect.arrayContaining(['r:configmaps', 'r:secrets']));
    expect(settledOf(third.api)).toEqual(settledOf(second.api));
  });

  it('looks again once an owner resource changed, and deletes what lost its owner', () => {
    const { second } = settledCluster();
    const third = reopen(second.store);
    third.api.delete(SECRETS, 'default', 'parent');
    garbageCollector(third.api);
    expect(names(third.api)).toEqual([]);
  });

  it('looks again once the resource itself changed', () => {
    const { second } = settledCluster();
    const third = reopen(second.store);
    third.api.create(CONFIGMAPS, configMap('stray', [{ apiVersion: 'v1', kind: 'Secret', name: 'gone', uid: GONE_UID }]));
    garbageCollector(third.api);
    expect(names(third.api)).toEqual(['child']);
  });

  const unsettled: [string, (parent: KObject) => KObject][] = [
    ['an owner found by uid', (p) => configMap('by-uid', [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: p.metadata.uid! }])],
    ['an owner looked for by uid in vain before a live one', (p) => configMap('by-uid', [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: GONE_UID }, ...ownedBy(p)])],
    ['an object being deleted with the orphan finalizer', () => configMap('held', undefined, ['orphan'])],
  ];
  it.each(unsettled)('does not settle a resource with %s', (_name, extra) => {
    const first = cluster();
    const parent = first.api.create(SECRETS, secret('parent'));
    first.api.create(CONFIGMAPS, configMap('child', ownedBy(parent)));
    const obj = first.api.create(CONFIGMAPS, extra(parent));
    if (obj.metadata.finalizers) first.api.delete(CONFIGMAPS, 'default', obj.metadata.name!);
    const second = reopen(first.store);
    garbageCollector(second.api);
    expect(settledOf(second.api)['configmaps']).toBeUndefined();
  });

  it('settles a resource whose objects being deleted need nothing from it', () => {
    const first = cluster();
    const parent = first.api.create(SECRETS, secret('parent'));
    first.api.create(CONFIGMAPS, configMap('child', ownedBy(parent)));
    first.api.create(CONFIGMAPS, configMap('held', undefined, ['example.com/hold']));
    first.api.delete(CONFIGMAPS, 'default', 'held');
    const second = reopen(first.store);
    garbageCollector(second.api);
    expect(Object.keys(settledOf(second.api))).toEqual(['configmaps']);
  });
});
