// cleanupDeployment (sync.go): keep spec.revisionHistoryLimit old ReplicaSets for rollbacks.

import { StatusError } from '../../api/errors.js';
import type { KObject } from '../../api/types.js';
import { byCreation, specReplicas } from './replicasets.js';
import { revisionOf } from './revision.js';
import type { DeploymentSync } from './sync.js';

/**
 * cleanupDeployment: keep revisionHistoryLimit old ReplicaSets, deleting the lowest revisions
 * first, but never one that still has (or is still getting rid of) pods.
 */
export function cleanupDeployment(s: DeploymentSync, oldRSs: KObject[]): void {
  const limit = s.d['spec']?.revisionHistoryLimit;
  if (typeof limit !== 'number' || limit === 2147483647) return;
  const cleanable = oldRSs.map((rs) => s.current(rs)).filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  cleanable.sort(byRevision);
  for (const rs of cleanable.slice(0, diff)) {
    const st = rs['status'] ?? {};
    if ((st.replicas ?? 0) !== 0 || specReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) continue;
    try {
      s.api.delete(s.rsInfo, rs.metadata.namespace, rs.metadata.name!);
    } catch (e) {
      if (!(e instanceof StatusError && e.reason === 'NotFound')) throw e;
    }
    s.rss = s.rss.filter((x) => x.metadata.uid !== rs.metadata.uid);
  }
}

/** ReplicaSetsByRevision: ascending revision; unparseable or equal revisions by creation. */
function byRevision(a: KObject, b: KObject): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}
