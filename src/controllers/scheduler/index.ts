// The scheduler (kube-scheduler's default profile, simulated): binds each pending pod whose
// schedulerName is default-scheduler to a node, or records why it cannot.
//
// One pass: take the pending pods in queue order (higher spec.priority first, then oldest), run the
// PreFilter and Filter plugins over the nodes sorted by name, starting where the last pod's search
// stopped, until enough feasible ones are found (percentageOfNodesToScore: all of them below 100
// nodes), score those (score.ts) and bind through pods/binding. Pods bound earlier in the pass count on their node for later ones. The
// nodes with their pods (NodeInfos) are kept from pass to pass and brought up to date (cache.ts).
// A pod that fits nowhere gets PodScheduled=False/Unschedulable and a FailedScheduling event
// (fiterror.ts). It is re-tried on every pass, so it binds as soon as room appears; while the verdict
// is unchanged nothing is written, except that, like the scheduler flushing its unschedulable queue
// every 5 minutes, the event is repeated (count bumped) 5 minutes after it was last recorded.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { eventsAbout, recordEvent } from '../events/record.js';
import { failedSchedulingMessage, type Diagnosis } from './fiterror.js';
import { SchedulerCache } from './cache.js';
import { isTerminal, unresolvable, type FilterPlugin, type NodeInfo, type Status } from './framework.js';
import { nodeAffinity, nodeAffinityPreFilter } from './nodeaffinity.js';
import { nodeName } from './nodename.js';
import { nodePorts } from './nodeports.js';
import { nodeResourcesFit } from './noderesources.js';
import { nodeUnschedulable } from './nodeunschedulable.js';
import { SpreadCache } from './podtopologyspread.js';
import { selectHost } from './score.js';
import { taintToleration } from './tainttoleration.js';
import { recordSelectedNode, volumeBindingFilter, volumeBindingPreFilter } from './volumebinding.js';

export const SCHEDULER_NAME = 'default-scheduler';

/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried (and re-reported) after this. */
export const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;

/**
 * The default profile's filters, in its order; a node's status is that of the first that rejects it.
 * Called one by one rather than from a list in a loop: a call site that sees one function can inline
 * it, and this runs for every node for every pod.
 */
export function runFilters(pod: KObject, ni: NodeInfo): Status | undefined {
  return (
    nodeUnschedulable(pod, ni) ??
    nodeName(pod, ni) ??
    taintToleration(pod, ni) ??
    nodeAffinity(pod, ni) ??
    nodePorts(pod, ni) ??
    nodeResourcesFit(pod, ni)
  );
}

export type ScheduleResult = { node: NodeInfo } | { message: string };

/**
 * What kube-scheduler keeps from one scheduling cycle to the next: where the search for feasible
 * nodes goes on (nextStartNodeIndex), so that every node has the same chance of being looked at.
 */
export interface SearchStart {
  next: number;
}

/** minFeasibleNodesToFind, minFeasibleNodesPercentageToFind (schedule_one.go). */
const MIN_FEASIBLE_NODES = 100;
const MIN_FEASIBLE_PERCENTAGE = 5;

/**
 * numFeasibleNodesToFind with the default percentageOfNodesToScore (0: adaptive): all nodes below
 * 100; otherwise 50% less 1% per 125 nodes (at least 5%), and never fewer than 100.
 */
export function feasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES) return numAllNodes;
  const percentage = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_PERCENTAGE);
  return Math.max(Math.trunc((numAllNodes * percentage) / 100), MIN_FEASIBLE_NODES);
}

/**
 * One scheduling cycle for one pod (schedulePod + PostFilter), without side effects. `spread`: the
 * pass's SpreadCache, when one snapshot serves many pods.
 */
export function schedulePod(api: ApiServer, pod: KObject, nodes: NodeInfo[], spread?: SpreadCache, start: SearchStart = { next: 0 }): ScheduleResult {
  if (nodes.length === 0) return { message: 'no nodes available to schedule pods' };
  const diagnosis: Diagnosis = { numAllNodes: nodes.length, nodeStatuses: new Map() };
  // VolumeBinding's Filter comes after the FILTERS in the default profile.
  const volumes = volumeBindingFilter(api, pod);
  const filters: FilterPlugin = volumes ? (p, ni) => runFilters(p, ni) ?? volumes(p, ni) : runFilters;
  const fail = () => ({ message: failedSchedulingMessage(pod, nodes, diagnosis, filters) });

  // PreFilter, in the profile's order: NodeAffinity (may narrow the nodes), then VolumeBinding.
  const affinity = nodeAffinityPreFilter(pod);
  const preFailure = (affinity instanceof Set ? undefined : affinity) ?? volumeBindingPreFilter(api, pod);
  if (preFailure) {
    diagnosis.preFilterMsg = preFailure.reasons.join(', ');
    diagnosis.absentStatus = preFailure;
    return fail();
  }
  let candidates = nodes;
  if (affinity instanceof Set) {
    candidates = nodes.filter((ni) => affinity.has(ni.name));
    diagnosis.absentStatus = unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]");
  }
  // findNodesThatPassFilters: from where the last search stopped, until enough nodes fit (the real
  // one checks 16 at a time and keeps the first found; one at a time here, in order).
  const toFind = feasibleNodesToFind(candidates.length);
  // (made as long as it may get, then cut: pushing 100 nodes grew it six times, for every pod)
  const feasible = new Array<NodeInfo>(toFind);
  let found = 0;
  for (let i = 0; i < candidates.length && found < toFind; i++) {
    const ni = candidates[(start.next + i) % candidates.length]!;
    const st = filters(pod, ni);
    if (st) diagnosis.nodeStatuses.set(ni.name, st);
    else feasible[found++] = ni;
  }
  feasible.length = found;
  start.next = (start.next + found + diagnosis.nodeStatuses.size) % nodes.length;
  if (feasible.length === 0) return fail();
  return { node: selectHost(api, pod, feasible, nodes, spread) };
}

/** Pods this scheduler should place now. */
function needsScheduling(pod: KObject): boolean {
  const spec = pod['spec'] ?? {};
  return (
    !spec.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !isTerminal(pod) &&
    !(spec.schedulingGates?.length > 0)
  );
}

/** A pending pod with what PrioritySort compares, worked out once rather than in every comparison. */
interface Queued {
  pod: KObject;
  priority: number;
  created: number;
  key: string;
}

const queued = (pod: KObject): Queued => ({
  pod,
  priority: Number(pod['spec']?.priority ?? 0),
  created: Date.parse(pod.metadata.creationTimestamp ?? '') || 0,
  key: `${pod.metadata.namespace}/${pod.metadata.name}`,
});

/** PrioritySort: higher priority first, then the older pod; name for a stable order. */
function queueOrder(a: Queued, b: Queued): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.created !== b.created) return a.created - b.created;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Pods without a node (an index: nearly every pod has one, and most passes find none without). */
const unbound = (pod: KObject): string | undefined => (pod['spec']?.nodeName ? undefined : 'yes');

export function schedulerController(api: ApiServer): void {
  // Nothing waiting to be placed: nothing to do, nor to bring the cache up to date for (the next pass
  // that places a pod does that from what it lists).
  if (!api.listBy(api.resource('pods'), unbound, 'yes').some(needsScheduling)) return;
  const pods = api.list(api.resource('pods'));
  const cache = SchedulerCache.of(api);
  // Pods counted on a node are bound: only the others can be waiting to be.
  const { nodeInfos: nodes, uncounted } = cache.update(api.list(api.resource('nodes')), pods);
  const spread = new SpreadCache();
  const now = api.now();
  // The scheduler's memory across commands (one long-running process in a real cluster); not an input
  // that should wake it, as only it changes it.
  const start: SearchStart = { next: api.untracked(() => api.store.getMeta<SearchStart>(MEMORY)?.next) ?? 0 };
  for (const { pod } of uncounted.filter(needsScheduling).map(queued).sort(queueOrder)) {
    // Realistic timing: the scheduler takes a moment after the pod appears.
    const due = (Date.parse(pod.metadata.creationTimestamp ?? '') || now) + api.sim.delays.schedule;
    if (now < due) {
      api.sim.wakeAt(due);
      continue;
    }
    const result = schedulePod(api, pod, nodes, spread, start);
    if ('node' in result) bind(api, cache, pod, result.node);
    else reportUnschedulable(api, pod, result.message);
  }
  api.store.setMeta(MEMORY, start);
}

/** Store meta value the scheduler keeps its memory in. */
const MEMORY = 'scheduler';

function bind(api: ApiServer, cache: SchedulerCache, pod: KObject, ni: NodeInfo): void {
  const bound = api.bindPod(pod.metadata.namespace!, pod.metadata.name!, ni.name);
  cache.assume(ni, bound);
  recordSelectedNode(api, bound, ni.name);
  recordEvent(api, pod, {
    type: 'Normal',
    reason: 'Scheduled',
    message: `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${ni.name}`,
    component: SCHEDULER_NAME,
  });
}

/** Events' note is limited to 1 kB; the scheduler cuts longer messages (truncateMessage). */
function truncate(msg: string): string {
  const limit = 1024;
  return msg.length > limit ? `${msg.slice(0, limit - 3)}...` : msg;
}

function lastReported(api: ApiServer, pod: KObject, message: string): number | undefined {
  const ev = eventsAbout(api, pod.metadata.namespace ?? '', pod.metadata.uid, 'FailedScheduling', message)[0];
  const t = ev ? Date.parse(ev['lastTimestamp'] ?? ev['eventTime'] ?? '') : NaN;
  return Number.isNaN(t) ? undefined : t;
}

function reportUnschedulable(api: ApiServer, pod: KObject, message: string): void {
  const conditions: any[] = pod['status']?.conditions ?? [];
  const current = conditions.find((c) => c?.type === 'PodScheduled');
  const unchanged = current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message;
  const note = truncate(message);
  if (unchanged) {
    const last = lastReported(api, pod, note);
    const retryAt = (last ?? -Infinity) + UNSCHEDULABLE_RETRY_MS;
    if (api.now() < retryAt) {
      api.sim.wakeAt(retryAt);
      return;
    }
  } else {
    const copy = structuredClone(pod);
    const condition = {
      lastProbeTime: null,
      // UpdatePodCondition keeps the transition time while the status stays the same.
      lastTransitionTime: current?.status === 'False' ? current.lastTransitionTime : rfc3339(api.now()),
      message,
      reason: 'Unschedulable',
      status: 'False',
      type: 'PodScheduled',
    };
    copy['status'] = { ...(copy['status'] ?? {}), conditions: current ? conditions.map((c) => (c === current ? condition : c)) : [...conditions, condition] };
    api.updateStatus(api.resource('pods'), copy);
  }
  recordEvent(api, pod, { type: 'Warning', reason: 'FailedScheduling', message: note, component: SCHEDULER_NAME });
  api.sim.wakeAt(api.now() + UNSCHEDULABLE_RETRY_MS);
}
