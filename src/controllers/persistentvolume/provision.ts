// kind's local-path provisioner (rancher.io/local-path), simulated: for a claim of its class it
// creates a hostPath volume `pvc-<claim uid>` under /var/local-path-provisioner on the selected node,
// pre-bound to the claim, with node affinity to that node. The binder then binds the two.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { recordOnce } from './events.js';

export const LOCAL_PATH = 'rancher.io/local-path';
/** The provisioner's event source: "<provisioner>_<its pod>_<its id>" on kind; kube-lite has no such pod. */
export const LOCAL_PATH_COMPONENT = 'rancher.io/local-path_local-path-provisioner';
const BASE = '/var/local-path-provisioner';

/** An Immediate claim has no selected node: local-path takes the first worker node by name. */
function defaultNode(api: ApiServer): string | undefined {
  const nodes = api.list(api.resource('nodes')).map((n) => n);
  nodes.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  const workers = nodes.filter((n) => !('node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})));
  return (workers[0] ?? nodes[0])?.metadata.name;
}

export function provisionLocalPath(api: ApiServer, pvc: KObject, sc: KObject, selectedNode: string | undefined): void {
  const pvInfo = api.resource('persistentvolumes');
  const name = `pvc-${pvc.metadata.uid}`;
  if (api.tryGet(pvInfo, undefined, name)) return;
  const node = selectedNode ?? defaultNode(api);
  if (!node) return;
  const ns = pvc.metadata.namespace!;
  const claim = pvc.metadata.name!;
  recordOnce(api, pvc, { type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${ns}/${claim}"`, component: LOCAL_PATH_COMPONENT });
  const spec: any = pvc['spec'] ?? {};
  api.create(pvInfo, {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: { 'local.path.provisioner/selected-node': node, 'pv.kubernetes.io/provisioned-by': LOCAL_PATH },
    },
    spec: {
      accessModes: spec.accessModes,
      capacity: { storage: spec.resources?.requests?.storage ?? '0' },
      claimRef: { kind: 'PersistentVolumeClaim', namespace: ns, name: claim, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
      hostPath: { path: `${BASE}/${name}_${ns}_${claim}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: sc['reclaimPolicy'] ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: spec.volumeMode ?? 'Filesystem',
    },
  });
  recordOnce(api, pvc, { type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${name}`, component: LOCAL_PATH_COMPONENT });
}
