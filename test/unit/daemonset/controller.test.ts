// The DaemonSet controller over a real ApiServer on a MemoryStore, with the scheduler and kubelet
// placing and starting its pods.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { daemonSetController } from '../../../src/controllers/daemonset/index.js';
import { garbageCollector } from '../../../src/controllers/gc/index.js';
import { reconcile, type Controller } from '../../../src/controllers/index.js';
import { kubeletController } from '../../../src/controllers/kubelet/index.js';
import { namespaceController } from '../../../src/controllers/namespace/index.js';
import { schedulerController } from '../../../src/controllers/scheduler/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const PODS = findResource('pods')!;
const DS = findResource('daemonsets')!;
const NODES = findResource('nodes')!;
const EVENTS = findResource('events')!;
const CONTROLLERS: Controller[] = [namespaceController, daemonSetController, schedulerController, kubeletController, garbageCollector];

const fixedClock: Clock = { now: () => T0 };

function setup() {
  const api = new ApiServer(new MemoryStore(), fixedClock, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api, CONTROLLERS);
  sync();
  return { api, sync };
}

function daemonSet(name: string, podSpec: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }], ...podSpec } },
      ...spec,
    },
  };
}

const podsOf = (api: ApiServer, app: string) => api.list(PODS, 'default').filter((p) => p.metadata.labels?.['app'] === app);
const placement = (api: ApiServer, app: string) => podsOf(api, app).map((p) => p['spec'].nodeName as string).sort();
const events = (api: ApiServer) => api.list(EVENTS, 'default').filter((e) => e['source']?.component === 'daemonset-controller').map((e) => `${e['reason']}: ${e['message']}`);

function updateNode(api: ApiServer, name: string, change: (n: KObject) => void): void {
  const node = structuredClone(api.get(NODES, undefined, name));
  change(node);
  api.update(NODES, node);
}

function addNode(api: ApiServer, name: string, change: (n: KObject) => void = () => {}): void {
  const node = structuredClone(api.get(NODES, undefined, 'kube-lite-worker'));
  node.metadata = { name, labels: { ...node.metadata.labels, 'kubernetes.io/hostname': name } };
  change(node);
  api.create(NODES, node);
}

function setImage(api: ApiServer, name: string, image: string): void {
  const ds = structuredClone(api.get(DS, 'default', name));
  ds['spec'].template.spec.containers[0].image = image;
  api.update(DS, ds);
}

describe('DaemonSet controller', () => {
  it('runs one pod per worker, labelled, owned, pinned and tolerating the node conditions', () => {
    const { api, sync } = setup();
    const ds = api.create(DS, daemonSet('agent'));
    sync();
    expect(placement(api, 'agent')).toEqual(['kube-lite-worker', 'kube-lite-worker2']);
    for (const p of podsOf(api, 'agent')) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(Object.keys(p.metadata.labels!).sort()).toEqual(['app', 'controller-revision-hash', 'pod-template-generation']);
      expect(p.metadata.labels!['pod-template-generation']).toBe('1');
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
      expect(p['spec'].affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: [p['spec'].nodeName] }] },
      ]);
      expect(p['spec'].tolerations.map((t: { key: string; effect: string }) => `${t.key}:${t.effect}`)).toEqual([
        'node.kubernetes.io/not-ready:NoExecute',
        'node.kubernetes.io/unreachable:NoExecute',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ]);
    }
    expect(api.get(DS, 'default', 'agent')['status']).toEqual({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      numberAvailable: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
    });
    expect(events(api).sort()).toEqual(podsOf(api, 'agent').map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort());
    const rev = api.store.revision();
    sync();
    expect(api.store.revision()).toBe(rev);
  });

  it('adds network-unavailable for hostNetwork pods and runs on the control plane when its taint is tolerated', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('net', { hostNetwork: true, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    sync();
    expect(placement(api, 'net')).toEqual(['kube-lite-control-plane', 'kube-lite-worker', 'kube-lite-worker2']);
    const keys = podsOf(api, 'net')[0]!['spec'].tolerations.map((t: { key: string }) => t.key);
    expect(keys[0]).toBe('node-role.kubernetes.io/control-plane');
    expect(keys.at(-1)).toBe('node.kubernetes.io/network-unavailable');
  });

  it('follows the node selector as node labels change', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('ssd', { nodeSelector: { disk: 'ssd' } }));
    sync();
    expect(podsOf(api, 'ssd')).toHaveLength(0);
    expect(api.get(DS, 'default', 'ssd')['status']).toEqual({ currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1 });
    updateNode(api, 'kube-lite-worker2', (n) => (n.metadata.labels!['disk'] = 'ssd'));
    sync();
    expect(placement(api, 'ssd')).toEqual(['kube-lite-worker2']);
    const name = podsOf(api, 'ssd')[0]!.metadata.name;
    updateNode(api, 'kube-lite-worker2', (n) => (n.metadata.labels!['disk'] = 'hdd'));
    sync();
    expect(podsOf(api, 'ssd')).toHaveLength(0);
    expect(events(api)).toContain(`SuccessfulDelete: Deleted pod: ${name}`);
  });

  it('starts a pod on a new node, even a cordoned one, and leaves pods on cordoned nodes', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent'));
    sync();
    const before = podsOf(api, 'agent').map((p) => p.metadata.name).sort();
    updateNode(api, 'kube-lite-worker', (n) => (n['spec'] = { ...n['spec'], unschedulable: true }));
    sync();
    expect(podsOf(api, 'agent').map((p) => p.metadata.name).sort()).toEqual(before);
    addNode(api, 'kube-lite-worker3', (n) => (n['spec'] = { ...n['spec'], unschedulable: true }));
    sync();
    expect(placement(api, 'agent')).toEqual(['kube-lite-worker', 'kube-lite-worker2', 'kube-lite-worker3']);
    expect(podsOf(api, 'agent').every((p) => p['status'].phase === 'Running')).toBe(true);
  });

  it('keeps a pod under a new NoSchedule taint (misscheduled) but removes it under NoExecute', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent'));
    sync();
    updateNode(api, 'kube-lite-worker', (n) => (n['spec'] = { ...n['spec'], taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }));
    sync();
    expect(placement(api, 'agent')).toEqual(['kube-lite-worker', 'kube-lite-worker2']);
    expect(api.get(DS, 'default', 'agent')['status']).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
    updateNode(api, 'kube-lite-worker', (n) => (n['spec'] = { ...n['spec'], taints: [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }] }));
    sync();
    expect(placement(api, 'agent')).toEqual(['kube-lite-worker2']);
    expect(api.get(DS, 'default', 'agent')['status']).toMatchObject({ desiredNumberScheduled: 1, numberMisscheduled: 0 });
  });

  it('rolls a template change out node by node (RollingUpdate)', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent'));
    sync();
    const oldHash = podsOf(api, 'agent')[0]!.metadata.labels!['controller-revision-hash'];
    setImage(api, 'agent', 'busybox:1.37');
    sync();
    const pods = podsOf(api, 'agent');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(p['spec'].containers[0].image).toBe('busybox:1.37');
      expect(p.metadata.labels!['pod-template-generation']).toBe('2');
      expect(p.metadata.labels!['controller-revision-hash']).not.toBe(oldHash);
    }
    expect(api.get(DS, 'default', 'agent').metadata.annotations).toEqual({ 'deprecated.daemonset.template.generation': '2' });
    // maxUnavailable 1: each deletion waits for the previous replacement.
    expect(events(api).map((e) => e.split(':')[0])).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulCreate']);
    expect(api.get(DS, 'default', 'agent')['status']).toMatchObject({ updatedNumberScheduled: 2, observedGeneration: 2 });
  });

  it('with maxSurge starts the new pod before deleting the old one', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
    sync();
    setImage(api, 'agent', 'busybox:1.37');
    sync();
    expect(podsOf(api, 'agent').map((p) => p['spec'].containers[0].image)).toEqual(['busybox:1.37', 'busybox:1.37']);
    // worker: surge; once available its old pod goes in the same pass that surges onto worker2.
    expect(events(api).slice(2).map((e) => e.split(':')[0])).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulDelete', 'SuccessfulDelete']);
  });

  it('OnDelete replaces only the pods a user deletes', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent', {}, { updateStrategy: { type: 'OnDelete' } }));
    sync();
    setImage(api, 'agent', 'busybox:1.37');
    sync();
    expect(podsOf(api, 'agent').map((p) => p['spec'].containers[0].image)).toEqual(['busybox:1.36', 'busybox:1.36']);
    expect(api.get(DS, 'default', 'agent')['status']).not.toHaveProperty('updatedNumberScheduled');
    const victim = podsOf(api, 'agent').find((p) => p['spec'].nodeName === 'kube-lite-worker')!;
    api.delete(PODS, 'default', victim.metadata.name!);
    sync();
    const images = Object.fromEntries(podsOf(api, 'agent').map((p) => [p['spec'].nodeName, p['spec'].containers[0].image]));
    expect(images).toEqual({ 'kube-lite-worker': 'busybox:1.37', 'kube-lite-worker2': 'busybox:1.36' });
    expect(api.get(DS, 'default', 'agent')['status']).toMatchObject({ updatedNumberScheduled: 1 });
  });

  it('its pods go with it', () => {
    const { api, sync } = setup();
    api.create(DS, daemonSet('agent'));
    sync();
    api.delete(DS, 'default', 'agent');
    sync();
    expect(podsOf(api, 'agent')).toHaveLength(0);
  });
});
