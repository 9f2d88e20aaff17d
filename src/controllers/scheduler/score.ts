// Scoring the feasible nodes with kube-scheduler's default score plugins and weights:
//
//   TaintToleration ×3   fewer untolerated PreferNoSchedule taints
//   NodeAffinity ×2      sum of matching preferred terms' weights
//   PodTopologySpread ×2 fewer pods of the same workload on the node (system default constraint
//                        kubernetes.io/hostname maxSkew 3, selector from the pod's Services and its
//                        ReplicaSet/ReplicationController/StatefulSet)
//   NodeResourcesFit ×1  LeastAllocated over cpu and memory (unset requests count 100m / 200Mi)
//   BalancedAllocation ×1 cpu and memory fractions close to each other (skipped for best-effort pods)
//
// The highest total wins. Where upstream picks randomly among equal totals, kube-lite takes the first
// node by name, so three replicas on two empty workers land on worker, worker2, worker.
// (InterPodAffinity and ImageLocality are not simulated.)
/* eslint-disable @typescript-eslint/no-explicit-any */

import { labelSelectorAsSelector, selectorFromValidatedSet, type Requirement, type Selector } from '../../api/labels.js';
import { controllerOf } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { NodeInfo } from './framework.js';
import { preferredAffinityScore, requiredAffinityMatches } from './nodeaffinity.js';
import { podRequests } from './resources.js';
import { tolerationsTolerateTaint, type Taint } from './tolerations.js';

const MAX_NODE_SCORE = 100;
const HOSTNAME = 'kubernetes.io/hostname';

/** helper.DefaultNormalizeScore. */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const v = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - v : v;
  });
}

function taintTolerationScores(pod: KObject, nodes: NodeInfo[]): number[] {
  const tols = (pod['spec']?.tolerations ?? []).filter((t: any) => !t?.effect || t.effect === 'PreferNoSchedule');
  const raw = nodes.map((ni) =>
    ((ni.node['spec']?.taints ?? []) as Taint[]).filter((t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tols, t)).length,
  );
  return defaultNormalize(raw, true);
}

function nodeAffinityScores(pod: KObject, nodes: NodeInfo[]): number[] {
  if (!pod['spec']?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution) return nodes.map(() => 0);
  return defaultNormalize(nodes.map((ni) => preferredAffinityScore(pod, ni.node)), false);
}

/** LeastAllocated: ((allocatable - requested) * 100) / allocatable per resource, averaged. */
export function leastAllocatedScore(pod: KObject, ni: NodeInfo): number {
  const req = podRequests(pod, { nonZero: true });
  const one = (requested: number, capacity: number) =>
    capacity === 0 || requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
  const cpu = one(ni.nonZeroRequested.milliCPU + req.milliCPU, ni.allocatable.milliCPU);
  const mem = one(ni.nonZeroRequested.memory + req.memory, ni.allocatable.memory);
  return Math.trunc((cpu + mem) / 2);
}

/** (1 - std of the cpu and memory fractions) * 100: 100 balanced, 50 entirely lopsided. */
function balance(cpu: number, memory: number, ni: NodeInfo): number {
  const fractions: number[] = [];
  for (const [r, a] of [
    [cpu, ni.allocatable.milliCPU],
    [memory, ni.allocatable.memory],
  ] as const) {
    if (a !== 0) fractions.push(Math.min(1, r / a));
  }
  const std = fractions.length === 2 ? Math.abs((fractions[0]! - fractions[1]!) / 2) : 0;
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/**
 * BalancedAllocation since 1.36 (kubernetes#135573) scores the change in balance: 75 when the pod
 * leaves it as it was, towards 100 when it improves it, towards 50 when it worsens it.
 */
export function balancedAllocationScore(pod: KObject, ni: NodeInfo): number {
  const req = podRequests(pod);
  const before = balance(ni.requested.milliCPU, ni.requested.memory, ni);
  const after = balance(ni.requested.milliCPU + req.milliCPU, ni.requested.memory + req.memory, ni);
  return MAX_NODE_SCORE / 2 + Math.trunc((MAX_NODE_SCORE / 2 + after - before) / 2);
}

function isBestEffort(pod: KObject): boolean {
  const r = podRequests(pod);
  return r.milliCPU === 0 && r.memory === 0;
}

interface SpreadConstraint {
  topologyKey: string;
  maxSkew: number;
  selector: Selector;
}

/** helper.DefaultSelector: the pod's Services' selectors plus its controller's selector. */
export function defaultSelector(api: ApiServer, pod: KObject): Selector {
  const ns = pod.metadata.namespace;
  const labels = pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of api.list(api.resource('services'), ns)) {
    const sel: Record<string, string> = svc['spec']?.selector ?? {};
    // A Service without a selector matches every pod (and adds nothing), as upstream.
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(set, sel);
  }
  const reqs: Requirement[] = [...selectorFromValidatedSet(set).requirements];
  const owner = controllerOf(pod);
  const kinds: Record<string, string> = { 'v1/ReplicationController': 'replicationcontrollers', 'apps/v1/ReplicaSet': 'replicasets.apps', 'apps/v1/StatefulSet': 'statefulsets.apps' };
  const resource = owner ? kinds[`${owner.apiVersion}/${owner.kind}`] : undefined;
  const ctrl = resource ? api.peek(api.resource(resource), ns, owner!.name) : undefined;
  if (ctrl && owner!.kind === 'ReplicationController') {
    Object.assign(set, ctrl['spec']?.selector ?? {});
    return selectorFromValidatedSet(set);
  }
  if (ctrl) {
    try {
      reqs.push(...labelSelectorAsSelector(ctrl['spec']?.selector).requirements);
    } catch {
      // an invalid selector adds nothing
    }
  }
  return { requirements: reqs, matches: (l) => reqs.every((r) => r.matches(l)), empty: () => reqs.length === 0, string: () => '' };
}

function spreadConstraints(api: ApiServer, pod: KObject): { constraints: SpreadConstraint[]; requireAll: boolean } {
  const own: any[] = pod['spec']?.topologySpreadConstraints ?? [];
  if (own.length > 0) {
    const soft = own.filter((c) => c?.whenUnsatisfiable === 'ScheduleAnyway');
    const constraints = soft.map((c) => {
      let selector: Selector;
      try {
        selector = labelSelectorAsSelector(c.labelSelector);
      } catch {
        selector = labelSelectorAsSelector(null);
      }
      return { topologyKey: String(c.topologyKey), maxSkew: Number(c.maxSkew ?? 1), selector };
    });
    return { constraints, requireAll: true };
  }
  const selector = defaultSelector(api, pod);
  if (selector.empty()) return { constraints: [], requireAll: false };
  return {
    constraints: [
      { topologyKey: HOSTNAME, maxSkew: 3, selector },
      { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5, selector },
    ],
    requireAll: false,
  };
}

/** A selector's identity for NodeInfo.matchCounts (selectors are built per pod; equal ones share it). */
const selectorKeys = new WeakMap<Selector, string>();
function selectorKey(sel: Selector): string {
  let k = selectorKeys.get(sel);
  if (k === undefined) selectorKeys.set(sel, (k = sel.requirements.map((r) => r.string()).join(',')));
  return k;
}

/** The cache key countMatching takes for `sel` in `ns`. */
const matchKey = (sel: Selector, ns: string | undefined): string => `${ns ?? ''}\0${selectorKey(sel)}`;

/** The node's pods (not being deleted) in `ns` that `sel` matches (`key`: matchKey); cached on the NodeInfo. */
function countMatching(ni: NodeInfo, sel: Selector, ns: string | undefined, key: string): number {
  const cache = (ni.matchCounts ??= new Map());
  let entry = cache.get(key);
  if (entry === undefined) {
    const matches = (p: KObject) => !p.metadata.deletionTimestamp && p.metadata.namespace === ns && sel.matches(p.metadata.labels ?? {});
    cache.set(key, (entry = { matches, count: ni.pods.filter(matches).length }));
  }
  return entry.count;
}

/** PodTopologySpread's Score + NormalizeScore. */
export function spreadScores(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[]): number[] {
  const { constraints, requireAll } = spreadConstraints(api, pod);
  if (constraints.length === 0) return feasible.map(() => 0);
  const has = (ni: NodeInfo, key: string) => Object.prototype.hasOwnProperty.call(ni.node.metadata.labels ?? {}, key);
  const ignored = new Set(feasible.filter((ni) => requireAll && !constraints.every((c) => has(ni, c.topologyKey))).map((ni) => ni.name));
  const counted = feasible.filter((ni) => !ignored.has(ni.name));
  const ns = pod.metadata.namespace;
  const keys = constraints.map((c) => matchKey(c.selector, ns));
  const domainCounts = constraints.map((c, i) => {
    const m = new Map<string, number>();
    if (c.topologyKey === HOSTNAME) return m;
    for (const ni of counted) if (has(ni, c.topologyKey)) m.set(ni.node.metadata.labels![c.topologyKey]!, 0);
    for (const ni of all) {
      if (!has(ni, c.topologyKey) || !requiredAffinityMatches(pod, ni.node)) continue;
      if (requireAll && !constraints.every((k) => has(ni, k.topologyKey))) continue;
      const v = ni.node.metadata.labels![c.topologyKey]!;
      if (m.has(v)) m.set(v, m.get(v)! + countMatching(ni, c.selector, ns, keys[i]!));
    }
    return m;
  });
  // topologyNormalizingWeight: log(number of domains + 2).
  const weights = constraints.map((c, i) => Math.log((c.topologyKey === HOSTNAME ? counted.length : domainCounts[i]!.size) + 2));
  const raw = feasible.map((ni) => {
    if (ignored.has(ni.name)) return undefined;
    let score = 0;
    constraints.forEach((c, i) => {
      if (!has(ni, c.topologyKey)) return;
      const cnt = c.topologyKey === HOSTNAME ? countMatching(ni, c.selector, ns, keys[i]!) : domainCounts[i]!.get(ni.node.metadata.labels![c.topologyKey]!) ?? 0;
      score += cnt * weights[i]! + (c.maxSkew - 1);
    });
    return Math.round(score);
  });
  const valid = raw.filter((s): s is number => s !== undefined);
  const min = Math.min(...valid);
  const max = Math.max(0, ...valid);
  return raw.map((s) => {
    if (s === undefined) return 0;
    if (max === 0) return MAX_NODE_SCORE;
    return Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max);
  });
}

/** Weighted totals per feasible node (same order). */
export function scoreNodes(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[]): number[] {
  const taint = taintTolerationScores(pod, feasible);
  const affinity = nodeAffinityScores(pod, feasible);
  const spread = spreadScores(api, pod, feasible, all);
  const bestEffort = isBestEffort(pod);
  return feasible.map(
    (ni, i) =>
      3 * taint[i]! +
      2 * affinity[i]! +
      2 * spread[i]! +
      leastAllocatedScore(pod, ni) +
      (bestEffort ? 0 : balancedAllocationScore(pod, ni)),
  );
}

/** The best node; among equal totals the first by name (upstream: a random one). */
export function selectHost(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[]): NodeInfo {
  if (feasible.length === 1) return feasible[0]!;
  const totals = scoreNodes(api, pod, feasible, all);
  let best = 0;
  for (let i = 1; i < feasible.length; i++) if (totals[i]! > totals[best]!) best = i;
  return feasible[best]!;
}
