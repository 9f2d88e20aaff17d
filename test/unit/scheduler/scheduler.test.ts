// The scheduler controller over a real ApiServer on a MemoryStore with a bootstrapped 3-node cluster
// (kube-lite-control-plane tainted NoSchedule, kube-lite-worker, kube-lite-worker2).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { reconcile, type Controller } from '../../../src/controllers/index.js';
import { namespaceController } from '../../../src/controllers/namespace/index.js';
import { schedulerController } from '../../../src/controllers/scheduler/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import type { TimingProfile } from '../../../src/sim/timing.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const PODS = findResource('pods')!;
const NODES = findResource('nodes')!;
const EVENTS = findResource('events')!;
const RS = findResource('replicasets')!;
const CONTROLLERS: Controller[] = [namespaceController, schedulerController];

class MovableClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

function setup(profile: TimingProfile = 'instant') {
  const clock = new MovableClock(T0);
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext(profile));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api, CONTROLLERS);
  sync();
  return { api, clock, sync };
}

function podManifest(name: string, spec: Record<string, any> = {}, metadata: Record<string, any> = {}): KObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...metadata }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...spec } };
}

const cpuPod = (name: string, cpu: string) => podManifest(name, { containers: [{ name: 'app', image: 'nginx:1.25', resources: { requests: { cpu } } }] });
const get = (api: ApiServer, name: string) => api.get(PODS, 'default', name);
const nodeOf = (api: ApiServer, name: string) => get(api, name)['spec'].nodeName;
const scheduledCondition = (api: ApiServer, name: string) => get(api, name)['status'].conditions?.find((c: any) => c.type === 'PodScheduled');
const events = (api: ApiServer) =>
  api.list(EVENTS, 'default').map((e) => `${e['type']} ${e['reason']} ${e['source'].component} x${e['count']}: ${e['message']}`);

describe('binding', () => {
  it('binds a pod to a worker, sets PodScheduled=True and records Scheduled', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('web'));
    sync();
    expect(nodeOf(api, 'web')).toBe('kube-lite-worker');
    expect(scheduledCondition(api, 'web')).toEqual({ lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', status: 'True', type: 'PodScheduled' });
    expect(events(api)).toEqual(['Normal Scheduled default-scheduler x1: Successfully assigned default/web to kube-lite-worker']);
    expect(get(api, 'web').metadata.generation).toBe(1);
  });

  it('leaves pods of other schedulers, bound pods and pods being deleted alone', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('other', { schedulerName: 'my-scheduler' }));
    api.create(PODS, podManifest('pinned', { nodeName: 'kube-lite-worker2' }));
    api.create(PODS, podManifest('going', {}, { finalizers: ['example.com/hold'] }));
    api.delete(PODS, 'default', 'going');
    sync();
    expect(nodeOf(api, 'going')).toBeUndefined();
    expect(nodeOf(api, 'other')).toBeUndefined();
    expect(scheduledCondition(api, 'other')).toBeUndefined();
    expect(nodeOf(api, 'pinned')).toBe('kube-lite-worker2');
    expect(events(api)).toEqual([]);
  });

  it('the binding subresource refuses a pod that already has a node', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('web'));
    sync();
    expect(() => api.bindPod('default', 'web', 'kube-lite-worker2')).toThrow('pod web is already assigned to node "kube-lite-worker"');
  });

  it('a control-plane toleration makes the control plane a candidate', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('cp', { nodeSelector: { 'node-role.kubernetes.io/control-plane': '' }, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    sync();
    expect(nodeOf(api, 'cp')).toBe('kube-lite-control-plane');
  });

  it('nodeSelector on kubernetes.io/hostname', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('pinned', { nodeSelector: { 'kubernetes.io/hostname': 'kube-lite-worker2' } }));
    sync();
    expect(nodeOf(api, 'pinned')).toBe('kube-lite-worker2');
  });
});

describe('what a pass reads', () => {
  it('with no pod waiting for a node, only the pods (a node change then wakes nothing); with one, the nodes too', () => {
    const { api } = setup();
    api.create(PODS, podManifest('pinned', { nodeName: 'kube-lite-worker2' }));
    api.create(PODS, podManifest('other', { schedulerName: 'my-scheduler' }));
    const reads = () => [...(api.store as MemoryStore).trackReads(() => schedulerController(api)).keys()].filter((k) => k.startsWith('r:')).sort();
    expect(reads()).toEqual(['r:pods']);
    api.create(PODS, podManifest('web'));
    expect(reads()).toEqual(expect.arrayContaining(['r:nodes', 'r:pods']));
    expect(nodeOf(api, 'web')).toBe('kube-lite-worker');
    expect(reads()).toEqual(['r:pods']);
  });
});

describe('spread', () => {
  it('pods of one ReplicaSet go worker, worker2, worker (ties broken by node name)', () => {
    const { api, sync } = setup();
    const rs = api.create(RS, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    });
    const owned = (n: string) =>
      podManifest(n, {}, { labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true }] });
    for (const n of ['web-a', 'web-b', 'web-c']) api.create(PODS, owned(n));
    sync();
    expect(['web-a', 'web-b', 'web-c'].map((n) => nodeOf(api, n))).toEqual(['kube-lite-worker', 'kube-lite-worker2', 'kube-lite-worker']);
  });

  it('a second workload fills the emptier node first (LeastAllocated)', () => {
    const { api, sync } = setup();
    for (const n of ['a', 'b', 'c']) api.create(PODS, podManifest(n));
    sync();
    // Bare pods have no spread selector: each goes where the fewest requests are.
    expect(['a', 'b', 'c'].map((n) => nodeOf(api, n))).toEqual(['kube-lite-worker', 'kube-lite-worker2', 'kube-lite-worker']);
    api.create(PODS, podManifest('d'));
    sync();
    expect(nodeOf(api, 'd')).toBe('kube-lite-worker2');
  });

  it('pods selected by a Service spread too', () => {
    const { api, sync } = setup();
    api.create(findResource('services')!, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    // A big pod makes worker the less allocated node for memory... but spread wins for the web pods.
    api.create(PODS, podManifest('big', { nodeName: 'kube-lite-worker2', containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '1' } } }] }));
    api.create(PODS, podManifest('web-1', {}, { labels: { app: 'web' } }));
    sync();
    expect(nodeOf(api, 'web-1')).toBe('kube-lite-worker');
    api.create(PODS, podManifest('web-2', {}, { labels: { app: 'web' } }));
    sync();
    expect(nodeOf(api, 'web-2')).toBe('kube-lite-worker2');
  });
});

describe('unschedulable pods', () => {
  const MSG_100 =
    '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, ' +
    'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.';

  it('stay Pending with PodScheduled=False/Unschedulable and one FailedScheduling event', () => {
    const { api, sync } = setup();
    api.create(PODS, cpuPod('hungry', '100'));
    sync();
    sync();
    expect(nodeOf(api, 'hungry')).toBeUndefined();
    expect(get(api, 'hungry')['status'].phase).toBe('Pending');
    expect(scheduledCondition(api, 'hungry')).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2026-01-01T00:00:00Z',
      message: MSG_100,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    });
    expect(events(api)).toEqual([`Warning FailedScheduling default-scheduler x1: ${MSG_100}`]);
  });

  it('are not re-reported while nothing changes, then again after 5 minutes', () => {
    const { api, clock, sync } = setup();
    api.create(PODS, cpuPod('hungry', '100'));
    sync();
    const rv = get(api, 'hungry').metadata.resourceVersion;
    clock.ms += 60_000;
    sync();
    expect(get(api, 'hungry').metadata.resourceVersion).toBe(rv);
    expect(events(api)).toEqual([`Warning FailedScheduling default-scheduler x1: ${MSG_100}`]);
    expect(api.sim.nextWakeup()).toBe(T0 + 5 * 60_000);
    clock.ms = T0 + 5 * 60_000;
    sync();
    expect(events(api)).toEqual([`Warning FailedScheduling default-scheduler x2: ${MSG_100}`]);
    expect(get(api, 'hungry').metadata.resourceVersion).toBe(rv);
  });

  it('are scheduled as soon as room appears (a pod is deleted)', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('w1', { nodeName: 'kube-lite-worker', containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '7' } } }] }));
    api.create(PODS, podManifest('w2', { nodeName: 'kube-lite-worker2', containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '7' } } }] }));
    api.create(PODS, cpuPod('p', '2'));
    sync();
    expect(scheduledCondition(api, 'p').message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    // A terminating pod still holds its requests until it is gone.
    api.delete(PODS, 'default', 'w2');
    sync();
    expect(nodeOf(api, 'p')).toBeUndefined();
    api.delete(PODS, 'default', 'w2', { gracePeriodSeconds: 0 });
    sync();
    expect(nodeOf(api, 'p')).toBe('kube-lite-worker2');
    expect(scheduledCondition(api, 'p')).toEqual({ lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', status: 'True', type: 'PodScheduled' });
    expect(events(api).at(-1)).toBe('Normal Scheduled default-scheduler x1: Successfully assigned default/p to kube-lite-worker2');
  });

  it('a cordoned node is skipped and uncordoning it lets the pod in', () => {
    const { api, sync } = setup();
    for (const n of ['kube-lite-worker', 'kube-lite-worker2']) {
      const node = api.get(NODES, undefined, n);
      node['spec'].unschedulable = true;
      api.update(NODES, node);
    }
    api.create(PODS, podManifest('p'));
    sync();
    expect(scheduledCondition(api, 'p').message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) were unschedulable. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const node = api.get(NODES, undefined, 'kube-lite-worker2');
    delete node['spec'].unschedulable;
    api.update(NODES, node);
    sync();
    expect(nodeOf(api, 'p')).toBe('kube-lite-worker2');
  });

  it('a changed verdict updates the condition message and records a new event', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('p', { nodeSelector: { disktype: 'ssd' } }));
    sync();
    const first = scheduledCondition(api, 'p');
    expect(first.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    const node = api.get(NODES, undefined, 'kube-lite-worker');
    node['spec'].unschedulable = true;
    node.metadata.labels!['disktype'] = 'ssd';
    api.update(NODES, node);
    sync();
    const second = scheduledCondition(api, 'p');
    expect(second.message).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. no new claims to deallocate, " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(second.lastTransitionTime).toBe(first.lastTransitionTime);
    expect(events(api)).toHaveLength(2);
  });

  it('a missing PersistentVolumeClaim fails in PreFilter', () => {
    const { api, sync } = setup();
    api.create(PODS, podManifest('p', { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] }));
    sync();
    expect(scheduledCondition(api, 'p').message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "data" not found. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('DaemonSet-style matchFields affinity to one node: the others did not satisfy NodeAffinity', () => {
    const { api, sync } = setup();
    const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kube-lite-control-plane'] }] }] } } };
    api.create(PODS, podManifest('ds', { affinity }));
    sync();
    expect(scheduledCondition(api, 'ds').message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, " +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('timing', () => {
  it('realistic: binds api.sim.delays.schedule after creation', () => {
    const { api, clock, sync } = setup('realistic');
    api.create(PODS, podManifest('web'));
    sync();
    expect(nodeOf(api, 'web')).toBeUndefined();
    expect(api.sim.nextWakeup()).toBe(T0 + 100);
    clock.ms = T0 + 100;
    sync();
    expect(nodeOf(api, 'web')).toBe('kube-lite-worker');
  });
});
