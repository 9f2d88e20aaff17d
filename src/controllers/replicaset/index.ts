// The ReplicaSet and ReplicationController controllers: keep spec.replicas active pods matching the
// selector (kube-controller-manager's replicaset and replicationcontroller loops, one code path).

import type { ApiServer } from '../../api/server.js';
import { REPLICA_SET, REPLICATION_CONTROLLER, type OwnerKind } from './kind.js';
import { syncOwner } from './sync.js';

function syncAll(api: ApiServer, kind: OwnerKind): void {
  for (const owner of api.list(kind.resource())) syncOwner(api, kind, owner);
}

export function replicaSetController(api: ApiServer): void {
  syncAll(api, REPLICA_SET);
}

export function replicationControllerController(api: ApiServer): void {
  syncAll(api, REPLICATION_CONTROLLER);
}
