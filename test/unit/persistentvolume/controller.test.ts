// The persistentvolume controller with the scheduler and kubelet, over a real ApiServer on a
// MemoryStore: binding, WaitForFirstConsumer provisioning, reclaim policies, protection finalizers.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { CONTROLLERS, reconcile } from '../../../src/controllers/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const PODS = findResource('pods')!;
const PVS = findResource('persistentvolumes')!;
const PVCS = findResource('persistentvolumeclaims')!;
const SCS = findResource('storageclasses')!;
const EVENTS = findResource('events')!;

const clock: Clock = { now: () => T0 };

function setup() {
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api, CONTROLLERS);
  sync();
  return { api, sync };
}

function volume(name: string, storage: string, modes: string[], extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name },
    spec: { capacity: { storage }, accessModes: modes, storageClassName: 'manual', hostPath: { path: `/data/${name}` }, ...extra },
  };
}

function claim(name: string, storage: string, modes: string[], spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default' },
    spec: { accessModes: modes, resources: { requests: { storage } }, ...spec },
  };
}

function podWith(name: string, claimName: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] },
  };
}

const getPvc = (api: ApiServer, name: string) => api.tryGet(PVCS, 'default', name);
const getPv = (api: ApiServer, name: string) => api.tryGet(PVS, undefined, name);
const eventsOf = (api: ApiServer, name: string) =>
  api.list(EVENTS, 'default').filter((e) => e['involvedObject'].name === name).map((e) => `${e['type']} ${e['reason']}: ${e['message']}`);

describe('DefaultStorageClass and protection admission', () => {
  it('gives a class-less claim the default class and both kinds their protection finalizer', () => {
    const { api } = setup();
    const c = api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce']));
    expect(c['spec'].storageClassName).toBe('standard');
    expect(c.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(api.create(PVCS, claim('empty', '1Gi', ['ReadWriteOnce'], { storageClassName: '' }))['spec'].storageClassName).toBe('');
    const beta = claim('beta', '1Gi', ['ReadWriteOnce']);
    beta.metadata.annotations = { 'volume.beta.kubernetes.io/storage-class': 'x' };
    expect(api.create(PVCS, beta)['spec'].storageClassName).toBeUndefined();
    expect(api.create(PVS, volume('v', '1Gi', ['ReadWriteOnce'])).metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });

  it('leaves the class unset without a default class', () => {
    const { api } = setup();
    api.delete(SCS, undefined, 'standard');
    expect(api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce']))['spec'].storageClassName).toBeUndefined();
  });
});

describe('persistentvolume controller', () => {
  it('binds a claim to the smallest matching volume, both sides, with the annotations', () => {
    const { api, sync } = setup();
    api.create(PVS, volume('small', '1Gi', ['ReadWriteOnce']));
    api.create(PVS, volume('large', '10Gi', ['ReadWriteOnce']));
    sync();
    expect(getPv(api, 'small')!['status'].phase).toBe('Available');
    api.create(PVCS, claim('c', '2Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    sync();
    const pvc = getPvc(api, 'c')!;
    const pv = getPv(api, 'large')!;
    expect(pvc['spec'].volumeName).toBe('large');
    expect(pvc['status']).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } });
    expect(pvc.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(pv['status'].phase).toBe('Bound');
    expect(pv.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(pv['spec'].claimRef).toMatchObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'c', uid: pvc.metadata.uid, apiVersion: 'v1' });
    expect(getPv(api, 'small')!['status'].phase).toBe('Available');
  });

  it('binds a claim that names its volume (no bound-by-controller on the claim)', () => {
    const { api, sync } = setup();
    api.create(PVS, volume('v', '1Gi', ['ReadWriteOnce']));
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce'], { storageClassName: 'manual', volumeName: 'v' }));
    sync();
    expect(getPvc(api, 'c')!.metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    expect(getPv(api, 'v')!['status'].phase).toBe('Bound');
  });

  it('leaves a class-less claim without a match Pending, and its pod unschedulable', () => {
    const { api, sync } = setup();
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce'], { storageClassName: '' }));
    api.create(PODS, podWith('p', 'c'));
    sync();
    expect(getPvc(api, 'c')!['status'].phase).toBe('Pending');
    expect(eventsOf(api, 'c')).toEqual(['Normal FailedBinding: no persistent volumes available for this claim and no storage class is set']);
    const pod = api.get(PODS, 'default', 'p');
    expect(pod['spec'].nodeName).toBeUndefined();
    expect(pod['status'].conditions[0].message).toBe(
      '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    // A matching volume appears: the claim binds and the pod is scheduled.
    api.create(PVS, volume('v', '1Gi', ['ReadWriteOnce'], { storageClassName: '' }));
    sync();
    expect(getPvc(api, 'c')!['status'].phase).toBe('Bound');
    expect(api.get(PODS, 'default', 'p')['spec'].nodeName).toBeDefined();
  });

  it('reports a missing class', () => {
    const { api, sync } = setup();
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    sync();
    expect(eventsOf(api, 'c')).toEqual(['Warning ProvisioningFailed: storageclass.storage.k8s.io "manual" not found']);
  });

  it('WaitForFirstConsumer: waits, then provisions a local-path volume on the pod\'s node', () => {
    const { api, sync } = setup();
    api.create(PVCS, claim('c', '500Mi', ['ReadWriteOnce']));
    sync();
    expect(getPvc(api, 'c')!['status'].phase).toBe('Pending');
    expect(eventsOf(api, 'c')).toEqual(['Normal WaitForFirstConsumer: waiting for first consumer to be created before binding']);
    expect(api.list(PVS)).toEqual([]);
    api.create(PODS, podWith('p', 'c'));
    sync();
    const node = api.get(PODS, 'default', 'p')['spec'].nodeName;
    const pvc = getPvc(api, 'c')!;
    const name = `pvc-${pvc.metadata.uid}`;
    expect(pvc['spec'].volumeName).toBe(name);
    expect(pvc['status'].phase).toBe('Bound');
    expect(pvc.metadata.annotations).toMatchObject({
      'volume.kubernetes.io/selected-node': node,
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    const pv = getPv(api, name)!;
    expect(pv['status'].phase).toBe('Bound');
    expect(pv['spec']).toMatchObject({
      capacity: { storage: '500Mi' },
      hostPath: { path: `/var/local-path-provisioner/${name}_default_c`, type: 'DirectoryOrCreate' },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
    });
    expect(pv['spec'].nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values).toEqual([node]);
    expect(eventsOf(api, 'c').map((e) => e.split(':')[0])).toEqual([
      'Normal WaitForFirstConsumer',
      'Normal ExternalProvisioning',
      'Normal Provisioning',
      'Normal ProvisioningSucceeded',
    ]);
  });

  it('provisions an Immediate claim of a local-path class at once', () => {
    const { api, sync } = setup();
    api.create(SCS, { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'now' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'Immediate', reclaimPolicy: 'Retain' });
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce'], { storageClassName: 'now' }));
    sync();
    const pvc = getPvc(api, 'c')!;
    expect(pvc['status'].phase).toBe('Bound');
    expect(getPv(api, pvc['spec'].volumeName)!['spec'].persistentVolumeReclaimPolicy).toBe('Retain');
  });

  it('a claim in use stays Terminating; then Delete removes the volume and Retain releases it', () => {
    const { api, sync } = setup();
    api.create(PVS, volume('keep', '1Gi', ['ReadWriteOnce'], { persistentVolumeReclaimPolicy: 'Retain' }));
    api.create(PVS, volume('drop', '2Gi', ['ReadWriteOnce'], { persistentVolumeReclaimPolicy: 'Delete' }));
    api.create(PVCS, claim('a', '1Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    api.create(PVCS, claim('b', '2Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    api.create(PODS, podWith('p', 'b'));
    sync();
    expect(api.get(PODS, 'default', 'p')['spec'].nodeName).toBeDefined();
    api.delete(PVCS, 'default', 'a');
    api.delete(PVCS, 'default', 'b');
    sync();
    expect(getPvc(api, 'a')).toBeUndefined();
    expect(getPv(api, 'keep')!['status'].phase).toBe('Released');
    expect(getPvc(api, 'b')!.metadata.deletionTimestamp).toBeDefined();
    expect(getPv(api, 'drop')!['status'].phase).toBe('Bound');
    api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 0 });
    sync();
    expect(getPvc(api, 'b')).toBeUndefined();
    expect(getPv(api, 'drop')).toBeUndefined();
    // A released volume is not bound again.
    api.create(PVCS, claim('again', '1Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    sync();
    expect(getPvc(api, 'again')!['status'].phase).toBe('Pending');
  });

  it('marks a bound claim Lost when its volume disappears', () => {
    const { api, sync } = setup();
    api.create(PVS, volume('v', '1Gi', ['ReadWriteOnce']));
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce'], { storageClassName: 'manual' }));
    sync();
    const pv = structuredClone(getPv(api, 'v')!);
    api.delete(PVS, undefined, 'v');
    sync();
    expect(getPv(api, 'v')!.metadata.deletionTimestamp).toBeDefined(); // pv-protection while Bound
    // Force it away (finalizer removed by hand).
    const cur = structuredClone(getPv(api, 'v')!);
    cur.metadata.finalizers = [];
    api.update(PVS, cur);
    sync();
    expect(pv.metadata.name).toBe('v');
    expect(getPvc(api, 'c')!['status'].phase).toBe('Lost');
    expect(eventsOf(api, 'c')).toContain('Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  });
  it("pods using a provisioned volume follow its node affinity", () => {
    const { api, sync } = setup();
    api.create(PVCS, claim('c', '1Gi', ['ReadWriteOnce']));
    api.create(PODS, podWith('p0', 'c'));
    sync();
    const node = api.get(PODS, 'default', 'p0')['spec'].nodeName;
    for (const n of ['p1', 'p2', 'p3']) api.create(PODS, podWith(n, 'c'));
    sync();
    expect(['p1', 'p2', 'p3'].map((n) => api.get(PODS, 'default', n)['spec'].nodeName)).toEqual([node, node, node]);
    // A pod that can only go elsewhere is told why.
    const cur = structuredClone(api.get(findResource('nodes')!, undefined, node));
    cur['spec'] = { ...(cur['spec'] ?? {}), unschedulable: true };
    api.update(findResource('nodes')!, cur);
    api.create(PODS, podWith('p4', 'c'));
    sync();
    expect(api.get(PODS, 'default', 'p4')['status'].conditions[0].message).toMatch(
      /^0\/3 nodes are available: 1 node\(s\) had untolerated taint\(s\), 1 node\(s\) had volume node affinity conflict, 1 node\(s\) were unschedulable\./,
    );
  });

  it('a namespace being deleted takes its claims and their provisioned volumes', () => {
    const { api, sync } = setup();
    api.create(findResource('namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    sync();
    api.create(PVCS, { ...claim('c', '1Gi', ['ReadWriteOnce']), metadata: { name: 'c', namespace: 'team' } });
    api.create(PODS, { ...podWith('p', 'c'), metadata: { name: 'p', namespace: 'team' } });
    sync();
    expect(api.list(PVS)).toHaveLength(1);
    api.delete(findResource('namespaces')!, undefined, 'team');
    sync();
    expect(api.list(PVCS, 'team')).toEqual([]);
    expect(api.list(PVS)).toEqual([]);
  });
});

