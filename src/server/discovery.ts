// Discovery documents built from the registry (src/api/registry.ts RESOURCES): aggregated
// (apidiscovery.k8s.io/v2 APIGroupDiscoveryList on /api and /apis) and legacy (APIVersions,
// APIGroupList, APIGroup, APIResourceList). `kubectl api-resources` prints the same registry.

import { groupVersion, RESOURCES, type ResourceInfo } from '../api/registry.js';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

const GET_PATCH_UPDATE = ['get', 'patch', 'update'];

/** Kinds whose registry has a status subresource (upstream's `<resource>/status` stores). */
const HAS_STATUS = new Set([
  'pods', 'services', 'namespaces', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'replicationcontrollers',
  'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs', 'ingresses',
]);
/** Kinds with a scale subresource (autoscaling/v1 Scale). */
export const HAS_SCALE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

interface Sub {
  name: string;
  kind: { group: string; version: string; kind: string };
  verbs: string[];
}

function subresources(info: ResourceInfo): Sub[] {
  const self = { group: info.group, version: info.version, kind: info.kind };
  const out: Sub[] = [];
  if (info.resource === 'namespaces') out.push({ name: 'finalize', kind: self, verbs: ['update'] });
  if (info.resource === 'pods') {
    // Upstream order (alphabetical): eviction, log, status. kubectl drain evicts only when discovery
    // lists pods/eviction with its group and version (drain.CheckEvictionSupport).
    out.push({ name: 'eviction', kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] });
    out.push({ name: 'log', kind: self, verbs: ['get'] });
  }

  if (HAS_SCALE.has(info.resource)) out.push({ name: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: GET_PATCH_UPDATE });
  if (HAS_STATUS.has(info.resource)) out.push({ name: 'status', kind: self, verbs: GET_PATCH_UPDATE });
  return out;
}

/** Group names in discovery order ("" first), each with its resources. */
function groups(): Map<string, ResourceInfo[]> {
  const m = new Map<string, ResourceInfo[]>();
  for (const r of RESOURCES) {
    const list = m.get(r.group) ?? [];
    list.push(r);
    m.set(r.group, list);
  }
  return m;
}

function aggregatedResource(info: ResourceInfo): Record<string, unknown> {
  const d: Record<string, unknown> = {
    resource: info.resource,
    responseKind: { group: info.group, version: info.version, kind: info.kind },
    scope: info.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: info.singular,
    verbs: info.verbs,
  };
  if (info.shortNames.length) d['shortNames'] = info.shortNames;
  if (info.categories.length) d['categories'] = info.categories;
  const subs = subresources(info);
  if (subs.length) d['subresources'] = subs.map((s) => ({ subresource: s.name, responseKind: s.kind, verbs: s.verbs }));
  return d;
}

function groupDiscovery(group: string, resources: ResourceInfo[]): Record<string, unknown> {
  const version = resources[0]!.version;
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: [{ version, resources: resources.map(aggregatedResource), freshness: 'Current' }],
  };
}

/** GET /api (core: true) or /apis with the aggregated Accept. */
export function aggregatedDiscovery(core: boolean): Record<string, unknown> {
  const items = [...groups()].filter(([g]) => (g === '') === core).map(([g, rs]) => groupDiscovery(g, rs));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

/** GET /api (legacy). */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(group: string, version: string): Record<string, unknown> {
  const gv = { groupVersion: `${group}/${version}`, version };
  return { name: group, versions: [gv], preferredVersion: gv };
}

/** GET /apis (legacy). */
export function apiGroupList(): Record<string, unknown> {
  const out = [...groups()].filter(([g]) => g !== '').map(([g, rs]) => apiGroup(g, rs[0]!.version));
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: out };
}

/** GET /apis/<group>; undefined for an unknown group. */
export function apiGroupDoc(group: string): Record<string, unknown> | undefined {
  const rs = groups().get(group);
  if (!group || !rs) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, rs[0]!.version) };
}

/** GET /api/v1 or /apis/<group>/<version>; undefined for an unknown group-version. */
export function apiResourceList(group: string, version: string): Record<string, unknown> | undefined {
  const rs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (rs.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const info of rs) {
    const d: Record<string, unknown> = { name: info.resource, singularName: info.singular, namespaced: info.namespaced, kind: info.kind, verbs: info.verbs };
    if (info.shortNames.length) d['shortNames'] = info.shortNames;
    if (info.categories.length) d['categories'] = info.categories;
    resources.push(d);
    for (const s of subresources(info)) {
      const sd: Record<string, unknown> = { name: `${info.resource}/${s.name}`, singularName: '', namespaced: info.namespaced, kind: s.kind.kind, verbs: s.verbs };
      if (s.kind.group !== info.group) {
        sd['group'] = s.kind.group;
        sd['version'] = s.kind.version;
      }
      resources.push(sd);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: groupVersion(rs[0]!), resources };
}
