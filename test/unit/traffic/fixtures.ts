// A hand-built world for the traffic model: 3 nodes (control plane excluded from load balancers),
// pods a (worker), b (worker), c (worker2), and EndpointSlices written as the controller writes them.

import type { KObject } from '../../../src/api/types.js';
import { SeededRandom } from '../../../src/sim/random.js';
import type { RouteEnv, World } from '../../../src/sim/traffic/types.js';

export const NODES = ['kube-lite-control-plane', 'kube-lite-worker', 'kube-lite-worker2'];

function node(name: string, i: number): KObject {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
  if (i === 0) labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    status: { addresses: [{ type: 'InternalIP', address: `172.18.0.${i + 2}` }], conditions: [{ type: 'Ready', status: 'True' }] },
  };
}

export interface PodSpec {
  name: string;
  ip: string;
  node: string;
  ready?: boolean;
}

export const PODS: PodSpec[] = [
  { name: 'web-a', ip: '10.244.1.2', node: 'kube-lite-worker' },
  { name: 'web-b', ip: '10.244.1.3', node: 'kube-lite-worker' },
  { name: 'web-c', ip: '10.244.2.2', node: 'kube-lite-worker2' },
];

function pod(p: PodSpec, labels = { app: 'web' }): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: 'default', uid: `uid-${p.name}`, labels },
    spec: { nodeName: p.node, containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
    status: { podIP: p.ip, conditions: [{ type: 'Ready', status: p.ready === false ? 'False' : 'True' }] },
  };
}

export function service(name: string, spec: Record<string, unknown>, lbIP?: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: `uid-svc-${name}` },
    spec: { selector: { app: 'web' }, clusterIP: '10.96.100.10', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }], ...spec },
    ...(lbIP ? { status: { loadBalancer: { ingress: [{ ip: lbIP, ipMode: 'VIP' }] } } } : {}),
  };
}

export function slice(svc: string, pods: PodSpec[]): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: `${svc}-abcde`, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } },
    addressType: 'IPv4',
    endpoints: pods.map((p) => ({
      addresses: [p.ip],
      conditions: { ready: p.ready !== false },
      nodeName: p.node,
      targetRef: { kind: 'Pod', namespace: 'default', name: p.name, uid: `uid-${p.name}` },
    })),
    ports: [{ name: '', port: 8080, protocol: 'TCP' }],
  };
}

/** A world with one Service `web` (spec overrides given) and a slice of `pods`. */
export function world(spec: Record<string, unknown> = {}, pods: PodSpec[] = PODS, opts: { slices?: boolean; lbIP?: string } = {}): World {
  return {
    services: [service('web', spec, opts.lbIP)],
    endpointSlices: opts.slices === false ? [] : [slice('web', pods)],
    pods: [...pods.map((p) => pod(p)), pod({ name: 'client', ip: '10.244.2.9', node: 'kube-lite-worker2' }, { app: 'client' } as { app: string })],
    nodes: NODES.map(node),
  };
}

export function env(seed = 1, now = Date.parse('2026-01-01T00:00:00Z')): RouteEnv {
  const r = new SeededRandom(seed);
  return { int: (n) => r.int(n), now, affinity: {} };
}
