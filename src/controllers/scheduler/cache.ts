// The scheduler's cache (kube-scheduler's backend/cache, simplified): the NodeInfos of one pass kept
// for the next pass of the same command (api.sim.memo) and brought up to date from what that pass
// lists, instead of built again from every pod. Converging 10,000 replicas takes ~20 rounds, and
// adding every pod to its node afresh in each was a fifth of the scheduler's time.
//
// Nothing is taken on trust. Stored objects are never changed (a write stores a new object), so a
// listed pod that is the very object counted before counts the same. A new object of a counted pod
// counts the same when everything a NodeInfo takes from a pod is unchanged: its node, that it is not
// terminal, and the same spec object (requests, host ports, priority), labels object, namespace and
// deletionTimestamp (a status update shares spec and labels with the object it replaces). Any other
// change takes the old object out and adds the new one. Pods no longer listed are taken out. A node
// whose object changed gets the new one; nodes added or removed make the cache start afresh. Under
// the test suite (KUBE_LITE_FREEZE=1) every update is checked against a snapshot built afresh.

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { selfChecks } from '../../util/self-checks.js';
import { addPod, buildSnapshot, countedOn, newNodeInfo, removePods, sortedByName, type NodeInfo } from './framework.js';
import { nodeAllocatable } from './resources.js';

interface Counted {
  pod: KObject;
  ni: NodeInfo;
}

const podKey = (pod: KObject): string => pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;

/** What a NodeInfo takes from a pod on the same node, by identity (see the top of the file). */
const sameFootprint = (a: KObject, b: KObject): boolean =>
  a['spec'] === b['spec'] &&
  a.metadata.labels === b.metadata.labels &&
  a.metadata.namespace === b.metadata.namespace &&
  a.metadata.deletionTimestamp === b.metadata.deletionTimestamp;

export class SchedulerCache {
  /** The node objects the NodeInfos hold, sorted by name. */
  private nodes: KObject[] = [];
  private infos: NodeInfo[] = [];
  private byName = new Map<string, NodeInfo>();
  /** The pods counted on a node, by uid, and the same by the object counted (found without reading it). */
  private readonly byKey = new Map<string, Counted>();
  private readonly byObject = new Map<KObject, Counted>();

  static of(api: ApiServer): SchedulerCache {
    let cache = api.sim.memo.get('scheduler') as SchedulerCache | undefined;
    if (!cache) api.sim.memo.set('scheduler', (cache = new SchedulerCache()));
    return cache;
  }

  /**
   * The NodeInfos for a pass over all `nodes` and `pods` (as listed now), sorted by node name, and the
   * pods not counted on any node, in list order: the pending ones are among them.
   */
  update(nodes: KObject[], pods: KObject[]): { nodeInfos: NodeInfo[]; uncounted: KObject[] } {
    let uncounted: KObject[];
    try {
      uncounted = this.sync(nodes, pods);
    } catch (e) {
      this.reset([]); // half brought up to date: start afresh next time
      throw e;
    }
    if (selfChecks()) this.check(pods, uncounted);
    return { nodeInfos: this.infos, uncounted };
  }

  /** A pod this pass bound (AssumePod): counted on its node from now on. */
  assume(ni: NodeInfo, pod: KObject): void {
    addPod(ni, pod);
    this.count({ pod, ni }, podKey(pod));
  }

  private count(c: Counted, key: string): void {
    this.byKey.set(key, c);
    this.byObject.set(c.pod, c);
  }

  private reset(nodes: KObject[]): void {
    this.nodes = nodes;
    this.infos = nodes.map(newNodeInfo);
    this.byName = new Map(this.infos.map((ni) => [ni.name, ni]));
    this.byKey.clear();
    this.byObject.clear();
  }

  private sync(listedNodes: KObject[], pods: KObject[]): KObject[] {
    const nodes = sortedByName(listedNodes);
    if (nodes.length !== this.nodes.length || nodes.some((n, i) => n.metadata.name !== this.nodes[i]!.metadata.name)) this.reset(nodes);
    nodes.forEach((n, i) => {
      if (n === this.nodes[i]) return;
      this.infos[i]!.node = n;
      this.infos[i]!.allocatable = nodeAllocatable(n);
    });
    this.nodes = nodes;

    const gone = new Map<NodeInfo, Set<KObject>>();
    const takeOut = (c: Counted, key: string) => {
      let set = gone.get(c.ni);
      if (!set) gone.set(c.ni, (set = new Set()));
      set.add(c.pod);
      this.byKey.delete(key);
      this.byObject.delete(c.pod);
    };
    const uncounted: KObject[] = [];
    const before = this.byKey.size;
    let listed = 0;
    for (const pod of pods) {
      // Most pods, most passes: the very object counted, and nothing more of it need be read.
      if (this.byObject.has(pod)) {
        listed++;
        continue;
      }
      const key = podKey(pod);
      const was = this.byKey.get(key);
      const ni = countedOn(pod, this.byName);
      if (was) {
        listed++;
        if (ni === was.ni && sameFootprint(was.pod, pod)) {
          ni.pods[ni.pods.indexOf(was.pod)] = pod;
          this.byObject.delete(was.pod);
          was.pod = pod;
          this.byObject.set(pod, was);
          continue;
        }
        takeOut(was, key);
      }
      if (ni) {
        addPod(ni, pod);
        this.count({ pod, ni }, key);
      } else uncounted.push(pod);
    }
    // Each pod is listed once: fewer found than were counted means some are gone from the store.
    if (listed < before) {
      const keys = new Set(pods.map(podKey));
      for (const [key, c] of this.byKey) if (!keys.has(key)) takeOut(c, key);
    }
    for (const [ni, out] of gone) removePods(ni, out);
    return uncounted;
  }

  /** Under the test suite: the NodeInfos must be what a snapshot built afresh has. */
  private check(pods: KObject[], uncounted: KObject[]): void {
    const fresh = buildSnapshot(this.nodes, pods);
    const counted = new Set(fresh.flatMap((ni) => ni.pods));
    const want = pods.filter((p) => !counted.has(p));
    const problem = diffSnapshots(this.infos, fresh) ?? (want.length !== uncounted.length || want.some((p, i) => p !== uncounted[i]) ? 'uncounted pods' : undefined);
    if (problem) throw new Error(`scheduler cache out of date: ${problem}`);
  }
}

/** How two snapshots differ (undefined: they do not), counting pods by identity and in any order. */
export function diffSnapshots(got: NodeInfo[], want: NodeInfo[]): string | undefined {
  if (got.length !== want.length) return `${got.length} nodes, want ${want.length}`;
  const sorted = (o: Record<string, number>) => JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const resources = (ni: NodeInfo) => [ni.requested, ni.nonZeroRequested].map((r) => `${r.milliCPU}/${r.memory}/${r.ephemeralStorage}/${sorted(r.scalars)}`).join(' ');
  const ports = (ni: NodeInfo) => ni.usedPorts.map((p) => `${p.ip}:${p.port}/${p.protocol}`).sort().join(',');
  for (let i = 0; i < got.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const where = `node ${w.name}`;
    if (g.name !== w.name || g.node !== w.node) return `${where}: node object`;
    if (JSON.stringify(g.allocatable) !== JSON.stringify(w.allocatable)) return `${where}: allocatable`;
    const pods = new Set(g.pods);
    if (pods.size !== g.pods.length || g.pods.length !== w.pods.length || !w.pods.every((p) => pods.has(p))) return `${where}: pods`;
    if (resources(g) !== resources(w)) return `${where}: requests ${resources(g)}, want ${resources(w)}`;
    if (ports(g) !== ports(w)) return `${where}: host ports`;
    for (const [key, entry] of g.matchCounts ?? []) {
      if (entry.count !== g.pods.filter(entry.matches).length) return `${where}: count of ${JSON.stringify(key)}`;
    }
  }
  return undefined;
}
