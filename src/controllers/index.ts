// Runs the control loops to a fixed point: each controller is level-triggered (reads desired and
// observed state, writes only differences), and rounds repeat until one writes nothing.

import type { ApiServer } from '../api/server.js';
import { daemonSetController } from './daemonset/index.js';
import { cronJobController } from './cronjob/index.js';
import { deploymentController } from './deployment/index.js';
import { endpointsController } from './endpoints/index.js';
import { endpointSliceController } from './endpointslice/index.js';
import { garbageCollector } from './gc/index.js';
import { jobController } from './job/index.js';
import { kubeletController } from './kubelet/index.js';
import { namespaceController } from './namespace/index.js';
import { nodeLifecycleController } from './nodelifecycle/index.js';
import { persistentVolumeController } from './persistentvolume/index.js';
import { replicaSetController, replicationControllerController } from './replicaset/index.js';
import { statefulSetController } from './statefulset/index.js';
import { schedulerController } from './scheduler/index.js';
import { ingressController } from './ingress/index.js';
import { serviceLBController } from './servicelb/index.js';

export type Controller = (api: ApiServer) => void;

/**
 * Fixed order: later controllers see what earlier ones wrote in the same round. The intended order
 * (each controller adds itself at its place):
 *   namespace, deployment, replicaset, replicationcontroller, cronjob, job, daemonset, statefulset,
 *   persistentvolume, scheduler, kubelet, nodelifecycle,
 *   endpoints, endpointslice, servicelb, gc
 */
export const CONTROLLERS: readonly Controller[] = [
  namespaceController,
  deploymentController,
  replicaSetController,
  replicationControllerController,
  cronJobController,
  jobController,
  daemonSetController,
  statefulSetController,
  persistentVolumeController,
  schedulerController,
  kubeletController,
  nodeLifecycleController,
  endpointsController,
  endpointSliceController,
  serviceLBController,
  ingressController,
  garbageCollector,
];

// A rollout step takes a few rounds; a 500-replica one-at-a-time rollout stays well inside this.
const MAX_ROUNDS = 20_000;

/**
 * Runs the controllers at the clock's current time until a round writes nothing. Afterwards
 * api.sim.nextWakeup() tells when something pending becomes due (undefined: nothing pending).
 */
export function reconcile(api: ApiServer, controllers: readonly Controller[] = CONTROLLERS): void {
  const prof = process.env['KUBE_LITE_PROFILE_CONTROLLERS'] ? new Map<string, number>() : undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    api.sim.resetWakeup();
    const before = api.store.revision();
    for (const c of controllers) {
      const t = prof ? performance.now() : 0;
      c(api);
      if (prof) prof.set(c.name, (prof.get(c.name) ?? 0) + performance.now() - t);
    }
    if (prof) process.stderr.write(`round ${round}: ${api.store.revision() - before} writes\n`);
    if (api.store.revision() === before) {
      if (prof) for (const [k, v] of prof) process.stderr.write(`${k} ${v.toFixed(0)} ms\n`);
      return;
    }
  }
  throw new Error(`controllers did not converge after ${MAX_ROUNDS} rounds`);
}
