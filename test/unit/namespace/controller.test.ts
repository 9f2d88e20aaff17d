// The namespace controller's deleter: a Terminating namespace is emptied, reports what remains in its
// five conditions, and goes once nothing remains.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { setup } from '../job/helpers.js';

const NS = findResource('namespaces')!;
const CM = findResource('configmaps')!;
const PODS = findResource('pods')!;
const EVENTS = findResource('events')!;

const conditions = (o: any) => (o['status']?.conditions ?? []).map((c: any) => `${c.type}=${c.status}/${c.reason}: ${c.message}`);

describe('namespace controller', () => {
  it('keeps a namespace Terminating while content with finalizers remains', () => {
    const { api, sync } = setup();
    api.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } });
    sync();
    api.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'held', namespace: 'x', finalizers: ['example.com/hold'] } });
    api.delete(NS, undefined, 'x');
    sync();
    const ns = api.get(NS, undefined, 'x');
    expect(ns['status'].phase).toBe('Terminating');
    expect(ns.metadata.deletionGracePeriodSeconds).toBeUndefined();
    expect(conditions(ns)).toEqual([
      'NamespaceDeletionDiscoveryFailure=False/ResourcesDiscovered: All resources successfully discovered',
      'NamespaceDeletionGroupVersionParsingFailure=False/ParsedGroupVersions: All legacy kube types successfully parsed',
      'NamespaceDeletionContentFailure=False/ContentDeleted: All content successfully deleted, may be waiting on finalization',
      'NamespaceContentRemaining=True/SomeResourcesRemain: Some resources are remaining: configmaps. has 1 resource instances',
      'NamespaceFinalizersRemaining=True/SomeFinalizersRemain: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    ]);
    // The default ServiceAccount and kube-root-ca.crt are not re-created meanwhile.
    expect(api.list(CM, 'x').map((o) => o.metadata.name)).toEqual(['held']);
    expect(() => api.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'new', namespace: 'x' } })).toThrow(
      'configmaps "new" is forbidden: unable to create new content in namespace x because it is being terminated',
    );
    const held = structuredClone(api.get(CM, 'x', 'held'));
    held.metadata.finalizers = [];
    api.update(CM, held);
    sync();
    expect(api.tryGet(NS, undefined, 'x')).toBeUndefined();
  });

  it('waits for pods in their grace period (realistic timing), recording no events there', () => {
    const { api, sync, advance } = setup('realistic');
    api.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'y' } });
    sync();
    api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'y' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    advance(10_000);
    api.delete(NS, undefined, 'y');
    sync();
    expect(conditions(api.get(NS, undefined, 'y'))[3]).toBe('NamespaceContentRemaining=True/SomeResourcesRemain: Some resources are remaining: pods. has 1 resource instances');
    expect(api.list(EVENTS, 'y')).toEqual([]);
    advance(29_000);
    expect(api.get(NS, undefined, 'y')['status'].phase).toBe('Terminating');
    advance(1_000);
    expect(api.tryGet(NS, undefined, 'y')).toBeUndefined();
  });
});
