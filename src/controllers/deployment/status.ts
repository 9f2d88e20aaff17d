// Deployment status as pure functions of the deployment and its ReplicaSets (sync.go
// calculateStatus, progress.go syncRolloutStatus, deployment_util.go DeploymentComplete /
// DeploymentProgressing / DeploymentTimedOut).

import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { desiredReplicas, maxUnavailable } from './arithmetic.js';
import {
  AVAILABLE,
  getCondition,
  MIN_AVAILABLE,
  MIN_UNAVAILABLE,
  NEW_RS_AVAILABLE,
  newCondition,
  PROGRESSING,
  removeCondition,
  REPLICA_FAILURE,
  REPLICA_SET_UPDATED,
  setCondition,
  TIMED_OUT,
  type DeploymentCondition,
} from './conditions.js';
import { actualCount, availableCount, readyCount, specCount, terminatingCount } from './replicasets.js';

/** apps/v1 DeploymentStatus; zero values are omitted as Go's omitempty does. */
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  terminatingReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

const n = (v: number | undefined): number => v ?? 0;
const MAX_INT32 = 2147483647;

/** HasProgressDeadline: set and not "infinite" (MaxInt32). */
export function hasProgressDeadline(d: KObject): boolean {
  const p = d['spec']?.progressDeadlineSeconds;
  return typeof p === 'number' && p !== MAX_INT32;
}

/** calculateStatus: counts from the ReplicaSets, the Available condition from maxUnavailable. */
export function calculateStatus(
  allRSs: readonly (KObject | undefined)[],
  newRS: KObject | undefined,
  d: KObject,
  now: number,
): DeploymentStatus {
  const available = availableCount(allRSs);
  // More available than desired happens while scaling down: never report a negative number.
  const unavailable = Math.max(0, specCount(allRSs) - available);
  const old: DeploymentStatus = d['status'] ?? {};
  const raw: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualCount(allRSs),
    updatedReplicas: actualCount([newRS]),
    readyReplicas: readyCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  const status: DeploymentStatus = {};
  for (const [k, v] of Object.entries(raw) as [keyof DeploymentStatus, number][]) if (v) (status[k] as number) = v;
  const terminating = terminatingCount(allRSs);
  if (terminating !== undefined) status.terminatingReplicas = terminating;
  if (old.conditions?.length) status.conditions = old.conditions.map((c) => ({ ...c }));
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;

  const t = rfc3339(now);
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(AVAILABLE, 'True', MIN_AVAILABLE, 'Deployment has minimum availability.', t));
  } else {
    setCondition(status, newCondition(AVAILABLE, 'False', MIN_UNAVAILABLE, 'Deployment does not have minimum availability.', t));
  }
  return status;
}

/** DeploymentComplete: every desired replica updated and available, no old pods, generation observed. */
export function deploymentComplete(d: KObject, s: DeploymentStatus): boolean {
  const replicas = desiredReplicas(d);
  return (
    n(s.updatedReplicas) === replicas &&
    n(s.replicas) === replicas &&
    n(s.availableReplicas) === replicas &&
    n(s.observedGeneration) >= n(d.metadata.generation)
  );
}

/**
 * DeploymentProgressing: more updated pods, fewer old pods, or more ready/available pods than the
 * status last written.
 */
export function deploymentProgressing(d: KObject, s: DeploymentStatus): boolean {
  const old: DeploymentStatus = d['status'] ?? {};
  const oldOld = n(old.replicas) - n(old.updatedReplicas);
  const newOld = n(s.replicas) - n(s.updatedReplicas);
  return (
    n(s.updatedReplicas) > n(old.updatedReplicas) ||
    newOld < oldOld ||
    n(s.readyReplicas) > n(old.readyReplicas) ||
    n(s.availableReplicas) > n(old.availableReplicas)
  );
}

/**
 * DeploymentTimedOut: the Progressing condition's lastUpdateTime is more than
 * progressDeadlineSeconds ago (strictly), or it already says ProgressDeadlineExceeded.
 * E.g. deadline 10s, last progress 00:01:09, now 00:01:20 → 11s → timed out; at 00:01:19 not yet.
 */
export function deploymentTimedOut(d: KObject, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(s, PROGRESSING);
  if (!cond) return false;
  if (cond.reason === NEW_RS_AVAILABLE) return false;
  if (cond.reason === TIMED_OUT) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  if (Number.isNaN(from)) return false;
  return from + d['spec'].progressDeadlineSeconds * 1000 < now;
}

/** getReplicaFailures: the new RS's ReplicaFailure condition, else any old RS's. */
function replicaFailure(allRSs: readonly (KObject | undefined)[], newRS: KObject | undefined): DeploymentCondition | undefined {
  const failureOf = (rs: KObject | undefined) =>
    (rs?.['status']?.conditions ?? []).find((c: DeploymentCondition) => c.type === REPLICA_FAILURE);
  const c = failureOf(newRS) ?? allRSs.map(failureOf).find((x) => x);
  if (!c) return undefined;
  return {
    type: c.type,
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  };
}

/** syncRolloutStatus's computation: calculateStatus plus the Progressing and ReplicaFailure conditions. */
export function rolloutStatus(
  allRSs: readonly (KObject | undefined)[],
  newRS: KObject | undefined,
  d: KObject,
  now: number,
): DeploymentStatus {
  const status = calculateStatus(allRSs, newRS, d, now);
  const withDeadline = hasProgressDeadline(d);
  if (!withDeadline) removeCondition(status, PROGRESSING);

  const t = rfc3339(now);
  const current = getCondition(d['status'], PROGRESSING);
  const name = d.metadata.name;
  // A resync of a finished rollout (nothing old left) estimates no progress.
  const alreadyComplete = n(status.replicas) === n(status.updatedReplicas) && current?.reason === NEW_RS_AVAILABLE;
  if (withDeadline && !alreadyComplete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${name}"`;
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition(PROGRESSING, 'True', NEW_RS_AVAILABLE, `${subject} has successfully progressed.`, t));
    } else if (deploymentProgressing(d, status)) {
      // Unlike setCondition, progress refreshes lastUpdateTime even with the same reason; the
      // transition time stays while the condition stays True.
      const cond = newCondition(PROGRESSING, 'True', REPLICA_SET_UPDATED, `${subject} is progressing.`, t);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, PROGRESSING);
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, now)) {
      setCondition(status, newCondition(PROGRESSING, 'False', TIMED_OUT, `${subject} has timed out progressing.`, t));
    }
  }

  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, REPLICA_FAILURE);
  return status;
}

/**
 * requeueStuckDeployment: when a rollout is under way without progress, the time at which to look
 * again for ProgressDeadlineExceeded (lastUpdateTime + deadline, plus the second upstream adds),
 * or undefined when there is nothing to wait for.
 * E.g. last progress 00:00:00, deadline 600s → check at 00:10:01.
 */
export function progressCheckAt(d: KObject, s: DeploymentStatus): number | undefined {
  const cond = getCondition(d['status'], PROGRESSING);
  if (!hasProgressDeadline(d) || !cond) return undefined;
  if (deploymentComplete(d, s) || cond.reason === TIMED_OUT) return undefined;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  if (Number.isNaN(from)) return undefined;
  return from + d['spec'].progressDeadlineSeconds * 1000 + 1000;
}
