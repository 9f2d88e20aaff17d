// ReplicaSet helpers of deployment_util.go and controller_utils.go: counts, orderings, finding the
// new and old ReplicaSets of a Deployment. Pure functions over unstructured objects.

import { parseQuantity } from '../../api/quantity.js';
import type { KObject } from '../../api/types.js';

export const HASH_LABEL = 'pod-template-hash';

/** *(rs.Spec.Replicas); the API server defaults a missing value to 1. */
export const specReplicas = (o: KObject | undefined): number => (o ? (o['spec']?.replicas ?? 1) : 0);
const statusInt = (o: KObject | undefined, f: string): number => (o ? (o['status']?.[f] ?? 0) : 0);

const sum = (rss: readonly (KObject | undefined)[], f: (rs: KObject) => number): number =>
  rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export const specCount = (rss: readonly (KObject | undefined)[]) => sum(rss, specReplicas);
/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export const actualCount = (rss: readonly (KObject | undefined)[]) => sum(rss, (rs) => statusInt(rs, 'replicas'));
export const readyCount = (rss: readonly (KObject | undefined)[]) => sum(rss, (rs) => statusInt(rs, 'readyReplicas'));
export const availableCount = (rss: readonly (KObject | undefined)[]) =>
  sum(rss, (rs) => statusInt(rs, 'availableReplicas'));
export const availableOf = (rs: KObject | undefined): number => statusInt(rs, 'availableReplicas');

/**
 * GetTerminatingReplicaCountForReplicaSets (DeploymentReplicaSetTerminatingReplicas, beta and on in
 * 1.35+): undefined when a ReplicaSet the RS controller has observed does not report the field.
 */
export function terminatingCount(rss: readonly (KObject | undefined)[]): number | undefined {
  let n = 0;
  for (const rs of rss) {
    if (!rs) continue;
    const t = rs['status']?.terminatingReplicas;
    if (t === undefined || t === null) {
      if (statusInt(rs, 'observedGeneration') === 0) continue; // not observed yet
      return undefined;
    }
    n += t;
  }
  return n;
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export const activeOnly = (rss: readonly (KObject | undefined)[]): KObject[] =>
  rss.filter((rs): rs is KObject => !!rs && specReplicas(rs) > 0);

const created = (rs: KObject): number => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;
const nameCmp = (a: KObject, b: KObject): number => {
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
};

/** ReplicaSetsByCreationTimestamp: oldest first, name breaks ties. */
export function byCreation(a: KObject, b: KObject): number {
  return created(a) - created(b) || nameCmp(a, b);
}

/** ReplicaSetsBySizeOlder: larger first; among equals the older first (scale-down order). */
export function bySizeOlder(a: KObject, b: KObject): number {
  return specReplicas(b) - specReplicas(a) || byCreation(a, b);
}

/** ReplicaSetsBySizeNewer: larger first; among equals the newer first (scale-up order). */
export function bySizeNewer(a: KObject, b: KObject): number {
  return specReplicas(b) - specReplicas(a) || byCreation(b, a);
}

// Canonical form for apiequality.Semantic.DeepEqual: nil equals empty, quantities compare by value.
function semantic(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => semantic(x) ?? null);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const c = semantic(o[k], k);
      if (c !== undefined) out[k] = c;
    }
    if (key === 'limits' || key === 'requests' || key === 'overhead') {
      for (const k of Object.keys(out)) {
        try {
          out[k] = `q:${parseQuantity(String(out[k])).scaledValue(-9)}`;
        } catch {
          // not a quantity: compare as written
        }
      }
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}

/** EqualIgnoreHash: the templates are semantically equal once pod-template-hash is dropped. */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return canonicalTemplate(t1) === canonicalTemplate(t2);
}

/**
 * A template's canonical form (semantic, without pod-template-hash), by its JSON as written: every
 * round of a rollout compares the same few templates many times, and the canonical form cost far
 * more than the JSON of the template does.
 */
const canonical = new Map<string, string>();
function canonicalTemplate(t: unknown): string {
  const json = JSON.stringify(t ?? {});
  let c = canonical.get(json);
  if (c === undefined) {
    const copy = JSON.parse(json) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (copy['metadata']?.labels) delete copy['metadata'].labels[HASH_LABEL];
    c = JSON.stringify(semantic(copy) ?? {});
    if (canonical.size >= 1000) canonical.clear(); // a long-running serve keeps only recent templates
    canonical.set(json, c);
  }
  return c;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template matches the deployment's. */
export function findNewReplicaSet(d: KObject, rss: readonly KObject[]): KObject | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs['spec']?.template, d['spec']?.template));
}

/** FindOldReplicaSets' second result: every owned ReplicaSet except the new one. */
export function findOldReplicaSets(d: KObject, rss: readonly KObject[]): KObject[] {
  const newRS = findNewReplicaSet(d, rss);
  return rss.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
export function findActiveOrLatest(newRS: KObject | undefined, oldRSs: readonly KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeOnly([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}
