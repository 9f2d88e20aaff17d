// Fault injection (`kube-lite cluster node-down|node-up`): which nodes' kubelets are stopped, and
// since when. Kept with the cluster's meta values, not in the Node object: on a real cluster nothing
// in the API says a kubelet died; the node lifecycle controller only notices the silence.

/** The part of the store this needs (structural, so src/sim imports nothing above it). */
export interface MetaStore {
  getMeta<T>(name: string): T | undefined;
  setMeta(name: string, value: unknown): void;
}

const KEY = 'kubeletStopped';

/** Node name → the time (ms) its kubelet stopped posting status. */
function stopped(store: MetaStore): Record<string, number> {
  return store.getMeta<Record<string, number>>(KEY) ?? {};
}

export function kubeletStoppedAt(store: MetaStore, node: string): number | undefined {
  return stopped(store)[node];
}

/** Returns false when it was already stopped. */
export function stopKubelet(store: MetaStore, node: string, now: number): boolean {
  const all = stopped(store);
  if (all[node] !== undefined) return false;
  store.setMeta(KEY, { ...all, [node]: now });
  return true;
}

/** Returns false when it was running. */
export function startKubelet(store: MetaStore, node: string): boolean {
  const all = { ...stopped(store) };
  if (all[node] === undefined) return false;
  delete all[node];
  store.setMeta(KEY, all);
  return true;
}
