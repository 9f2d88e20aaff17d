// NodeShouldRunDaemonPod (daemon_controller.go): whether a daemon pod should be started on a node,
// and whether an existing one may keep running there. Only nodeName, the node affinity/selector and
// taints count; resources and cordoning do not (the scheduler binds DaemonSet pods to cordoned nodes
// because they tolerate the unschedulable taint).
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { requiredAffinityMatches } from '../scheduler/nodeaffinity.js';
import { findUntoleratedTaint, type Taint } from '../scheduler/tolerations.js';
import { withDaemonTolerations } from './tolerations.js';

export interface ShouldRun {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

export function nodeShouldRunDaemonPod(ds: KObject, node: KObject): ShouldRun {
  const tspec = ds['spec']?.template?.spec ?? {};
  const nodeName = node.metadata.name;
  if (tspec.nodeName && tspec.nodeName !== nodeName) return { shouldRun: false, shouldContinueRunning: false };
  // The pod as NewPod builds it: the template with the daemon tolerations (affinity as the user wrote it).
  const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: { ...tspec, tolerations: withDaemonTolerations(tspec) } };
  if (!requiredAffinityMatches(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Taint[] | undefined = node['spec']?.taints;
  const tolerations = pod['spec'].tolerations;
  if (findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')) {
    // An untolerated NoSchedule taint keeps new pods off but lets a running one stay; NoExecute evicts.
    const evicting = findUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
    return { shouldRun: false, shouldContinueRunning: !evicting };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
