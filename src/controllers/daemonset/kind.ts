// The DaemonSet as a pod owner, for the shared claim (adopt/release) code and ownerReferences.

import { labelSelectorAsSelector } from '../../api/labels.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import type { OwnerKind } from '../replicaset/kind.js';

export const DAEMON_SET: OwnerKind = {
  resource: () => findResource('daemonsets')!,
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  component: 'daemonset-controller',
  selector: (ds) => labelSelectorAsSelector(ds['spec']?.selector),
  terminatingReplicas: false,
};

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/**
 * util.GetTemplateGeneration: the apiserver keeps it in an annotation (api/strategy.ts sets it);
 * metadata.generation stands in should it be missing.
 */
export function templateGeneration(ds: KObject): string {
  return ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? String(ds.metadata.generation ?? 1);
}

/** util.IsPodUpdated: the pod carries the current revision hash or template generation. */
export function isPodUpdated(pod: KObject, hash: string, generation: string): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels[REVISION_HASH_LABEL] === hash || labels[POD_TEMPLATE_GENERATION_LABEL] === generation;
}

/** util.AllowsSurge: RollingUpdate with a non-zero maxSurge. */
export function allowsSurge(ds: KObject): boolean {
  const s = ds['spec']?.updateStrategy;
  const v = s?.rollingUpdate?.maxSurge;
  return s?.type === 'RollingUpdate' && v !== undefined && v !== null && v !== 0 && v !== '0%';
}
