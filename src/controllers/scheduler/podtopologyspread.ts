// PodTopologySpread's scoring (PreScore, Score, NormalizeScore): a node scores higher the fewer pods
// of the same workload its topology domains hold. A pod's own ScheduleAnyway constraints count;
// without any, the system defaults do (kubernetes.io/hostname maxSkew 3, topology.kubernetes.io/zone
// maxSkew 5) over the selector helper.DefaultSelector builds from its Services and controller.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { labelSelectorAsSelector, selectorFromValidatedSet, type Requirement, type Selector } from '../../api/labels.js';
import { controllerOf } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { NodeInfo } from './framework.js';
import { requiredAffinityMatches } from './nodeaffinity.js';

const MAX_NODE_SCORE = 100;
const HOSTNAME = 'kubernetes.io/hostname';

interface SpreadConstraint {
  topologyKey: string;
  maxSkew: number;
  selector: Selector;
  /** The pods it counts, as NodeInfo.matchCounts keys them: namespace and selector. */
  countKey: string;
}

interface PodConstraints {
  constraints: SpreadConstraint[];
  /** The pod's own constraints: a node must have all their topology keys to be scored. */
  requireAll: boolean;
}

const NONE: PodConstraints = { constraints: [], requireAll: false };

/**
 * Kept for one scheduling pass, in which the scheduler changes neither Services, controllers nor
 * nodes: the default constraints by what they depend on (the namespace, which of its Services select
 * the pod, its controller) - the pods of one ReplicaSet would each list the Services and parse its
 * selector again - and which topology keys the nodes have.
 */
export class SpreadCache {
  private readonly services = new Map<string, KObject[]>();
  private readonly defaults = new Map<string, PodConstraints>();
  /** The pass's snapshot (the first `all` asked about), and which of its nodes have a label key. */
  private snapshot: NodeInfo[] | undefined;
  private readonly coverage = new Map<string, Coverage>();

  coverageOf(all: NodeInfo[], key: string): Coverage {
    if (this.snapshot !== all) {
      if (this.snapshot) return labelCoverage(all, key);
      this.snapshot = all;
    }
    let c = this.coverage.get(key);
    if (c === undefined) this.coverage.set(key, (c = labelCoverage(all, key)));
    return c;
  }

  constraintsOf(api: ApiServer, pod: KObject): PodConstraints {
    if (hasOwnConstraints(pod)) return ownConstraints(pod);
    const ns = pod.metadata.namespace ?? '';
    let services = this.services.get(ns);
    if (!services) this.services.set(ns, (services = listServices(api, pod)));
    const labels = pod.metadata.labels ?? {};
    const owner = controllerOf(pod);
    let key = `${ns}\0${owner && OWNER_RESOURCES[`${owner.apiVersion}/${owner.kind}`] ? `${owner.apiVersion}/${owner.kind}/${owner.name}` : ''}\0`;
    services.forEach((svc, i) => {
      if (selects(svc, labels)) key += `${i},`;
    });
    let c = this.defaults.get(key);
    if (!c) this.defaults.set(key, (c = defaultConstraints(defaultSelector(api, pod, services), pod)));
    return c;
  }
}

const listServices = (api: ApiServer, pod: KObject) => api.list(api.resource('services'), pod.metadata.namespace);

/** A Service without a selector matches every pod (and adds nothing), as upstream. */
const selects = (svc: KObject, labels: Record<string, string>): boolean => {
  const sel: Record<string, string> = svc['spec']?.selector ?? {};
  for (const k in sel) if (labels[k] !== sel[k]) return false;
  return true;
};

/** The controllers whose selector DefaultSelector adds, by apiVersion/kind. */
const OWNER_RESOURCES: Record<string, string> = {
  'v1/ReplicationController': 'replicationcontrollers',
  'apps/v1/ReplicaSet': 'replicasets.apps',
  'apps/v1/StatefulSet': 'statefulsets.apps',
};

/** helper.DefaultSelector: the pod's Services' selectors plus its controller's selector. */
export function defaultSelector(api: ApiServer, pod: KObject, services: KObject[] = listServices(api, pod)): Selector {
  const ns = pod.metadata.namespace;
  const labels = pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of services) if (selects(svc, labels)) Object.assign(set, svc['spec']?.selector ?? {});
  const reqs: Requirement[] = [...selectorFromValidatedSet(set).requirements];
  const owner = controllerOf(pod);
  const resource = owner ? OWNER_RESOURCES[`${owner.apiVersion}/${owner.kind}`] : undefined;
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

/**
 * NodeInfo.matchCounts' key for `sel` in namespace `ns`. labels.Nothing() (a constraint without a
 * labelSelector) has no requirements, like Everything(), but matches no pod: it needs its own key.
 */
function countKey(sel: Selector, ns: string | undefined): string {
  const reqs = sel.requirements.length === 0 && !sel.empty() ? '\0nothing' : sel.requirements.map((r) => r.string()).join(',');
  return `${ns ?? ''}\0${reqs}`;
}

const hasOwnConstraints = (pod: KObject): boolean => (pod['spec']?.topologySpreadConstraints ?? []).length > 0;

function ownConstraints(pod: KObject): PodConstraints {
  const soft = (pod['spec'].topologySpreadConstraints as any[]).filter((c) => c?.whenUnsatisfiable === 'ScheduleAnyway');
  const constraints = soft.map((c): SpreadConstraint => {
    let selector: Selector;
    try {
      selector = labelSelectorAsSelector(c.labelSelector);
    } catch {
      selector = labelSelectorAsSelector(null);
    }
    return { topologyKey: String(c.topologyKey), maxSkew: Number(c.maxSkew ?? 1), selector, countKey: countKey(selector, pod.metadata.namespace) };
  });
  return { constraints, requireAll: true };
}

function defaultConstraints(selector: Selector, pod: KObject): PodConstraints {
  if (selector.empty()) return NONE;
  const key = countKey(selector, pod.metadata.namespace);
  return {
    constraints: [
      { topologyKey: HOSTNAME, maxSkew: 3, selector, countKey: key },
      { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5, selector, countKey: key },
    ],
    requireAll: false,
  };
}

function podConstraints(api: ApiServer, pod: KObject, cache: SpreadCache | undefined): PodConstraints {
  if (cache) return cache.constraintsOf(api, pod);
  return hasOwnConstraints(pod) ? ownConstraints(pod) : defaultConstraints(defaultSelector(api, pod), pod);
}

/** The node's pods (not being deleted) in `ns` that the constraint's selector matches; cached on the NodeInfo. */
function countMatching(ni: NodeInfo, c: SpreadConstraint, ns: string | undefined): number {
  const cache = (ni.matchCounts ??= new Map());
  let entry = cache.get(c.countKey);
  if (entry === undefined) cache.set(c.countKey, (entry = matchCount(ni, c, ns)));
  return entry.count;
}

/**
 * A new count of countMatching's. Apart from it: a function whose arrow captures its arguments
 * allocates their context on every call, and countMatching is asked for every node for every pod.
 */
function matchCount(ni: NodeInfo, c: SpreadConstraint, ns: string | undefined): { matches: (p: KObject) => boolean; count: number } {
  const sel = c.selector;
  const matches = (p: KObject) => !p.metadata.deletionTimestamp && p.metadata.namespace === ns && sel.matches(p.metadata.labels ?? {});
  return { matches, count: ni.pods.filter(matches).length };
}

const has = (ni: NodeInfo, key: string) => Object.prototype.hasOwnProperty.call(ni.node.metadata.labels ?? {}, key);
const hasAll = (ni: NodeInfo, cs: SpreadConstraint[]) => cs.every((c) => has(ni, c.topologyKey));

/**
 * Whether all, none or some of the nodes have a label key. Every node has kubernetes.io/hostname and
 * often none has a zone: then no node need be asked, for every pod, whether it has them.
 */
type Coverage = 'all' | 'none' | 'some';

function labelCoverage(nodes: NodeInfo[], key: string): Coverage {
  let n = 0;
  for (const ni of nodes) if (has(ni, key)) n++;
  return n === 0 ? 'none' : n === nodes.length ? 'all' : 'some';
}

/**
 * Pods per domain of a constraint whose key is not the hostname: over all nodes that have the key and
 * that the pod's required node affinity admits, for the domains of the feasible nodes scored.
 */
function domainCounts(pod: KObject, c: SpreadConstraint, pc: PodConstraints, feasible: NodeInfo[], ignored: boolean[] | undefined, all: NodeInfo[], coverage: Coverage): Map<string, number> {
  const m = new Map<string, number>();
  if (coverage === 'none') return m;
  feasible.forEach((ni, j) => {
    if (!ignored?.[j] && has(ni, c.topologyKey)) m.set(ni.node.metadata.labels![c.topologyKey]!, 0);
  });
  // No scored node in any domain (no node has the key): nothing to count.
  if (m.size === 0) return m;
  for (const ni of all) {
    if (!has(ni, c.topologyKey) || !requiredAffinityMatches(pod, ni.node)) continue;
    if (pc.requireAll && !hasAll(ni, pc.constraints)) continue;
    const v = ni.node.metadata.labels![c.topologyKey]!;
    const n = m.get(v);
    if (n !== undefined) m.set(v, n + countMatching(ni, c, pod.metadata.namespace));
  }
  return m;
}

/**
 * PodTopologySpread's Score + NormalizeScore for the feasible nodes (same order), which are some of
 * `all`. `cache`: the pass's SpreadCache, when the caller schedules many pods over one snapshot.
 */
export function spreadScores(api: ApiServer, pod: KObject, feasible: NodeInfo[], all: NodeInfo[], cache?: SpreadCache): number[] {
  const scores = new Array<number>(feasible.length).fill(0);
  const pc = podConstraints(api, pod, cache);
  const { constraints } = pc;
  if (constraints.length === 0) return scores;
  const ns = pod.metadata.namespace;
  // A node without all of the pod's own constraints' keys is not scored (scores 0).
  const ignored = pc.requireAll ? feasible.map((ni) => !hasAll(ni, constraints)) : undefined;
  const counted = feasible.length - (ignored?.filter(Boolean).length ?? 0);
  const coverage = constraints.map((c) => (cache ? cache.coverageOf(all, c.topologyKey) : labelCoverage(all, c.topologyKey)));
  const domains = constraints.map((c, i) => (c.topologyKey === HOSTNAME ? undefined : domainCounts(pod, c, pc, feasible, ignored, all, coverage[i]!)));
  // topologyNormalizingWeight: log(number of domains + 2).
  const weights = constraints.map((_, i) => Math.log((domains[i]?.size ?? counted) + 2));
  let min = Infinity;
  let max = 0;
  for (let j = 0; j < feasible.length; j++) {
    if (ignored?.[j]) continue;
    const ni = feasible[j]!;
    let score = 0;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i]!;
      if (coverage[i] === 'none' || (coverage[i] === 'some' && !has(ni, c.topologyKey))) continue;
      const d = domains[i];
      const cnt = d === undefined ? countMatching(ni, c, ns) : (d.get(ni.node.metadata.labels![c.topologyKey]!) ?? 0);
      score += cnt * weights[i]! + (c.maxSkew - 1);
    }
    const s = Math.round(score);
    scores[j] = s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  for (let j = 0; j < feasible.length; j++) {
    if (ignored?.[j]) continue;
    scores[j] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - scores[j]!)) / max);
  }
  return scores;
}
