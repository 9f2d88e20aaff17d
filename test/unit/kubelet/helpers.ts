// A small cluster for kubelet tests: an ApiServer over a MemoryStore with a clock the test moves,
// reconciled by the namespace, kubelet and gc controllers only (pods are bound by hand).

import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { garbageCollector } from '../../../src/controllers/gc/index.js';
import { reconcile } from '../../../src/controllers/index.js';
import { kubeletController } from '../../../src/controllers/kubelet/index.js';
import { namespaceController } from '../../../src/controllers/namespace/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import type { TimingProfile } from '../../../src/sim/timing.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');

class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

export const pods = findResource('pods')!;
export const nodes = findResource('nodes')!;
export const events = findResource('events')!;

export interface TestCluster {
  api: ApiServer;
  clock: ManualClock;
  /** Reconciles at the current time. */
  sync(): void;
  /** Moves the clock forward by ms and reconciles. */
  advance(ms: number): void;
  pod(name: string): KObject | undefined;
  /** "reason: message" of the pod's events, oldest first. */
  events(name: string): string[];
}

export function testCluster(profile: TimingProfile, store = new MemoryStore()): TestCluster {
  const clock = new ManualClock(T0);
  const api = new ApiServer(store, clock, new SeededRandom(1), defaultValidator, new SimContext(profile));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  const sync = () => reconcile(api, [namespaceController, kubeletController, garbageCollector]);
  sync();
  return {
    api,
    clock,
    sync,
    advance(ms) {
      clock.ms += ms;
      sync();
    },
    pod: (name) => api.tryGet(pods, 'default', name),
    events: (name) =>
      api
        .list(events, 'default')
        .filter((e) => e['involvedObject'].name === name)
        .map((e) => `${e['reason']}: ${e['message']}${e['count'] > 1 ? ` (x${e['count']})` : ''}`),
  };
}

export interface PodOptions {
  image?: string;
  node?: string;
  restartPolicy?: string;
  command?: string[];
  initImage?: string;
  imagePullPolicy?: string;
  containers?: number;
}

/** A pod bound to a node from the start (spec.nodeName), as a scheduler would leave it. */
export function podManifest(name: string, o: PodOptions = {}): KObject {
  const containers = Array.from({ length: o.containers ?? 1 }, (_, i) => ({
    name: i === 0 ? 'nginx' : `c${i}`,
    image: o.image ?? 'nginx:1.25',
    ...(o.command ? { command: o.command } : {}),
    ...(o.imagePullPolicy ? { imagePullPolicy: o.imagePullPolicy } : {}),
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName: o.node ?? 'kube-lite-worker',
      ...(o.restartPolicy ? { restartPolicy: o.restartPolicy } : {}),
      ...(o.initImage ? { initContainers: [{ name: 'init', image: o.initImage, command: ['sh', '-c', 'true'] }] } : {}),
      containers,
    },
  };
}

export { podCells } from './status-cell.js';
