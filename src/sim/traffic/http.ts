// An HTTP request made from inside a pod (`kube-lite exec POD -- curl/wget URL`): the host resolved as
// the pod's resolver would (resolv.conf search list, ndots:5; see dns.ts), the connection made through
// kube-proxy's rules (route.ts) from that pod, and the answering container's response.
//
// Where the address leads:
// - a Service's ClusterIP, a load balancer address or a node address: route() from the pod; a ClusterIP
//   port the Service does not have is rejected (as kube-proxy's nftables mode does);
// - a pod's own address (a headless Service's endpoints, 10-244-1-5.ns.pod.cluster.local): straight to
//   that pod, no NAT; it answers on its containers' declared containerPorts (with none declared, an nginx
//   container on 80) while that container runs, else the connection is refused;
// - localhost / 127.0.0.1: the exec'ed pod itself;
// - any other address: nothing answers and the connection times out.
//
// The response (the same the `logs` access-log line counts): nginx images answer nginx's default
// welcome page (615 bytes) on every path; any other image answers `Hello from <pod>\n`.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { resolve, type DnsWorld } from './dns.js';
import type { Endpoint } from './endpoints.js';
import { route, TrafficError } from './route.js';
import type { ServedRequest } from './state.js';
import type { RouteEnv, World } from './types.js';

export type Connection =
  /** The name does not resolve to an address (curl exit 6). */
  | { kind: 'unresolved' }
  /** Rejected: no ready endpoint, nothing listening (curl exit 7). */
  | { kind: 'refused'; ip: string }
  /** Dropped: the client waits until its timeout (curl exit 28). */
  | { kind: 'timeout'; ip: string }
  | { kind: 'answered'; ip: string; endpoint: Endpoint; sourceIP: string; pod: KObject; container: any };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
export const isIPv4 = (s: string): boolean => {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
};

/** Connects from `client` (a pod, Running, with an IP) to host:port. */
export function connect(world: World, namespaces: string[], client: KObject, host: string, port: number, env: RouteEnv): Connection {
  const ns = client.metadata.namespace!;
  const clientIP = String(client['status']?.podIP ?? '');
  if (host === 'localhost' || host === '127.0.0.1') return direct(client, clientIP, port, '127.0.0.1');
  let ip = host;
  if (!isIPv4(host)) {
    const dnsWorld: DnsWorld = { services: world.services, endpointSlices: world.endpointSlices, pods: world.pods, namespaces };
    const a = resolve(dnsWorld, host, ns);
    // A CNAME (ExternalName) points outside the cluster, which the simulation has no resolver for.
    if (a.kind !== 'A') return { kind: 'unresolved' };
    ip = a.addresses[0]!;
  }
  const viaService = world.services.some(
    (s) =>
      (s['spec']?.clusterIP === ip && ip !== 'None') ||
      ((s['status']?.loadBalancer?.ingress ?? []) as any[]).some((i) => i.ip === ip),
  );
  const viaNode = world.nodes.some((n) => ((n['status']?.addresses ?? []) as any[]).some((a) => a.type === 'InternalIP' && a.address === ip));
  if (viaService || viaNode) {
    const svc = world.services.find((s) => s['spec']?.clusterIP === ip);
    if (svc && !((svc['spec']?.ports ?? []) as any[]).some((p) => p.port === port)) return { kind: 'refused', ip };
    let outcome;
    try {
      outcome = route(world, { kind: 'ip', ip, port }, { kind: 'pod', namespace: ns, name: client.metadata.name! }, env);
    } catch (e) {
      // A port the load balancer does not forward.
      if (e instanceof TrafficError) return { kind: 'refused', ip };
      throw e;
    }
    if (outcome.failure) return { kind: outcome.failure.kind === 'timeout' ? 'timeout' : 'refused', ip };
    const a = outcome.answered!;
    const pod = world.pods.find((p) => p.metadata.uid === a.endpoint.podUid || (p.metadata.namespace === ns && p.metadata.name === a.endpoint.podName));
    if (!pod) return { kind: 'refused', ip };
    return { kind: 'answered', ip, endpoint: a.endpoint, sourceIP: a.sourceIP, pod, container: listener(pod, a.endpoint.port) ?? firstContainer(pod) };
  }
  const target = world.pods.find((p) => p['status']?.podIP === ip && !p['spec']?.hostNetwork);
  if (target) return direct(target, ip, port, target.metadata.uid === client.metadata.uid ? ip : clientIP);
  return { kind: 'timeout', ip };
}

// The same test as logs.ts (which keeps its own copy).
const isNginx = (image: string): boolean => /(^|\/)nginx(-unprivileged)?(:|@|$)/.test(image);

const firstContainer = (pod: KObject): any => (pod['spec']?.containers ?? [])[0];

/**
 * The container listening on `port`: the one declaring that containerPort; with no port declared in
 * the whole pod, an nginx container listens on 80 (nginx's default), any other on nothing.
 */
function listener(pod: KObject, port: number): any {
  const containers: any[] = pod['spec']?.containers ?? [];
  const declared = containers.some((c) => (c.ports ?? []).length > 0);
  if (!declared) return port === 80 ? containers.find((c) => isNginx(String(c.image ?? ''))) : undefined;
  return containers.find((c) => ((c.ports ?? []) as any[]).some((p) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP'));
}

function direct(pod: KObject, ip: string, port: number, sourceIP: string): Connection {
  const c = listener(pod, port);
  const running = pod['status']?.phase === 'Running' && !pod.metadata.deletionTimestamp;
  const up = c && ((pod['status']?.containerStatuses ?? []) as any[]).some((s) => s.name === c.name && s.state?.running);
  if (!running || !up) return { kind: 'refused', ip };
  const endpoint: Endpoint = { ip, port, nodeName: pod['spec']?.nodeName, podName: pod.metadata.name, podUid: pod.metadata.uid, ready: true };
  return { kind: 'answered', ip, endpoint, sourceIP, pod, container: c };
}


/** nginx's /usr/share/nginx/html/index.html (615 bytes, the size the access log records). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export interface Response {
  status: number;
  reason: string;
  /** Header name/value pairs in the order the server sends them. */
  headers: [string, string][];
  body: string;
}

/** What the answering container sends back, at cluster time `now`. */
export function respond(pod: KObject, container: any, now: number): Response {
  const image = String(container?.image ?? '');
  const date = new Date(now).toUTCString();
  if (isNginx(image)) {
    const version = /:(\d+\.\d+\.\d+)(-|$)/.exec(image)?.[1];
    return {
      status: 200,
      reason: 'OK',
      headers: [
        ['Server', version ? `nginx/${version}` : 'nginx'],
        ['Date', date],
        ['Content-Type', 'text/html'],
        ['Content-Length', String(Buffer.byteLength(NGINX_WELCOME))],
        ['Connection', 'keep-alive'],
        ['Accept-Ranges', 'bytes'],
      ],
      body: NGINX_WELCOME,
    };
  }
  const body = `Hello from ${pod.metadata.name}\n`;
  return {
    status: 200,
    reason: 'OK',
    headers: [
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Date', date],
      ['Content-Length', String(Buffer.byteLength(body))],
    ],
    body,
  };
}

/** The access-log entry of an answered request (for `logs`), naming the container when not the first. */
export function servedEntry(
  c: Extract<Connection, { kind: 'answered' }>,
  time: string,
  path: string,
  agent?: string,
): { podUid: string; entry: ServedRequest } {
  const first = firstContainer(c.pod)?.name;
  const entry: ServedRequest = { time, client: c.sourceIP, path, ...(agent ? { agent } : {}) };
  if (c.container?.name && c.container.name !== first) entry.container = c.container.name;
  return { podUid: c.pod.metadata.uid!, entry };
}
