// `kube-lite describe`: one object's text, byte-identical to kubectl 1.36's describers
// (k8s.io/kubectl pkg/describe/describe.go). Dispatch is by API group + kind like kubectl's
// describerMap; anything else gets the generic (unstructured) describer.

import type { KObject } from '../../api/types.js';
import { describeDaemonSet, describeStatefulSet } from './apps.js';
import { describeCronJob, describeJob } from './batch.js';
import {
  describeConfigMap,
  describeLimitRange,
  describeNamespace,
  describeResourceQuota,
  describeSecret,
  describeServiceAccount,
} from './config.js';
import { describeDeployment } from './deployment.js';
import { groupOf } from './fmt.js';
import { describeGeneric } from './generic.js';
import { describeHPA } from './hpa.js';
import { describeIngress, describeIngressClass } from './ingress.js';
import { describeBinding, describePodDisruptionBudget, describePriorityClass } from './misc.js';
import { describeNetworkPolicy } from './networkpolicy.js';
import { describeNode } from './node.js';
import { describeRole } from './rbac.js';
import { describePod } from './pod.js';
import { describeReplicaSet, describeReplicationController } from './replicaset.js';
import { describeEndpoints, describeEndpointSlice, describeService } from './service.js';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage.js';

export interface DescribeContext {
  now: number; // ms since epoch, the cluster clock
  events: KObject[]; // v1 Events whose involvedObject is this object (caller filters; describers sort)
  /**
   * Related objects by plural resource; no namespace = all namespaces. Describers ask for: pods,
   * replicasets, endpointslices, services, resourcequotas, limitranges, leases.coordination.k8s.io ('kube-node-lease')
   * and resourceslices (cluster-wide). Unknown resources should return [].
   */
  list(resource: string, namespace?: string): KObject[];
}

type Describer = (obj: KObject, ctx: DescribeContext) => string;

const DESCRIBERS: Record<string, Describer> = {
  '/Pod': (o, c) => describePod(o, c.events, c.now),
  '/ReplicationController': describeReplicationController,
  '/Secret': (o) => describeSecret(o),
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': (o) => describeLimitRange(o),
  '/ResourceQuota': (o) => describeResourceQuota(o),
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'networking.k8s.io/NetworkPolicy': (o) => describeNetworkPolicy(o),
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'autoscaling/HorizontalPodAutoscaler': describeHPA,
  'rbac.authorization.k8s.io/Role': (o) => describeRole(o),
  'rbac.authorization.k8s.io/ClusterRole': (o) => describeRole(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => describeBinding(o),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => describeBinding(o),
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
};

/** One object's describe text (ends with a newline, as kubectl's describer output does). */
export function describeObject(obj: KObject, ctx: DescribeContext): string {
  const describer = DESCRIBERS[`${groupOf(obj.apiVersion ?? '')}/${obj.kind}`] ?? describeGeneric;
  return describer(obj, ctx);
}
