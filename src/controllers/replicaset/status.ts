// ReplicaSet/ReplicationController status as a pure function of the owner and its pods
// (replica_set_utils.go calculateStatus + updateReplicaSetStatus's observedGeneration).
// JSON shape as the API serializes it: `replicas` always; fullyLabeledReplicas, readyReplicas,
// availableReplicas, observedGeneration and conditions omitted when zero/empty; terminatingReplicas
// (a pointer, ReplicaSets only since the DeploymentReplicaSetTerminatingReplicas gate, on in 1.35+)
// present even when 0.

import { selectorFromValidatedSet } from '../../api/labels.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { availableFrom, isPodAvailable, isPodReady } from './podutil.js';

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
  const { owner, active, nowMs } = input;
  const spec = owner['spec'] ?? {};
  const minReady = Number(spec.minReadySeconds ?? 0);
  const templateLabels = selectorFromValidatedSet(spec.template?.metadata?.labels);
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const pod of active) {
    if (templateLabels.matches(pod.metadata.labels ?? {})) fully++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
  }

  const status: Status = structuredClone(owner['status'] ?? {});
  let conditions: Condition[] = Array.isArray(status['conditions']) ? (status['conditions'] as Condition[]) : [];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (input.manageError !== undefined && !failure) {
    const diff = active.length - Number(spec.replicas ?? 1);
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

  status['replicas'] = active.length;
  setOrOmit(status, 'fullyLabeledReplicas', fully);
  setOrOmit(status, 'readyReplicas', ready);
  setOrOmit(status, 'availableReplicas', available);
  if (input.terminating) status['terminatingReplicas'] = input.terminating.length;
  else delete status['terminatingReplicas'];
  setOrOmit(status, 'observedGeneration', Number(owner.metadata.generation ?? 0));
  return status;
}

/** The earliest time (ms, after now) at which a ready pod becomes available: when to look again. */
export function nextAvailabilityCheck(owner: KObject, active: readonly KObject[], nowMs: number): number | undefined {
  const minReady = Number(owner['spec']?.minReadySeconds ?? 0);
  let next: number | undefined;
  for (const pod of active) {
    const from = availableFrom(pod, minReady);
    if (from === undefined || !Number.isFinite(from) || from < nowMs) continue;
    // Available once ready for strictly more than minReadySeconds: one ms past the boundary.
    const at = from + 1;
    if (next === undefined || at < next) next = at;
  }
  return next;
}
