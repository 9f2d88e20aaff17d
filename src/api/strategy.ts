// Per-kind create/update strategies (pkg/registry/*/strategy.go): what the server resets on create,
// which kinds track metadata.generation, and status-subresource semantics on update.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { qosClass } from './defaults/pod.js';
import { deepEqual } from './object.js';
import type { KObject } from './types.js';

/** Kinds whose metadata.generation counts spec changes. */
export const TRACKS_GENERATION = new Set([
  'Pod',
  'Deployment',
  'ReplicaSet',
  'ReplicationController',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Ingress',
  'EndpointSlice',
]);

/** Kinds with a status subresource: a main-resource update keeps the stored status. */
const HAS_STATUS_SUBRESOURCE = new Set([
  ...TRACKS_GENERATION,
  'Service',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ResourceQuota',
]);

const EMPTY_STATUS_ON_CREATE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet', 'Job', 'CronJob']);

/** The apiserver folds Secret stringData into data (base64) and never stores stringData. */
function foldStringData(obj: KObject): void {
  if (obj.kind !== 'Secret' || !obj['stringData']) return;
  const data: Record<string, string> = { ...(obj['data'] ?? {}) };
  for (const [k, v] of Object.entries(obj['stringData'] as Record<string, string>)) {
    data[k] = Buffer.from(String(v), 'utf8').toString('base64');
  }
  obj['data'] = data;
  delete obj['stringData'];
}

export function prepareForCreate(obj: KObject): void {
  foldStringData(obj);
  if (EMPTY_STATUS_ON_CREATE.has(obj.kind)) obj['status'] = {};
  if (obj.kind === 'StatefulSet') obj['status'] = { availableReplicas: 0, replicas: 0 };
  if (obj.kind === 'Pod') {
    obj['status'] = { phase: 'Pending', qosClass: qosClass(obj['spec']) };
    // applySchedulingGatedCondition: a gated pod is marked so from the start (STATUS SchedulingGated).
    if ((obj['spec']?.schedulingGates ?? []).length > 0) {
      obj['status'].conditions = [
        {
          lastProbeTime: null,
          lastTransitionTime: null,
          message: 'Scheduling is blocked due to non-empty scheduling gates',
          reason: 'SchedulingGated',
          status: 'False',
          type: 'PodScheduled',
        },
      ];
    }
  }
  if (obj.kind === 'Service') obj['status'] = { loadBalancer: {} };
  if (obj.kind === 'Ingress') obj['status'] = { loadBalancer: {} };
  if (obj.kind === 'PersistentVolumeClaim') obj['status'] = { phase: 'Pending' };
  if (obj.kind === 'PersistentVolume') obj['status'] = { phase: 'Pending' };
  if (obj.kind === 'Namespace') obj['status'] = { phase: 'Active' };
  if (obj.kind === 'ResourceQuota') obj['status'] = {};
  if (obj.kind === 'Job') generateJobSelector(obj);
  if (obj.kind === 'DaemonSet') setTemplateGeneration(obj, undefined);
  delete obj.metadata.deletionTimestamp;
  delete obj.metadata.deletionGracePeriodSeconds;
}

/** The job strategy: unless manualSelector, select the job's own uid and label its template so. */
function generateJobSelector(job: KObject): void {
  const spec = job['spec'];
  if (!spec || spec.manualSelector === true) return;
  const uid = job.metadata.uid!;
  const name = job.metadata.name!;
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  spec.template ??= {};
  spec.template.metadata ??= {};
  spec.template.metadata.labels = {
    ...(spec.template.metadata.labels ?? {}),
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': name,
    'controller-uid': uid,
    'job-name': name,
  };
}

const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/**
 * The DaemonSet strategy's spec.templateGeneration, which apps/v1 carries in an annotation: on create
 * the user's value if a positive integer, else 1; on update the stored value, plus one when the pod
 * template changed. Users cannot set it otherwise.
 */
function setTemplateGeneration(ds: KObject, old: KObject | undefined): void {
  const read = (o: KObject | undefined): number => {
    const n = Number(o?.metadata.annotations?.[TEMPLATE_GENERATION] ?? NaN);
    return Number.isInteger(n) && n >= 1 ? n : 1;
  };
  const gen = old ? read(old) + (deepEqual(ds['spec']?.template, old['spec']?.template) ? 0 : 1) : read(ds);
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION]: String(gen) };
}

/**
 * On a main-resource update the stored status wins; on a status update the stored spec and
 * metadata (except labels/annotations/finalizers/ownerReferences) win.
 */
export function prepareForUpdate(obj: KObject, old: KObject, statusOnly: boolean): KObject {
  foldStringData(obj);
  if (obj.kind === 'Service' && !statusOnly) dropTypeDependentFields(obj, old);
  if (obj.kind === 'DaemonSet' && !statusOnly) setTemplateGeneration(obj, old);
  if (!HAS_STATUS_SUBRESOURCE.has(obj.kind)) return obj;
  // `old` is the caller's private copy, used for nothing else afterwards: its parts move over as they are.
  if (statusOnly) {
    // A new object rather than deleting keys from `obj`: V8 keeps an object it deleted keys from as a
    // slow dictionary, and the store keeps this one.
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj)) if (k === 'metadata' || k === 'status') out[k] = obj[k];
    for (const k of Object.keys(old)) if (k !== 'metadata' && k !== 'status') out[k] = old[k];
    if (!('status' in out)) out['status'] = obj['status'];
    return out as KObject;
  } else if (old['status'] !== undefined) {
    obj['status'] = old['status'];
  } else {
    delete obj['status'];
  }
  return obj;
}

/**
 * The service strategy's dropTypeDependentFields: when `type` changes, fields that only the old type
 * uses are cleared - but only if the user left them as they were (a value the user changed is theirs
 * to keep, and validation then judges it). So `patch -p '{"spec":{"type":"ClusterIP"}}'` on a
 * LoadBalancer works as on a cluster.
 */
function dropTypeDependentFields(svc: KObject, old: KObject): void {
  const s: any = svc['spec'];
  const o: any = old['spec'];
  if (!s || !o || s.type === o.type) return;
  const type = s.type ?? 'ClusterIP';
  const needsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
  const samePorts =
    (s.ports ?? []).length === (o.ports ?? []).length &&
    (s.ports ?? []).every((p: any, i: number) => p?.nodePort === o.ports[i]?.nodePort);
  if (!needsNodePorts && samePorts) for (const p of s.ports ?? []) if (p) delete p.nodePort;
  const lb = type === 'LoadBalancer';
  if (!lb && s.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) delete s.allocateLoadBalancerNodePorts;
  if (!lb && s.loadBalancerClass === o.loadBalancerClass) delete s.loadBalancerClass;
  if (!lb && s.healthCheckNodePort === o.healthCheckNodePort) delete s.healthCheckNodePort;
  const external = type === 'NodePort' || lb || (s.externalIPs ?? []).length > 0;
  if (!external && s.externalTrafficPolicy === o.externalTrafficPolicy) delete s.externalTrafficPolicy;
  if (type === 'ExternalName' && s.clusterIP === o.clusterIP) {
    delete s.clusterIP;
    delete s.clusterIPs;
    delete s.ipFamilies;
    delete s.ipFamilyPolicy;
  }
}
