// Pod helpers of the DaemonSet controller: grouping by node and podByCreationTimestampAndPhase.

import type { KObject } from '../../api/types.js';
import { targetNode } from './pods.js';

/** Bound pods first, then the older, then by name. */
export function byCreationAndPhase(a: KObject, b: KObject): number {
  const ba = a['spec']?.nodeName ? 0 : 1;
  const bb = b['spec']?.nodeName ? 0 : 1;
  if (ba !== bb) return ba - bb;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

const terminal = (p: KObject): boolean => ['Succeeded', 'Failed'].includes(p['status']?.phase);

/**
 * getNodesToDaemonPods: the claimed pods by target node. Without includeDeletedTerminal, pods both
 * terminal and being deleted are left out (nothing more to do with them).
 */
export function podsByNode(claimed: readonly KObject[], includeDeletedTerminal: boolean): Map<string, KObject[]> {
  const out = new Map<string, KObject[]>();
  for (const pod of claimed) {
    if (!includeDeletedTerminal && terminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNode(pod);
    if (node === undefined) continue;
    const list = out.get(node) ?? [];
    list.push(pod);
    out.set(node, list);
  }
  return out;
}
