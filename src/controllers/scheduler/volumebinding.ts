// VolumeBinding, the part kube-lite simulates. PreFilter: every PersistentVolumeClaim a pod mounts
// must exist and not be being deleted; a claim not yet bound passes only if its class binds on first
// consumer (WaitForFirstConsumer), otherwise the pod waits ("pod has unbound immediate
// PersistentVolumeClaims"). PreBind, simplified: once the pod is bound, each such claim gets the
// volume.kubernetes.io/selected-node annotation, which the persistentvolume controller's
// provisioner acts on. Filter: a bound volume's node affinity (volumeBindingFilter).
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { volumeAllowsNode } from '../persistentvolume/match.js';
import { unresolvable, type FilterPlugin, type Status } from './framework.js';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';

function claimClass(pvc: KObject): string {
  const ann = pvc.metadata.annotations ?? {};
  return BETA_CLASS in ann ? (ann[BETA_CLASS] ?? '') : (pvc['spec']?.storageClassName ?? '');
}

function waitsForFirstConsumer(api: ApiServer, pvc: KObject): boolean {
  const name = claimClass(pvc);
  if (!name) return false;
  return api.tryGet(api.resource('storageclasses'), undefined, name)?.['volumeBindingMode'] === 'WaitForFirstConsumer';
}

function podClaims(pod: KObject): string[] {
  // Generic ephemeral volumes need the ephemeral-volume controller, which is not simulated: skipped.
  // (a loop: asked three times per pod scheduled, and most pods have no claim)
  const out: string[] = [];
  for (const v of pod['spec']?.volumes ?? []) {
    const name = v?.persistentVolumeClaim?.claimName;
    if (name) out.push(name);
  }
  return out;
}

export function volumeBindingPreFilter(api: ApiServer, pod: KObject): Status | undefined {
  const pvcs = api.resource('persistentvolumeclaims');
  const ns = pod.metadata.namespace;
  let unboundImmediate = false;
  for (const name of podClaims(pod)) {
    const pvc = api.tryGet(pvcs, ns, name);
    if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`);
    if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
    if (!pvc['spec']?.volumeName && !waitsForFirstConsumer(api, pvc)) unboundImmediate = true;
  }
  if (unboundImmediate) return unresolvable('pod has unbound immediate PersistentVolumeClaims');
  return undefined;
}

/** After binding the pod: record the node on its unbound WaitForFirstConsumer claims. */
export function recordSelectedNode(api: ApiServer, pod: KObject, nodeName: string): void {
  const pvcs = api.resource('persistentvolumeclaims');
  for (const name of podClaims(pod)) {
    const pvc = api.tryGet(pvcs, pod.metadata.namespace, name);
    if (!pvc || pvc['spec']?.volumeName || pvc.metadata.annotations?.[SELECTED_NODE] || !waitsForFirstConsumer(api, pvc)) continue;
    const copy = structuredClone(pvc);
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [SELECTED_NODE]: nodeName };
    api.update(pvcs, copy);
  }
}

/**
 * VolumeBinding Filter, for bound claims: a node must satisfy each bound volume's node affinity
 * (a local-path volume lives on one node). Undefined when the pod has no such volume.
 */
export function volumeBindingFilter(api: ApiServer, pod: KObject): FilterPlugin | undefined {
  const pvcs = api.resource('persistentvolumeclaims');
  const pvs = api.resource('persistentvolumes');
  const volumes: KObject[] = [];
  for (const name of podClaims(pod)) {
    const volumeName = api.tryGet(pvcs, pod.metadata.namespace, name)?.['spec']?.volumeName;
    const pv = volumeName ? api.tryGet(pvs, undefined, volumeName) : undefined;
    if (pv?.['spec']?.nodeAffinity?.required) volumes.push(pv);
  }
  if (volumes.length === 0) return undefined;
  return (_pod, ni) =>
    volumes.every((pv) => volumeAllowsNode(pv, ni.node.metadata.labels ?? {})) ? undefined : unresolvable('node(s) had volume node affinity conflict');
}
