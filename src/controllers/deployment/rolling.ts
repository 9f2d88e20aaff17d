// RollingUpdate (rolling.go): each sync takes one step: grow the new ReplicaSet within maxSurge,
// else shrink old ones within maxUnavailable, else (rollout complete) clean up history; then status.
// The controller loop repeats the sync round after round, so a rollout walks up and down:
// replicas 3, 25%/25% (surge 1, unavailable 0): new 0→1, old 3→2, new 1→2, old 2→1, new 2→3, old 1→0,
// each scale-down waiting until the new pods are available.

import type { KObject } from '../../api/types.js';
import { cleanupDeployment } from './cleanup.js';
import { desiredReplicas, maxUnavailable, newRSNewReplicas } from './arithmetic.js';
import { activeOnly, availableCount, availableOf, byCreation, specCount, specReplicas } from './replicasets.js';
import { deploymentComplete } from './status.js';
import type { DeploymentSync } from './sync.js';

export function rolloutRolling(s: DeploymentSync): void {
  const rs = s.allReplicaSets(true);
  const newRS = rs.newRS!;
  if (reconcileNewReplicaSet(s, [...rs.oldRSs, newRS], newRS)) return s.syncRolloutStatus(rs);
  const allRSs = [...rs.oldRSs, newRS].map((x) => s.current(x));
  if (reconcileOldReplicaSets(s, allRSs, activeOnly(rs.oldRSs.map((x) => s.current(x))), s.current(newRS))) {
    return s.syncRolloutStatus(rs);
  }
  if (deploymentComplete(s.d, s.d['status'] ?? {})) cleanupDeployment(s, rs.oldRSs);
  s.syncRolloutStatus(rs);
}

/** reconcileNewReplicaSet: shrink an oversized new RS to the desired count, else grow it by NewRSNewReplicas. */
function reconcileNewReplicaSet(s: DeploymentSync, allRSs: KObject[], newRS: KObject): boolean {
  const replicas = desiredReplicas(s.d);
  if (specReplicas(newRS) === replicas) return false;
  if (specReplicas(newRS) > replicas) return s.scaleAndRecord(newRS, replicas).scaled;
  return s.scaleAndRecord(newRS, newRSNewReplicas(s.d, allRSs, newRS)).scaled;
}

/** A planned change of one ReplicaSet's size. */
export interface ScaleStep {
  rs: KObject;
  to: number;
}

/**
 * How far old ReplicaSets may shrink in total:
 *   maxScaledDown = Σ spec.replicas - minAvailable - (new RS's replicas not yet available)
 * Counting the new RS's unavailable pods keeps a broken new template from draining the old pods.
 * E.g. 10 replicas, maxUnavailable 2, surge 3, new RS 5 with nothing available, old 8: 13 - 8 - 5 = 0.
 */
export function maxScaledDown(d: KObject, allRSs: readonly KObject[], newRS: KObject): number {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  return specCount(allRSs) - minAvailable - (specReplicas(newRS) - availableOf(newRS));
}

/**
 * cleanupUnhealthyReplicas: oldest first, drop each old RS's unavailable replicas (they cost no
 * availability), at most maxCleanup in total.
 * E.g. old RS 10 with 8 available, maxCleanup 3 → 10→8 (2 cleaned).
 */
export function planUnhealthyCleanup(oldRSs: readonly KObject[], maxCleanup: number): ScaleStep[] {
  const steps: ScaleStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= maxCleanup) break;
    const replicas = specReplicas(rs);
    if (replicas === 0 || replicas === availableOf(rs)) continue;
    const down = Math.min(maxCleanup - total, replicas - availableOf(rs));
    steps.push({ rs, to: replicas - down });
    total += down;
  }
  return steps;
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: while more pods are available than minAvailable, shrink
 * old ReplicaSets (oldest first) by the surplus.
 * E.g. 10 replicas, maxUnavailable 2, old RS 10 all available: 10 - 8 = 2 → old 10→8.
 */
export function planOldScaleDown(d: KObject, allRSs: readonly KObject[], oldRSs: readonly KObject[]): ScaleStep[] {
  const minAvailable = desiredReplicas(d) - maxUnavailable(d);
  const available = availableCount(allRSs);
  if (available <= minAvailable) return [];
  const steps: ScaleStep[] = [];
  const wanted = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= wanted) break;
    const replicas = specReplicas(rs);
    if (replicas === 0) continue;
    const down = Math.min(replicas, wanted - total);
    steps.push({ rs, to: replicas - down });
    total += down;
  }
  return steps;
}

/** reconcileOldReplicaSets: first the unhealthy old replicas, then available ones within maxUnavailable. */
function reconcileOldReplicaSets(s: DeploymentSync, allRSs: KObject[], oldRSs: KObject[], newRS: KObject): boolean {
  if (specCount(oldRSs) === 0) return false;
  const max = maxScaledDown(s.d, allRSs, newRS);
  if (max <= 0) return false;
  let cleaned = 0;
  for (const step of planUnhealthyCleanup(oldRSs, max)) {
    s.scaleAndRecord(step.rs, step.to);
    cleaned += specReplicas(step.rs) - step.to;
  }
  // The scale-down pass sees the sizes the clean-up left (availability is unchanged).
  const olds = oldRSs.map((rs) => s.current(rs));
  const steps = planOldScaleDown(s.d, [...olds, newRS], olds);
  for (const step of steps) s.scaleAndRecord(step.rs, step.to);
  const scaledDown = steps.reduce((n, st) => n + specReplicas(st.rs) - st.to, 0);
  return cleaned + scaledDown > 0;
}
