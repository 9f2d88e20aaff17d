// The node lifecycle controller: node health from kubelet heartbeats (health.ts), then eviction of
// pods from nodes tainted NoExecute (eviction.ts), and the kubelets' heartbeat Leases (lease.ts).

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import { evictFromNode } from './eviction.js';
import { syncNodeHealth } from './health.js';
import { syncNodeLeases } from './lease.js';

const nodes = findResource('nodes')!;

export function nodeLifecycleController(api: ApiServer): void {
  for (const node of api.list(nodes)) syncNodeHealth(api, node);
  for (const node of api.list(nodes)) evictFromNode(api, node);
  syncNodeLeases(api, api.list(nodes));
}
