// The simulated kubelet: for every pod bound to a Ready node it takes the pod's lifecycle stages
// (src/sim/stages.ts) as they fall due, writes the status the kubelet would report, and records the
// kubelet's events; the next stage not yet due becomes a wake-up (api.sim.wakeAt).
//
// Unlike the other controllers it may take several steps for a pod in one pass: when the clock has
// jumped (`cluster advance`, or a realistic cluster left alone for a while) it replays every stage that
// fell due meanwhile, each stamped with its own due time, as a kubelet that kept running would have.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { containerFaults, loadFaults } from '../../sim/faults.js';
import { resolveEnv, type ContainerWorld } from '../../sim/container-fs.js';
import { imageID, imageSize, normalizedImage } from '../../sim/images.js';
import {
  CONTAINER_STAGES,
  firstStep,
  POD_STAGES,
  type ContainerCtx,
  type ContainerEffect,
  type PodEffect,
  type StageEvent,
  type Step,
} from '../../sim/stages.js';
import { appendLog } from '../../sim/traffic/state.js';
import { recordEvent, type EventSpec } from '../events/record.js';
import { configDeps, configWorld, depsUnchanged, flushStatus, holdIP, mountError as mountErrorOf, newPass, nodePodIPs, writeStatus, writtenUpTo, type Pass } from './pass.js';
import { kubeletState, podId, podsToVisit, sameAsSettled, type Settled } from './settled.js';
import { allocatePodIP, containerMemory, loadMemory, saveMemory, setContainerMemory } from './runtime.js';
import { initDone, nextContainerStatus, podStatus, waitingStatus } from './status.js';

type Json = Record<string, any>;

const pods = findResource('pods')!;
const nodes = findResource('nodes')!;

const usesConfig = (c: Json): boolean =>
  (c.envFrom ?? []).length > 0 || (c.env ?? []).some((e: Json) => e?.valueFrom?.configMapKeyRef || e?.valueFrom?.secretKeyRef);

/** Steps one pod may take in one pass (a bound on the catch-up, never reached in practice). */
const MAX_STEPS = 100;

const nodeReady = (node: KObject): boolean =>
  (node['status']?.conditions ?? []).some((c: Json) => c?.type === 'Ready' && c.status === 'True');
const internalIP = (node: KObject): string =>
  (node['status']?.addresses ?? []).find((a: Json) => a?.type === 'InternalIP')?.address ?? '';
const conditionTime = (pod: KObject, type: string): number => {
  const c = (pod['status']?.conditions ?? []).find((x: Json) => x?.type === type && x.status === 'True');
  return c ? Date.parse(c.lastTransitionTime) : NaN;
};

export function kubeletController(api: ApiServer): void {
  const nodeByName = new Map(api.list(nodes).map((n) => [n.metadata.name!, n]));
  // A NotReady node's kubelet is not heard from: its pods stay as they are.
  const ready = new Set([...nodeByName.values()].filter(nodeReady).map((n) => n.metadata.name!));
  const memory = loadMemory(api);
  const faults = loadFaults(api.store);
  const pass = newPass(memory, faults);
  const state = kubeletState(api);
  const { settled } = state;
  const faultsKey = JSON.stringify(faults);
  // A pod not looked at stays settled on its ConfigMaps and Secrets as they are: recorded as read, a
  // change to one in a later command wakes the kubelet.
  const visit = podsToVisit(api, state, faultsKey, (s) => depsUnchanged(api, pass, s.config));
  for (const listed of visit) {
    const id = podId(listed);
    const nodeName: string = listed['spec']?.nodeName ?? '';
    if (!ready.has(nodeName)) {
      settled.delete(id);
      continue;
    }
    const uid = listed.metadata.uid!;
    const seen = settled.get(id);
    if (seen && stillSettled(api, pass, seen, listed, nodeByName.get(nodeName)!, faultsKey)) {
      if (seen.wake !== undefined) api.sim.wakeAt(seen.wake);
      continue;
    }
    let pod: KObject | undefined = listed;
    let done = false;
    const wake = api.sim.collectWakes(() => {
      for (let i = 0; i < MAX_STEPS && pod; i++) {
        const node = nodeByName.get(nodeName)!;
        const result = step(api, pass, pod, node);
        if (!result) {
          done = true;
          break;
        }
        if (result.node) nodeByName.set(nodeName, result.node);
        pod = pass.pending?.pod ?? api.peek(pods, pod.metadata.namespace, pod.metadata.name!);
        if (pod && pod.metadata.uid !== listed.metadata.uid) break;
      }
      flushStatus(api, pass);
    });
    if (pod) pod = api.peek(pods, pod.metadata.namespace, pod.metadata.name!);
    if (done && pod) {
      const nodeRv = nodeByName.get(nodeName)!.metadata.resourceVersion!;
      settled.set(id, { uid, rv: pod.metadata.resourceVersion!, nodeRv, faultsKey, config: configDeps(api, pass, pod), wake });
    } else {
      settled.delete(id);
      state.restless.add(id);
    }
  }
  saveMemory(api, memory, () => api.list(pods));
}

function stillSettled(api: ApiServer, pass: Pass, s: Settled, pod: KObject, node: KObject, faultsKey: string): boolean {
  return sameAsSettled(s, pod, node.metadata.resourceVersion, faultsKey) && depsUnchanged(api, pass, s.config) && (s.wake === undefined || api.now() < s.wake);
}

interface Applied {
  /** The node, when the step changed it (a pulled image). */
  node?: KObject;
}

/** Takes the pod's next due step; undefined when nothing is due (a wake-up is registered instead). */
function step(api: ApiServer, pass: Pass, pod: KObject, node: KObject): Applied | undefined {
  const { memory } = pass;
  const uid = pod.metadata.uid!;
  const pm = memory.pods[uid];
  const mountError = mountErrorOf(api, pass, pod);
  const podStep = firstStep(POD_STAGES, {
    now: api.now(),
    delays: api.sim.delays,
    profile: api.sim.profile,
    pod,
    killing: pm?.killing === true,
    ...(mountError ? { mountError } : {}),
    ...(pm?.mountFailedAt !== undefined ? { mountFailedAt: pm.mountFailedAt, mountFailures: pm.mountFailures ?? 1 } : {}),
  });
  if (podStep) {
    if (podStep.effect === undefined) {
      api.sim.wakeAt(podStep.due);
      return undefined;
    }
    applyPodEffect(api, pass, pod, node, podStep.effect, podStep.due, mountError);
    return {};
  }
  // A pod being deleted starts nothing new.
  if (pod.metadata.deletionTimestamp) return undefined;
  // Of the containers' due steps, the earliest first: a replay keeps the order things happened in.
  let next: { ctx: ContainerCtx; step: Step<ContainerEffect> } | undefined;
  for (const ctx of containerContexts(api, pass, pod, node)) {
    const s = firstStep(CONTAINER_STAGES, ctx);
    if (!s) continue;
    if (s.effect === undefined) api.sim.wakeAt(s.due);
    else if (!next || s.due < next.step.due) next = { ctx, step: s };
  }
  if (!next) return undefined;
  return applyContainerEffect(api, pass, pod, node, next.ctx, next.step.effect!, next.step.due);
}

function applyPodEffect(
  api: ApiServer,
  pass: Pass,
  pod: KObject,
  node: KObject,
  effect: PodEffect,
  at: number,
  mountError?: { volume: string; message: string },
): void {
  const { memory } = pass;
  writtenUpTo(api, pass, at);
  const spec = pod['spec'] ?? {};
  const status = pod['status'] ?? {};
  const now = rfc3339(at);
  const hostIP = internalIP(node);
  switch (effect) {
    case 'kill': {
      (memory.pods[pod.metadata.uid!] ??= {}).killing = true;
      const statuses = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
      for (const [c, init] of containersOf(spec)) {
        if (!statuses.find((s: Json) => s.name === c.name)?.state?.running) continue;
        event(api, pod, node, c, init, { type: 'Normal', reason: 'Killing', message: `Stopping container ${c.name}` });
      }
      return;
    }
    case 'remove':
      flushStatus(api, pass);
      api.delete(pods, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
      // (A pod held by finalizers keeps its sandbox's address until it is gone.)
      if (status.podIP && !api.peek(pods, pod.metadata.namespace, pod.metadata.name!)) holdIP(api, pass, node, status.podIP, -1);
      return;
    case 'accept': {
      const init = (spec.initContainers ?? []).map((c: Json) => waitingStatus(pod, c));
      const containers = (spec.containers ?? []).map((c: Json) => waitingStatus(pod, c));
      writeStatus(api, pass, pod, podStatus(pod, { init, containers, sandboxReady: false, hostIP, now }), at);
      // The first status of an accepted pod is reported as it is (ContainerCreating, no IP yet).
      flushStatus(api, pass);
      return;
    }
    case 'mount-failed': {
      const pm = (memory.pods[pod.metadata.uid!] ??= {});
      pm.mountFailures = (pm.mountFailures ?? 0) + 1;
      pm.mountFailedAt = at;
      podEvent(api, pod, node, {
        type: 'Warning',
        reason: 'FailedMount',
        message: `MountVolume.SetUp failed for volume "${mountError?.volume}" : ${mountError?.message}`,
      });
      return;
    }
    case 'sandbox': {
      const pm = memory.pods[pod.metadata.uid!];
      if (pm) {
        delete pm.mountFailures;
        delete pm.mountFailedAt;
      }
      const held = nodePodIPs(api, pass, node);
      const own: string | undefined = status.podIP;
      const podIP = allocatePodIP(memory, node, (ip) => (held.get(ip) ?? 0) > (ip === own ? 1 : 0));
      if (podIP !== undefined && podIP !== own) {
        if (own) holdIP(api, pass, node, own, -1);
        holdIP(api, pass, node, podIP, 1);
      }
      const init = status.initContainerStatuses ?? [];
      writeStatus(api, pass, pod, podStatus(pod, { init, containers: status.containerStatuses ?? [], sandboxReady: true, hostIP, podIP, now }), at);
      return;
    }
  }
}

/** [container spec, is init container] in the kubelet's order. */
function containersOf(spec: Json): [Json, boolean][] {
  return [...(spec.initContainers ?? []).map((c: Json) => [c, true]), ...(spec.containers ?? []).map((c: Json) => [c, false])];
}

/** The images a node lists (status.images), once per stored node: every pod's step asks. */
const imagesByNode = new WeakMap<KObject, Set<string>>();
function imagesOn(node: KObject): Set<string> {
  let names = imagesByNode.get(node);
  if (!names) imagesByNode.set(node, (names = new Set<string>((node['status']?.images ?? []).flatMap((i: Json) => i?.names ?? []))));
  return names;
}

/** When a container stopped holding up the next one: it started, finished, or failed to start. */
function settledAt(status: Json, mem: { failedAt?: number }): number {
  const state = status.state ?? {};
  if (state.running) return Date.parse(state.running.startedAt);
  if (state.terminated) return Date.parse(state.terminated.startedAt);
  // Waiting to restart (CrashLoopBackOff): it started before.
  if (status.lastState?.terminated) return Date.parse(status.lastState.terminated.startedAt);
  return mem.failedAt ?? NaN;
}

/**
 * The containers the kubelet may act on now: init containers one at a time (each after the one before
 * it finished), then the regular containers in order, each once the one before it is settled (the
 * kubelet pulls and starts them one after another).
 */
function containerContexts(api: ApiServer, pass: Pass, pod: KObject, node: KObject): ContainerCtx[] {
  const { memory, faults } = pass;
  const spec = pod['spec'] ?? {};
  const status = pod['status'] ?? {};
  const uid = pod.metadata.uid!;
  const present = imagesOn(node);
  const out: ContainerCtx[] = [];
  let eligibleAt = conditionTime(pod, 'PodReadyToStartContainers');
  let world: ContainerWorld | undefined;
  const configError = (c: Json): string | undefined => (usesConfig(c) ? resolveEnv(pod, c, (world ??= configWorld(api, pass, pod))).error : undefined);
  const add = (c: Json, init: boolean, s: Json) => {
    const f = containerFaults(faults, uid, c.name, normalizedImage(String(c.image ?? '')));
    // (the optional keys last, set one by one: spreads ahead of the rest took V8's slow path)
    const ctx: ContainerCtx = {
      now: api.now(),
      eligibleAt,
      delays: api.sim.delays,
      pod,
      spec: c,
      init,
      status: s,
      memory: containerMemory(memory, uid, c.name),
      imagePresent: present.has(normalizedImage(String(c.image ?? ''))),
    };
    const error = configError(c);
    if (error !== undefined) ctx.configError = error;
    if (Object.keys(f).length > 0) ctx.faults = f;
    out.push(ctx);
  };
  for (const c of spec.initContainers ?? []) {
    const s = (status.initContainerStatuses ?? []).find((x: Json) => x.name === c.name);
    if (!s) return out;
    add(c, true, s);
    if (!initDone(c, s)) return out;
    eligibleAt = Date.parse(s.state?.terminated?.finishedAt ?? s.state?.running?.startedAt);
  }
  for (const c of spec.containers ?? []) {
    const s = (status.containerStatuses ?? []).find((x: Json) => x.name === c.name);
    if (!s) return out;
    add(c, false, s);
    const settled = settledAt(s, containerMemory(memory, uid, c.name));
    if (Number.isNaN(settled)) return out;
    eligibleAt = settled;
  }
  return out;
}

function applyContainerEffect(
  api: ApiServer,
  pass: Pass,
  pod: KObject,
  node: KObject,
  c: ContainerCtx,
  e: ContainerEffect,
  at: number,
): Applied {
  const { memory } = pass;
  writtenUpTo(api, pass, at);
  setContainerMemory(memory, pod.metadata.uid!, c.spec.name, e.memory);
  for (const ev of e.events) event(api, pod, node, c.spec, c.init, ev, at);
  if (e.probeRequest) {
    // The kubelet probes from the node, through the pod network's gateway (.1 of the node's pod CIDR).
    const client = String(pod['status']?.podIP ?? '').replace(/\.\d+$/, '.1');
    const entry = { time: rfc3339(at), client, path: e.probeRequest.path, probeStatus: e.probeRequest.status, container: c.spec.name };
    appendLog(api.store, [{ podUid: pod.metadata.uid!, entry }]);
  }
  if (e.state || e.update) {
    const now = rfc3339(at);
    const next = e.state
      ? nextContainerStatus(pod, c.spec, c.init, c.status, e.state, {
          now,
          containerID: () => ['containerd://', api.random.hex(64)].join(''), // flat, see SeededRandom
          restart: e.restart === true,
        })
      : { ...c.status, ...e.update };
    const s = pod['status'] ?? {};
    const replace = (list: Json[]) => list.map((x) => (x.name === c.spec.name ? next : x));
    const init = c.init ? replace(s.initContainerStatuses ?? []) : (s.initContainerStatuses ?? []);
    const containers = c.init ? (s.containerStatuses ?? []) : replace(s.containerStatuses ?? []);
    const sandboxReady = !Number.isNaN(conditionTime(pod, 'PodReadyToStartContainers'));
    writeStatus(api, pass, pod, podStatus(pod, { init, containers, sandboxReady, hostIP: internalIP(node), now }), at);
  }
  return e.pulledImage ? { node: recordImage(api, node, String(c.spec.image)) } : {};
}

function event(api: ApiServer, pod: KObject, node: KObject, c: Json | undefined, init: boolean, ev: StageEvent, at?: number): void {
  // (built key by key: a spread of `ev` followed by keys it lacks took V8's slow path, a microsecond
  // or two per event, and gave every copy a hidden class of its own)
  const spec: EventSpec = { type: ev.type, reason: ev.reason, message: ev.message, component: 'kubelet', host: node.metadata.name! };
  if (c) spec.fieldPath = `spec.${init ? 'initContainers' : 'containers'}{${c.name}}`;
  if (at !== undefined) spec.at = at;
  // (a namespace being deleted refuses new events: recordEvent drops them, as the kubelet's recorder)
  recordEvent(api, pod, spec);
}

/** An event about the pod itself (no container field path). */
function podEvent(api: ApiServer, pod: KObject, node: KObject, ev: StageEvent): void {
  event(api, pod, node, undefined, false, ev);
}

/** The node now lists the image (node.status.images, largest first, as the kubelet reports them). */
function recordImage(api: ApiServer, node: KObject, image: string): KObject {
  const names = [...new Set([imageID(image), normalizedImage(image)])];
  const images: Json[] = [...(node['status']?.images ?? [])];
  if (images.some((i) => (i.names ?? []).includes(normalizedImage(image)))) return node;
  images.push({ names, sizeBytes: imageSize(image) });
  images.sort((a, b) => b.sizeBytes - a.sizeBytes);
  return api.updateStatus(nodes, { ...node, status: { ...node['status'], images } }, { internal: true });
}
