// What the kubelets remember between the rounds of one command (api.sim.memo, never stored): the pods
// they found with nothing due, and where the store's history stood at their last pass, so that the
// next pass looks only at the pods that may have something due - not at all 10,000 every round.

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { compareIds, type ObjectKey, type Store } from '../../store/store.js';
import { podsOnNode } from '../pods-on-node.js';

const pods = findResource('pods')!;
const nodes = findResource('nodes')!;

/** A ConfigMap or Secret a pod names, with its resourceVersion when seen ('' while missing). */
export interface ConfigDep {
  key: ObjectKey;
  /** "resource/namespace/name" */
  id: string;
  rv: string;
}

/**
 * A pod the kubelet found with nothing due, as it was then. Until the pod, its node or the faults
 * change, or the clock reaches `wake`, another look would find the same.
 */
export interface Settled {
  uid: string;
  rv: string;
  nodeRv: string;
  faultsKey: string;
  /** The ConfigMaps and Secrets it names (every pod with a service account token names one), as then. */
  config: ConfigDep[];
  wake: number | undefined;
}

/**
 * The pod (the same one: its uid), its node and the faults are as they were when it settled. Whether
 * its ConfigMaps and Secrets are, and whether its wake-up is due, are the caller's to ask.
 */
export function sameAsSettled(s: Settled, pod: KObject, nodeRv: string | undefined, faultsKey: string): boolean {
  return s.uid === pod.metadata.uid && s.rv === pod.metadata.resourceVersion && s.nodeRv === nodeRv && s.faultsKey === faultsKey;
}

/** The resources whose changes can give a settled pod something to do. */
const WATCHED = ['pods', 'nodes', 'configmaps', 'secrets'] as const;

export interface KubeletState {
  /** By "namespace/name". */
  settled: Map<string, Settled>;
  /** Where the last pass left off: its store, the watched resources' change counts, the faults. */
  last?: { store: Store; versions: number[]; faultsKey: string };
  /** Pods ("namespace/name") the last pass left not settled: looked at again in the next. */
  restless: Set<string>;
}

export function kubeletState(api: ApiServer): KubeletState {
  let s = api.sim.memo.get('kubelet') as KubeletState | undefined;
  if (!s) api.sim.memo.set('kubelet', (s = { settled: new Map(), restless: new Set() }));
  return s;
}

export const podId = (p: KObject): string => [p.metadata.namespace ?? '', '/', p.metadata.name].join('');

/**
 * The pods this pass must look at, in list order. All of them on the first pass of a command (or when
 * the store cannot say what changed, the faults changed, or a ConfigMap or Secret did); after that the
 * pods written since the last pass, the pods on nodes written since, the ones the last pass left
 * restless and settled ones whose wake-up is due. Any other pod is settled as it was: looking at it
 * would find the same (see stillSettled), so skipping it changes nothing but the time taken - its
 * wake-up is registered as a look would. So is a pod written since whose version and node's version
 * are still those it settled with: the pass's own last write of it (every pod of a 10,000-pod
 * converge, in the round after it started them).
 */
export function podsToVisit(api: ApiServer, state: KubeletState, faultsKey: string, skipped: (s: Settled) => void): KObject[] {
  const store = api.store;
  const versions = WATCHED.map((r) => store.versionOf?.(`r:${r}`) ?? NaN);
  const last = state.last;
  state.last = { store, versions, faultsKey };
  const since = (i: number) => (last && last.store === store ? store.changesSince?.(WATCHED[i]!, last.versions[i]!) : undefined);
  const changedPods = since(0);
  const changedNodes = since(1);
  const configChanged = since(2)?.length !== 0 || since(3)?.length !== 0;
  if (!changedPods || !changedNodes || configChanged || last!.faultsKey !== faultsKey) {
    state.restless.clear();
    const all = api.list(pods);
    if (state.settled.size > 0) {
      const live = new Set(all.map(podId));
      for (const id of state.settled.keys()) if (!live.has(id)) state.settled.delete(id);
    }
    return all;
  }
  // Reads recorded as a full pass records them (an unchanged pods resource is what lets the next
  // command skip the kubelet).
  store.noteResourceRead?.('pods');
  const ids = new Set(changedPods);
  for (const nodeId of new Set(changedNodes)) {
    for (const p of podsOnNode(api, nodeId.slice(nodeId.indexOf('/') + 1))) ids.add(podId(p));
  }
  for (const id of state.restless) ids.add(id);
  state.restless.clear();
  const now = api.now();
  for (const [id, s] of state.settled) {
    if (ids.has(id)) continue;
    if (s.wake !== undefined && s.wake <= now) ids.add(id);
    else {
      if (s.wake !== undefined) api.sim.wakeAt(s.wake);
      skipped(s);
    }
  }
  const nodeRvs = new Map<string, string | undefined>();
  const nodeRv = (name: string) => {
    if (!nodeRvs.has(name)) nodeRvs.set(name, api.peek(nodes, undefined, name)?.metadata.resourceVersion);
    return nodeRvs.get(name);
  };
  const out: [string, KObject][] = [];
  for (const id of ids) {
    const slash = id.indexOf('/');
    const p = api.peek(pods, id.slice(0, slash) || undefined, id.slice(slash + 1));
    if (!p) {
      state.settled.delete(id);
      continue;
    }
    const s = state.settled.get(id);
    const unchanged = s !== undefined && sameAsSettled(s, p, nodeRv(p['spec']?.nodeName ?? ''), faultsKey) && (s.wake === undefined || now < s.wake);
    if (!unchanged) {
      out.push([id, p]);
      continue;
    }
    if (s.wake !== undefined) api.sim.wakeAt(s.wake);
    skipped(s);
  }
  return out.sort((a, b) => compareIds(a[0], b[0])).map(([, p]) => p);
}
