// One simulated request through kube-proxy's rules (iptables/nftables proxier semantics):
//
// - only ready endpoints receive traffic; a Service without any answers REJECT → "connection refused";
// - ClusterIP: any ready endpoint; internalTrafficPolicy Local keeps to the client's node (none → DROP);
// - NodePort / LoadBalancer, externalTrafficPolicy Cluster: any ready endpoint, possibly on another node,
//   and the packet is masqueraded to the receiving node's IP;
// - externalTrafficPolicy Local: only endpoints on the receiving node (none → DROP, the client times out),
//   client IP preserved; the load balancer probes healthCheckNodePort and sends only to nodes that have one;
// - traffic from pods/nodes to a NodePort or LB IP is short-circuited to the Cluster rules (kube-proxy's
//   "pod traffic for external destinations"); a node's own traffic is masqueraded;
// - sessionAffinity ClientIP: iptables' `recent` table lives on each node, so stickiness is per deciding node.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { endpointsFor, servicePorts, type Endpoint, type ServicePort } from './endpoints.js';
import type { Client, Outcome, RouteEnv, Target, World } from './types.js';

export class TrafficError extends Error {}

const EXCLUDE_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';
const DEFAULT_AFFINITY_SECONDS = 10800;
const CONNECT_TIMEOUT_MS = 10000;

interface ResolvedClient {
  label: string;
  ip: string;
  node?: string;
  external: boolean;
  podUid?: string;
}

/** Where kube-proxy first sees the packet. */
interface Entry {
  svc: KObject;
  port: ServicePort;
  via: 'clusterIP' | 'nodePort' | 'loadBalancer';
  /** The address:port the client connects to (for messages). */
  address: string;
  addressPort: number;
  hop: string;
  /** nodePort: the receiving node. */
  node?: string;
}

export function nodeIP(node: KObject): string {
  return ((node['status']?.addresses ?? []) as any[]).find((a) => a.type === 'InternalIP')?.address ?? '';
}

function findNode(world: World, name: string): KObject {
  const n = world.nodes.find((x) => x.metadata.name === name);
  if (!n) throw new TrafficError(`nodes "${name}" not found`);
  return n;
}

export function resolveClient(world: World, c: Client): ResolvedClient {
  if (c.kind === 'external') return { label: c.ip, ip: c.ip, external: true };
  if (c.kind === 'node') return { label: `node/${c.name}`, ip: nodeIP(findNode(world, c.name)), node: c.name, external: false };
  const pod = world.pods.find((p) => p.metadata.namespace === c.namespace && p.metadata.name === c.name);
  if (!pod) throw new TrafficError(`pods "${c.name}" not found`);
  const ip = pod['status']?.podIP as string | undefined;
  if (!ip) throw new TrafficError(`pod "${c.name}" has no IP yet: it cannot send requests`);
  return { label: `pod/${c.name}`, ip, node: pod['spec']?.nodeName, external: false, podUid: pod.metadata.uid };
}

function pickPort(svc: KObject, wanted: string | number | undefined): ServicePort {
  const ports = servicePorts(svc);
  if (wanted === undefined || wanted === '') {
    if (ports.length === 1) return ports[0]!;
    const names = ports.map((p) => `${p.port}${p.name ? `/${p.name}` : ''}`).join(', ');
    throw new TrafficError(`service "${svc.metadata.name}" has ${ports.length} ports (${names}): choose one with --port`);
  }
  const p = ports.find((x) => String(x.port) === String(wanted) || x.name === wanted);
  if (!p) throw new TrafficError(`service "${svc.metadata.name}" has no port ${wanted}`);
  return p;
}

const lbIPs = (svc: KObject): string[] => ((svc['status']?.loadBalancer?.ingress ?? []) as any[]).map((i) => i.ip).filter(Boolean);

function resolveEntry(world: World, t: Target, client: ResolvedClient): Entry | { refused: string; addressPort: number; hop: string } {
  if (t.kind === 'service') {
    const svc = world.services.find((s) => s.metadata.namespace === t.namespace && s.metadata.name === t.name);
    if (!svc) throw new TrafficError(`services "${t.name}" not found`);
    const spec = svc['spec'] ?? {};
    if (spec.type === 'ExternalName') {
      throw new TrafficError(`service "${t.name}" is of type ExternalName: it has no address of its own (see: kube-lite cluster dns ${t.name})`);
    }
    const port = pickPort(svc, t.port);
    if (client.external) {
      const ip = lbIPs(svc)[0];
      if (spec.type !== 'LoadBalancer' || !ip) {
        throw new TrafficError(`service "${t.name}" has no external address: from outside the cluster, use node/NODE:NODEPORT or a LoadBalancer service's address`);
      }
      return { svc, port, via: 'loadBalancer', address: ip, addressPort: port.port, hop: `lb/${ip}:${port.port}` };
    }
    if (!spec.clusterIP || spec.clusterIP === 'None') {
      throw new TrafficError(`service "${t.name}" is headless: it has no virtual IP (see: kube-lite cluster dns ${t.name})`);
    }
    return { svc, port, via: 'clusterIP', address: spec.clusterIP, addressPort: port.port, hop: `svc/${t.name}:${port.port}` };
  }
  if (t.kind === 'node') return nodePortEntry(world, findNode(world, t.name), t.port);
  // A bare address.
  for (const svc of world.services) {
    if (lbIPs(svc).includes(t.ip)) {
      const port = pickPort(svc, t.port);
      return { svc, port, via: 'loadBalancer', address: t.ip, addressPort: port.port, hop: `lb/${t.ip}:${port.port}` };
    }
    if (svc['spec']?.clusterIP === t.ip && t.ip !== 'None') {
      if (client.external) throw new TrafficError(`${t.ip} is the ClusterIP of service "${svc.metadata.name}": it is reachable only from inside the cluster`);
      const port = pickPort(svc, t.port);
      return { svc, port, via: 'clusterIP', address: t.ip, addressPort: port.port, hop: `svc/${svc.metadata.name}:${port.port}` };
    }
  }
  const node = world.nodes.find((n) => nodeIP(n) === t.ip);
  if (node) {
    if (t.port === undefined) throw new TrafficError(`${t.ip} is node "${node.metadata.name}": give its NodePort as ${t.ip}:PORT`);
    return nodePortEntry(world, node, t.port);
  }
  throw new TrafficError(`no Service, load balancer or node has the address ${t.ip}`);
}

function nodePortEntry(world: World, node: KObject, nodePort: number): Entry | { refused: string; addressPort: number; hop: string } {
  const name = node.metadata.name!;
  const hop = `node/${name}:${nodePort}`;
  for (const svc of world.services) {
    const port = servicePorts(svc).find((p) => p.nodePort === nodePort);
    if (port) return { svc, port, via: 'nodePort', address: nodeIP(node), addressPort: nodePort, node: name, hop };
  }
  // Nothing listens on that port of the node.
  return { refused: nodeIP(node), addressPort: nodePort, hop };
}

const refused = (address: string, port: number, hops: string[]): Outcome => ({
  hops: [...hops, 'refused'],
  failure: { kind: 'refused', exitCode: 7, message: `curl: (7) Failed to connect to ${address} port ${port} after 0 ms: Connection refused` },
});

const timedOut = (address: string, port: number, hops: string[]): Outcome => ({
  hops: [...hops, 'dropped'],
  failure: {
    kind: 'timeout',
    exitCode: 28,
    message: `curl: (28) Failed to connect to ${address} port ${port} after ${CONNECT_TIMEOUT_MS} ms: Connection timed out`,
  },
});

const isNodeReady = (n: KObject) => ((n['status']?.conditions ?? []) as any[]).some((c) => c.type === 'Ready' && c.status === 'True');

export function route(world: World, target: Target, from: Client, env: RouteEnv): Outcome {
  const client = resolveClient(world, from);
  const entry = resolveEntry(world, target, client);
  const hops = [client.label, entry.hop];
  if ('refused' in entry) return refused(entry.refused, entry.addressPort, hops);
  const spec = entry.svc['spec'] ?? {};
  const ready = endpointsFor(entry.svc, entry.port, world.endpointSlices, world.pods).filter((e) => e.ready);
  if (ready.length === 0) return refused(entry.address, entry.addressPort, hops);
  const nodeByName = (n: string) => world.nodes.find((x) => x.metadata.name === n);
  const ipOf = (n: string | undefined) => (n ? nodeIP(nodeByName(n) ?? ({ metadata: {} } as KObject)) : client.ip);

  // Pick the node whose kube-proxy decides, the candidate endpoints and the source IP they will see.
  let decidingNode = client.node;
  let candidates: Endpoint[] = ready;
  let sourceIP = client.ip;
  if (entry.via === 'clusterIP') {
    if (spec.internalTrafficPolicy === 'Local') candidates = ready.filter((e) => e.nodeName === client.node);
  } else {
    const local = spec.externalTrafficPolicy === 'Local' && client.external;
    if (entry.via === 'loadBalancer' && client.external) {
      // The cloud load balancer spreads over eligible nodes; with Local it probes healthCheckNodePort,
      // which answers 200 only on nodes with a local ready endpoint.
      const eligible = world.nodes.filter((n) => isNodeReady(n) && n.metadata.labels?.[EXCLUDE_LB] === undefined).map((n) => n.metadata.name!);
      const healthy = local ? eligible.filter((n) => ready.some((e) => e.nodeName === n)) : eligible;
      if (healthy.length === 0) return timedOut(entry.address, entry.addressPort, hops);
      decidingNode = healthy[env.int(healthy.length)];
      hops.push(entry.port.nodePort ? `node/${decidingNode}:${entry.port.nodePort}` : `node/${decidingNode}`);
    } else if (entry.via === 'nodePort') {
      decidingNode = entry.node;
    }
    if (local) {
      candidates = ready.filter((e) => e.nodeName === decidingNode);
    } else if (spec.externalTrafficPolicy !== 'Local' || from.kind === 'node') {
      // Cluster policy (or a node's own traffic): masquerade to the receiving node's address.
      sourceIP = ipOf(decidingNode);
    }
  }
  if (candidates.length === 0) return timedOut(entry.address, entry.addressPort, hops);

  const ep = choose(entry, candidates, decidingNode, client.ip, env);
  // Hairpin: a pod reaching itself through its Service is masqueraded (to its node's address).
  if (from.kind === 'pod' && ep.ip === client.ip) sourceIP = ipOf(ep.nodeName);
  if (ep.nodeName && ep.nodeName !== decidingNode) hops.push(`node/${ep.nodeName}`);
  hops.push(ep.podName ? `pod/${ep.podName}:${ep.port}` : `${ep.ip}:${ep.port}`);
  return { hops, answered: { endpoint: ep, node: ep.nodeName, sourceIP } };
}

/** Random among candidates (kube-proxy's statistic/numgen random), unless ClientIP affinity holds one. */
function choose(entry: Entry, candidates: Endpoint[], node: string | undefined, clientIP: string, env: RouteEnv): Endpoint {
  const spec = entry.svc['spec'] ?? {};
  if (spec.sessionAffinity !== 'ClientIP') return candidates[env.int(candidates.length)]!;
  const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
  const key = `${node ?? '-'}|${entry.svc.metadata.namespace}/${entry.svc.metadata.name}:${entry.port.port}/${entry.port.protocol}|${clientIP}`;
  const held = env.affinity[key];
  let ep = held && env.now - held.lastUsed <= timeoutMs ? candidates.find((c) => c.ip === held.ip) : undefined;
  ep ??= candidates[env.int(candidates.length)]!;
  env.affinity[key] = { ip: ep.ip, lastUsed: env.now };
  return ep;
}

/** Drops affinity entries idle longer than the longest possible timeout (keeps the table bounded). */
export function pruneAffinity(env: RouteEnv, maxTimeoutSeconds = 86400): void {
  for (const [k, v] of Object.entries(env.affinity)) if (env.now - v.lastUsed > maxTimeoutSeconds * 1000) delete env.affinity[k];
}
