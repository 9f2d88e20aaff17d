// ReplicaSet/ReplicationController status as a pure function of the owner and its pods
// (replica_set_utils.go calculateStatus + updateReplicaSetStatus's observedGeneration).
// JSON shape as the API serializes it: `replicas` always; fullyLabeledReplicas, readyReplicas,
// availableReplicas, observedGeneration and conditions omitted when zero/empty; terminatingReplicas
// (a pointer, ReplicaSets only since the DeploymentReplicaSetTerminatingReplicas gate, on in 1.35+)
// present even when 0.

import { selectorFromValidatedSet } from '../../api/labels.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { availableFromFacts, labelMatcher, podFacts, type PodFacts } from './facts.js';
import { availableAt } from './podutil.js';

export interface StatusInput {
  owner: KObject;
  /** Active pods the owner controls (after adoption/release). */
  active: readonly KObject[];
  /** Terminating pods it controls; undefined when the kind has no terminatingReplicas (RCs). */
  terminating?: readonly KObject[];
  /** The create/delete error of this sync, if any (its message). */
  manageError?: string;
  nowMs: number;
}

type Status = Record<string, unknown>;
type Condition = { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string };

const REPLICA_FAILURE = 'ReplicaFailure';

const setOrOmit = (s: Status, key: string, n: number): void => {
  if (n) s[key] = n;
  else delete s[key];
};

export function calculateStatus(input: StatusInput): Status {
  const { owner, active, terminating, manageError, nowMs } = input;
  return statusFromCounts({ owner, terminating: terminating?.length, manageError, nowMs }, countReplicas(owner, active.map(podFacts), nowMs));
}

/** What status counts of an owner's active pods, and when the next of them becomes available. */
export interface ReplicaCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
  /** See nextAvailabilityCheck. */
  nextAvailable: number | undefined;
}

/** The counts of the active pods (given by their facts): one walk over them. */
export function countReplicas(owner: KObject, active: readonly PodFacts[], nowMs: number): ReplicaCounts {
  const spec = owner['spec'] ?? {};
  const minReady = Number(spec.minReadySeconds ?? 0);
  const fullyLabeled = labelMatcher(selectorFromValidatedSet(spec.template?.metadata?.labels));
  const counts: ReplicaCounts = { replicas: active.length, fullyLabeled: 0, ready: 0, available: 0, nextAvailable: undefined };
  for (const f of active) {
    if (fullyLabeled(f)) counts.fullyLabeled++;
    if (!f.ready) continue;
    counts.ready++;
    const from = availableFromFacts(f, minReady);
    if (availableAt(from, nowMs)) counts.available++;
    else counts.nextAvailable = earlierCheck(counts.nextAvailable, from, nowMs);
  }
  return counts;
}

export interface CountedInput {
  owner: KObject;
  /** How many terminating pods it controls; undefined when the kind has no terminatingReplicas (RCs). */
  terminating?: number;
  manageError?: string;
  nowMs: number;
}

/** calculateStatus from the counts of the active pods. */
export function statusFromCounts(input: CountedInput, counts: ReplicaCounts): Status {
  const { owner, nowMs } = input;
  const spec = owner['spec'] ?? {};
  const status: Status = structuredClone(owner['status'] ?? {});
  let conditions: Condition[] = Array.isArray(status['conditions']) ? (status['conditions'] as Condition[]) : [];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (input.manageError !== undefined && !failure) {
    const diff = counts.replicas - Number(spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions = [
      ...conditions,
      { lastTransitionTime: rfc3339(nowMs), message: input.manageError, reason, status: 'True', type: REPLICA_FAILURE },
    ];
  } else if (input.manageError === undefined && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  if (conditions.length) status['conditions'] = conditions;
  else delete status['conditions'];

  status['replicas'] = counts.replicas;
  setOrOmit(status, 'fullyLabeledReplicas', counts.fullyLabeled);
  setOrOmit(status, 'readyReplicas', counts.ready);
  setOrOmit(status, 'availableReplicas', counts.available);
  if (input.terminating !== undefined) status['terminatingReplicas'] = input.terminating;
  else delete status['terminatingReplicas'];
  setOrOmit(status, 'observedGeneration', Number(owner.metadata.generation ?? 0));
  return status;
}

/** The earliest time (ms, after now) at which a ready pod becomes available: when to look again. */
export function nextAvailabilityCheck(owner: KObject, active: readonly KObject[], nowMs: number): number | undefined {
  const minReady = Number(owner['spec']?.minReadySeconds ?? 0);
  let next: number | undefined;
  for (const pod of active) next = earlierCheck(next, availableFromFacts(podFacts(pod), minReady), nowMs);
  return next;
}

/**
 * `next`, or the time a pod available from `from` (ms) should be looked at again if that is earlier:
 * one ms past the boundary (available once ready for strictly more than minReadySeconds). Pods not
 * ready, never available, or already past it need no look.
 */
function earlierCheck(next: number | undefined, from: number | undefined, nowMs: number): number | undefined {
  if (from === undefined || !Number.isFinite(from) || from < nowMs) return next;
  const at = from + 1;
  return next === undefined || at < next ? at : next;
}
