// The endpoints kube-proxy programs for one Service port: read from the Service's EndpointSlices
// (label kubernetes.io/service-name). While no slice exists for a Service that has a selector (the
// EndpointSlice controller has not run, or is absent), they are derived from the selected pods the way
// that controller would, so traffic still flows.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';

export interface Endpoint {
  ip: string;
  port: number;
  nodeName?: string;
  /** The pod behind the address (targetRef), when known. */
  podName?: string;
  podUid?: string;
  ready: boolean;
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: string;
  nodePort?: number;
  targetPort?: number | string;
}

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export function servicePorts(svc: KObject): ServicePort[] {
  return ((svc['spec']?.ports ?? []) as any[]).map((p) => ({
    name: p.name || undefined,
    port: p.port,
    protocol: p.protocol ?? 'TCP',
    nodePort: p.nodePort,
    targetPort: p.targetPort,
  }));
}

/** Every endpoint (ready or not) of `port`, one per address, sorted by IP. */
export function endpointsFor(svc: KObject, port: ServicePort, slices: KObject[], pods: KObject[]): Endpoint[] {
  const own = slices.filter(
    (s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name,
  );
  const list = own.length > 0 ? fromSlices(own, port) : fromPods(svc, port, pods);
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(e.ip) && seen.add(e.ip)).sort((a, b) => compareIP(a.ip, b.ip));
}

function fromSlices(slices: KObject[], port: ServicePort): Endpoint[] {
  const out: Endpoint[] = [];
  for (const s of slices) {
    // A slice port matches the Service port by name ("" for a single unnamed port) and protocol.
    const slicePorts = (s['ports'] ?? []) as any[];
    // A port-less (headless) Service's slices have no ports: its endpoints are addresses only.
    const sp = slicePorts.length === 0 && port.port === 0 ? { port: 0 } : slicePorts.find((p) => (p.name || undefined) === port.name && (p.protocol ?? 'TCP') === port.protocol);
    if (!sp || typeof sp.port !== 'number') continue;
    for (const e of (s['endpoints'] ?? []) as any[]) {
      const ref = e.targetRef?.kind === 'Pod' ? e.targetRef : undefined;
      for (const ip of (e.addresses ?? []) as string[]) {
        // discovery/v1: a nil ready condition means "ready".
        out.push({ ip, port: sp.port, nodeName: e.nodeName, podName: ref?.name, podUid: ref?.uid, ready: e.conditions?.ready !== false });
      }
    }
  }
  return out;
}

function fromPods(svc: KObject, port: ServicePort, pods: KObject[]): Endpoint[] {
  const selector = svc['spec']?.selector as Record<string, string> | undefined;
  if (!selector || Object.keys(selector).length === 0) return [];
  const publishNotReady = !!svc['spec']?.publishNotReadyAddresses;
  const out: Endpoint[] = [];
  for (const pod of pods) {
    if (pod.metadata.namespace !== svc.metadata.namespace || pod.metadata.deletionTimestamp) continue;
    if (!Object.entries(selector).every(([k, v]) => pod.metadata.labels?.[k] === v)) continue;
    const ip = pod['status']?.podIP as string | undefined;
    const target = resolveTargetPort(pod, port);
    if (!ip || target === undefined) continue;
    const ready = ((pod['status']?.conditions ?? []) as any[]).some((c) => c.type === 'Ready' && c.status === 'True');
    out.push({ ip, port: target, nodeName: pod['spec']?.nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid, ready: ready || publishNotReady });
  }
  return out;
}

/** A numeric targetPort as is; a named one against the pod's containerPort names; default: the port. */
function resolveTargetPort(pod: KObject, port: ServicePort): number | undefined {
  const t = port.targetPort ?? port.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of (pod['spec']?.containers ?? []) as any[]) {
    const p = ((c.ports ?? []) as any[]).find((x) => x.name === t && (x.protocol ?? 'TCP') === port.protocol);
    if (p) return p.containerPort;
  }
  return undefined;
}

export function compareIP(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
