// Deployment conditions (deployment_util.go): reasons as upstream spells them and the set/remove
// rules that decide lastUpdateTime and lastTransitionTime. Functions take a status we own.

export const AVAILABLE = 'Available';
export const PROGRESSING = 'Progressing';
export const REPLICA_FAILURE = 'ReplicaFailure';

// Progressing reasons.
export const REPLICA_SET_UPDATED = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE = 'ReplicaSetCreateError';
export const NEW_RS_CREATED = 'NewReplicaSetCreated';
export const FOUND_NEW_RS = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';
export const PAUSED = 'DeploymentPaused';
export const RESUMED = 'DeploymentResumed';
// Available reasons.
export const MIN_AVAILABLE = 'MinimumReplicasAvailable';
export const MIN_UNAVAILABLE = 'MinimumReplicasUnavailable';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

/** apps/v1 DeploymentCondition, fields in their API order. */
export interface DeploymentCondition {
  type: string;
  status: ConditionStatus | string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface StatusWithConditions {
  conditions?: DeploymentCondition[];
}

/** NewDeploymentCondition: both times "now". */
export function newCondition(
  type: string,
  status: ConditionStatus,
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

export function getCondition(status: StatusWithConditions | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing changes when status and reason are the same (even if the message
 * differs); otherwise the condition moves to the end of the list, keeping lastTransitionTime when
 * only the reason changed.
 */
export function setCondition(status: StatusWithConditions, cond: DeploymentCondition): void {
  const cur = getCondition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = { ...cond };
  if (cur && cur.status === cond.status) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: StatusWithConditions, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length > 0) status.conditions = rest;
  else delete status.conditions;
}
