// The StatefulSet as a pod owner, and the identity rules of its pods (stateful_set_utils.go):
// pod `<set>-<ordinal>`, claims `<template>-<set>-<ordinal>`, the labels naming pod and index.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { labelSelectorAsSelector } from '../../api/labels.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import type { RevisionOwner } from '../history/index.js';
import { controllerRef, type OwnerKind } from '../replicaset/kind.js';

export const STATEFUL_SET: OwnerKind = {
  resource: () => findResource('statefulsets')!,
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  component: 'statefulset-controller',
  selector: (sts) => labelSelectorAsSelector(sts['spec']?.selector),
  terminatingReplicas: false,
};

export const STATEFUL_SET_REVISIONS: RevisionOwner = { apiVersion: 'apps/v1', kind: 'StatefulSet', hashLabel: 'controller.kubernetes.io/hash' };

/** apps.StatefulSetRevisionLabel: on pods, the full name of their ControllerRevision. */
export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

/** getParentNameAndOrdinal: `web-12` → ["web", 12]; a name without a numeric suffix → undefined. */
export function parentAndOrdinal(podName: string): [string, number] | undefined {
  const m = /^(.*)-([0-9]+)$/.exec(podName);
  if (!m) return undefined;
  const ord = Number(m[2]);
  return Number.isSafeInteger(ord) ? [m[1]!, ord] : undefined;
}

/** spec.ordinals.start (0 without it). */
export const startOrdinal = (sts: KObject): number => Number(sts['spec']?.ordinals?.start ?? 0);
export const replicaCount = (sts: KObject): number => Number(sts['spec']?.replicas ?? 1);

/** Ordinals [start, start+replicas) are wanted; every other ordinal is condemned. */
export function ordinalInRange(sts: KObject, ord: number): boolean {
  const start = startOrdinal(sts);
  return ord >= start && ord < start + replicaCount(sts);
}

export const podName = (sts: KObject, ord: number): string => `${sts.metadata.name}-${ord}`;
export const claimName = (sts: KObject, template: string, ord: number): string => `${template}-${sts.metadata.name}-${ord}`;

/** getPersistentVolumeClaims: one claim per volumeClaimTemplate, labelled with the selector's matchLabels. */
export function claimsFor(sts: KObject, ord: number): KObject[] {
  const matchLabels: Record<string, string> = sts['spec']?.selector?.matchLabels ?? {};
  return (sts['spec']?.volumeClaimTemplates ?? []).map((t: any) => {
    const tm = t?.metadata ?? {};
    const metadata: KObject['metadata'] = {
      name: claimName(sts, String(tm.name ?? ''), ord),
      namespace: sts.metadata.namespace,
      labels: { ...(tm.labels ?? {}), ...matchLabels },
    };
    if (Object.keys(metadata.labels!).length === 0) delete metadata.labels;
    if (tm.annotations) metadata.annotations = { ...tm.annotations };
    return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: structuredClone(t?.spec ?? {}) };
  });
}

/**
 * newStatefulSetPod from a (possibly historic) template: GetPodFromTemplate, the identity
 * (name, hostname, subdomain, labels) and storage (claim volumes first, then the template's others).
 */
export function newPod(sts: KObject, template: any, ord: number, revision: string): KObject {
  const tm = template?.metadata ?? {};
  const name = podName(sts, ord);
  const spec = structuredClone(template?.spec ?? {});
  const claimVolumes = (sts['spec']?.volumeClaimTemplates ?? []).map((t: any) => ({
    name: String(t?.metadata?.name ?? ''),
    persistentVolumeClaim: { claimName: claimName(sts, String(t?.metadata?.name ?? ''), ord) },
  }));
  if (claimVolumes.length > 0) {
    const taken = new Set(claimVolumes.map((v: any) => v.name));
    spec.volumes = [...claimVolumes, ...(spec.volumes ?? []).filter((v: any) => !taken.has(v?.name))];
  }
  spec.hostname = name;
  if (sts['spec']?.serviceName) spec.subdomain = sts['spec'].serviceName;
  const metadata: KObject['metadata'] = {
    name,
    generateName: `${sts.metadata.name}-`,
    namespace: sts.metadata.namespace,
    labels: { ...(tm.labels ?? {}), [REVISION_LABEL]: revision, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ord) },
    ownerReferences: [controllerRef(STATEFUL_SET, sts)],
  };
  if (tm.annotations) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers?.length) metadata.finalizers = [...tm.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}
