// Endpoints subsets for one Service (endpoints_controller.go syncService + endpoints.RepackSubsets):
// one entry per (pod, service port), then regrouped so each subset holds the addresses that share
// exactly the same port set.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { findPort, hostnameFor, isHeadless, isPodReady, podIP, shouldPodBeInEndpoints } from './podutil.js';

interface Entry {
  key: string;
  addr: any;
  ready: boolean;
}

/** podToEndpointAddressForService: ip, nodeName (always set), targetRef; hostname when ShouldSetHostname. */
function address(pod: KObject, svc: KObject): any {
  const hostname = hostnameFor(pod, svc);
  return {
    ip: podIP(pod),
    ...(hostname ? { hostname } : {}),
    nodeName: pod['spec']?.nodeName ?? '',
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
}

/** endpointPortFromServicePort: name and appProtocol only when set (omitempty). */
function endpointPort(sp: any, port: number): any {
  return { ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) };
}

/** LessEndpointAddress: IP bytewise, then targetRef uid. */
function byIPAndUID(a: any, b: any): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

export function computeSubsets(svc: KObject, selected: KObject[]): any[] {
  const spec = svc['spec'] ?? {};
  const tolerate = spec.publishNotReadyAddresses === true;
  const servicePorts: any[] = spec.ports ?? [];
  // port key → (address key → entry); the port key "" is the port-less sentinel of headless services.
  const byPort = new Map<string, { port?: any; addrs: Map<string, Entry> }>();
  const add = (port: any | undefined, addr: any, ready: boolean) => {
    const pk = port ? JSON.stringify(port) : '';
    let g = byPort.get(pk);
    if (!g) byPort.set(pk, (g = { port, addrs: new Map() }));
    const ak = `${addr.ip}/${addr.targetRef.uid}`;
    // mapAddressesByPort: a ready sighting wins over a not-ready one.
    const prev = g.addrs.get(ak);
    if (!prev || (ready && !prev.ready)) g.addrs.set(ak, { key: ak, addr, ready });
  };
  for (const pod of selected) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const addr = address(pod, svc);
    const ready = tolerate || isPodReady(pod);
    if (servicePorts.length === 0) {
      if (isHeadless(svc)) add(undefined, addr, ready);
      continue;
    }
    for (const sp of servicePorts) {
      const num = findPort(pod, sp);
      if (num !== undefined) add(endpointPort(sp, num), addr, ready);
    }
  }
  // Group port keys by identical address sets (key + readiness), in service-port order.
  const groups = new Map<string, { entries: Entry[]; ports: any[] }>();
  for (const { port, addrs } of byPort.values()) {
    const entries = [...addrs.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const setKey = entries.map((e) => `${e.key}=${e.ready}`).join(',');
    let g = groups.get(setKey);
    if (!g) groups.set(setKey, (g = { entries, ports: [] }));
    if (port) g.ports.push(port);
  }
  // Upstream orders ports and subsets by an md5 of Go's object dump; we keep service-port order.
  return [...groups.values()].map(({ entries, ports }) => {
    const ready = entries.filter((e) => e.ready).map((e) => e.addr).sort(byIPAndUID);
    const notReady = entries.filter((e) => !e.ready).map((e) => e.addr).sort(byIPAndUID);
    return {
      ...(ready.length > 0 ? { addresses: ready } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(ports.length > 0 ? { ports } : {}),
    };
  });
}
