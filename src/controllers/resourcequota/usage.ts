// ResourceQuota usage (kube-controller-manager's resource quota controller and the quota
// evaluators in pkg/quota/v1/evaluator/core): what each hard resource of a quota currently counts in
// its namespace. Pure functions of the namespace's objects, so unit tests can check the arithmetic.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { Quantity, q } from '../../printers/describe/quantity.js';
import { podLimits, podRequests } from '../../printers/describe/resources.js';

/** The namespace's objects by plural resource, qualified by group when it has one ("deployments.apps"). */
export type NamespaceObjects = (resource: string) => KObject[];

/** Object-count resources and the plural resource each counts. */
const OBJECT_COUNTS: Record<string, string> = {
  pods: 'pods',
  services: 'services',
  configmaps: 'configmaps',
  secrets: 'secrets',
  persistentvolumeclaims: 'persistentvolumeclaims',
  replicationcontrollers: 'replicationcontrollers',
  resourcequotas: 'resourcequotas',
};

const COMPUTE: Record<string, { kind: 'requests' | 'limits'; resource: string }> = {
  cpu: { kind: 'requests', resource: 'cpu' },
  memory: { kind: 'requests', resource: 'memory' },
  'ephemeral-storage': { kind: 'requests', resource: 'ephemeral-storage' },
  'requests.cpu': { kind: 'requests', resource: 'cpu' },
  'requests.memory': { kind: 'requests', resource: 'memory' },
  'requests.ephemeral-storage': { kind: 'requests', resource: 'ephemeral-storage' },
  'limits.cpu': { kind: 'limits', resource: 'cpu' },
  'limits.memory': { kind: 'limits', resource: 'memory' },
  'limits.ephemeral-storage': { kind: 'limits', resource: 'ephemeral-storage' },
};

/** QuotaV1Pod: a pod counts until it is terminal (Succeeded/Failed) or being deleted past its grace. */
export function podCounts(pod: KObject, now: number): boolean {
  const phase = pod['status']?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const del = pod.metadata.deletionTimestamp;
  if (del) {
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
    if (now > Date.parse(del) + grace) return false;
  }
  return true;
}

const isBestEffort = (pod: KObject): boolean =>
  [...(pod['spec']?.initContainers ?? []), ...(pod['spec']?.containers ?? [])].every((c: any) => {
    const r = c?.resources ?? {};
    return Object.keys(r.requests ?? {}).length === 0 && Object.keys(r.limits ?? {}).length === 0;
  });
const isTerminating = (pod: KObject): boolean => pod['spec']?.activeDeadlineSeconds != null && pod['spec'].activeDeadlineSeconds >= 0;

/** podMatchesScopeFunc for the scopes kube-lite evaluates (unknown scopes match nothing). */
export function podMatchesScopes(pod: KObject, scopes: string[]): boolean {
  return scopes.every((s) => {
    switch (s) {
      case 'BestEffort':
        return isBestEffort(pod);
      case 'NotBestEffort':
        return !isBestEffort(pod);
      case 'Terminating':
        return isTerminating(pod);
      case 'NotTerminating':
        return !isTerminating(pod);
      case 'CrossNamespacePodAffinity':
      case 'PriorityClass':
        return false;
      default:
        return false;
    }
  });
}

/** "count/deployments.apps" -> "deployments.apps"; undefined for other names. */
const countOf = (r: string): string | undefined => (r.startsWith('count/') ? r.slice('count/'.length) : undefined);

const sum = (qs: Quantity[]): Quantity => qs.reduce((a, b) => a.add(b), Quantity.zero());

/**
 * status.used for `hard` (status.hard's keys): each resource's usage as the apiserver's quantity
 * string. Scoped quotas (pod scopes) count only matching pods and only pod resources.
 */
export function quotaUsage(hard: Record<string, unknown>, scopes: string[], objects: NamespaceObjects, now: number): Record<string, string> {
  const pods = () => objects('pods').filter((p) => podCounts(p, now) && (scopes.length === 0 || podMatchesScopes(p, scopes)));
  const used: Record<string, string> = {};
  for (const r of Object.keys(hard).sort()) {
    let value: Quantity = Quantity.zero();
    const counted = countOf(r);
    if (r === 'pods' || counted === 'pods') {
      value = Quantity.fromInt(pods().length);
    } else if (COMPUTE[r]) {
      const { kind, resource } = COMPUTE[r]!;
      value = sum(pods().map((p) => (kind === 'requests' ? podRequests(p, false) : podLimits(p, false)).get(resource) ?? Quantity.zero()));
    } else if (scopes.length > 0) {
      value = Quantity.zero();
    } else if (OBJECT_COUNTS[r]) {
      value = Quantity.fromInt(objects(OBJECT_COUNTS[r]!).length);
    } else if (counted !== undefined) {
      value = Quantity.fromInt(objects(counted).length);
    } else if (r === 'requests.storage') {
      value = sum(objects('persistentvolumeclaims').map((c) => q(c['spec']?.resources?.requests?.storage)));
    } else if (r === 'services.nodeports') {
      value = Quantity.fromInt(
        objects('services')
          .filter((s) => s['spec']?.type === 'NodePort' || s['spec']?.type === 'LoadBalancer')
          .reduce((n, s) => n + (s['spec']?.ports ?? []).filter((p: any) => p?.nodePort).length, 0),
      );
    } else if (r === 'services.loadbalancers') {
      value = Quantity.fromInt(objects('services').filter((s) => s['spec']?.type === 'LoadBalancer').length);
    }
    used[r] = value.toString();
  }
  return used;
}
