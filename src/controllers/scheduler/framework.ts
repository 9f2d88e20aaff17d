// The scheduler's view of the cluster for one pass (framework.NodeInfo over a snapshot) and the
// status a filter plugin returns. Plugins are plain functions over these values.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { addInto, emptyResources, nodeAllocatable, podRequests, type Allocatable, type Resources } from './resources.js';

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
  /** Sum of the pods' requests (added to in place). */
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

export const isTerminal = (pod: KObject) => {
  const phase = pod['status']?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
};

const NO_PORTS: readonly HostPort[] = Object.freeze([]);

/**
 * Host ports a pod asks for: containers and sidecars (restartable init containers). Read only: most
 * pods ask for none and share one empty list (this runs for every pod in every snapshot).
 */
export function podHostPorts(pod: KObject): readonly HostPort[] {
  const spec = pod['spec'];
  let out: HostPort[] | undefined;
  const collect = (c: any) => {
    const ports = c?.ports;
    if (!ports) return;
    for (const p of ports) if (p?.hostPort) (out ??= []).push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
  };
  for (const c of spec?.containers ?? NO_PORTS) collect(c);
  for (const c of spec?.initContainers ?? NO_PORTS) if (c?.restartPolicy === 'Always') collect(c);
  return out ?? NO_PORTS;
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
  if (ni.matchCounts) for (const entry of ni.matchCounts.values()) if (entry.matches(pod)) entry.count++;
  addInto(ni.requested, podRequests(pod));
  addInto(ni.nonZeroRequested, podRequests(pod, { nonZero: true }));
  const ports = podHostPorts(pod);
  if (ports.length > 0) ni.usedPorts.push(...ports);
}

/** A NodeInfo without some of its pods (preemption's "what if the victims were gone"). */
export function withoutPods(ni: NodeInfo, gone: Set<KObject>): NodeInfo {
  const copy = newNodeInfo(ni.node);
  for (const p of ni.pods) if (!gone.has(p)) addPod(copy, p);
  return copy;
}

/**
 * Takes pods out of a NodeInfo in place: it is rebuilt from the pods left, rather than the requests
 * subtracted, so that its sums are exactly those of a NodeInfo built afresh.
 */
export function removePods(ni: NodeInfo, gone: Set<KObject>): void {
  const left = ni.pods.filter((p) => !gone.has(p));
  const fresh = newNodeInfo(ni.node);
  ni.pods = fresh.pods;
  ni.requested = fresh.requested;
  ni.nonZeroRequested = fresh.nonZeroRequested;
  ni.usedPorts = fresh.usedPorts;
  ni.matchCounts = undefined;
  for (const p of left) addPod(ni, p);
}

/** Nodes sorted by name: the order filters visit them in and ties are broken by. */
export const sortedByName = (nodes: readonly KObject[]): KObject[] =>
  [...nodes].sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));

/** The node a pod counts on: the one it is bound to, unless it is terminal. */
export const countedOn = (pod: KObject, byName: ReadonlyMap<string, NodeInfo>): NodeInfo | undefined => {
  const ni = byName.get(pod['spec']?.nodeName);
  return ni && !isTerminal(pod) ? ni : undefined;
};

/** NodeInfos for all nodes, sorted by name, with the non-terminal pods bound to each. */
export function buildSnapshot(nodes: KObject[], pods: KObject[]): NodeInfo[] {
  const infos = sortedByName(nodes).map(newNodeInfo);
  const byName = new Map(infos.map((ni) => [ni.name, ni]));
  for (const pod of pods) {
    const ni = countedOn(pod, byName);
    if (ni) addPod(ni, pod);
  }
  return infos;
}
