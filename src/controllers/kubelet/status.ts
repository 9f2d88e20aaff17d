// The kubelet's pod status, as pure functions (pkg/kubelet/kubelet_pods.go generateAPIPodStatus,
// convertToAPIContainerStatuses, getPhase; pkg/kubelet/status/generate.go for the conditions).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { imageID, normalizedImage } from '../../sim/images.js';
import type { NextState } from '../../sim/stages.js';

type Json = Record<string, any>;

const isSidecar = (spec: Json): boolean => spec.restartPolicy === 'Always';

/** status.volumeMounts of a container (RecursiveReadOnlyMounts, GA): read-only mounts say "Disabled". */
function volumeMounts(spec: Json): Json[] | undefined {
  const mounts: Json[] = (spec.volumeMounts ?? []).map((m: Json) => ({
    mountPath: m.mountPath,
    name: m.name,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  return mounts.length > 0 ? mounts : undefined;
}

/** The user the runtime reports (SupplementalGroupsPolicy): root unless the security context says otherwise. */
function containerUser(pod: Json, spec: Json): Json {
  const podSC = pod.spec?.securityContext ?? {};
  const sc = spec.securityContext ?? {};
  const uid = sc.runAsUser ?? podSC.runAsUser ?? 0;
  const gid = sc.runAsGroup ?? podSC.runAsGroup ?? 0;
  const groups = new Set<number>([gid, ...(podSC.supplementalGroups ?? [])]);
  if (podSC.fsGroup !== undefined) groups.add(podSC.fsGroup);
  return { linux: { gid, supplementalGroups: [...groups], uid } };
}

/** The default status of a container not yet started: ContainerCreating, or PodInitializing in pods with init containers. */
export function waitingStatus(pod: Json, spec: Json): Json {
  const reason = (pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating';
  return withWaiting(spec, { reason });
}

function withWaiting(spec: Json, waiting: Json): Json {
  return {
    image: spec.image,
    imageID: '',
    lastState: {},
    name: spec.name,
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting },
    ...(volumeMounts(spec) ? { volumeMounts: volumeMounts(spec) } : {}),
  };
}

/** resources/allocatedResources of a running container (InPlacePodVerticalScaling, GA). */
function runningResources(spec: Json): Json {
  const requests = spec.resources?.requests;
  const limits = spec.resources?.limits;
  const pick = (l: Json | undefined) => {
    if (!l) return undefined;
    const out: Json = {};
    for (const k of ['cpu', 'ephemeral-storage', 'memory']) if (l[k] !== undefined) out[k] = l[k];
    return out;
  };
  const allocated = pick(requests);
  return {
    ...(allocated && Object.keys(allocated).length > 0 ? { allocatedResources: allocated } : {}),
    resources: { ...(limits ? { limits: pick(limits) } : {}), ...(allocated && Object.keys(allocated).length > 0 ? { requests: allocated } : {}) },
  };
}

export interface Transition {
  now: string;
  containerID: () => string;
  /** A new instance of a container that ran before. */
  restart?: boolean;
}

/** The previous instance's end, as lastState: the current state if it terminated, else the last one. */
const lastTermination = (prev: Json): Json => (prev.state?.terminated ? { terminated: prev.state.terminated } : (prev.lastState ?? {}));

/** A container's status entry after a stage moved it to `next`. */
export function nextContainerStatus(pod: Json, spec: Json, init: boolean, prev: Json, next: NextState, t: Transition): Json {
  if ('waiting' in next && next.waiting.reason === 'CrashLoopBackOff') {
    // Waiting to restart: the last instance's details stay, its end becomes lastState.
    const { state: _state, ...rest } = prev;
    return {
      ...rest,
      lastState: lastTermination(prev),
      ready: false,
      started: false,
      state: { waiting: { message: next.waiting.message, reason: next.waiting.reason } },
    };
  }
  if ('waiting' in next) return withWaiting(spec, next.waiting.message ? { message: next.waiting.message, reason: next.waiting.reason } : { reason: next.waiting.reason });
  const base = {
    image: normalizedImage(spec.image),
    imageID: imageID(spec.image),
    lastState: t.restart ? lastTermination(prev) : (prev.lastState ?? {}),
    name: spec.name,
    restartCount: (prev.restartCount ?? 0) + (t.restart ? 1 : 0),
    user: containerUser(pod, spec),
    ...(volumeMounts(spec) ? { volumeMounts: volumeMounts(spec) } : {}),
  };
  if ('running' in next) {
    // Object.assign onto {}: the entry is stored, and V8 gave spread copies a hidden class each.
    return Object.assign({}, base, {
      containerID: t.containerID(),
      ...runningResources(spec),
      // A running init container is not ready until it completes; a sidecar is ready once running.
      // A regular container's startup probe holds back `started`, and it or a readiness probe `ready`,
      // until they pass (stages.ts).
      ready: init ? isSidecar(spec) : !spec.startupProbe && !spec.readinessProbe,
      started: init || !spec.startupProbe,
      state: { running: { startedAt: t.now } },
    });
  }
  const containerID = prev.containerID ?? t.containerID();
  return {
    ...base,
    containerID,
    // A completed init container counts as ready (prober manager: terminated with exit code 0).
    ready: init && next.terminated.exitCode === 0,
    started: false,
    state: {
      terminated: {
        containerID,
        exitCode: next.terminated.exitCode,
        finishedAt: t.now,
        reason: next.terminated.reason,
        startedAt: prev.state?.running?.startedAt ?? t.now,
      },
    },
  };
}

const find = (statuses: Json[], name: string): Json | undefined => statuses.find((s) => s.name === name);

/** An init container no longer holds the pod back: exited 0, or a started sidecar. */
export function initDone(spec: Json, status: Json | undefined): boolean {
  if (!status) return false;
  if (isSidecar(spec)) return status.started === true;
  return status.state?.terminated?.exitCode === 0;
}

/** getPhase (kubelet_pods.go), for the states the simulation produces. */
export function podPhase(pod: Json, init: Json[], containers: Json[]): string {
  const spec = pod.spec ?? {};
  let pendingInit = 0;
  let failedInit = 0;
  for (const c of spec.initContainers ?? []) {
    const s = find(init, c.name);
    if (initDone(c, s)) continue;
    const t = s?.state?.terminated;
    if (t && t.exitCode !== 0) failedInit++;
    else pendingInit++;
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.containers ?? []) {
    const s = find(containers, c.name);
    if (s?.state?.waiting && s.lastState?.terminated) {
      // Waiting to restart (CrashLoopBackOff) counts as the instance that stopped.
      stopped++;
      if (s.lastState.terminated.exitCode === 0) succeeded++;
    } else if (!s || s.state?.waiting) waiting++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    }
  }
  const restartPolicy = spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingInit > 0 || failedInit > 0 || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

/** Kubelet-owned conditions in the kubelet's order (status/generate.go). */
function kubeletConditions(pod: Json, init: Json[], containers: Json[], phase: string, sandboxReady: boolean): Condition[] {
  const spec = pod.spec ?? {};
  const terminalReason = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;

  const initialized = ((): Condition => {
    if (phase === 'Succeeded') return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
    const anyStarted = containers.some((s) => s.state?.running || s.state?.terminated);
    if (anyStarted) return { type: 'Initialized', status: 'True' };
    const unknown: string[] = [];
    const incomplete: string[] = [];
    for (const c of spec.initContainers ?? []) {
      const s = find(init, c.name);
      if (!s) unknown.push(c.name);
      else if (isSidecar(c) ? s.started !== true : s.ready !== true) incomplete.push(c.name);
    }
    const msgs = [];
    if (unknown.length > 0) msgs.push(`containers with unknown status: [${unknown.join(' ')}]`);
    if (incomplete.length > 0) msgs.push(`containers with incomplete status: [${incomplete.join(' ')}]`);
    if (msgs.length > 0) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ') };
    return { type: 'Initialized', status: 'True' };
  })();

  const containersReady = ((): Condition => {
    if (terminalReason) return { type: 'ContainersReady', status: 'False', reason: terminalReason };
    const unknown: string[] = [];
    const unready: string[] = [];
    const check = (c: Json, statuses: Json[]) => {
      const s = find(statuses, c.name);
      if (!s) unknown.push(c.name);
      else if (s.ready !== true) unready.push(c.name);
    };
    for (const c of spec.initContainers ?? []) if (isSidecar(c)) check(c, init);
    for (const c of spec.containers ?? []) check(c, containers);
    const msgs = [];
    if (unknown.length > 0) msgs.push(`containers with unknown status: [${unknown.join(' ')}]`);
    if (unready.length > 0) msgs.push(`containers with unready status: [${unready.join(' ')}]`);
    if (msgs.length > 0) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ') };
    return { type: 'ContainersReady', status: 'True' };
  })();

  // Readiness gates are not simulated: Ready follows ContainersReady.
  const ready: Condition = { ...containersReady, type: 'Ready' };
  // A finished pod's sandbox is torn down.
  const sandbox: Condition = { type: 'PodReadyToStartContainers', status: sandboxReady && !terminalReason ? 'True' : 'False' };
  return [sandbox, initialized, ready, containersReady, { type: 'PodScheduled', status: 'True' }];
}

const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

/**
 * The conditions after a sync (status manager's mergePodStatus): conditions the kubelet does not own
 * first, then its own; a condition keeps its lastTransitionTime while its status stays the same.
 */
export function mergeConditions(pod: Json, old: Json[], computed: Condition[], now: string): Json[] {
  const generation = pod.metadata?.generation ?? 1;
  const out: Json[] = old.filter((c) => !KUBELET_CONDITIONS.has(c.type));
  for (const c of computed) {
    const prev = old.find((o) => o.type === c.type);
    // Unchanged (the common case: most syncs change one condition or none): the same object again.
    if (prev && unchanged(prev, c, generation)) {
      out.push(prev);
      continue;
    }
    // (keys set one by one in CONDITION_KEYS' order: a literal with spreads cost more, per pod per step)
    const made: Json = { lastProbeTime: null, lastTransitionTime: prev && prev.status === c.status ? prev.lastTransitionTime : now };
    if (c.message) made.message = c.message;
    made.observedGeneration = generation;
    if (c.reason) made.reason = c.reason;
    made.status = c.status;
    made.type = c.type;
    out.push(made);
  }
  return out;
}

/** The keys mergeConditions writes, in its order, with and without a message and a reason. */
const CONDITION_KEYS = [false, true].map((message) =>
  [false, true].map((reason) => ['lastProbeTime', 'lastTransitionTime', ...(message ? ['message'] : []), 'observedGeneration', ...(reason ? ['reason'] : []), 'status', 'type']),
);

/** `prev` is exactly what mergeConditions would write for `c` now (keys in its order included). */
function unchanged(prev: Json, c: Condition, generation: number): boolean {
  if (prev.status !== c.status || prev.message !== c.message || prev.reason !== c.reason || prev.observedGeneration !== generation || prev.lastProbeTime !== null) return false;
  const keys = CONDITION_KEYS[c.message ? 1 : 0]![c.reason ? 1 : 0]!;
  let i = 0;
  for (const k in prev) if (k !== keys[i++]) return false;
  return i === keys.length;
}

export interface StatusInput {
  init: Json[];
  containers: Json[];
  sandboxReady: boolean;
  hostIP: string;
  podIP?: string;
  now: string;
}

/**
 * status.hostIPs: the node's one IP. The pods of a node share one list (stored parts are read only):
 * a list per pod was 0.9 MB at 10,000 pods.
 */
function hostIPs(old: Json, ip: string): Json[] {
  if (old.hostIPs?.length === 1 && old.hostIPs[0]?.ip === ip) return old.hostIPs;
  let list = hostIPsByIP.get(ip);
  if (!list) hostIPsByIP.set(ip, (list = [{ ip }]));
  return list;
}
const hostIPsByIP = new Map<string, Json[]>();

/** The whole pod status the kubelet reports. qosClass and startTime carry over. */
export function podStatus(pod: Json, input: StatusInput): Json {
  const old = pod.status ?? {};
  const phase = podPhase(pod, input.init, input.containers);
  const conditions = mergeConditions(pod, old.conditions ?? [], kubeletConditions(pod, input.init, input.containers, phase, input.sandboxReady), input.now);
  const podIP = input.podIP ?? old.podIP;
  // (the old status's keys keep their places; new ones follow in this order. Copied key by key: a
  // spread followed by keys the old status lacks took V8's slow path, 2-5 µs per status)
  const status: Json = {};
  for (const k in old) status[k] = old[k];
  status.conditions = conditions;
  status.containerStatuses = input.containers;
  status.hostIP = input.hostIP;
  status.hostIPs = hostIPs(old, input.hostIP);
  if (input.init.length > 0) status.initContainerStatuses = input.init;
  status.observedGeneration = pod.metadata?.generation ?? 1;
  status.phase = phase;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = old.podIP === podIP && old.podIPs?.length === 1 && old.podIPs[0]?.ip === podIP ? old.podIPs : [{ ip: podIP }];
  }
  status.startTime = old.startTime ?? input.now;
  return status;
}
