// Scoring the feasible nodes with kube-scheduler's default score plugins and weights:
//
//   TaintToleration ×3   fewer untolerated PreferNoSchedule taints
//   NodeAffinity ×2      sum of matching preferred terms' weights
//   PodTopologySpread ×2 fewer pods of the same workload on the node (system default constraint
//                        kubernetes.io/hostname maxSkew 3, selector from the pod's Services and its
//                        ReplicaSet/ReplicationController/StatefulSet; podtopologyspread.ts)
//   NodeResourcesFit ×1  LeastAllocated over cpu and memory (unset requests count 100m / 200Mi)
//   BalancedAllocation ×1 cpu and memory fractions close to each other (skipped for best-effort pods)
//
// The highest total wins. Where upstream picks randomly among equal totals, kube-lite takes the first
// node by name, so three replicas on two empty workers land on worker, worker2, worker.
// (InterPodAffinity and ImageLocality are not simulated.)
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { NodeInfo } from './framework.js';
import { preferredAffinityScore } from './nodeaffinity.js';
import { spreadScores, type SpreadCache } from './podtopologyspread.js';
import { podRequests, type Resources } from './resources.js';
import { tolerationsTolerateTaint, type Taint } from './tolerations.js';

const MAX_NODE_SCORE = 100;

/** helper.DefaultNormalizeScore. */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

/** Undefined when no node has a taint: every node scores MAX_NODE_SCORE (nothing to count per pod). */
function taintTolerationScores(pod: KObject, nodes: NodeInfo[]): number[] | undefined {
  if (!nodes.some((ni) => ni.node['spec']?.taints?.length)) return undefined;
  const tols = (pod['spec']?.tolerations ?? []).filter((t: any) => !t?.effect || t.effect === 'PreferNoSchedule');
  const raw = nodes.map((ni) => {
    const taints: Taint[] | undefined = ni.node['spec']?.taints;
    let n = 0;
    if (taints) for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)) n++;
    return n;
  });
  return defaultNormalize(raw, true);
}

/** Undefined when the pod prefers nothing (all scores 0). */
function nodeAffinityScores(pod: KObject, nodes: NodeInfo[]): number[] | undefined {
  if (!pod['spec']?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution) return undefined;
  return defaultNormalize(nodes.map((ni) => preferredAffinityScore(pod, ni.node)), false);
}

/** LeastAllocated: ((allocatable - requested) * 100) / allocatable per resource, averaged. */
export function leastAllocatedScore(pod: KObject, ni: NodeInfo): number {
  return leastAllocated(podRequests(pod, { nonZero: true }), ni);
}

const leastRequested = (requested: number, capacity: number) =>
  capacity === 0 || requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);

/** `nonZero`: the pod's requests with 100m/200Mi for unset ones. */
function leastAllocated(nonZero: Resources, ni: NodeInfo): number {
  const cpu = leastRequested(ni.nonZeroRequested.milliCPU + nonZero.milliCPU, ni.allocatable.milliCPU);
  const mem = leastRequested(ni.nonZeroRequested.memory + nonZero.memory, ni.allocatable.memory);
  return Math.trunc((cpu + mem) / 2);
}

/** (1 - std of the cpu and memory fractions) * 100: 100 balanced, 50 entirely lopsided. */
function balance(cpu: number, memory: number, ni: NodeInfo): number {
  const { milliCPU, memory: mem } = ni.allocatable;
  // A resource the node has none of is left out; with fewer than two fractions the std is 0.
  const std = milliCPU !== 0 && mem !== 0 ? Math.abs((Math.min(1, cpu / milliCPU) - Math.min(1, memory / mem)) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * BalancedAllocation since 1.36 (kubernetes#135573) scores the change in balance: 75 when the pod
 * leaves it as it was, towards 100 when it improves it, towards 50 when it worsens it.
 */
export function balancedAllocationScore(pod: KObject, ni: NodeInfo): number {
  return balancedAllocation(podRequests(pod), ni);
}

function balancedAllocation(req: Resources, ni: NodeInfo): number {
  const before = balance(ni.requested.milliCPU, ni.requested.memory, ni);
  const after = balance(ni.requested.milliCPU + req.milliCPU, ni.requested.memory + req.memory, ni);
  return MAX_NODE_SCORE / 2 + Math.trunc((MAX_NODE_SCORE / 2 + after - before) / 2);
}

/** Weighted totals per feasible node (same order). `spread`: the pass's SpreadCache. */
export function scoreNodes(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[], spread?: SpreadCache): number[] {
  const taint = taintTolerationScores(pod, feasible);
  const affinity = nodeAffinityScores(pod, feasible);
  const spreading = spreadScores(api, pod, feasible, all, spread);
  const req = podRequests(pod);
  const nonZero = podRequests(pod, { nonZero: true });
  const bestEffort = req.milliCPU === 0 && req.memory === 0;
  const totals = new Array<number>(feasible.length);
  for (let i = 0; i < feasible.length; i++) {
    const ni = feasible[i]!;
    totals[i] = 3 * (taint?.[i] ?? MAX_NODE_SCORE) + 2 * (affinity?.[i] ?? 0) + 2 * spreading[i]! + leastAllocated(nonZero, ni) + (bestEffort ? 0 : balancedAllocation(req, ni));
  }
  return totals;
}

/** The best node; among equal totals the first by name (upstream: a random one). */
export function selectHost(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[], spread?: SpreadCache): NodeInfo {
  if (feasible.length === 1) return feasible[0]!;
  const totals = scoreNodes(api, pod, feasible, all, spread);
  let best = 0;
  for (let i = 1; i < feasible.length; i++) if (totals[i]! > totals[best]!) best = i;
  return feasible[best]!;
}
