// Service ClusterIP and NodePort allocation (the apiserver's ipallocator/portallocator), drawing from
// the cluster's seeded random source so allocations repeat for a given seed.

import type { SeededRandom } from '../../sim/random.js';
import type { KObject } from '../types.js';

/** kubeadm/kind's default service CIDR, 10.96.0.0/12; 10.96.0.1 is the `kubernetes` Service. */
const SERVICE_BASE = (10 << 24) | (96 << 16);
const SERVICE_SIZE = 1 << 20;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export function ipToString(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function serviceIpInRange(ip: string): boolean {
  const p = ip.split('.').map(Number);
  if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0 || x > 255)) return false;
  const n = ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
  return n > SERVICE_BASE >>> 0 && n < (SERVICE_BASE + SERVICE_SIZE - 1) >>> 0;
}

export function usedClusterIPs(services: KObject[]): Set<string> {
  const used = new Set<string>();
  for (const s of services) for (const ip of s['spec']?.clusterIPs ?? [s['spec']?.clusterIP]) if (ip) used.add(ip);
  return used;
}

export function allocateClusterIP(random: SeededRandom, used: Set<string>): string {
  for (;;) {
    // Skip .0 of the range and the broadcast address, as the allocator does.
    const ip = ipToString((SERVICE_BASE + 1 + random.int(SERVICE_SIZE - 2)) >>> 0);
    if (!used.has(ip)) return ip;
  }
}

export function usedNodePorts(services: KObject[]): Set<number> {
  const used = new Set<number>();
  for (const s of services) {
    for (const p of s['spec']?.ports ?? []) if (p?.nodePort) used.add(p.nodePort);
    // Health-check node ports come from the same allocator.
    if (s['spec']?.healthCheckNodePort) used.add(s['spec'].healthCheckNodePort);
  }
  return used;
}

export function allocateNodePort(random: SeededRandom, used: Set<number>): number {
  for (;;) {
    const port = NODE_PORT_MIN + random.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
    if (!used.has(port)) return port;
  }
}
