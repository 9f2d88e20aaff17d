// Recreate (recreate.go): scale every old ReplicaSet to 0, wait until none of their pods is left
// (terminating ones included), then create or grow the new ReplicaSet to the desired count.

import { controllerOf } from '../../api/object.js';
import { labelSelectorAsSelector } from '../../api/labels.js';
import type { KObject } from '../../api/types.js';
import { cleanupDeployment } from './cleanup.js';
import { desiredReplicas } from './arithmetic.js';
import { activeOnly, actualCount } from './replicasets.js';
import { deploymentComplete } from './status.js';
import type { DeploymentSync } from './sync.js';

export function rolloutRecreate(s: DeploymentSync): void {
  // The new RS is not created yet, so that nothing scales up before the old pods are gone.
  let rs = s.allReplicaSets(false);
  let scaledDown = false;
  for (const old of activeOnly(rs.oldRSs)) if (s.scaleAndRecord(old, 0).scaled) scaledDown = true;
  if (scaledDown || oldPodsRunning(s, rs.newRS, rs.oldRSs)) return s.syncRolloutStatus(rs);
  if (!rs.newRS) rs = s.allReplicaSets(true);
  s.scaleAndRecord(s.current(rs.newRS!), desiredReplicas(s.d));
  if (deploymentComplete(s.d, s.d['status'] ?? {})) cleanupDeployment(s, rs.oldRSs);
  s.syncRolloutStatus(rs);
}

/**
 * oldPodsRunning: an old RS still reports pods, or a pod of the deployment's selector controlled by
 * one of its ReplicaSets other than the new one is not Succeeded/Failed.
 */
function oldPodsRunning(s: DeploymentSync, newRS: KObject | undefined, oldRSs: KObject[]): boolean {
  if (actualCount(oldRSs.map((rs) => s.current(rs))) > 0) return true;
  const owned = new Set(s.rss.map((rs) => rs.metadata.uid));
  let selector;
  try {
    selector = labelSelectorAsSelector(s.d['spec']?.selector);
  } catch {
    return false;
  }
  return s.api.list(s.api.resource('pods'), s.d.metadata.namespace).some((pod) => {
    const ref = controllerOf(pod);
    if (!ref || !owned.has(ref.uid) || (newRS && ref.uid === newRS.metadata.uid)) return false;
    if (!selector.matches(pod.metadata.labels)) return false;
    const phase = pod['status']?.phase;
    return phase !== 'Succeeded' && phase !== 'Failed';
  });
}
