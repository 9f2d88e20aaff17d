// One sync of one DaemonSet (syncDaemonSet): claim pods, manage (create on nodes lacking a daemon,
// delete misplaced ones), then — when manage had nothing to do, as upstream waits for its
// expectations — one rolling-update step; finally the recomputed status if it changed.

import { SelectorParseError, type Selector } from '../../api/labels.js';
import { controllerOf, deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { claimPods } from '../replicaset/claim.js';
import { pods } from '../replicaset/kind.js';
import { isPodActive } from '../replicaset/podutil.js';
import { nextAvailabilityCheck } from '../replicaset/status.js';
import { revisionHash } from './hash.js';
import { cleanupHistory, constructHistory, type DaemonSetHistory } from './history.js';
import { DAEMON_SET } from './kind.js';
import { planManage } from './manage.js';
import { podsByNode } from './podorder.js';
import { createDaemonPod, deleteDaemonPod } from './pods.js';
import { planRollingUpdate } from './rolling.js';
import { calculateStatus } from './status.js';

/** At most this many creates and deletes per sync (daemon controller's BurstReplicas). */
const BURST_REPLICAS = 250;

export function syncDaemonSet(api: ApiServer, ds: KObject, nodes: readonly KObject[]): void {
  let selector: Selector;
  try {
    selector = DAEMON_SET.selector(ds);
  } catch (e) {
    if (e instanceof SelectorParseError) return;
    throw e;
  }
  const uid = ds.metadata.uid;
  const candidates = api.list(pods(), ds.metadata.namespace).filter((p) => {
    const ref = controllerOf(p);
    return ref ? ref.uid === uid : isPodActive(p);
  });
  const claim = claimPods(api, DAEMON_SET, ds, selector, candidates);
  if (claim.error !== undefined) return;
  // A DaemonSet being deleted gets no new history (upstream stops before constructHistory).
  const history: DaemonSetHistory = ds.metadata.deletionTimestamp ? { current: ds, old: [], hash: revisionHash(ds) } : constructHistory(api, ds, claim.claimed);
  const hash = history.hash;

  // A DaemonSet being deleted creates and deletes nothing; the garbage collector removes its pods.
  if (!ds.metadata.deletionTimestamp) {
    const all = podsByNode(claim.claimed, true);
    const plan = planManage(ds, nodes, all, hash);
    let acted = syncNodes(api, ds, plan.createOn, plan.deletePods, claim.claimed, hash);
    if (!acted && ds['spec']?.updateStrategy?.type === 'RollingUpdate') {
      const step = planRollingUpdate(ds, nodes, all, hash, api.now());
      acted = syncNodes(api, ds, step.createOn, step.deletePods, claim.claimed, hash);
    }
    if (!acted) cleanupHistory(api, ds, history.old, claim.claimed);
  }

  // Like upstream, status counts the pods seen before this sync's writes; the next pass sees them.
  if (history.collisionCount !== undefined) ds = { ...ds, status: { ...(ds['status'] ?? {}), collisionCount: history.collisionCount } };
  const status = calculateStatus(ds, nodes, podsByNode(claim.claimed, false), hash, api.now());
  if (!deepEqual(status, ds['status'] ?? {})) api.updateStatus(DAEMON_SET.resource(), { ...structuredClone(ds), status });
  const wake = nextAvailabilityCheck(ds, claim.claimed, api.now());
  if (wake !== undefined) api.sim.wakeAt(wake);
}

/**
 * syncNodes: creations first (slow start: batches of 1, 2, 4, … stop at the first failure), then
 * deletions, each capped at BURST_REPLICAS. Returns whether anything was attempted.
 */
function syncNodes(api: ApiServer, ds: KObject, createOn: string[], deletePods: string[], claimed: KObject[], hash: string): boolean {
  const creates = createOn.slice(0, BURST_REPLICAS);
  const deletes = deletePods.slice(0, BURST_REPLICAS);
  let batch = 1;
  for (let i = 0; i < creates.length; ) {
    const chunk = creates.slice(i, i + batch);
    const failed = chunk.map((node) => createDaemonPod(api, ds, node, hash)).some((ok) => !ok);
    if (failed) break;
    i += chunk.length;
    batch *= 2;
  }
  const byName = new Map(claimed.map((p) => [p.metadata.name!, p]));
  for (const name of deletes) {
    const pod = byName.get(name);
    if (pod) deleteDaemonPod(api, ds, pod);
  }
  return creates.length + deletes.length > 0;
}
