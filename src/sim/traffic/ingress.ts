// One simulated HTTP request through ingress-nginx (src/controllers/ingress), as nginx would route it:
//
// - host: a rule host matches the request's Host exactly (case-insensitively); a wildcard
//   `*.example.com` matches exactly one more label (`a.example.com`, not `example.com` nor
//   `a.b.example.com`); an exact host wins over a wildcard, a wildcard over rules without a host;
//   rules without a host match any Host (nginx's catch-all server);
// - path, among the paths of the matched host: Exact equals the path; Prefix matches element-wise
//   (`/foo` matches `/foo`, `/foo/` and `/foo/bar`, not `/foobar`; a trailing `/` in the rule is
//   ignored; `/` matches everything); ImplementationSpecific is ingress-nginx's plain nginx
//   `location` prefix (`/foo` also matches `/foobar`); the longest matching path wins, Exact first
//   on a tie;
// - nothing matched: spec.defaultBackend, else the controller's default backend, which answers 404;
// - the backend Service (port by number or name): missing, no such port or no ready endpoint → 503,
//   as nginx answers; otherwise one of the ready endpoints kube-proxy's model lists for that port.
//   ingress-nginx balances over the endpoints itself (not through the ClusterIP); the controller runs
//   on the control-plane node (kind's `ingress-ready` node), so the pod sees that node's address.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { endpointsFor, servicePorts } from './endpoints.js';
import { nodeIP, resolveClient, TrafficError } from './route.js';
import type { Client, Outcome, RouteEnv, World } from './types.js';

export interface IngressTarget {
  kind: 'ingress';
  namespace: string;
  name: string;
  /** The request's Host header; default: the Ingress's published address. */
  host?: string;
}

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind: string; name: string };
}

export interface IngressMatch {
  /** The rule host as written ('' for a rule without host); undefined: the default backend. */
  host?: string;
  path?: string;
  pathType?: PathType;
  backend?: IngressBackend;
  /** true when no rule matched and spec.defaultBackend is unset: the controller's 404. */
  notFound: boolean;
}

/** Does a rule host match the request's host? */
export function hostMatches(ruleHost: string, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const r = ruleHost.toLowerCase();
  if (r === '') return true;
  if (r.startsWith('*.')) {
    const suffix = r.slice(1); // ".example.com"
    if (!h.endsWith(suffix)) return false;
    const label = h.slice(0, h.length - suffix.length);
    return label.length > 0 && !label.includes('.');
  }
  return r === h;
}

/** How specific a matching rule host is: exact 2, wildcard 1, none 0. */
const hostRank = (ruleHost: string): number => (ruleHost === '' ? 0 : ruleHost.startsWith('*.') ? 1 : 2);

/** Does a rule path of this type match the request path? */
export function pathMatches(pathType: PathType, rulePath: string, path: string): boolean {
  if (pathType === 'Exact') return rulePath === path;
  if (pathType === 'ImplementationSpecific') return path.startsWith(rulePath);
  // Prefix: element-wise, on the path split by "/" (empty elements ignored).
  const want = rulePath.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  return want.length <= got.length && want.every((el, i) => el === got[i]);
}

/** Strips a query string or fragment: nginx matches locations on the path only. */
const pathOnly = (p: string): string => p.replace(/[?#].*$/, '') || '/';

/** Picks the backend of `ing` for one request (pure). */
export function matchIngress(ing: KObject, host: string, rawPath: string): IngressMatch {
  const spec = ing['spec'] ?? {};
  const path = pathOnly(rawPath);
  const rules = ((spec.rules ?? []) as any[]).filter((r) => r?.http && hostMatches(r.host ?? '', host));
  const best = Math.max(-1, ...rules.map((r) => hostRank(r.host ?? '')));
  let found: IngressMatch | undefined;
  let foundLen = -1;
  for (const rule of rules.filter((r) => hostRank(r.host ?? '') === best)) {
    for (const p of (rule.http.paths ?? []) as any[]) {
      const type: PathType = p.pathType ?? 'ImplementationSpecific';
      const rulePath: string = p.path || '/';
      if (!pathMatches(type, rulePath, path)) continue;
      const len = type === 'Prefix' ? rulePath.replace(/\/+$/, '').length : rulePath.length;
      // Longer wins; on a tie, Exact (nginx's `location =`) before the prefixes; else first listed.
      if (len > foundLen || (len === foundLen && type === 'Exact' && found?.pathType !== 'Exact')) {
        found = { host: rule.host ?? '', path: rulePath, pathType: type, backend: p.backend, notFound: false };
        foundLen = len;
      }
    }
  }
  if (found) return found;
  if (spec.defaultBackend) return { backend: spec.defaultBackend, notFound: false };
  return { notFound: true };
}

const httpFailure = (status: number, text: string, hops: string[]): Outcome => ({
  hops: [...hops, `${status} ${text}`],
  failure: { kind: 'http', exitCode: 22, message: `curl: (22) The requested URL returned error: ${status}` },
});

/** Routes one request to `ing` (already fetched) from `from`. */
export function routeIngress(world: World, ing: KObject, target: IngressTarget, path: string, from: Client, env: RouteEnv): Outcome {
  const client = resolveClient(world, from);
  const published = ((ing['status']?.loadBalancer?.ingress ?? []) as any[]).map((i) => i?.ip || i?.hostname).filter(Boolean) as string[];
  if (published.length === 0) {
    throw new TrafficError(`ingress "${target.name}" has no address: no ingress controller serves its class`);
  }
  const host = target.host ?? published[0]!;
  const m = matchIngress(ing, host, path);
  const where = m.host === undefined ? '(default backend)' : `(host ${m.host || '*'}, path ${m.path})`;
  const hops = [client.label, `ingress/${target.name} ${where}`];
  if (m.notFound) return httpFailure(404, 'Not Found', [client.label, `ingress/${target.name} (no rule for host ${host}, path ${pathOnly(path)})`]);
  const ref = m.backend?.service;
  if (!ref) return httpFailure(503, 'Service Unavailable', hops);
  const ns = ing.metadata.namespace;
  const svc = world.services.find((s) => s.metadata.namespace === ns && s.metadata.name === ref.name);
  const port = svc && servicePorts(svc).find((p) => (ref.port?.number ? p.port === ref.port.number : p.name === ref.port?.name));
  const portLabel = port ? port.port : (ref.port?.number ?? ref.port?.name);
  hops.push(`svc/${ref.name}:${portLabel}`);
  if (!svc || !port) return httpFailure(503, 'Service Unavailable', hops);
  const ready = endpointsFor(svc, port, world.endpointSlices, world.pods).filter((e) => e.ready);
  if (ready.length === 0) return httpFailure(503, 'Service Unavailable', hops);
  const ep = ready[env.int(ready.length)]!;
  const controllerNode = world.nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? world.nodes[0];
  if (ep.nodeName && ep.nodeName !== controllerNode?.metadata.name) hops.push(`node/${ep.nodeName}`);
  hops.push(ep.podName ? `pod/${ep.podName}:${ep.port}` : `${ep.ip}:${ep.port}`);
  const sourceIP = controllerNode ? nodeIP(controllerNode) : client.ip;
  return { hops, answered: { endpoint: ep, node: ep.nodeName, sourceIP } };
}
