// getReplicaSetsForDeployment (ControllerRefManager.ClaimReplicaSets): the ReplicaSets a Deployment
// controls, adopting orphans its selector matches and releasing owned ones it no longer matches.

import { controllerOf, deepClone } from '../../api/object.js';
import type { Selector } from '../../api/labels.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { controllerRef } from './sync.js';

export function claimReplicaSets(api: ApiServer, d: KObject, selector: Selector): KObject[] {
  const rsInfo = api.resource('replicasets.apps');
  const uid = d.metadata.uid;
  const deleting = !!d.metadata.deletionTimestamp;
  const claimed: KObject[] = [];
  for (const rs of api.list(rsInfo, d.metadata.namespace)) {
    const ref = controllerOf(rs);
    const matches = selector.matches(rs.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches) claimed.push(rs);
      else if (!deleting) release(api, rs, uid!);
      continue;
    }
    if (deleting || !matches || rs.metadata.deletionTimestamp) continue;
    // RecheckDeletionTimestamp: adopt only for a live deployment that is still the same object.
    const fresh = api.tryGet(api.resource('deployments.apps'), d.metadata.namespace, d.metadata.name!);
    if (!fresh || fresh.metadata.uid !== uid || fresh.metadata.deletionTimestamp) continue;
    const copy = deepClone(rs);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), controllerRef(d)];
    claimed.push(api.update(rsInfo, copy));
  }
  return claimed;
}

function release(api: ApiServer, rs: KObject, uid: string): void {
  const copy = deepClone(rs);
  copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
  if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
  api.update(api.resource('replicasets.apps'), copy);
}
