// Node health (kube-controller-manager's node lifecycle controller, tryUpdateNodeHealth and the
// no-schedule/no-execute tainting passes): a node whose kubelet stopped posting status for longer
// than the monitor grace period gets Unknown conditions and the `unreachable` taints; when its
// kubelet posts again (node-up) the kubelet's conditions return and the taints go.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { kubeletStoppedAt } from '../../sim/faults.js';
import { recordEvent } from '../events/record.js';
import { podsOnNode } from '../pods-on-node.js';

export const UNREACHABLE = 'node.kubernetes.io/unreachable';

const nodes = findResource('nodes')!;
const pods = findResource('pods')!;

/** What the kubelet reports for a healthy node, per condition type. */
const KUBELET_CONDITIONS: Record<string, { status: string; reason: string; message: string }> = {
  MemoryPressure: { status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  DiskPressure: { status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  PIDPressure: { status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  Ready: { status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
};

const readyOf = (node: KObject): any => (node['status']?.conditions ?? []).find((c: any) => c?.type === 'Ready');

export function syncNodeHealth(api: ApiServer, node: KObject): void {
  const stoppedAt = kubeletStoppedAt(api.store, node.metadata.name!);
  if (stoppedAt !== undefined) markUnreachable(api, node, stoppedAt);
  else markReachable(api, node);
}

function markUnreachable(api: ApiServer, node: KObject, stoppedAt: number): void {
  let current = node;
  if (readyOf(node)?.status !== 'Unknown') {
    const due = stoppedAt + api.sim.delays.nodeMonitorGrace;
    if (api.now() < due) {
      api.sim.wakeAt(due);
      return;
    }
    const now = rfc3339(api.now());
    const updated = structuredClone(node);
    for (const c of updated['status']?.conditions ?? []) {
      if (!(c.type in KUBELET_CONDITIONS)) continue;
      // The last heartbeat stays: it is when the kubelet was last heard from.
      Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now });
    }
    current = api.updateStatus(nodes, updated);
    recordEvent(api, current, { type: 'Normal', reason: 'NodeNotReady', message: `Node ${node.metadata.name} status is now: NodeNotReady`, component: 'node-controller' });
    markPodsNotReady(api, node.metadata.name!);
  }
  setUnreachableTaints(api, current, true);
}

function markReachable(api: ApiServer, node: KObject): void {
  let current = node;
  const ready = readyOf(node);
  if (ready?.status === 'Unknown' && ready.reason === 'NodeStatusUnknown') {
    // The kubelet is back: it posts its conditions again (and records NodeReady itself).
    const now = rfc3339(api.now());
    const updated = structuredClone(node);
    for (const c of updated['status']?.conditions ?? []) {
      const healthy = KUBELET_CONDITIONS[c.type];
      if (healthy) Object.assign(c, { ...healthy, lastHeartbeatTime: now, lastTransitionTime: now });
    }
    current = api.updateStatus(nodes, updated);
    recordEvent(api, current, {
      type: 'Normal',
      reason: 'NodeReady',
      message: `Node ${node.metadata.name} status is now: NodeReady`,
      component: 'kubelet',
      host: node.metadata.name,
    });
    markPodsReadyAgain(api, node.metadata.name!);
  }
  setUnreachableTaints(api, current, false);
}

/** Adds (NoSchedule, then NoExecute, stamped with timeAdded) or removes the unreachable taints. */
function setUnreachableTaints(api: ApiServer, node: KObject, present: boolean): void {
  const taints: any[] = node['spec']?.taints ?? [];
  const has = (effect: string) => taints.some((t) => t.key === UNREACHABLE && t.effect === effect);
  let next: any[];
  if (present) {
    if (has('NoSchedule') && has('NoExecute')) return;
    const timeAdded = rfc3339(api.now());
    next = [...taints];
    for (const effect of ['NoSchedule', 'NoExecute']) if (!has(effect)) next.push({ effect, key: UNREACHABLE, timeAdded });
  } else {
    if (!has('NoSchedule') && !has('NoExecute')) return;
    next = taints.filter((t) => t.key !== UNREACHABLE);
  }
  const spec = { ...node['spec'] };
  if (next.length > 0) spec.taints = next;
  else delete spec.taints;
  api.update(nodes, { ...node, metadata: { ...node.metadata, resourceVersion: undefined }, spec });
}

const onNode = (api: ApiServer, nodeName: string) => podsOnNode(api, nodeName);

/** MarkPodsNotReady: the pods of an unreachable node are no longer Ready (and say why in an event). */
function markPodsNotReady(api: ApiServer, nodeName: string): void {
  for (const pod of onNode(api, nodeName)) {
    const updated = structuredClone(pod);
    const ready = (updated['status']?.conditions ?? []).find((c: any) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    Object.assign(ready, { status: 'False', lastTransitionTime: rfc3339(api.now()) });
    api.updateStatus(pods, updated);
    recordEvent(api, pod, { type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', component: 'node-controller' });
  }
}

/** The kubelet's next status sync: running pods whose containers are all ready are Ready again. */
function markPodsReadyAgain(api: ApiServer, nodeName: string): void {
  for (const pod of onNode(api, nodeName)) {
    const status = pod['status'] ?? {};
    const statuses: any[] = status.containerStatuses ?? [];
    if (pod.metadata.deletionTimestamp || status.phase !== 'Running' || statuses.length === 0 || !statuses.every((s) => s.ready)) continue;
    const updated = structuredClone(pod);
    const ready = (updated['status'].conditions ?? []).find((c: any) => c.type === 'Ready');
    if (!ready || ready.status === 'True') continue;
    Object.assign(ready, { status: 'True', lastTransitionTime: rfc3339(api.now()) });
    api.updateStatus(pods, updated);
  }
}
