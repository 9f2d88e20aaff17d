// Builders for the deployment controller tests: bare objects for the pure arithmetic, and an
// in-memory cluster with a stand-in for the ReplicaSet controller for behaviour tests.

import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { deploymentController } from '../../../src/controllers/deployment/index.js';
import { reconcile } from '../../../src/controllers/index.js';
import type { Clock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

export const T0 = Date.parse('2026-01-01T00:00:00Z');

/** A bare Deployment for the pure functions (rollingUpdate 0/0 unless given, like upstream's tests). */
export function deploy(
  replicas: number,
  opts: { maxSurge?: number | string; maxUnavailable?: number | string; type?: string; statusReplicas?: number } = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', generation: 1 },
    spec: {
      replicas,
      strategy:
        opts.type === 'Recreate'
          ? { type: 'Recreate' }
          : { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 0 } },
    },
    status: opts.statusReplicas !== undefined ? { replicas: opts.statusReplicas } : {},
  };
}

let uid = 0;
/** A bare ReplicaSet: `minute` orders creation; available defaults to replicas. */
export function rs(
  name: string,
  replicas: number,
  opts: { minute?: number; available?: number; annotations?: Record<string, string> } = {},
): KObject {
  const created = new Date(T0 + (opts.minute ?? 0) * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${++uid}`, creationTimestamp: created, annotations: opts.annotations },
    spec: { replicas },
    status: { replicas, availableReplicas: opts.available ?? replicas },
  };
}

/** A clock the test moves. */
export class TestClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

export function cluster(clock: Clock = new TestClock(T0)): ApiServer {
  const api = new ApiServer(new MemoryStore(), clock, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  return api;
}

/**
 * Stands in for the ReplicaSet controller, scheduler and kubelet: every ReplicaSet at once has
 * spec.replicas pods, all available, except those whose template image is in `broken` (pods that
 * never become ready).
 */
export function fakeReplicaSets(broken: Set<string> = new Set()) {
  return (api: ApiServer): void => {
    const info = api.resource('replicasets.apps');
    for (const r of api.list(info)) {
      const n = r['spec']?.replicas ?? 1;
      const image = r['spec']?.template?.spec?.containers?.[0]?.image;
      const ok = broken.has(image) ? 0 : n;
      const status: Record<string, number> = { observedGeneration: r.metadata.generation ?? 1 };
      if (n) status['replicas'] = n;
      if (n) status['fullyLabeledReplicas'] = n;
      if (ok) status['readyReplicas'] = ok;
      if (ok) status['availableReplicas'] = ok;
      api.updateStatus(info, { ...structuredClone(r), status });
    }
  };
}

export function run(api: ApiServer, broken?: Set<string>): void {
  reconcile(api, [deploymentController, fakeReplicaSets(broken)]);
}

export function webDeployment(image = 'nginx:1.25', spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } },
      ...spec,
    },
  };
}

export const deployments = (api: ApiServer) => api.resource('deployments.apps');
export const replicaSets = (api: ApiServer) => api.resource('replicasets.apps');

/** Sets the image of web's template through an update, as `set image` does. */
export function setImage(api: ApiServer, image: string, name = 'web'): void {
  const d = structuredClone(api.get(deployments(api), 'default', name));
  d['spec'].template.spec.containers[0].image = image;
  api.update(deployments(api), d);
}

export function scalingEvents(api: ApiServer): string[] {
  return api
    .list(api.resource('events'), 'default')
    .filter((e) => e['reason'] === 'ScalingReplicaSet')
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => e['message']);
}

/** name → spec.replicas of web's ReplicaSets, by creation. */
export function rsSizes(api: ApiServer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of api.list(replicaSets(api), 'default')) out[r.metadata.name!] = r['spec'].replicas;
  return out;
}
