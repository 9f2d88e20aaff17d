// Where each workload kind keeps its pod spec (kubectl polymorphichelpers/updatepodspec.go).
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../api/types.js';

const TEMPLATE_KINDS = new Set(['ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job']);

/** The pod spec of `obj` (a live reference into it), or undefined for kinds without one. */
export function podSpecOf(obj: KObject): any | undefined {
  const spec: any = obj['spec'];
  if (obj.kind === 'Pod') return (obj['spec'] ??= {});
  if (TEMPLATE_KINDS.has(obj.kind)) return ((spec.template ??= {}).spec ??= {});
  if (obj.kind === 'CronJob') return ((((spec.jobTemplate ??= {}).spec ??= {}).template ??= {}).spec ??= {});
  return undefined;
}

/** Go's %T of the typed object, for "the object is not a pod or does not have a pod template: *v1.Service". */
export function goTypeName(obj: KObject): string {
  const version = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[1] : obj.apiVersion;
  return `*${version}.${obj.kind}`;
}
