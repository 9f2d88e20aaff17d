// Cluster DNS as CoreDNS's kubernetes plugin answers it (kind's Corefile: `kubernetes cluster.local
// in-addr.arpa ip6.arpa { pods insecure }`), with a pod's resolv.conf: `search <ns>.svc.cluster.local
// svc.cluster.local cluster.local`, `options ndots:5`.
//
// Records: <svc>.<ns>.svc.cluster.local → A ClusterIP; headless → A per ready endpoint (every endpoint
// with publishNotReadyAddresses); ExternalName → CNAME; <a-b-c-d>.<ns>.pod.cluster.local → A a.b.c.d.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { compareIP, endpointsFor, servicePorts } from './endpoints.js';

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVER = '10.96.0.10';
const NDOTS = 5;

export interface DnsWorld {
  services: KObject[];
  endpointSlices: KObject[];
  pods: KObject[];
  namespaces: string[];
}

export type Answer =
  | { kind: 'A'; name: string; addresses: string[] }
  | { kind: 'CNAME'; name: string; target: string }
  /** The name exists but has no address (a headless Service without ready endpoints). */
  | { kind: 'NODATA'; name: string }
  | { kind: 'NXDOMAIN'; name: string };

export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** The names a resolver tries, in order (glibc/musl with ndots:5: search list first unless absolute). */
export function candidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = searchPath(namespace).map((d) => `${name}.${d}`);
  return dots >= NDOTS ? [name, ...searched] : [...searched, name];
}

/** Resolves `name` as a pod in `namespace` would: the first candidate with an answer wins. */
export function resolve(world: DnsWorld, name: string, namespace: string): Answer {
  const lower = name.toLowerCase();
  let nodata: Answer | undefined;
  for (const fqdn of candidates(lower, namespace)) {
    const a = lookup(world, fqdn);
    if (a.kind === 'A' || a.kind === 'CNAME') return a;
    if (a.kind === 'NODATA') nodata ??= a;
  }
  return nodata ?? { kind: 'NXDOMAIN', name };
}

/** One authoritative lookup of a fully-qualified name (no trailing dot). */
export function lookup(world: DnsWorld, fqdn: string): Answer {
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return { kind: 'NXDOMAIN', name: fqdn };
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'pod' && world.namespaces.includes(labels[1]!)) {
    // `pods insecure`: the name is the address, dashed; CoreDNS checks only that it parses.
    const ip = labels[0]!.split('-').join('.');
    return /^(\d{1,3})(\.\d{1,3}){3}$/.test(ip) && ip.split('.').every((o) => Number(o) <= 255)
      ? { kind: 'A', name: fqdn, addresses: [ip] }
      : { kind: 'NXDOMAIN', name: fqdn };
  }
  if (labels.length === 4 && labels[3] === 'svc') return hostnameRecord(world, fqdn, labels[0]!, labels[1]!, labels[2]!);
  if (labels.length !== 3 || labels[2] !== 'svc') return { kind: 'NXDOMAIN', name: fqdn };
  const [svcName, ns] = labels as [string, string];
  const svc = world.services.find((s) => s.metadata.namespace === ns && s.metadata.name === svcName);
  if (!svc) return { kind: 'NXDOMAIN', name: fqdn };
  const spec = svc['spec'] ?? {};
  if (spec.type === 'ExternalName') return { kind: 'CNAME', name: fqdn, target: String(spec.externalName ?? '') };
  if (spec.clusterIP && spec.clusterIP !== 'None') return { kind: 'A', name: fqdn, addresses: [spec.clusterIP] };
  // Headless: the ready endpoint addresses, over all ports (a port-less headless Service has slices too).
  const ports = servicePorts(svc);
  const all = (ports.length > 0 ? ports : [{ port: 0, protocol: 'TCP' }]).flatMap((p) => endpointsFor(svc, p, world.endpointSlices, world.pods));
  const ips = [...new Set(all.filter((e) => e.ready || spec.publishNotReadyAddresses).map((e) => e.ip))].sort(compareIP);
  return ips.length > 0 ? { kind: 'A', name: fqdn, addresses: ips } : { kind: 'NODATA', name: fqdn };
}

/**
 * <hostname>.<svc>.<ns>.svc.cluster.local: a headless Service's endpoint whose pod set spec.hostname
 * and spec.subdomain to the Service (StatefulSet pods: web-0.nginx.default.svc.cluster.local).
 */
function hostnameRecord(world: DnsWorld, fqdn: string, host: string, svcName: string, ns: string): Answer {
  const svc = world.services.find((s) => s.metadata.namespace === ns && s.metadata.name === svcName);
  const spec = svc?.['spec'] ?? {};
  if (!svc || spec.type === 'ExternalName' || (spec.clusterIP && spec.clusterIP !== 'None')) return { kind: 'NXDOMAIN', name: fqdn };
  const pods = new Map(world.pods.filter((p) => p.metadata.namespace === ns).map((p) => [p.metadata.name!, p]));
  const ports = servicePorts(svc);
  const all = (ports.length > 0 ? ports : [{ port: 0, protocol: 'TCP' }]).flatMap((p) => endpointsFor(svc, p, world.endpointSlices, world.pods));
  const ips = all
    .filter((e) => e.ready || spec.publishNotReadyAddresses)
    .filter((e) => {
      const pod = e.podName ? pods.get(e.podName) : undefined;
      return pod?.['spec']?.hostname === host && pod['spec']?.subdomain === svcName;
    })
    .map((e) => e.ip);
  const unique = [...new Set(ips)].sort(compareIP);
  return unique.length > 0 ? { kind: 'A', name: fqdn, addresses: unique } : { kind: 'NXDOMAIN', name: fqdn };
}
