// The inputs and outputs of the traffic model (kube-proxy + a cloud load balancer, simulated).

import type { KObject } from '../../api/types.js';
import type { Endpoint } from './endpoints.js';

/** The cluster objects the model reads; lists as the API returns them (sorted). */
export interface World {
  services: KObject[];
  endpointSlices: KObject[];
  pods: KObject[];
  nodes: KObject[];
}

export type Target =
  /** svc/NAME[:port]: the Service's virtual IP (or its load balancer, from outside). */
  | { kind: 'service'; namespace: string; name: string; port?: string }
  /** node/NAME:NODEPORT */
  | { kind: 'node'; name: string; port: number }
  /** A bare address: a LoadBalancer ingress IP, a ClusterIP or a node IP (port required for a node). */
  | { kind: 'ip'; ip: string; port?: number };

export type Client =
  | { kind: 'external'; ip: string }
  | { kind: 'pod'; namespace: string; name: string }
  | { kind: 'node'; name: string };

export const DEFAULT_EXTERNAL_CLIENT_IP = '203.0.113.10';

/** Session-affinity entries, keyed by deciding node, service port and client IP (see route.ts). */
export type AffinityTable = Record<string, { ip: string; lastUsed: number }>;

export interface RouteEnv {
  /** [0, n), from the cluster's seeded source. */
  int(n: number): number;
  now: number;
  affinity: AffinityTable;
}

export interface Outcome {
  /** Hops as `kind/name[:port]` (or a bare client IP), from the client to the answering pod. */
  hops: string[];
  answered?: { endpoint: Endpoint; node?: string; sourceIP: string };
  /** 'http': an HTTP error status from a proxy (ingress-nginx's 404/503), as `curl -f` reports it. */
  failure?: { kind: 'refused' | 'timeout' | 'http'; message: string; exitCode: number };
}
