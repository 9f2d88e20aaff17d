// What the nodes' kubelets and container runtimes remember that is not API state (pulls under way,
// back-off, containers being stopped, host-local IPAM's last address), kept in the store's meta so
// it survives between invocations like the real processes' memory and /var/lib/cni.

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { ContainerMemory } from '../../sim/stages.js';

const META = 'kubelet';

export interface PodMemory {
  /** Killing events sent for the pod's deletion. */
  killing?: boolean;
  /** FailedMount retries: how many, and the last one (ms). */
  mountFailures?: number;
  mountFailedAt?: number;
  containers?: Record<string, ContainerMemory>;
}

export interface KubeletMemory {
  /** host-local IPAM: the last address handed out on each node, as an offset into its podCIDR. */
  lastIP: Record<string, number>;
  /** By pod uid. */
  pods: Record<string, PodMemory>;
}

export function loadMemory(api: ApiServer): KubeletMemory {
  const m = api.store.getMeta<KubeletMemory>(META);
  return { lastIP: m?.lastIP ?? {}, pods: m?.pods ?? {} };
}

/** Forgets pods that are gone, then persists (a write that changes nothing is skipped by the store). */
export function saveMemory(api: ApiServer, memory: KubeletMemory, livePods: () => KObject[]): void {
  let live: Set<string | undefined> | undefined;
  for (const uid of Object.keys(memory.pods)) {
    live ??= new Set(livePods().map((p) => p.metadata.uid));
    const p = memory.pods[uid]!;
    const empty = !p.killing && p.mountFailures === undefined && Object.values(p.containers ?? {}).every((c) => Object.keys(c).length === 0);
    if (!live.has(uid) || empty) delete memory.pods[uid];
  }
  // A cluster whose kubelets never had anything to remember keeps no entry (reads stay read-only).
  if (api.store.getMeta(META) === undefined && Object.keys(memory.lastIP).length === 0 && Object.keys(memory.pods).length === 0) return;
  api.store.setMeta(META, memory);
}

export function containerMemory(memory: KubeletMemory, uid: string, name: string): ContainerMemory {
  return memory.pods[uid]?.containers?.[name] ?? {};
}

export function setContainerMemory(memory: KubeletMemory, uid: string, name: string, value: ContainerMemory): void {
  const pod = (memory.pods[uid] ??= {});
  (pod.containers ??= {})[name] = value;
}

const ipToInt = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
// (the four octets made directly: a map over the shifts per address tried was a list and a closure per pod)
const intToIp = (n: number): string => [Math.floor(n / 16777216) % 256, Math.floor(n / 65536) % 256, Math.floor(n / 256) % 256, n % 256].join('.');

/**
 * The next pod IP on a node, as the host-local IPAM plugin kind's CNI uses hands them out: from the
 * node's podCIDR, skipping the network address and the gateway (.1) and broadcast, round-robin after
 * the last one given out, never one a pod on the node still holds. 10.244.1.0/24 → 10.244.1.2, .3, …
 */
export function allocatePodIP(memory: KubeletMemory, node: KObject, used: (ip: string) => boolean): string | undefined {
  const cidr: string | undefined = node['spec']?.podCIDR;
  if (!cidr) return undefined;
  const [addr, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const network = ipToInt(addr!);
  const first = 2;
  const last = size - 2;
  const name = node.metadata.name!;
  const prev = memory.lastIP[name] ?? first - 1;
  for (let i = 1; i <= last - first + 1; i++) {
    const offset = first + ((prev - first + i) % (last - first + 1));
    const ip = intToIp(network + offset);
    if (!used(ip)) {
      memory.lastIP[name] = offset;
      return ip;
    }
  }
  return undefined;
}
