// One pass of the simulated kubelets: what it reads once (the ConfigMaps and Secrets pods name, the
// pod IPs each node's pods hold) and the pod status it has not written yet, kept in step with the
// pass's own writes. The kubelet writes no ConfigMap or Secret, so what it read of them holds for the pass.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { volumeError, type ContainerWorld } from '../../sim/container-fs.js';
import type { Faults } from '../../sim/faults.js';
import type { ObjectKey } from '../../store/store.js';
import { podsOnNode } from '../pods-on-node.js';
import type { KubeletMemory } from './runtime.js';
import type { ConfigDep } from './settled.js';

type Json = Record<string, any>;

const pods = findResource('pods')!;
const configMaps = findResource('configmaps')!;
const secrets = findResource('secrets')!;

/** What one pass of the kubelets works from: read once, kept in step with the pass's own writes. */
export interface Pass {
  memory: KubeletMemory;
  faults: Faults;
  /** ConfigMap/Secret → resourceVersion (see rvOf). */
  configRvs: Map<string, string>;
  /** Namespace → its ConfigMaps and Secrets (see configWorld). */
  worlds: Map<string, ContainerWorld>;
  /** Node → pod IP → how many of its pods hold it; a node's made on its first sandbox of the pass. */
  podIPs: Map<string, Map<string, number>>;
  /** A status not written yet (see writeStatus), and the time it is of. */
  pending?: { pod: KObject; at: number };
  /** configDeps' lists, by what the pod names (see there). */
  deps: Map<Named, ConfigDep[]>;
  /** mountError's findings, by the pod's volumes (a pod takes several steps in a pass), with the namespace. */
  mountErrors: WeakMap<object, { namespace: string; found: MountError | undefined }>;
}

export type MountError = { volume: string; message: string };

export function newPass(memory: KubeletMemory, faults: Faults): Pass {
  return { memory, faults, configRvs: new Map(), worlds: new Map(), podIPs: new Map(), deps: new Map(), mountErrors: new WeakMap() };
}

/**
 * The ConfigMaps and Secrets a pod's kubelet reads (only listed when the pod refers to any). For the
 * incremental reconcile the kubelet depends on the ones the pod names, not on every ConfigMap: a
 * change to another (an app's config applied again) does not wake it.
 */
export function configWorld(api: ApiServer, pass: Pass, pod: KObject): ContainerWorld {
  const ns = pod.metadata.namespace;
  // (the reads of what the pod names, each recorded once per pass)
  for (const { key, id } of namedConfig(pod)) rvOf(api, pass, key, id);
  let world = pass.worlds.get(ns ?? '');
  if (!world) {
    world = api.untracked(() => ({ configMaps: api.list(configMaps, ns), secrets: api.list(secrets, ns), services: [] }));
    pass.worlds.set(ns ?? '', world);
  }
  return world;
}

/** A volume that names a ConfigMap or Secret (projected ones may). */
const namesConfig = (v: Json): boolean => Boolean(v?.configMap || v?.secret || v?.projected);

/**
 * Why the pod's volumes cannot be mounted (a ConfigMap or Secret, or a key of one, missing), if so.
 * Worked out once per pass for a pod's volumes: what it reads holds for the pass (see configWorld).
 */
export function mountError(api: ApiServer, pass: Pass, pod: KObject): MountError | undefined {
  const volumes: Json[] | undefined = pod['spec']?.volumes;
  if (!volumes?.some(namesConfig)) return undefined;
  // (by the namespace too: equal volumes may be one stored list for pods of several namespaces)
  const namespace = pod.metadata.namespace ?? '';
  let memo = pass.mountErrors.get(volumes);
  if (memo?.namespace !== namespace) pass.mountErrors.set(volumes, (memo = { namespace, found: volumeError(pod, configWorld(api, pass, pod)) }));
  return memo.found;
}

const depId = (key: ObjectKey): string => [key.resource, '/', key.namespace ?? '', '/', key.name].join('');

/**
 * A ConfigMap's or Secret's resourceVersion, recorded as a read of the kubelet's. Looked up once per
 * pass (the kubelet writes neither): every pod with a service account token names the same one.
 */
function rvOf(api: ApiServer, pass: Pass, key: ObjectKey, k = depId(key)): string {
  let rv = pass.configRvs.get(k);
  if (rv === undefined) {
    api.store.noteObjectRead?.(key);
    rv = api.untracked(() => api.store.peek(key)?.metadata.resourceVersion ?? '');
    pass.configRvs.set(k, rv);
  }
  return rv;
}

/**
 * The ConfigMaps and Secrets the pod names - volumes (projected ones too), env and envFrom - each
 * recorded as a read of the kubelet's: the pod is settled only while they stay as they are.
 */
export function configDeps(api: ApiServer, pass: Pass, pod: KObject): ConfigDep[] {
  const named = namedConfig(pod);
  // One list per pass for pods naming the same ones (every pod of a namespace names its
  // kube-root-ca.crt), which settled pods keep (read only): their versions do not change within a
  // pass (rvOf), and equal named lists are one list (namedConfig). 2.5 MB of copies at 10,000 pods.
  let deps = pass.deps.get(named);
  if (!deps) pass.deps.set(named, (deps = named.map(({ key, id }) => ({ key, id, rv: rvOf(api, pass, key, id) }))));
  return deps;
}

type Named = { key: ObjectKey; id: string }[];

/**
 * What configDeps finds in a pod, worked out once per spec (status writes keep the spec); equal lists
 * are one list (the pods of a namespace all name its kube-root-ca.crt).
 */
const namedBySpec = new WeakMap<object, Named>();
let lastNamed: Named = [];

function namedConfig(pod: KObject): Named {
  const namespace = pod.metadata.namespace ?? '';
  const spec = pod['spec'] ?? {};
  const memo = namedBySpec.get(spec);
  if (memo && (memo.length === 0 || memo[0]!.key.namespace === namespace)) return memo;
  const keys = new Map<string, ObjectKey>();
  const add = (resource: string, name: string | undefined) => {
    if (name) keys.set(`${resource}/${name}`, { resource, namespace, name });
  };
  for (const v of spec.volumes ?? []) {
    add('configmaps', v?.configMap?.name);
    add('secrets', v?.secret?.secretName);
    for (const src of v?.projected?.sources ?? []) {
      add('configmaps', src?.configMap?.name);
      add('secrets', src?.secret?.name);
    }
  }
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    for (const e of c?.env ?? []) {
      add('configmaps', e?.valueFrom?.configMapKeyRef?.name);
      add('secrets', e?.valueFrom?.secretKeyRef?.name);
    }
    for (const f of c?.envFrom ?? []) {
      add('configmaps', f?.configMapRef?.name);
      add('secrets', f?.secretRef?.name);
    }
  }
  let named: Named = [...keys.values()].map((key) => ({ key, id: depId(key) }));
  if (named.length === lastNamed.length && named.every((n, i) => n.id === lastNamed[i]!.id)) named = lastNamed;
  else lastNamed = named;
  if (typeof spec === 'object' && spec !== null) namedBySpec.set(spec, named);
  return named;
}

/** The ConfigMaps and Secrets seen when the pod settled are unchanged (each check recorded as a read). */
export function depsUnchanged(api: ApiServer, pass: Pass, deps: readonly ConfigDep[]): boolean {
  return deps.every((d) => rvOf(api, pass, d.key, d.id) === d.rv);
}

/** The pod IPs the node's pods hold (see Pass.podIPs). */
export function nodePodIPs(api: ApiServer, pass: Pass, node: KObject): Map<string, number> {
  const name = node.metadata.name ?? '';
  let held = pass.podIPs.get(name);
  if (!held) {
    pass.podIPs.set(name, (held = new Map()));
    for (const p of podsOnNode(api, name)) {
      const ip: string | undefined = p['status']?.podIP;
      if (ip) held.set(ip, (held.get(ip) ?? 0) + 1);
    }
  }
  return held;
}

export function holdIP(api: ApiServer, pass: Pass, node: KObject, ip: string, by: 1 | -1): void {
  const held = nodePodIPs(api, pass, node);
  const n = (held.get(ip) ?? 0) + by;
  if (n > 0) held.set(ip, n);
  else held.delete(ip);
}

/**
 * Sets the pod's status as of `at`. What happens at one instant is reported in one write, as the
 * kubelet's status manager does: a pod whose image is present gets its IP and starts its containers
 * in one sync, and its status goes from ContainerCreating to Running (in `instant` timing everything
 * after the accepting falls at one instant). A step at another time (a catch-up replay) writes what
 * came before it first.
 */
export function writeStatus(api: ApiServer, pass: Pass, pod: KObject, status: Json, at: number): void {
  writtenUpTo(api, pass, at);
  pass.pending = { pod: { ...pod, status }, at };
}

/** Before a step at `at`: a status of an earlier time is written (what a replay does stays in order). */
export function writtenUpTo(api: ApiServer, pass: Pass, at: number): void {
  if (pass.pending && pass.pending.at !== at) flushStatus(api, pass);
}

export function flushStatus(api: ApiServer, pass: Pass): void {
  if (!pass.pending) return;
  const { pod } = pass.pending;
  pass.pending = undefined;
  // Made from the pod as this pass has it, whose resourceVersion may be one written meanwhile by this
  // pass (a status of an earlier instant): nothing else writes the pod while the kubelet steps it.
  const { resourceVersion: _, ...metadata } = pod.metadata;
  api.updateStatus(pods, { ...pod, metadata }, { internal: true });
}
