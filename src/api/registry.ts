// The kinds kube-lite serves, as the apiserver's discovery describes them (`kubectl api-resources`).

export interface ResourceInfo {
  /** Plural resource name: "deployments". */
  resource: string;
  singular: string;
  shortNames: string[];
  kind: string;
  /** API group; "" is the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  /** Discovery categories; "all" is what `kubectl get all` expands. */
  categories: string[];
  verbs: string[];
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  resource: string,
  singular: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
): ResourceInfo {
  return { resource, singular, kind, group, version, namespaced, shortNames, categories, verbs: RW };
}

/** In discovery order: groups as `kubectl api-resources` sorts them, resources by name. */
export const RESOURCES: readonly ResourceInfo[] = [
  r('configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'event', 'Event', '', 'v1', true, ['ev']),
  r('limitranges', 'limitrange', 'LimitRange', '', 'v1', true, ['limits']),
  r('namespaces', 'namespace', 'Namespace', '', 'v1', false, ['ns']),
  r('nodes', 'node', 'Node', '', 'v1', false, ['no']),
  r('persistentvolumeclaims', 'persistentvolumeclaim', 'PersistentVolumeClaim', '', 'v1', true, ['pvc']),
  r('persistentvolumes', 'persistentvolume', 'PersistentVolume', '', 'v1', false, ['pv']),
  r('pods', 'pod', 'Pod', '', 'v1', true, ['po'], ['all']),
  r('replicationcontrollers', 'replicationcontroller', 'ReplicationController', '', 'v1', true, ['rc'], ['all']),
  r('resourcequotas', 'resourcequota', 'ResourceQuota', '', 'v1', true, ['quota']),
  r('secrets', 'secret', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'serviceaccount', 'ServiceAccount', '', 'v1', true, ['sa']),
  r('services', 'service', 'Service', '', 'v1', true, ['svc'], ['all']),
  r('controllerrevisions', 'controllerrevision', 'ControllerRevision', 'apps', 'v1', true),
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['all']),
  r('deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all']),
  r('statefulsets', 'statefulset', 'StatefulSet', 'apps', 'v1', true, ['sts'], ['all']),
  r('cronjobs', 'cronjob', 'CronJob', 'batch', 'v1', true, ['cj'], ['all']),
  r('jobs', 'job', 'Job', 'batch', 'v1', true, [], ['all']),
  r('leases', 'lease', 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('ingressclasses', 'ingressclass', 'IngressClass', 'networking.k8s.io', 'v1', false),
  r('ingresses', 'ingress', 'Ingress', 'networking.k8s.io', 'v1', true, ['ing']),
  r('storageclasses', 'storageclass', 'StorageClass', 'storage.k8s.io', 'v1', false, ['sc']),
];

/** "deployments.apps", "pods": the resource with its group, as API errors and store keys name it. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** "apps/v1", "v1" */
export function groupVersion(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

/** "deployment.apps", "pod": lower-case kind with group, as kubectl's name printer writes it. */
export function kindWithGroup(info: ResourceInfo): string {
  const k = info.kind.toLowerCase();
  return info.group ? `${k}.${info.group}` : k;
}

/** Finds a resource by what a user may type: plural, singular, short name, kind, optionally `.group`. */
export function findResource(arg: string): ResourceInfo | undefined {
  // Controllers ask for the same few resources thousands of times a round; the registry is fixed.
  if (found.has(arg)) return found.get(arg);
  const info = lookUp(arg);
  if (found.size < 1024) found.set(arg, info);
  return info;
}

const found = new Map<string, ResourceInfo | undefined>();

function lookUp(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const name = dot === -1 ? lower : lower.slice(0, dot);
  const group = dot === -1 ? undefined : lower.slice(dot + 1);
  const matches = (i: ResourceInfo) =>
    i.resource === name || i.singular === name || i.shortNames.includes(name) || i.kind.toLowerCase() === name;
  for (const i of RESOURCES) {
    if (!matches(i)) continue;
    if (group === undefined) return i;
    // "deployments.apps", "deployments.v1.apps", "deploy.apps"
    if (i.group === group || `${i.version}.${i.group}` === group || (i.group === '' && group === i.version)) return i;
  }
  return undefined;
}

/** Finds the resource serving apiVersion + kind, as the RESTMapper does for manifests. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((i) => groupVersion(i) === apiVersion && i.kind === kind);
}

export function resourceByName(resource: string): ResourceInfo | undefined {
  return RESOURCES.find((i) => qualifiedResource(i) === resource || i.resource === resource);
}
