// The FailedScheduling message, as kube-scheduler 1.36 composes it (framework.FitError.Error plus
// the PostFilter plugins' message):
//
//   0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to
//   deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No
//   preemption victims found for incoming pod.
//
// Each rejected node contributes the reasons of the first filter that rejected it; reasons are counted
// and the "<count> <reason>" strings sorted as Go's sort.Strings does (byte order, so "10 x" < "2 y").
// The PostFilter part joins DynamicResources' "no new claims to deallocate" (kube-lite has no claims)
// and DefaultPreemption's verdict. Preemption is a dry run: nodes whose failure was
// UnschedulableAndUnresolvable are "not helpful", the others look for lower-priority victims.

import type { KObject } from '../../api/types.js';
import { unresolvable, withoutPods, type NodeInfo, type Status } from './framework.js';

export interface Diagnosis {
  numAllNodes: number;
  /** Nodes rejected by a filter (or a preemption dry run), with that status. */
  nodeStatuses: Map<string, Status>;
  /** What the nodes not in nodeStatuses count as (a PreFilter result or failure). */
  absentStatus?: Status;
  /** A PreFilter failure: replaces the per-node reasons. */
  preFilterMsg?: string;
}

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** framework.FitError.Error without the PostFilter message. */
export function fitErrorMessage(d: Diagnosis): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) return `${msg} ${d.preFilterMsg}.`;
  const counts = new Map<string, number>();
  for (const st of d.nodeStatuses.values()) for (const r of st.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = d.numAllNodes - d.nodeStatuses.size;
  if (absent > 0) for (const r of d.absentStatus?.reasons ?? []) counts.set(r, (counts.get(r) ?? 0) + absent);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort(byteOrder);
  if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  return msg;
}

export const DRA_NO_CLAIMS = 'no new claims to deallocate';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';

export type Filters = (pod: KObject, ni: NodeInfo) => Status | undefined;

const priority = (pod: KObject): number => Number(pod['spec']?.priority ?? 0);

/**
 * DefaultPreemption's PostFilter message, or undefined when preemption would find victims (then
 * PostFilter succeeds and the FailedScheduling message has no PostFilter part). Evicting victims is
 * not simulated.
 */
export function preemptionMessage(pod: KObject, nodes: NodeInfo[], d: Diagnosis, filters: Filters): string | undefined {
  if (pod['spec']?.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const statuses = new Map<string, Status>();
  for (const ni of nodes) {
    if (d.nodeStatuses.get(ni.name)?.code !== 'Unschedulable') continue;
    const victims = new Set(ni.pods.filter((p) => priority(p) < priority(pod)));
    if (victims.size === 0) {
      statuses.set(ni.name, unresolvable(NO_VICTIMS));
      continue;
    }
    const st = filters(pod, withoutPods(ni, victims));
    if (!st) return undefined; // a candidate exists
    statuses.set(ni.name, st);
  }
  const inner = fitErrorMessage({ numAllNodes: d.numAllNodes, nodeStatuses: statuses, absentStatus: unresolvable(PREEMPTION_NOT_HELPFUL) });
  return `preemption: ${inner}`;
}

/** The whole message: FitError, then the PostFilter plugins' reasons joined by ", ". */
export function failedSchedulingMessage(pod: KObject, nodes: NodeInfo[], d: Diagnosis, filters: Filters): string {
  const preemption = preemptionMessage(pod, nodes, d, filters);
  const fit = fitErrorMessage(d);
  return preemption === undefined ? fit : `${fit} ${DRA_NO_CLAIMS}, ${preemption}`;
}
