// Runs the control loops to a fixed point: each controller is level-triggered (reads desired and
// observed state, writes only differences), and rounds repeat until one writes nothing.

import type { ApiServer } from '../api/server.js';
import type { PersistedRun, SeededRun } from '../sim/context.js';
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
import { resourceQuotaController } from './resourcequota/index.js';
import { serviceLBController } from './servicelb/index.js';

export type Controller = (api: ApiServer) => void;

/**
 * Fixed order: later controllers see what earlier ones wrote in the same round. The intended order
 * (each controller adds itself at its place):
 *   namespace, deployment, replicaset, replicationcontroller, cronjob, job, daemonset, statefulset,
 *   persistentvolume, scheduler, kubelet, nodelifecycle,
 *   endpoints, endpointslice, servicelb, ingress, resourcequota, gc
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
  resourceQuotaController,
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
  const seen = lastRuns(api, controllers);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    api.sim.resetWakeup();
    const before = api.store.revision();
    for (const c of controllers) {
      const last = seen.get(c);
      if (last && unchanged(api, last)) {
        if (last.wake !== undefined) api.sim.wakeAt(last.wake);
        continue;
      }
      const t = prof ? performance.now() : 0;
      let reads: Map<string, number> | undefined;
      let clock = false;
      const wake = api.sim.collectWakes(() => {
        clock = api.sim.collectClockRead(() => {
          reads = api.store.trackReads ? api.store.trackReads(() => c(api)) : (c(api), undefined);
        });
      });
      if (reads) seen.set(c, { reads, wake, clockAt: clock ? api.now() : undefined });
      if (prof) prof.set(c.name, (prof.get(c.name) ?? 0) + performance.now() - t);
    }
    if (prof) process.stderr.write(`round ${round}: ${api.store.revision() - before} writes\n`);
    if (api.store.revision() === before) {
      if (prof) for (const [k, v] of prof) process.stderr.write(`${k} ${v.toFixed(0)} ms\n`);
      api.sim.lastRuns = persistedRuns(controllers, seen);
      return;
    }
  }
  throw new Error(`controllers did not converge after ${MAX_ROUNDS} rounds`);
}

/**
 * A controller's last run: what it read (with change counts) and the earliest wake-up it asked for.
 * Controllers are functions of what they read and of time (every time-based transition registers a
 * wake-up), so while none of it changed and the wake-up is not due, running it again would write
 * nothing: it is skipped. Kept for the command's session, across reconciles.
 */
interface LastRun {
  reads: Map<string, number>;
  wake: number | undefined;
  /** The time of the run, for a controller that said it reads the clock (SimContext.readsClock). */
  clockAt: number | undefined;
}

function lastRuns(api: ApiServer, controllers: readonly Controller[]): Map<Controller, LastRun> {
  let m = api.sim.memo.get('reconcile') as Map<Controller, LastRun> | undefined;
  if (!m) {
    api.sim.memo.set('reconcile', (m = new Map()));
    const settled = api.sim.settledRuns;
    if (settled) for (const c of controllers) seedRun(m, c, settled[c.name]);
  }
  return m;
}

/**
 * The last run an earlier command recorded, as of the start of this one (the versions the session
 * took when it opened): the cluster was converged then, so the controller would write nothing again
 * until what it read changes or its due time comes. One that reads the clock always runs again.
 */
function seedRun(m: Map<Controller, LastRun>, c: Controller, run: SeededRun | undefined): void {
  if (!run) return;
  m.set(c, { reads: new Map(run.reads), wake: run.wake, clockAt: run.clock ? Number.NaN : undefined });
}

function persistedRuns(controllers: readonly Controller[], seen: Map<Controller, LastRun>): Record<string, PersistedRun> {
  const out: Record<string, PersistedRun> = {};
  for (const c of controllers) {
    const run = seen.get(c);
    if (run) out[c.name] = { reads: [...run.reads.keys()].sort(), wake: run.wake ?? null, clock: run.clockAt !== undefined };
  }
  return out;
}

function unchanged(api: ApiServer, last: LastRun): boolean {
  if (last.wake !== undefined && api.now() >= last.wake) return false;
  if (last.clockAt !== undefined && api.now() !== last.clockAt) return false;
  for (const [key, version] of last.reads) if (api.store.versionOf!(key) !== version) return false;
  return true;
}
