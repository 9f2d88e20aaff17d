// The ReplicaSet and ReplicationController controllers over a real ApiServer on a MemoryStore.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { reconcile, type Controller } from '../../../src/controllers/index.js';
import { namespaceController } from '../../../src/controllers/namespace/index.js';
import { replicaSetController, replicationControllerController } from '../../../src/controllers/replicaset/index.js';
import { rfc3339, type Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const PODS = findResource('pods')!;
const RS = findResource('replicasets')!;
const RC = findResource('replicationcontrollers')!;
const EVENTS = findResource('events')!;
const CONTROLLERS: Controller[] = [namespaceController, replicaSetController, replicationControllerController];

class MovableClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

function setup() {
  const clock = new MovableClock(T0);
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api, CONTROLLERS);
  sync();
  return { api, clock, sync };
}

function replicaSet(name: string, replicas: number, extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'kubia' } },
      template: {
        metadata: { labels: { app: 'kubia', tier: 'web' }, annotations: { note: 'from-template' } },
        spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] },
      },
      ...extra,
    },
  };
}

const podsOf = (api: ApiServer) => api.list(PODS, 'default');
const names = (pods: KObject[]) => pods.map((p) => p.metadata.name);
const events = (api: ApiServer) => api.list(EVENTS, 'default').map((e) => `${e['type']} ${e['reason']} ${e['source'].component}: ${e['message']}`);
const get = (api: ApiServer, name: string, info = RS) => api.get(info, 'default', name);

function setPodStatus(api: ApiServer, name: string, patch: { node?: string; ready?: boolean; since?: number }) {
  if (patch.node) api.bindPod('default', name, patch.node);
  const fresh = structuredClone(api.get(PODS, 'default', name));
  fresh['status'] = {
    ...fresh['status'],
    phase: 'Running',
    conditions: [{ type: 'Ready', status: patch.ready ? 'True' : 'False', lastTransitionTime: rfc3339(patch.since ?? T0) }],
  };
  api.updateStatus(PODS, fresh);
}

describe('ReplicaSet controller', () => {
  it('creates the missing pods from the template, with events and status', () => {
    const { api, sync } = setup();
    const rs = api.create(RS, replicaSet('kubia', 3));
    sync();
    const pods = podsOf(api);
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('kubia-');
      expect(p.metadata.labels).toEqual({ app: 'kubia', tier: 'web' });
      expect(p.metadata.annotations).toEqual({ note: 'from-template' });
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(get(api, 'kubia')['status']).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1, terminatingReplicas: 0 });
    expect(events(api).sort()).toEqual(names(pods).map((n) => `Normal SuccessfulCreate replicaset-controller: Created pod: ${n}`).sort());
  });

  it('makes up a difference larger than a burst (500) in one pass, one sync per burst', () => {
    const { api } = setup();
    api.create(RS, replicaSet('kubia', 1200));
    const statuses: number[] = [];
    const update = api.updateStatus.bind(api);
    api.updateStatus = (info, obj, opts) => {
      statuses.push(obj['status']?.replicas);
      return update(info, obj, opts);
    };
    replicaSetController(api);
    expect(podsOf(api)).toHaveLength(1200);
    // each sync reports what it saw before its creates, as upstream's does
    expect(statuses).toEqual([0, 500, 1000]);
    replicaSetController(api);
    expect(podsOf(api)).toHaveLength(1200);
    expect(statuses).toEqual([0, 500, 1000, 1200]);
  });

  it('converges: a second reconcile writes nothing', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 2));
    sync();
    const rev = api.store.revision();
    sync();
    expect(api.store.revision()).toBe(rev);
  });

  it('scales up and down; scale-down deletes the least valuable pods first', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 2));
    sync();
    const [a, b] = names(podsOf(api)) as [string, string];
    setPodStatus(api, a, { node: 'kube-lite-worker', ready: true });
    setPodStatus(api, b, { node: 'kube-lite-worker2', ready: false });

    const up = structuredClone(get(api, 'kubia'));
    up['spec'].replicas = 5;
    api.update(RS, up);
    sync();
    expect(podsOf(api)).toHaveLength(5);
    expect(get(api, 'kubia')['status']).toMatchObject({ replicas: 5, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 });

    const down = structuredClone(get(api, 'kubia'));
    down['spec'].replicas = 1;
    api.update(RS, down);
    sync();
    // Unassigned pods go first (deleted at once), then the bound-but-not-ready one (Terminating for
    // its grace period: no kubelet runs here); the ready pod stays.
    expect(names(podsOf(api).filter((p) => !p.metadata.deletionTimestamp))).toEqual([a]);
    expect(api.get(PODS, 'default', b).metadata.deletionTimestamp).toBeDefined();
    expect(events(api).filter((e) => e.includes('SuccessfulDelete'))).toHaveLength(4);
    expect(events(api)).toContain(`Normal SuccessfulDelete replicaset-controller: Deleted pod: ${b}`);
    expect(get(api, 'kubia')['status']).toEqual({
      replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 3, terminatingReplicas: 1,
    });
  });

  it('prefers victims on nodes crowded with pods of sibling ReplicaSets (same controller)', () => {
    const { api, sync } = setup();
    const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deploy-uid', controller: true, blockOwnerDeletion: true };
    const sibling = (name: string, version: string, replicas: number): KObject => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, ownerReferences: [owner] },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web', v: version } },
        template: { metadata: { labels: { app: 'web', v: version } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    });
    api.create(RS, sibling('web-old', '1', 2));
    api.create(RS, sibling('web-new', '2', 1));
    sync();
    const byVersion = (v: string) => names(podsOf(api).filter((p) => p.metadata.labels?.['v'] === v)) as string[];
    const [first, second] = byVersion('1') as [string, string];
    setPodStatus(api, first, { node: 'kube-lite-worker2', ready: true });
    setPodStatus(api, second, { node: 'kube-lite-worker', ready: true });
    setPodStatus(api, byVersion('2')[0]!, { node: 'kube-lite-worker', ready: true });
    const old = structuredClone(get(api, 'web-old'));
    old['spec'].replicas = 1;
    api.update(RS, old);
    sync();
    // Without ranks the tie would go to `first` (name order); the doubled-up node decides instead.
    expect(api.get(PODS, 'default', second).metadata.deletionTimestamp).toBeDefined();
    expect(api.get(PODS, 'default', first).metadata.deletionTimestamp).toBeUndefined();
  });

  it('replaces a deleted pod (self-healing)', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 3));
    sync();
    const victim = podsOf(api)[0]!.metadata.name!;
    api.delete(PODS, 'default', victim);
    sync();
    const after = names(podsOf(api));
    expect(after).toHaveLength(3);
    expect(after).not.toContain(victim);
  });

  it('releases a pod relabelled out of the selector and replaces it', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 3));
    sync();
    const pod = structuredClone(podsOf(api)[0]!);
    pod.metadata.labels = { ...pod.metadata.labels, app: 'other' };
    api.update(PODS, pod);
    sync();
    const released = api.get(PODS, 'default', pod.metadata.name!);
    expect(released.metadata.ownerReferences).toBeUndefined();
    const owned = podsOf(api).filter((p) => p.metadata.ownerReferences?.length);
    expect(owned).toHaveLength(3);
    expect(podsOf(api)).toHaveLength(4);
    expect(get(api, 'kubia')['status']['replicas']).toBe(3);
  });

  it('adopts matching orphans and does not create what it adopted', () => {
    const { api, sync } = setup();
    api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'manual', labels: { app: 'kubia' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const rs = api.create(RS, replicaSet('kubia', 2));
    sync();
    expect(podsOf(api)).toHaveLength(2);
    const manual = api.get(PODS, 'default', 'manual');
    expect(manual.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    // fullyLabeledReplicas counts pods carrying all template labels: the manual pod lacks tier=web.
    expect(get(api, 'kubia')['status']).toMatchObject({ replicas: 2, fullyLabeledReplicas: 1 });
  });

  it('leaves pods controlled by someone else alone', () => {
    const { api, sync } = setup();
    const other = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'other', uid: 'other-uid', controller: true };
    api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'taken', labels: { app: 'kubia' }, ownerReferences: [other] }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    api.create(RS, replicaSet('kubia', 1));
    reconcile(api, [replicaSetController]);
    expect(api.get(PODS, 'default', 'taken').metadata.ownerReferences).toEqual([other]);
    expect(podsOf(api)).toHaveLength(2);
  });

  it('neither adopts nor creates while being deleted', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 2));
    sync();
    api.delete(RS, 'default', 'kubia', { propagationPolicy: 'Orphan' }); // finalizer keeps it, marked deleted
    api.delete(PODS, 'default', podsOf(api)[0]!.metadata.name!);
    api.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'manual', labels: { app: 'kubia' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    reconcile(api, [replicaSetController]);
    expect(podsOf(api)).toHaveLength(2);
    expect(api.get(PODS, 'default', 'manual').metadata.ownerReferences).toBeUndefined();
  });

  it('does not count terminating pods as replicas', () => {
    const { api, sync } = setup();
    api.create(RS, replicaSet('kubia', 2));
    sync();
    const victim = structuredClone(podsOf(api)[0]!);
    victim.metadata.finalizers = ['example.com/hold'];
    api.update(PODS, victim);
    api.delete(PODS, 'default', victim.metadata.name!); // stays, with a deletionTimestamp
    sync();
    expect(podsOf(api)).toHaveLength(3);
    expect(get(api, 'kubia')['status']).toMatchObject({ replicas: 2, terminatingReplicas: 1 });
  });

  it('counts a ready pod as available only after minReadySeconds, and asks to be woken then', () => {
    const { api, clock, sync } = setup();
    api.create(RS, replicaSet('kubia', 1, { minReadySeconds: 5 }));
    sync();
    setPodStatus(api, podsOf(api)[0]!.metadata.name!, { node: 'kube-lite-worker', ready: true, since: T0 });
    sync();
    expect(get(api, 'kubia')['status']).toMatchObject({ readyReplicas: 1 });
    expect(get(api, 'kubia')['status']['availableReplicas']).toBeUndefined();
    expect(api.sim.nextWakeup()).toBe(T0 + 5001);
    clock.ms = T0 + 5001;
    sync();
    expect(get(api, 'kubia')['status']['availableReplicas']).toBe(1);
  });

  it('reports a failing create once, as an event and a ReplicaFailure condition, and still converges', () => {
    const { api, sync } = setup();
    const bad = replicaSet('kubia', 2);
    bad['spec'].template.spec.serviceAccountName = 'missing';
    api.create(RS, bad);
    sync();
    expect(podsOf(api)).toHaveLength(0);
    const failed = events(api).filter((e) => e.includes('FailedCreate'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('Warning FailedCreate replicaset-controller: Error creating: pods "kubia-');
    expect(failed[0]).toContain('serviceaccount "missing" not found');
    const cond = get(api, 'kubia')['status']['conditions'];
    expect(cond).toHaveLength(1);
    expect(cond[0]).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
  });

  it('cuts a long name to 58 characters before the random suffix', () => {
    const { api, sync } = setup();
    const long = 'a'.repeat(60);
    api.create(RS, replicaSet(long, 1));
    sync();
    const pod = podsOf(api)[0]!;
    expect(pod.metadata.generateName).toBe(`${long}-`);
    expect(pod.metadata.name).toMatch(new RegExp(`^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$`));
  });
});

describe('ReplicationController controller', () => {
  it('keeps replicas pods for a map selector, owned by the RC, with its own event source', () => {
    const { api, sync } = setup();
    const rc = api.create(RC, {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: {
        replicas: 2,
        selector: { app: 'kubia' },
        template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
      },
    });
    sync();
    const pods = podsOf(api);
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.ownerReferences).toEqual([
      { apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(get(api, 'kubia', RC)['status']).toEqual({ replicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1 });
    expect(events(api)).toHaveLength(2);
    expect(events(api)[0]).toMatch(/^Normal SuccessfulCreate replication-controller: Created pod: kubia-/);

    const pod = structuredClone(pods[1]!);
    pod.metadata.labels = { app: 'other' };
    api.update(PODS, pod);
    sync();
    expect(api.get(PODS, 'default', pod.metadata.name!).metadata.ownerReferences).toBeUndefined();
    expect(podsOf(api).filter((p) => p.metadata.labels?.['app'] === 'kubia')).toHaveLength(2);
  });
});
