// DaemonSet status as a pure function (updateDaemonSetStatus + storeDaemonSetStatus). The four
// scheduling counters are always serialized; the others are omitted when zero.

import type { KObject } from '../../api/types.js';
import { isPodAvailable, isPodReady } from '../replicaset/podutil.js';
import { isPodUpdated, templateGeneration } from './kind.js';
import { byCreationAndPhase } from './podorder.js';
import { nodeShouldRunDaemonPod } from './predicates.js';

export function calculateStatus(ds: KObject, nodes: readonly KObject[], byNode: Map<string, KObject[]>, hash: string, nowMs: number): Record<string, unknown> {
  const minReady = Number(ds['spec']?.minReadySeconds ?? 0);
  const generation = templateGeneration(ds);
  let desired = 0, current = 0, misscheduled = 0, ready = 0, available = 0, updated = 0;
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(ds, node);
    const onNode = byNode.get(node.metadata.name!) ?? [];
    if (!shouldRun) {
      if (onNode.length > 0) misscheduled++;
      continue;
    }
    desired++;
    if (onNode.length === 0) continue;
    current++;
    // The oldest pod speaks for the node.
    const pod = [...onNode].sort(byCreationAndPhase)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const status: Record<string, unknown> = { ...structuredClone(ds['status'] ?? {}) };
  status['currentNumberScheduled'] = current;
  status['desiredNumberScheduled'] = desired;
  status['numberMisscheduled'] = misscheduled;
  status['numberReady'] = ready;
  const opt = (k: string, n: number) => (n ? (status[k] = n) : delete status[k]);
  opt('observedGeneration', Number(ds.metadata.generation ?? 0));
  opt('updatedNumberScheduled', updated);
  opt('numberAvailable', available);
  opt('numberUnavailable', desired - available);
  return status;
}
