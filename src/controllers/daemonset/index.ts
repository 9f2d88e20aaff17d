// The DaemonSet controller (kube-controller-manager's daemonset loop): one daemon pod on every node
// the DaemonSet's node selector, affinity and tolerations admit, rolled out on template changes.

import type { ApiServer } from '../../api/server.js';
import { findResource } from '../../api/registry.js';
import { DAEMON_SET } from './kind.js';
import { syncDaemonSet } from './sync.js';

export function daemonSetController(api: ApiServer): void {
  const daemonSets = api.list(DAEMON_SET.resource());
  if (daemonSets.length === 0) return;
  // Node order decides pod creation order (and so the seeded names): by name.
  const nodes = [...api.list(findResource('nodes')!)].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
  for (const ds of daemonSets) syncDaemonSet(api, ds, nodes);
}
