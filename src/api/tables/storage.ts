// PersistentVolumes, PersistentVolumeClaims and StorageClasses (printers.go printPersistentVolume,
// printPersistentVolumeClaim, printStorageClass, plus the 1.36 StorageClass TableConvertor).

import type { KObject, TableRow } from '../types.js';
import { AGE, age, arr, col, nameCol, parseTime, rec, str, type TableHandler } from './common.js';
import { parseQuantity } from '../quantity.js';
import { goCompare } from '../labels.js';

const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetAccessModesAsString: fixed order RWO,ROX,RWX,RWOP. */
function accessModes(modes: unknown): string {
  const set = new Set(arr(modes).map(str));
  const out: string[] = [];
  if (set.has('ReadWriteOnce')) out.push('RWO');
  if (set.has('ReadOnlyMany')) out.push('ROX');
  if (set.has('ReadWriteMany')) out.push('RWX');
  if (set.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** Quantity.String() of resources["storage"]; a missing quantity is the zero value "0". */
function storage(resources: unknown): string {
  const q = rec(resources).storage;
  if (typeof q !== 'string' && typeof q !== 'number') return '0';
  try {
    return parseQuantity(String(q)).toString();
  } catch {
    return String(q); // the apiserver would have rejected it; show it as stored
  }
}

/** The beta annotation wins over spec.storageClassName (GetPersistentVolume[Claim]Class). */
function storageClass(obj: KObject): string {
  const ann = obj.metadata.annotations ?? {};
  if (BETA_CLASS in ann) return ann[BETA_CLASS]!;
  return str(rec(obj.spec).storageClassName);
}

const orUnset = (v: unknown): string => (typeof v === 'string' ? v : '<unset>');

export const persistentvolumes: TableHandler = {
  columns: [nameCol(), col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'),
    col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), AGE(), col('VolumeMode', 'string', 1)],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const claimRef = spec.claimRef ? `${str(rec(spec.claimRef).namespace)}/${str(rec(spec.claimRef).name)}` : '';
    const phase = obj.metadata.deletionTimestamp ? 'Terminating' : str(status.phase);
    return [str(obj.metadata.name), storage(spec.capacity), accessModes(spec.accessModes),
      str(spec.persistentVolumeReclaimPolicy), phase, claimRef, storageClass(obj),
      orUnset(spec.volumeAttributesClassName), str(status.reason), age(obj, now), orUnset(spec.volumeMode)];
  },
};

export const persistentvolumeclaims: TableHandler = {
  columns: [nameCol(), col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'),
    col('VolumeAttributesClass'), AGE(), col('VolumeMode', 'string', 1)],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const phase = obj.metadata.deletionTimestamp ? 'Terminating' : str(status.phase);
    // Capacity and access modes are only shown once the claim is bound to a volume.
    const bound = str(spec.volumeName) !== '';
    return [str(obj.metadata.name), phase, str(spec.volumeName), bound ? storage(status.capacity) : '',
      bound ? accessModes(status.accessModes) : '', storageClass(obj), orUnset(spec.volumeAttributesClassName),
      age(obj, now), orUnset(spec.volumeMode)];
  },
};

const DEFAULT_ANN = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_ANN = 'storageclass.beta.kubernetes.io/is-default-class';

/** storageutil.IsDefaultAnnotation. */
export function isDefaultClass(obj: KObject): boolean {
  const ann = obj.metadata.annotations ?? {};
  return ann[DEFAULT_ANN] === 'true' || ann[BETA_DEFAULT_ANN] === 'true';
}

export const storageclasses: TableHandler = {
  columns: [nameCol(), col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'),
    col('AllowVolumeExpansion'), AGE()],
  row: (obj, now) => {
    const name = str(obj.metadata.name) + (isDefaultClass(obj) ? ' (default)' : '');
    const reclaim = typeof obj.reclaimPolicy === 'string' ? obj.reclaimPolicy : 'Delete';
    const binding = typeof obj.volumeBindingMode === 'string' ? obj.volumeBindingMode : 'Immediate';
    return [name, str(obj.provisioner), reclaim, binding, obj.allowVolumeExpansion === true, age(obj, now)];
  },
};

/**
 * The effective default among annotated classes: newest creationTimestamp, ties by name
 * (kubernetes 1.36 pkg/registry/storage/storageclass TableConvertor).
 */
export function effectiveDefaultClass(all: KObject[]): string | undefined {
  const defaults = all.filter(isDefaultClass);
  defaults.sort((a, b) => {
    const ta = parseTime(a.metadata.creationTimestamp) ?? 0;
    const tb = parseTime(b.metadata.creationTimestamp) ?? 0;
    return ta !== tb ? tb - ta : goCompare(str(a.metadata.name), str(b.metadata.name));
  });
  return defaults[0] ? str(defaults[0].metadata.name) : undefined;
}

/** Only the effective default keeps its " (default)" suffix. */
export function markEffectiveDefault(rows: TableRow[], all: KObject[]): void {
  const effective = effectiveDefaultClass(all);
  const suffix = ' (default)';
  for (const row of rows) {
    const cell = row.cells[0];
    if (typeof cell !== 'string') continue;
    const clean = cell.length > suffix.length && cell.endsWith(suffix) ? cell.slice(0, -suffix.length) : cell;
    row.cells[0] = clean === effective ? clean + suffix : clean;
  }
}
