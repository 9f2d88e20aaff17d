// Storage admission plugins for PersistentVolumeClaims and PersistentVolumes:
//   DefaultStorageClass: a claim created without a class (no spec.storageClassName, no beta
//     annotation) gets the effective default StorageClass, if one is marked.
//   StorageObjectInUseProtection: every new claim gets kubernetes.io/pvc-protection and every new
//     volume kubernetes.io/pv-protection; the persistentvolume controller removes them once the
//     object is no longer in use.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../types.js';
import { effectiveDefaultClass } from '../tables/storage.js';

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

function addFinalizer(obj: KObject, finalizer: string): void {
  const fins = obj.metadata.finalizers ?? [];
  if (!fins.includes(finalizer)) obj.metadata.finalizers = [...fins, finalizer];
}

/** On create only. `classes`: all StorageClasses. */
export function admitPersistentVolumeClaim(pvc: KObject, classes: KObject[]): void {
  const spec: any = (pvc['spec'] ??= {});
  const hasBeta = BETA_CLASS in (pvc.metadata.annotations ?? {});
  if (spec.storageClassName == null && !hasBeta) {
    const def = effectiveDefaultClass(classes);
    if (def !== undefined) spec.storageClassName = def;
  }
  addFinalizer(pvc, PVC_PROTECTION);
}

/** On create only. */
export function admitPersistentVolume(pv: KObject): void {
  addFinalizer(pv, PV_PROTECTION);
}
