// The ReplicaSet and ReplicationController controllers: keep spec.replicas active pods matching the
// selector (kube-controller-manager's replicaset and replicationcontroller loops, one code path).

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { REPLICA_SET, REPLICATION_CONTROLLER, type OwnerKind } from './kind.js';
import { syncOwner } from './sync.js';

/** Syncs of one owner in a row at most (each one creates or deletes up to 500 pods). */
const MAX_SYNCS = 1000;

function syncAll(api: ApiServer, kind: OwnerKind): void {
  for (const owner of api.list(kind.resource())) {
    // A sync makes up at most a burst of the difference; the next one follows at once (as upstream's
    // does when it has seen its creates), so 10,000 replicas are made in one round, not twenty.
    let carry = syncOwner(api, kind, owner);
    for (let i = 0; carry && i < MAX_SYNCS; i++) {
      const current = api.peek(kind.resource(), owner.metadata.namespace, owner.metadata.name!);
      if (!current) break;
      carry = syncOwner(api, kind, current as KObject, carry);
    }
  }
}

export function replicaSetController(api: ApiServer): void {
  syncAll(api, REPLICA_SET);
}

export function replicationControllerController(api: ApiServer): void {
  syncAll(api, REPLICATION_CONTROLLER);
}
