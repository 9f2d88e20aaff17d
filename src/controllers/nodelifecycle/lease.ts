// Node heartbeat Leases (coordination.k8s.io/v1 in kube-node-lease), as the kubelet's node lease
// controller keeps them: one per node, named after it, held by it, 40 s long, renewed every 10 s
// (a quarter of the duration) while the kubelet runs.
//
// Renewal is computed, not ticked: at each reconcile a running kubelet's lease carries the last
// renewal instant at or before now on its 10 s grid (anchored at the previous renewal, or at the node
// turning Ready again after its kubelet came back). A stopped kubelet's lease keeps the last renewal
// before it stopped. So the lease is written only when its RenewTime moves to a later grid point
// (always a change `describe node` shows), at most once per node per reconcile, and reconcile stays
// convergent. No wake-up is registered: a perpetual 10 s wake-up would make the waiting verbs
// (`wait`, `rollout status`) and `cluster advance` step the clock through every renewal, and keep
// "something pending" true forever. Instead the renewer tells the simulation it reads the clock
// (SimContext.readsClock), so the incremental reconcile re-runs it whenever the clock has moved.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { kubeletStoppedAt } from '../../sim/faults.js';
import { seedFromString } from '../../sim/random.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
export const NODE_LEASE_DURATION_SECONDS = 40;
/** nodelease.renewIntervalFraction (0.25) of the lease duration. */
export const NODE_LEASE_RENEW_MS = (NODE_LEASE_DURATION_SECONDS * 1000) / 4;

const leases = findResource('leases')!;

/** metav1.MicroTime: RFC 3339 with exactly six fractional digits. */
export function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** The Lease the kubelet of `node` creates, renewed at `renewMs`. */
export function nodeLeaseObject(node: KObject, renewMs: number): KObject {
  const name = node.metadata.name!;
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name,
      namespace: NODE_LEASE_NAMESPACE,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid! }],
    },
    spec: { holderIdentity: name, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(renewMs) },
  };
}

/**
 * Creates a node's lease. Its UID comes from a side stream seeded by the node's name and UID (itself
 * from the cluster's seeded stream), which is then rewound: the main stream, and so every generated
 * name, UID and address after it, is the same as without leases.
 */
export function createNodeLease(api: ApiServer, node: KObject, renewMs: number): KObject {
  const main = api.random.getState();
  api.random.setState(seedFromString(`lease/${node.metadata.name}/${node.metadata.uid}`));
  try {
    return api.create(leases, nodeLeaseObject(node, renewMs));
  } finally {
    api.random.setState(main);
  }
}

const readyOf = (node: KObject): any => (node['status']?.conditions ?? []).find((c: any) => c?.type === 'Ready');

function parse(ts: unknown): number | undefined {
  if (typeof ts !== 'string') return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * The renewal a lease last renewed at `last` shows at `until`: the latest point of the 10 s grid
 * from `anchor` (the later of the last renewal and a restart) that is not after `until`.
 */
export function renewedAt(last: number, restart: number | undefined, until: number): number {
  const anchor = restart !== undefined && restart > last && restart <= until ? restart : last;
  if (until <= anchor) return anchor;
  return anchor + Math.floor((until - anchor) / NODE_LEASE_RENEW_MS) * NODE_LEASE_RENEW_MS;
}

/** Creates a Ready node's missing lease and renews running kubelets' leases. */
export function syncNodeLeases(api: ApiServer, nodes: KObject[]): void {
  // No wake-up (see the header), but a moved clock must re-run the renewal.
  api.sim.readsClock();
  if (nodes.length === 0) return;
  const existing = new Map(api.list(leases, NODE_LEASE_NAMESPACE).map((l) => [l.metadata.name!, l]));
  const now = api.now();
  for (const node of nodes) {
    const name = node.metadata.name!;
    const stoppedAt = kubeletStoppedAt(api.store, name);
    const ready = readyOf(node);
    const lease = existing.get(name);
    if (!lease) {
      // A kubelet that runs and posts Ready holds a lease; a Node object without one (created by
      // hand, never Ready) has none.
      if (stoppedAt !== undefined || ready?.status !== 'True') continue;
      if (!api.peek(findResource('namespaces')!, undefined, NODE_LEASE_NAMESPACE)) continue;
      createNodeLease(api, node, now);
      continue;
    }
    if (lease.metadata.deletionTimestamp) continue;
    const last = parse(lease['spec']?.renewTime);
    if (last === undefined) continue;
    const restart = ready?.status === 'True' ? parse(ready.lastTransitionTime) : undefined;
    const next = renewedAt(last, restart, stoppedAt ?? now);
    if (next <= last) continue;
    api.update(leases, { ...lease, spec: { ...lease['spec'], holderIdentity: name, renewTime: microTime(next) } });
  }
}
