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

// Workload faults (`kube-lite cluster fault …`): a container that crashes, a probe that fails, an
// image that cannot be pulled. Like a stopped kubelet they are facts about the simulated world, not
// API objects, so they live in the cluster's meta values and last until `cluster fault clear`.

export type ProbeKind = 'liveness' | 'readiness' | 'startup';
export const PROBE_KINDS: readonly ProbeKind[] = ['liveness', 'readiness', 'startup'];

export interface PodFault {
  kind: 'crash' | 'probe-fail';
  namespace: string;
  pod: string;
  /** The pod instance the fault was set on: a new pod with the same name is not affected. */
  uid: string;
  container: string;
  /** crash: the exit code. */
  exitCode?: number;
  /** probe-fail: which probe. */
  probe?: ProbeKind;
  /** When the fault was set (ms). */
  since: number;
}

export interface ImageFault {
  /** As given on the command line, and as the runtime names it (docker.io/library/nginx:1.25). */
  image: string;
  normalized: string;
  since: number;
}

export interface Faults {
  pods: PodFault[];
  images: ImageFault[];
}

const FAULTS = 'faults';

export function loadFaults(store: MetaStore): Faults {
  const f = store.getMeta<Faults>(FAULTS);
  return { pods: f?.pods ?? [], images: f?.images ?? [] };
}

function saveFaults(store: MetaStore, f: Faults): void {
  store.setMeta(FAULTS, f.pods.length === 0 && f.images.length === 0 ? undefined : f);
}

const samePodFault = (a: PodFault, b: PodFault): boolean =>
  a.uid === b.uid && a.container === b.container && a.kind === b.kind && (a.kind === 'crash' || a.probe === b.probe);

/** Sets (or replaces) a fault on a pod's container. */
export function setPodFault(store: MetaStore, fault: PodFault): void {
  const f = loadFaults(store);
  saveFaults(store, { ...f, pods: [...f.pods.filter((p) => !samePodFault(p, fault)), fault] });
}

export function setImageFault(store: MetaStore, fault: ImageFault): void {
  const f = loadFaults(store);
  saveFaults(store, { ...f, images: [...f.images.filter((i) => i.normalized !== fault.normalized), fault] });
}

/** Removes every workload fault; returns how many there were. */
export function clearFaults(store: MetaStore): number {
  const f = loadFaults(store);
  const n = f.pods.length + f.images.length;
  if (n > 0) saveFaults(store, { pods: [], images: [] });
  return n;
}

/** What is wrong with one container now, as the kubelet's stages see it. */
export interface ContainerFaults {
  crash?: { exitCode: number; since: number };
  /** Probe kind → since when it fails. */
  probes?: Partial<Record<ProbeKind, number>>;
  /** Pulls of the container's image fail. */
  unpullable?: boolean;
}

export function containerFaults(f: Faults, podUid: string, container: string, normalizedImage: string): ContainerFaults {
  const out: ContainerFaults = {};
  for (const p of f.pods) {
    if (p.uid !== podUid || p.container !== container) continue;
    if (p.kind === 'crash') out.crash = { exitCode: p.exitCode ?? 1, since: p.since };
    else if (p.probe) out.probes = { ...out.probes, [p.probe]: p.since };
  }
  if (f.images.some((i) => i.normalized === normalizedImage)) out.unpullable = true;
  return out;
}
