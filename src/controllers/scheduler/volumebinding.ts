// VolumeBinding PreFilter, the part kube-lite simulates: every PersistentVolumeClaim a pod mounts
// must exist and not be being deleted. Binding and provisioning are not simulated: an existing
// claim lets the pod through.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { unresolvable, type Status } from './framework.js';

export function volumeBindingPreFilter(api: ApiServer, pod: KObject): Status | undefined {
  const pvcs = api.resource('persistentvolumeclaims');
  const ns = pod.metadata.namespace;
  for (const v of pod['spec']?.volumes ?? []) {
    // Generic ephemeral volumes need the ephemeral-volume controller, which is not simulated: skipped.
    const name: string | undefined = v?.persistentVolumeClaim?.claimName;
    if (!name) continue;
    const pvc = api.tryGet(pvcs, ns, name);
    if (!pvc) return unresolvable(`persistentvolumeclaim "${name}" not found`);
    if (pvc.metadata.deletionTimestamp) return unresolvable(`persistentvolumeclaim "${name}" is being deleted`);
  }
  return undefined;
}
