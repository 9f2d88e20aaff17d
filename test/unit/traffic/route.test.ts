// kube-proxy's routing rules in the traffic model, table-driven over a hand-built world.

import { describe, expect, it } from 'vitest';
import { route, TrafficError } from '../../../src/sim/traffic/route.js';
import type { Client, Target } from '../../../src/sim/traffic/types.js';
import { env, NODES, PODS, world } from './fixtures.js';

const EXT: Client = { kind: 'external', ip: '203.0.113.10' };
const NODEPORT = (node: string): Target => ({ kind: 'node', name: node, port: 30080 });
const LB_IP = '172.18.255.200';

/** Routes `n` requests and returns "pod@node<-source" per request, or the failure kind. */
function send(w: ReturnType<typeof world>, target: Target, from: Client, n = 20, e = env()) {
  return Array.from({ length: n }, () => {
    const o = route(w, target, from, e);
    return o.answered ? `${o.answered.endpoint.podName}@${o.answered.node}<-${o.answered.sourceIP}` : o.failure!.kind;
  });
}
const uniq = (xs: string[]) => [...new Set(xs)].sort();

describe('NodePort through each node', () => {
  const cases: { policy: string; node: string; expect: string[] }[] = [
    // Cluster: every node answers, from any pod, source masqueraded to the receiving node.
    { policy: 'Cluster', node: NODES[0]!, expect: ['web-a@kube-lite-worker<-172.18.0.2', 'web-b@kube-lite-worker<-172.18.0.2', 'web-c@kube-lite-worker2<-172.18.0.2'] },
    { policy: 'Cluster', node: NODES[1]!, expect: ['web-a@kube-lite-worker<-172.18.0.3', 'web-b@kube-lite-worker<-172.18.0.3', 'web-c@kube-lite-worker2<-172.18.0.3'] },
    { policy: 'Cluster', node: NODES[2]!, expect: ['web-a@kube-lite-worker<-172.18.0.4', 'web-b@kube-lite-worker<-172.18.0.4', 'web-c@kube-lite-worker2<-172.18.0.4'] },
    // Local: only local endpoints, client IP kept; a node without one drops the packet.
    { policy: 'Local', node: NODES[0]!, expect: ['timeout'] },
    { policy: 'Local', node: NODES[1]!, expect: ['web-a@kube-lite-worker<-203.0.113.10', 'web-b@kube-lite-worker<-203.0.113.10'] },
    { policy: 'Local', node: NODES[2]!, expect: ['web-c@kube-lite-worker2<-203.0.113.10'] },
  ];
  for (const c of cases) {
    it(`${c.policy} via ${c.node}`, () => {
      const w = world({ type: 'NodePort', externalTrafficPolicy: c.policy });
      expect(uniq(send(w, NODEPORT(c.node), EXT))).toEqual(c.expect);
    });
  }

  it('shows the extra hop when Cluster policy forwards to another node', () => {
    const w = world({ type: 'NodePort', externalTrafficPolicy: 'Cluster' }, [PODS[2]!]);
    expect(route(w, NODEPORT(NODES[1]!), EXT, env()).hops).toEqual([
      '203.0.113.10',
      'node/kube-lite-worker:30080',
      'node/kube-lite-worker2',
      'pod/web-c:8080',
    ]);
  });

  it('refuses a port nothing listens on', () => {
    const o = route(world({ type: 'NodePort' }), { kind: 'node', name: NODES[1]!, port: 31999 }, EXT, env());
    expect(o.failure).toEqual({ kind: 'refused', exitCode: 7, message: 'curl: (7) Failed to connect to 172.18.0.3 port 31999 after 0 ms: Connection refused' });
  });

  it('short-circuits pod traffic to the Cluster rules under Local policy, keeping the pod IP', () => {
    const w = world({ type: 'NodePort', externalTrafficPolicy: 'Local' });
    expect(uniq(send(w, NODEPORT(NODES[0]!), { kind: 'pod', namespace: 'default', name: 'client' }))).toEqual([
      'web-a@kube-lite-worker<-10.244.2.9',
      'web-b@kube-lite-worker<-10.244.2.9',
      'web-c@kube-lite-worker2<-10.244.2.9',
    ]);
  });
});

describe('LoadBalancer', () => {
  it('Cluster: the balancer spreads over eligible nodes (not the excluded control plane), source SNATed', () => {
    const w = world({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }, PODS, { lbIP: LB_IP });
    const e = env();
    const outs = Array.from({ length: 30 }, () => route(w, { kind: 'ip', ip: LB_IP }, EXT, e));
    expect(uniq(outs.map((o) => o.hops[2]!))).toEqual(['node/kube-lite-worker2:30080', 'node/kube-lite-worker:30080']);
    for (const o of outs) expect(o.hops[1]).toBe(`lb/${LB_IP}:80`);
    expect(uniq(outs.map((o) => o.answered!.sourceIP))).toEqual(['172.18.0.3', '172.18.0.4']);
  });

  it('Local: healthCheckNodePort sends only to nodes with a ready endpoint, client IP kept', () => {
    const w = world({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 }, [PODS[2]!], { lbIP: LB_IP });
    expect(uniq(send(w, { kind: 'ip', ip: LB_IP, port: 80 }, EXT))).toEqual(['web-c@kube-lite-worker2<-203.0.113.10']);
  });

  it('svc/NAME from outside goes through the balancer', () => {
    const w = world({ type: 'LoadBalancer' }, PODS, { lbIP: LB_IP });
    expect(route(w, { kind: 'service', namespace: 'default', name: 'web' }, EXT, env()).hops.slice(0, 2)).toEqual(['203.0.113.10', `lb/${LB_IP}:80`]);
  });
});

describe('ClusterIP', () => {
  const SVC: Target = { kind: 'service', namespace: 'default', name: 'web' };
  const FROM_POD: Client = { kind: 'pod', namespace: 'default', name: 'client' };

  it('reaches every ready endpoint and keeps the pod source IP', () => {
    expect(uniq(send(world(), SVC, FROM_POD))).toEqual(['web-a@kube-lite-worker<-10.244.2.9', 'web-b@kube-lite-worker<-10.244.2.9', 'web-c@kube-lite-worker2<-10.244.2.9']);
  });

  it('ignores unready endpoints', () => {
    const pods = [PODS[0]!, { ...PODS[1]!, ready: false }, { ...PODS[2]!, ready: false }];
    expect(uniq(send(world({}, pods), SVC, FROM_POD))).toEqual(['web-a@kube-lite-worker<-10.244.2.9']);
  });

  it.each([
    ['no endpoints at all', []],
    ['only unready endpoints', PODS.map((p) => ({ ...p, ready: false }))],
  ])('refuses the connection with %s', (_, pods) => {
    const o = route(world({}, pods), SVC, FROM_POD, env());
    expect(o.hops).toEqual(['pod/client', 'svc/web:80', 'refused']);
    expect(o.failure?.message).toBe('curl: (7) Failed to connect to 10.96.100.10 port 80 after 0 ms: Connection refused');
  });

  it('internalTrafficPolicy Local keeps to the client node, and drops without a local endpoint', () => {
    expect(uniq(send(world({ internalTrafficPolicy: 'Local' }), SVC, FROM_POD))).toEqual(['web-c@kube-lite-worker2<-10.244.2.9']);
    expect(uniq(send(world({ internalTrafficPolicy: 'Local' }, [PODS[0]!]), SVC, FROM_POD))).toEqual(['timeout']);
  });

  it('derives endpoints from ready selected pods while no EndpointSlice exists (named targetPort)', () => {
    const w = world({ ports: [{ port: 80, targetPort: 'http', protocol: 'TCP' }] }, [PODS[0]!, { ...PODS[2]!, ready: false }], { slices: false });
    const o = route(w, SVC, FROM_POD, env());
    expect(o.hops).toEqual(['pod/client', 'svc/web:80', 'node/kube-lite-worker', 'pod/web-a:8080']);
  });

  it('errors on an unknown port, and asks for one on a multi-port Service', () => {
    expect(() => route(world(), { ...SVC, port: '81' }, FROM_POD, env())).toThrow(new TrafficError('service "web" has no port 81'));
    const multi = world({ ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443, protocol: 'TCP' }] });
    expect(() => route(multi, SVC, FROM_POD, env())).toThrow('service "web" has 2 ports (80/http, 443/https): choose one with --port');
    expect(route(multi, { ...SVC, port: 'https' }, FROM_POD, env()).hops[1]).toBe('svc/web:443');
  });

  it('masquerades hairpin traffic (a pod reaching itself through its Service)', () => {
    const w = world({}, [PODS[0]!]);
    expect(send(w, SVC, { kind: 'pod', namespace: 'default', name: 'web-a' }, 1)).toEqual(['web-a@kube-lite-worker<-172.18.0.3']);
  });
});

describe('session affinity and determinism', () => {
  const AFF = { type: 'NodePort', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } };

  it('ClientIP sticks per client IP, across calls sharing the table', () => {
    const w = world(AFF);
    const e = env(7);
    const first = send(w, NODEPORT(NODES[1]!), EXT, 10, e);
    expect(uniq(first)).toHaveLength(1);
    const other = send(w, NODEPORT(NODES[1]!), { kind: 'external', ip: '198.51.100.7' }, 10, e);
    expect(uniq(other)).toHaveLength(1);
    expect(Object.keys(e.affinity)).toHaveLength(2);
  });

  it('expires after timeoutSeconds of cluster time, and moves off an endpoint that became unready', () => {
    const w = world(AFF);
    const e = env(3);
    route(w, NODEPORT(NODES[1]!), EXT, e);
    const key = Object.keys(e.affinity)[0]!;
    e.affinity[key] = { ip: '10.244.2.2', lastUsed: e.now - 10800_000 };
    expect(route(w, NODEPORT(NODES[1]!), EXT, e).answered!.endpoint.ip).toBe('10.244.2.2');
    e.affinity[key] = { ip: '10.244.2.2', lastUsed: e.now - 10800_001 };
    const pods = [PODS[0]!, PODS[1]!, { ...PODS[2]!, ready: false }];
    for (let i = 0; i < 10; i++) {
      e.affinity[key] = { ip: '10.244.2.2', lastUsed: e.now };
      expect(route(world(AFF, pods), NODEPORT(NODES[1]!), EXT, e).answered!.endpoint.ip).not.toBe('10.244.2.2');
    }
  });

  it('repeats for a seed and differs across seeds', () => {
    const w = world({ type: 'NodePort' });
    const run = (seed: number) => send(w, NODEPORT(NODES[1]!), EXT, 30, env(seed)).join(',');
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });
});
