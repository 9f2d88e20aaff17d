// The rollout arithmetic of deployment_util.go: maxSurge/maxUnavailable fenceposts, the new
// ReplicaSet's next size, saturation, and the proportions used when a deployment is resized
// mid-rollout. Pure functions; worked examples next to the subtle parts.

import type { KObject } from '../../api/types.js';
import { bySizeNewer, bySizeOlder, specReplicas } from './replicasets.js';

export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

export type IntOrString = number | string | null | undefined;

/**
 * intstr.GetScaledValueFromIntOrPercent: an int as is; "N%" of `total`, rounded up (surge) or down
 * (unavailable). A string without "%" or a nil value is an error (undefined).
 * E.g. "25%" of 3: surge ceil(0.75) = 1, unavailable floor(0.75) = 0.
 */
export function valueFromIntOrPercent(v: IntOrString, total: number, roundUp: boolean): number | undefined {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v !== 'string' || !v.endsWith('%')) return undefined;
  const digits = v.slice(0, -1);
  if (!/^[+-]?\d+$/.test(digits)) return undefined;
  const scaled = (Number(digits) * total) / 100; // float64 arithmetic, as Go does
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: surge rounds up, unavailable rounds down, a nil value counts as 0; when both
 * come out 0 unavailable becomes 1 (validation forbids both 0, but rounding can produce it).
 *   replicas 3,  25%/25% → surge 1, unavailable 0
 *   replicas 4,  25%/25% → surge 1, unavailable 1
 *   replicas 10, 39%/39% → surge 4, unavailable 3
 *   replicas 0,  0%/0%   → surge 0, unavailable 1
 */
export function resolveFenceposts(
  maxSurge: IntOrString,
  maxUnavailable: IntOrString,
  desired: number,
): { surge: number; unavailable: number } | undefined {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true);
  const unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === undefined || unavailable === undefined) return undefined;
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1 } : { surge, unavailable };
}

export const desiredReplicas = (d: KObject): number => d['spec']?.replicas ?? 1;
export const isRollingUpdate = (d: KObject): boolean => (d['spec']?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
const rollingUpdate = (d: KObject) => d['spec']?.strategy?.rollingUpdate ?? {};

/** MaxSurge: 0 for Recreate (and on the errors validation already rules out). */
export function maxSurge(d: KObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = rollingUpdate(d);
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desiredReplicas(d))?.surge ?? 0;
}

/** MaxUnavailable: 0 for Recreate or 0 replicas; never more than the replicas. */
export function maxUnavailable(d: KObject): number {
  const replicas = desiredReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = rollingUpdate(d);
  const unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)?.unavailable ?? 0;
  return Math.min(unavailable, replicas);
}

/** MinAvailable: replicas - maxUnavailable for RollingUpdate, else 0. */
export function minAvailable(d: KObject): number {
  return isRollingUpdate(d) ? desiredReplicas(d) - maxUnavailable(d) : 0;
}

/**
 * NewRSNewReplicas: the new ReplicaSet may grow until all ReplicaSets together hold replicas +
 * maxSurge, never past the desired count. Recreate: straight to the desired count.
 * E.g. replicas 10, surge 2, old 5, new 0: room 12 - 5 = 7, capped at 10 - 0 → 7.
 */
export function newRSNewReplicas(d: KObject, allRSs: readonly (KObject | undefined)[], newRS: KObject): number {
  const replicas = desiredReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = valueFromIntOrPercent(rollingUpdate(d).maxSurge, replicas, true) ?? 0;
  const current = allRSs.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, replicas - specReplicas(newRS));
}

/** A non-negative int32 annotation value, or undefined (missing, malformed, out of range). */
export function int32Annotation(rs: KObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n <= 2147483647 ? n : undefined;
}

/** IsSaturated: the new RS holds every desired replica, all available, and knows the desired count. */
export function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = int32Annotation(rs, DESIRED_REPLICAS_ANNOTATION);
  const replicas = desiredReplicas(d);
  return (
    desired !== undefined &&
    specReplicas(rs) === replicas &&
    desired === replicas &&
    (rs['status']?.availableReplicas ?? 0) === replicas
  );
}

/** integer.RoundToInt32: half away from zero. */
export function roundToInt32(x: number): number {
  return (x < 0 ? Math.trunc(x - 0.5) : Math.trunc(x + 0.5)) || 0; // no -0
}

/**
 * getReplicaSetFraction: how many replicas this RS gains (or loses) when the deployment's
 * replicas+surge moves from the max-replicas recorded on the RS to the current value.
 * E.g. RS 50 with max-replicas 100, deployment now 120 (surge 0): 50*120/100 = 60 → +10.
 * Scaling to 0 takes the whole RS; without a usable annotation fall back to status.replicas, and
 * with nothing to go on do not scale.
 */
export function replicaSetFraction(rs: KObject, d: KObject): number {
  const replicas = desiredReplicas(d);
  if (replicas === 0) return -specReplicas(rs);
  const deploymentReplicas = replicas + maxSurge(d);
  let annotated = int32Annotation(rs, MAX_REPLICAS_ANNOTATION);
  if (!annotated) annotated = d['status']?.replicas ?? 0;
  if (!annotated) return 0;
  return roundToInt32((specReplicas(rs) * deploymentReplicas) / annotated) - specReplicas(rs);
}

/**
 * GetProportion: the fraction, clamped so the running total never passes what is to be added
 * (scaling up) or removed (scaling down).
 */
export function getProportion(rs: KObject | undefined, d: KObject, toAdd: number, added: number): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * scale()'s RollingUpdate branch: spread a change of replicas+surge over the active ReplicaSets in
 * proportion to their size, larger ones first (newer first when growing, older first when
 * shrinking); rounding leftovers go to the first. Returns the ReplicaSets in that order with sizes.
 * E.g. 5 → 10 replicas (surge 0) with new 2 and old 3, both annotated max-replicas 5: +5 to add;
 * old 3*10/5 = 6 (+3), new 2*10/5 = 4 (+2) → new 4, old 6.
 */
export function proportionalSizes(
  d: KObject,
  active: readonly KObject[],
): { ordered: KObject[]; sizes: number[]; operation: 'up' | 'down' | '' } {
  const replicas = desiredReplicas(d);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - active.reduce((s, rs) => s + specReplicas(rs), 0);
  const ordered = [...active];
  if (toAdd > 0) ordered.sort(bySizeNewer);
  if (toAdd < 0) ordered.sort(bySizeOlder);
  let added = 0;
  const sizes = ordered.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const p = getProportion(rs, d, toAdd, added);
    added += p;
    return specReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return { ordered, sizes, operation: toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '' };
}
