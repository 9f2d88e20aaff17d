// The StatefulSet controller (kube-controller-manager's statefulset loop): pods with stable names
// and storage, created and removed in ordinal order, rolled out from ControllerRevisions.

import type { ApiServer } from '../../api/server.js';
import { STATEFUL_SET } from './kind.js';
import { syncStatefulSet } from './sync.js';

export function statefulSetController(api: ApiServer): void {
  const sets = api.list(STATEFUL_SET.resource());
  for (const sts of sets) syncStatefulSet(api, sts);
}
