// Which pods a ReplicaSet deletes first when it has too many (controller_utils ActivePodsWithRanks,
// replica_set.go getPodsToDelete). Pure: pods, ranks and "now" in, an order out.
//
// Earlier in the order = deleted first:
//   1. unassigned < assigned                 5. higher rank (more related pods on its node) first
//   2. Pending < Unknown < Running           6. ready for less time (log scale) < longer
//   3. not ready < ready                     7. more container restarts (then sidecar restarts) first
//   4. lower pod-deletion-cost first         8. newer creation (log scale) < older
// Times in 6 and 8 compare by floor(log2(age in ns)) (LogarithmicScaleDown, GA); pods in the same
// bucket are ordered by UID, which makes the choice among near-equal pods pseudo-random.

import type { KObject } from '../../api/types.js';
import { isPodActive, isPodReady, podReadyCondition, timeMs } from './podutil.js';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
// Go map lookup of a missing phase ("", Succeeded, Failed) yields 0, like Pending.
const phaseOrdinal = (pod: KObject): number => PHASE_ORDINAL[pod['status']?.phase ?? ''] ?? 0;

const nodeName = (pod: KObject): string => pod['spec']?.nodeName ?? '';

/**
 * GetDeletionCostFromPodAnnotations: an int32; 0 when absent or invalid. The first character must be
 * "-", "1"-"9", or the whole value "0" (so "+1" and "007" are invalid, "-007" is -7).
 */
export function deletionCost(pod: KObject): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^(-[0-9]+|0|[1-9][0-9]*)$/.test(v)) return 0;
  const n = Number(v);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : 0;
}

function readyTime(pod: KObject): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return timeMs(podReadyCondition(pod)?.['lastTransitionTime']);
}

/** Highest restart count among regular containers, then among sidecars (restartPolicy Always init containers). */
function maxRestarts(pod: KObject): [number, number] {
  const max = (list: unknown): number =>
    Array.isArray(list) ? list.reduce((m: number, c) => Math.max(m, Number(c?.restartCount ?? 0)), 0) : 0;
  const sidecars = new Set<string>(
    ((pod['spec']?.initContainers ?? []) as { name: string; restartPolicy?: string }[])
      .filter((c) => c.restartPolicy === 'Always')
      .map((c) => c.name),
  );
  const initStatuses = ((pod['status']?.initContainerStatuses ?? []) as { name: string }[]).filter((c) => sidecars.has(c.name));
  return [max(pod['status']?.containerStatuses), max(initStatuses)];
}

/** afterOrZero: t1 after t2, where a zero (missing) time counts as after any other. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

function logRank(t: number, nowMs: number): number {
  const dNs = (nowMs - t) * 1e6;
  return dNs > 0 ? Math.trunc(Math.log2(dNs)) : -1;
}

export interface RankedPod {
  pod: KObject;
  rank: number;
}

/** Shared tail of rules 6 and 8: times differ → newer first, on a log scale with a UID tie-break. */
function newerFirst(a: KObject, ta: number | undefined, b: KObject, tb: number | undefined, nowMs: number | undefined): boolean {
  if (nowMs === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logRank(ta, nowMs) - logRank(tb, nowMs);
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
  return diff < 0;
}

/** ActivePodsWithRanks.Less: true when `a` should be deleted before `b`. */
export function deleteBefore(a: RankedPod, b: RankedPod, nowMs?: number): boolean {
  const [pa, pb] = [a.pod, b.pod];
  const [na, nb] = [nodeName(pa), nodeName(pb)];
  if (na !== nb && (na === '' || nb === '')) return na === '';
  if (phaseOrdinal(pa) !== phaseOrdinal(pb)) return phaseOrdinal(pa) < phaseOrdinal(pb);
  const [ra, rb] = [isPodReady(pa), isPodReady(pb)];
  if (ra !== rb) return !ra;
  const [ca, cb] = [deletionCost(pa), deletionCost(pb)];
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const [ta, tb] = [readyTime(pa), readyTime(pb)];
    if (ta !== tb) return newerFirst(pa, ta, pb, tb, nowMs);
  }
  const [[ga, sa], [gb, sb]] = [maxRestarts(pa), maxRestarts(pb)];
  if (ga !== gb) return ga > gb;
  if (sa !== sb) return sa > sb;
  const [ka, kb] = [timeMs(pa.metadata.creationTimestamp), timeMs(pb.metadata.creationTimestamp)];
  if (ka !== kb) return newerFirst(pa, ka, pb, kb, nowMs);
  return false;
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods (pods of
 * every ReplicaSet sharing this one's controller) on the same node.
 */
export function rankByRelatedPodsOnSameNode(pods: readonly KObject[], related: readonly KObject[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(nodeName(p), (onNode.get(nodeName(p)) ?? 0) + 1);
  return pods.map((pod) => ({ pod, rank: onNode.get(nodeName(pod)) ?? 0 }));
}

/**
 * getPodsToDelete: the first `diff` pods in deletion order. Upstream sorts with an unstable sort over
 * informer order; we sort stably over the given order (the store's, by name), so ties are reproducible.
 */
export function getPodsToDelete(pods: readonly KObject[], related: readonly KObject[], diff: number, nowMs: number): KObject[] {
  if (diff >= pods.length) return [...pods];
  const ranked = rankByRelatedPodsOnSameNode(pods, related);
  ranked.sort((x, y) => (deleteBefore(x, y, nowMs) ? -1 : deleteBefore(y, x, nowMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
