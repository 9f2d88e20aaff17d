// The PersistentVolume controller (kube-controller-manager's persistentvolume-binder and
// pvc/pv-protection loops) and kind's local-path provisioner, simulated.
//
// Claims: an unbound claim binds to the best matching volume (match.ts); without one it waits for its
// first consumer (WaitForFirstConsumer classes, until the scheduler records a selected node), asks
// the class's provisioner for a volume, or stays Pending. Volumes: a new unclaimed volume becomes
// Available; one whose claim is gone becomes Released and is then deleted (reclaimPolicy Delete) or
// kept (Retain). Protection: a deleted claim keeps its finalizer while a scheduled, running pod uses
// it; a deleted volume while it is Bound.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { PV_PROTECTION, PVC_PROTECTION } from '../../api/admission/storage.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { recordOnce } from './events.js';
import { classOf, findBestMatch, isVolumeBoundToClaim } from './match.js';
import { LOCAL_PATH, provisionLocalPath } from './provision.js';

export const COMPONENT = 'persistentvolume-controller';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';

const sortByName = (a: KObject, b: KObject) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function persistentVolumeController(api: ApiServer): void {
  const pvcInfo = api.resource('persistentvolumeclaims');
  const pvInfo = api.resource('persistentvolumes');
  for (const pvc of api.list(pvcInfo).sort(sortByName)) {
    const cur = api.tryGet(pvcInfo, pvc.metadata.namespace, pvc.metadata.name!);
    if (!cur) continue;
    if (cur.metadata.deletionTimestamp) releaseClaimProtection(api, cur);
    else syncClaim(api, cur);
  }
  for (const pv of api.list(pvInfo).sort(sortByName)) {
    const cur = api.tryGet(pvInfo, undefined, pv.metadata.name!);
    if (cur) syncVolume(api, cur);
  }
}

// ---- claims ----

function storageClass(api: ApiServer, name: string): KObject | undefined {
  return name ? api.tryGet(api.resource('storageclasses'), undefined, name) : undefined;
}

function syncClaim(api: ApiServer, pvc: KObject): void {
  const pvInfo = api.resource('persistentvolumes');
  const volumeName: string | undefined = pvc['spec']?.volumeName;
  if (volumeName) {
    const pv = api.tryGet(pvInfo, undefined, volumeName);
    if (!pv) {
      if (pvc['status']?.phase === 'Bound') {
        setClaimStatus(api, pvc, { phase: 'Lost' });
        recordOnce(api, pvc, { type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', component: COMPONENT });
      }
      return;
    }
    if (pv['spec']?.claimRef && !isVolumeBoundToClaim(pv, pvc)) {
      if (pvc['status']?.phase !== 'Bound') {
        recordOnce(api, pvc, { type: 'Warning', reason: 'FailedBinding', message: `volume "${volumeName}" already bound to a different claim.`, component: COMPONENT });
      }
      return;
    }
    bind(api, pv, pvc);
    return;
  }

  const className = classOf(pvc);
  const sc = storageClass(api, className);
  const selectedNode: string | undefined = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  const delayBinding = sc?.['volumeBindingMode'] === 'WaitForFirstConsumer' && !selectedNode;
  const node = selectedNode ? api.tryGet(api.resource('nodes'), undefined, selectedNode) : undefined;
  const match = findBestMatch(pvc, api.list(pvInfo), { delayBinding, nodeLabels: node?.metadata.labels ?? (selectedNode ? {} : undefined) });
  if (match) {
    bind(api, match, pvc);
    return;
  }
  if (delayBinding) {
    recordOnce(api, pvc, { type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding', component: COMPONENT });
    return;
  }
  if (className === '') {
    recordOnce(api, pvc, { type: 'Normal', reason: 'FailedBinding', message: 'no persistent volumes available for this claim and no storage class is set', component: COMPONENT });
    return;
  }
  if (!sc) {
    recordOnce(api, pvc, { type: 'Warning', reason: 'ProvisioningFailed', message: `storageclass.storage.k8s.io "${className}" not found`, component: COMPONENT });
    return;
  }
  provisionClaim(api, pvc, sc, selectedNode);
}

/** provisionClaim for an external provisioner: mark the claim, then (local-path) provision. */
function provisionClaim(api: ApiServer, pvc: KObject, sc: KObject, selectedNode: string | undefined): void {
  const provisioner = String(sc['provisioner'] ?? '');
  const ann = pvc.metadata.annotations ?? {};
  if (ann[ANN_STORAGE_PROVISIONER] !== provisioner || ann[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const copy = structuredClone(pvc);
    copy.metadata.annotations = { ...ann, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
    pvc = api.update(api.resource('persistentvolumeclaims'), copy);
    recordOnce(api, pvc, {
      type: 'Normal',
      reason: 'ExternalProvisioning',
      message: `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      component: COMPONENT,
    });
  }
  if (provisioner === LOCAL_PATH) provisionLocalPath(api, pvc, sc, selectedNode);
}

function setClaimStatus(api: ApiServer, pvc: KObject, status: Record<string, unknown>): KObject {
  const copy = structuredClone(pvc);
  copy['status'] = { ...status };
  return api.updateStatus(api.resource('persistentvolumeclaims'), copy);
}

/** bind: the volume's claimRef and phase, then the claim's volumeName, annotations and status. */
function bind(api: ApiServer, pv: KObject, pvc: KObject): void {
  const pvInfo = api.resource('persistentvolumes');
  if (!isVolumeBoundToClaim(pv, pvc) || !pv['spec'].claimRef.uid) {
    const copy = structuredClone(pv);
    if (!copy['spec'].claimRef) copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    copy['spec'].claimRef = {
      kind: 'PersistentVolumeClaim',
      namespace: pvc.metadata.namespace,
      name: pvc.metadata.name,
      uid: pvc.metadata.uid,
      apiVersion: 'v1',
      resourceVersion: pvc.metadata.resourceVersion,
    };
    pv = api.update(pvInfo, copy);
  }
  if (pv['status']?.phase !== 'Bound') {
    const copy = structuredClone(pv);
    copy['status'] = { phase: 'Bound', lastPhaseTransitionTime: rfc3339(api.now()) };
    pv = api.updateStatus(pvInfo, copy);
  }
  const ann = pvc.metadata.annotations ?? {};
  if (pvc['spec']?.volumeName !== pv.metadata.name || ann[ANN_BIND_COMPLETED] !== 'yes') {
    const copy = structuredClone(pvc);
    const annotations: Record<string, string> = { ...ann, [ANN_BIND_COMPLETED]: 'yes' };
    if (!copy['spec'].volumeName) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
    copy.metadata.annotations = annotations;
    copy['spec'].volumeName = pv.metadata.name;
    pvc = api.update(api.resource('persistentvolumeclaims'), copy);
  }
  const status = pvc['status'] ?? {};
  const want = { phase: 'Bound', accessModes: pv['spec']?.accessModes, capacity: pv['spec']?.capacity };
  if (status.phase !== 'Bound' || JSON.stringify(status.accessModes) !== JSON.stringify(want.accessModes) || JSON.stringify(status.capacity) !== JSON.stringify(want.capacity)) {
    setClaimStatus(api, pvc, { ...status, ...want });
  }
}

/** pvc-protection: a claim in use by a scheduled, non-terminated pod keeps its finalizer. */
function releaseClaimProtection(api: ApiServer, pvc: KObject): void {
  if (!pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return;
  const inUse = api.list(api.resource('pods'), pvc.metadata.namespace).some(
    (p) =>
      p['spec']?.nodeName &&
      !['Succeeded', 'Failed'].includes(p['status']?.phase) &&
      (p['spec']?.volumes ?? []).some((v: any) => v?.persistentVolumeClaim?.claimName === pvc.metadata.name),
  );
  if (!inUse) removeFinalizer(api, api.resource('persistentvolumeclaims'), pvc, PVC_PROTECTION);
}

function removeFinalizer(api: ApiServer, info: ReturnType<ApiServer['resource']>, obj: KObject, finalizer: string): void {
  const copy = structuredClone(obj);
  copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (copy.metadata.finalizers.length === 0) delete copy.metadata.finalizers;
  api.update(info, copy);
}

// ---- volumes ----

function syncVolume(api: ApiServer, pv: KObject): void {
  const pvInfo = api.resource('persistentvolumes');
  const phase = pv['status']?.phase;
  if (pv.metadata.deletionTimestamp) {
    if (phase !== 'Bound' && pv.metadata.finalizers?.includes(PV_PROTECTION)) removeFinalizer(api, pvInfo, pv, PV_PROTECTION);
    return;
  }
  const ref = pv['spec']?.claimRef;
  const claim = ref ? api.tryGet(api.resource('persistentvolumeclaims'), ref.namespace ?? '', ref.name ?? '') : undefined;
  const claimGone = ref?.uid && (!claim || claim.metadata.uid !== ref.uid);
  if (!ref || (!ref.uid && !claim?.['spec']?.volumeName)) {
    // Unclaimed, or pre-bound to a claim that does not exist (or is not bound) yet.
    if (phase !== 'Available') setVolumePhase(api, pv, 'Available');
    return;
  }
  if (!claimGone) return;
  if (phase !== 'Released' && phase !== 'Failed') pv = setVolumePhase(api, pv, 'Released');
  if (pv['spec']?.persistentVolumeReclaimPolicy === 'Delete' && phase !== 'Failed') api.delete(pvInfo, undefined, pv.metadata.name!);
}

function setVolumePhase(api: ApiServer, pv: KObject, phase: string): KObject {
  const copy = structuredClone(pv);
  copy['status'] = { phase, lastPhaseTransitionTime: rfc3339(api.now()) };
  return api.updateStatus(api.resource('persistentvolumes'), copy);
}
