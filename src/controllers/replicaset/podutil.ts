// Pod predicates the ReplicaSet controller reads (k8s pkg/api/v1/pod and controller_utils):
// active, terminating, ready, available. Pure functions over unstructured pods.

import type { KObject } from '../../api/types.js';

/** An RFC 3339 timestamp in ms; undefined for a missing (Go zero) time. */
export function timeMs(t: unknown): number | undefined {
  if (typeof t !== 'string' || t === '') return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

const phase = (pod: KObject): string => pod['status']?.phase ?? '';
const isTerminal = (pod: KObject): boolean => phase(pod) === 'Succeeded' || phase(pod) === 'Failed';

/** controller.IsPodActive: not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: KObject): boolean {
  return !isTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** controller.IsPodTerminating: being deleted but not yet terminal. */
export function isPodTerminating(pod: KObject): boolean {
  return !isTerminal(pod) && !!pod.metadata.deletionTimestamp;
}

export function podReadyCondition(pod: KObject): Record<string, unknown> | undefined {
  const conds: unknown = pod['status']?.conditions;
  if (!Array.isArray(conds)) return undefined;
  return conds.find((c) => c?.type === 'Ready');
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KObject): boolean {
  return podReadyCondition(pod)?.['status'] === 'True';
}

/** When a ready pod counts as available (ms), undefined when it is not ready. */
export function availableFrom(pod: KObject, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return availableAfterReady(minReadySeconds > 0 ? timeMs(podReadyCondition(pod)?.['lastTransitionTime']) : undefined, minReadySeconds);
}

/** When a pod ready since `since` (ms; undefined: not known) counts as available. */
export function availableAfterReady(since: number | undefined, minReadySeconds: number): number {
  if (minReadySeconds <= 0) return -Infinity;
  // A ready pod without a transition time never becomes available while minReadySeconds > 0.
  return since === undefined ? Infinity : since + minReadySeconds * 1000;
}

/** Available at `nowMs` given when it becomes so (availableFrom): strictly after the boundary. */
export function availableAt(from: number | undefined, nowMs: number): boolean {
  return from !== undefined && (from === -Infinity || from < nowMs);
}

/** podutil.IsPodAvailable: ready, and ready for longer than minReadySeconds (strictly). */
export function isPodAvailable(pod: KObject, minReadySeconds: number, nowMs: number): boolean {
  return availableAt(availableFrom(pod, minReadySeconds), nowMs);
}
