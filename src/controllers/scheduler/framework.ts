// The scheduler's view of the cluster for one pass (framework.NodeInfo over a snapshot) and the
// status a filter plugin returns. Plugins are plain functions over these values.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { addResources, emptyResources, nodeAllocatable, podRequests, type Allocatable, type Resources } from './resources.js';

/**
 * Unschedulable: preemption may help on this node. UnschedulableAndUnresolvable: it cannot
 * (a taint, a selector, a request larger than the whole node).
 */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status {
  code: Code;
  reasons: string[];
}

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface NodeInfo {
  node: KObject;
  name: string;
  /** Pods bound to the node that are not terminal, including ones bound earlier in this pass. */
  pods: KObject[];
  allocatable: Allocatable;
  /** Sum of the pods' requests. */
  requested: Resources;
  /** The same with 100m/200Mi for unset requests: what scoring uses. */
  nonZeroRequested: Resources;
  usedPorts: HostPort[];
  /**
   * Scoring's "pods on this node matching selector S in namespace N", by N and S: every pod scheduled
   * asks it of every node, and counting afresh each time made scheduling 10,000 pods quadratic.
   * Kept up to date as pods are added (each count with its predicate).
   */
  matchCounts?: Map<string, { matches: (pod: KObject) => boolean; count: number }>;
}

export type FilterPlugin = (pod: KObject, ni: NodeInfo) => Status | undefined;

export const isTerminal = (pod: KObject) => ['Succeeded', 'Failed'].includes(pod['status']?.phase);

/** Host ports a pod asks for: containers and sidecars (restartable init containers). */
export function podHostPorts(pod: KObject): HostPort[] {
  const spec = pod['spec'] ?? {};
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? []).filter((c: any) => c?.restartPolicy === 'Always')];
  const out: HostPort[] = [];
  for (const c of containers) {
    for (const p of c?.ports ?? []) {
      if (!p?.hostPort) continue;
      out.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

export function newNodeInfo(node: KObject): NodeInfo {
  return {
    node,
    name: node.metadata.name!,
    pods: [],
    allocatable: nodeAllocatable(node),
    requested: emptyResources(),
    nonZeroRequested: emptyResources(),
    usedPorts: [],
  };
}

export function addPod(ni: NodeInfo, pod: KObject): void {
  ni.pods.push(pod);
  for (const entry of ni.matchCounts?.values() ?? []) if (entry.matches(pod)) entry.count++;
  ni.requested = addResources(ni.requested, podRequests(pod));
  ni.nonZeroRequested = addResources(ni.nonZeroRequested, podRequests(pod, { nonZero: true }));
  ni.usedPorts.push(...podHostPorts(pod));
}

/** A NodeInfo without some of its pods (preemption's "what if the victims were gone"). */
export function withoutPods(ni: NodeInfo, gone: Set<KObject>): NodeInfo {
  const copy = newNodeInfo(ni.node);
  for (const p of ni.pods) if (!gone.has(p)) addPod(copy, p);
  return copy;
}

/** NodeInfos for all nodes, sorted by name, with the non-terminal pods bound to each. */
export function buildSnapshot(nodes: KObject[], pods: KObject[]): NodeInfo[] {
  const infos = [...nodes].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0)).map(newNodeInfo);
  const byName = new Map(infos.map((ni) => [ni.name, ni]));
  for (const pod of pods) {
    const ni = byName.get(pod['spec']?.nodeName);
    if (ni && !isTerminal(pod)) addPod(ni, pod);
  }
  return infos;
}
