// manage (daemon_controller.go podsShouldBeOnNode): which nodes need a daemon pod and which pods
// must go — on nodes that no longer qualify, failed/succeeded ones, duplicates, pods of vanished nodes.

import type { KObject } from '../../api/types.js';
import { REVISION_HASH_LABEL, allowsSurge } from './kind.js';
import { byCreationAndPhase } from './podorder.js';
import { nodeShouldRunDaemonPod } from './predicates.js';

export interface ManagePlan {
  createOn: string[];
  deletePods: string[];
}

export function planManage(ds: KObject, nodes: readonly KObject[], byNode: Map<string, KObject[]>, hash: string): ManagePlan {
  const createOn: string[] = [];
  const deletePods: string[] = [];
  const surge = allowsSurge(ds);
  for (const node of nodes) {
    const name = node.metadata.name!;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(ds, node);
    const onNode = byNode.get(name);
    if (shouldRun && !onNode) {
      createOn.push(name);
    } else if (shouldContinueRunning && onNode) {
      const running: KObject[] = [];
      for (const pod of onNode) {
        if (pod.metadata.deletionTimestamp) continue;
        const phase = pod['status']?.phase;
        // A failed daemon is replaced (upstream adds a back-off); a succeeded one too.
        if (phase === 'Failed' || phase === 'Succeeded') deletePods.push(pod.metadata.name!);
        else running.push(pod);
      }
      if (running.length <= 1) continue;
      running.sort(byCreationAndPhase);
      if (!surge) {
        // Without surge only the oldest stays.
        for (const p of running.slice(1)) deletePods.push(p.metadata.name!);
      } else {
        // With surge the oldest new and the oldest old pod may both stay.
        let keptNew = false;
        let keptOld = false;
        for (const p of running) {
          const isNew = p.metadata.labels?.[REVISION_HASH_LABEL] === hash;
          if (isNew && !keptNew) keptNew = true;
          else if (!isNew && !keptOld) keptOld = true;
          else deletePods.push(p.metadata.name!);
        }
      }
    } else if (!shouldContinueRunning && onNode) {
      for (const pod of onNode) if (!pod.metadata.deletionTimestamp) deletePods.push(pod.metadata.name!);
    }
  }
  // getUnscheduledPodsWithoutNode: pending pods aimed at nodes that no longer exist (bound ones are
  // the pod garbage collector's).
  const existing = new Set(nodes.map((n) => n.metadata.name!));
  for (const [name, pods] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (existing.has(name)) continue;
    for (const pod of pods) if (!pod['spec']?.nodeName && !pod.metadata.deletionTimestamp) deletePods.push(pod.metadata.name!);
  }
  return { createOn, deletePods };
}
