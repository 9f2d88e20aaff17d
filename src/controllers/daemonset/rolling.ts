// RollingUpdate (daemon/update.go rollingUpdate): which old pods to delete and which nodes get a
// surge pod this pass. Nodes are walked in name order (upstream: Go map order).
//   3 nodes, maxUnavailable 1, maxSurge 0: delete one old pod; once its replacement is available,
//   the next; a node whose old pod is already unavailable is replaced at once.
//   3 nodes, maxSurge 1: start one new pod next to an old one; when it is available, delete the old.

import type { KObject } from '../../api/types.js';
import { valueFromIntOrPercent } from '../deployment/arithmetic.js';
import { isPodAvailable } from '../replicaset/podutil.js';
import { isPodUpdated, templateGeneration } from './kind.js';
import { nodeShouldRunDaemonPod } from './predicates.js';

export interface RollingPlan {
  deletePods: string[];
  createOn: string[];
}

/** updatedDesiredNodeCounts: both rounded up; 0/0 behaves as maxUnavailable 1. */
export function rollingBudget(ds: KObject, desired: number): { maxUnavailable: number; maxSurge: number } {
  const ru = ds['spec']?.updateStrategy?.rollingUpdate ?? {};
  const maxUnavailable = valueFromIntOrPercent(ru.maxUnavailable ?? 0, desired, true) ?? 0;
  const maxSurge = valueFromIntOrPercent(ru.maxSurge ?? 0, desired, true) ?? 0;
  return maxUnavailable === 0 && maxSurge === 0 ? { maxUnavailable: 1, maxSurge: 0 } : { maxUnavailable, maxSurge };
}

interface NodePods {
  newPod?: KObject;
  oldPod?: KObject;
  /** false: more than one new or old pod; manage cleans up first. */
  ok: boolean;
}

function findUpdatedPodsOnNode(pods: readonly KObject[], hash: string, generation: string): NodePods {
  const r: NodePods = { ok: true };
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const slot = isPodUpdated(pod, hash, generation) ? 'newPod' : 'oldPod';
    if (r[slot]) return { ok: false };
    r[slot] = pod;
  }
  return r;
}

export function planRollingUpdate(ds: KObject, nodes: readonly KObject[], byNode: Map<string, KObject[]>, hash: string, nowMs: number): RollingPlan {
  const minReady = Number(ds['spec']?.minReadySeconds ?? 0);
  const generation = templateGeneration(ds);
  const available = (p: KObject) => isPodAvailable(p, minReady, nowMs);
  // Every node that should run a daemon is walked, with or without pods.
  const walk = new Map(byNode);
  let desired = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(ds, node).shouldRun) continue;
    desired++;
    if (!walk.has(node.metadata.name!)) walk.set(node.metadata.name!, []);
  }
  const names = [...walk.keys()].sort();
  const { maxUnavailable, maxSurge } = rollingBudget(ds, desired);

  if (maxSurge === 0) {
    let unavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const name of names) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(walk.get(name)!, hash, generation);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
      else if (newPod) {
        if (!available(newPod)) unavailable++;
      } else if (!available(oldPod!)) allowed.push(oldPod!.metadata.name!);
      else if (unavailable < maxUnavailable) candidates.push(oldPod!.metadata.name!);
    }
    const remaining = Math.min(Math.max(maxUnavailable - unavailable, 0), candidates.length);
    return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOn: [] };
  }

  let surged = 0;
  const deletePods: string[] = [];
  const allowedNodes: string[] = [];
  const candidateNodes: string[] = [];
  const nodeByName = new Map(nodes.map((n) => [n.metadata.name!, n]));
  for (const name of names) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(walk.get(name)!, hash, generation);
    if (!ok) {
      surged++;
      continue;
    }
    if (!oldPod) continue; // a fresh node or a finished one: manage handles it
    if (!newPod) {
      if (!available(oldPod)) {
        const node = nodeByName.get(name);
        if (node && nodeShouldRunDaemonPod(ds, node).shouldRun) allowedNodes.push(name);
      } else if (surged < maxSurge) candidateNodes.push(name);
      continue;
    }
    if (!available(newPod)) surged++;
    else deletePods.push(oldPod.metadata.name!);
  }
  const remaining = Math.min(Math.max(maxSurge - surged, 0), candidateNodes.length);
  return { deletePods, createOn: [...allowedNodes, ...candidateNodes.slice(0, remaining)] };
}
