// The ordering rules of one StatefulSet sync (stateful_set_control.go updateStatefulSet), as a pure
// plan over the pods seen: which ordinals to create and which pods to delete this pass.
//
// OrderedReady (monotonic), replicas 3, nothing yet: create web-0 and stop; once web-0 is Running
// and Ready (and available for minReadySeconds) create web-1; then web-2. Scale 3 → 1: delete web-2,
// wait until it is gone, then web-1. Parallel: every missing ordinal at once, every condemned pod at once.
// RollingUpdate: the highest ordinal >= partition whose revision is not the update revision is
// deleted (maxUnavailable at a time, counting unhealthy pods); it is recreated from the new revision.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { valueFromIntOrPercent } from '../deployment/arithmetic.js';
import { isPodAvailable, isPodReady } from '../replicaset/podutil.js';
import { REVISION_LABEL, ordinalInRange, parentAndOrdinal, replicaCount, startOrdinal } from './kind.js';

export type Step = { type: 'create'; ordinal: number; revision: 'current' | 'update' } | { type: 'delete'; pod: KObject };

const phase = (p: KObject): string => p['status']?.phase ?? '';
export const isTerminating = (p: KObject): boolean => !!p.metadata.deletionTimestamp;
export const isRunningAndReady = (p: KObject): boolean => phase(p) === 'Running' && isPodReady(p);
export const podRevision = (p: KObject): string => p.metadata.labels?.[REVISION_LABEL] ?? '';

export function ordinalOf(p: KObject): number {
  return parentAndOrdinal(p.metadata.name ?? '')?.[1] ?? -1;
}

/** isHealthy: running, ready, available for minReadySeconds and not being deleted. */
export function isHealthy(p: KObject, minReady: number, nowMs: number): boolean {
  return isRunningAndReady(p) && isPodAvailable(p, minReady, nowMs) && !isTerminating(p);
}

/** Pods by wanted ordinal, and the condemned ones (out of range), highest ordinal first. */
export function partitionPods(sts: KObject, pods: readonly KObject[]): { replicas: Map<number, KObject>; condemned: KObject[] } {
  const replicas = new Map<number, KObject>();
  const condemned: KObject[] = [];
  for (const p of pods) {
    const ord = ordinalOf(p);
    if (ord < 0) continue;
    if (ordinalInRange(sts, ord)) replicas.set(ord, p);
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  return { replicas, condemned };
}

/** newVersionedStatefulSetPod: ordinals below the partition keep the current revision. */
export function revisionForNewPod(sts: KObject, ordinal: number): 'current' | 'update' {
  const strategy = sts['spec']?.updateStrategy ?? {};
  if (strategy.type !== 'RollingUpdate') return 'update';
  if (!strategy.rollingUpdate) return ordinal < Number(sts['status']?.currentReplicas ?? 0) ? 'current' : 'update';
  return ordinal < Number(strategy.rollingUpdate.partition ?? 0) ? 'current' : 'update';
}

/** The resolved maxUnavailable (rounded up, at least 1). */
export function maxUnavailable(sts: KObject): number {
  const v = sts['spec']?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1;
  return Math.max(1, valueFromIntOrPercent(v, replicaCount(sts), true) ?? 1);
}

export function planSync(sts: KObject, pods: readonly KObject[], updateRevision: string, nowMs: number): Step[] {
  const monotonic = sts['spec']?.podManagementPolicy !== 'Parallel';
  const minReady = Number(sts['spec']?.minReadySeconds ?? 0);
  const healthy = (p: KObject) => isHealthy(p, minReady, nowMs);
  const { replicas, condemned } = partitionPods(sts, pods);
  const start = startOrdinal(sts);
  const end = start + replicaCount(sts);
  const steps: Step[] = [];

  const ordered = [...replicas.keys()].sort((a, b) => a - b).map((o) => replicas.get(o)!);
  const firstUnhealthy = [...ordered, ...condemned].find((p) => !healthy(p));

  for (let ord = start; ord < end; ord++) {
    const pod = replicas.get(ord);
    if (pod && !isTerminating(pod) && (phase(pod) === 'Failed' || phase(pod) === 'Succeeded')) {
      // A finished pod is replaced under the same name.
      steps.push({ type: 'delete', pod });
      if (monotonic) return steps;
      continue;
    }
    if (!pod) {
      steps.push({ type: 'create', ordinal: ord, revision: revisionForNewPod(sts, ord) });
      if (monotonic) return steps;
      continue;
    }
    if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod) || !isPodAvailable(pod, minReady, nowMs))) return steps;
  }

  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return steps;
      continue;
    }
    // Wait for the unhealthy ones first, except the very first unhealthy pod itself.
    if (monotonic && !healthy(pod) && pod !== firstUnhealthy) return steps;
    steps.push({ type: 'delete', pod });
    if (monotonic) return steps;
  }

  const strategy = sts['spec']?.updateStrategy ?? {};
  if (strategy.type !== 'RollingUpdate') return steps;
  const partition = Number(strategy.rollingUpdate?.partition ?? 0);
  const budget = maxUnavailable(sts);
  let unavailable = 0;
  for (let ord = start; ord < end; ord++) {
    const pod = replicas.get(ord);
    if (!pod || !healthy(pod) || steps.some((s) => s.type === 'delete' && s.pod === pod)) unavailable++;
  }
  if (unavailable >= budget) return steps;
  let allowed = budget - unavailable;
  for (let ord = end - 1; ord >= Math.max(start, partition) && allowed > 0; ord--) {
    const pod = replicas.get(ord);
    if (!pod || isTerminating(pod) || podRevision(pod) === updateRevision) continue;
    steps.push({ type: 'delete', pod });
    allowed--;
  }
  return steps;
}

export interface StatefulSetCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** The counters of status over the pods seen (every pod counts toward replicas, even terminating). */
export function countPods(pods: readonly KObject[], minReady: number, nowMs: number, currentRevision: string, updateRevision: string): StatefulSetCounts {
  const c: StatefulSetCounts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const p of pods) {
    c.replicas++;
    if (isRunningAndReady(p)) {
      c.readyReplicas++;
      if (isPodAvailable(p, minReady, nowMs)) c.availableReplicas++;
    }
    if (!isTerminating(p)) {
      if (podRevision(p) === currentRevision) c.currentReplicas++;
      if (podRevision(p) === updateRevision) c.updatedReplicas++;
    }
  }
  return c;
}
