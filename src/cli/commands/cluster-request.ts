// `kube-lite cluster request TARGET`: sends simulated requests through kube-proxy's rules and prints,
// per request, the answering pod, its node, the hops and the source IP the pod saw, then the count per
// pod. Each served request is kept in the pod's traffic log (store meta) for `logs`.
// Failures print as curl does (refused: exit 7; dropped, the connect timing out: exit 28).

import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import { rfc3339 } from '../../sim/clock.js';
import { routeIngress, type IngressTarget } from '../../sim/traffic/ingress.js';
import { pruneAffinity, route, TrafficError } from '../../sim/traffic/route.js';
import { appendLog, loadAffinity, pruneLog, saveAffinity, type ServedRequest } from '../../sim/traffic/state.js';
import { DEFAULT_EXTERNAL_CLIENT_IP, type Client, type Outcome, type Target, type World } from '../../sim/traffic/types.js';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import type { CommandContext } from '../context.js';
import { intFlag } from '../flags.js';
import { registerDns } from './cluster-dns.js';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const MAX_COUNT = 1000;

interface RequestOptions {
  target: Target | IngressTarget;
  /** undefined: the default for the target (see defaultClient). */
  from?: Client;
  count: number;
  path: string;
}

/** Registers `cluster request` and `cluster dns` (one line in cluster.ts). */
export function registerTrafficCommands(cluster: Command, ctx: CommandContext): void {
  cluster
    .command('request')
    .description('Send simulated requests to a Service, a NodePort, a load balancer address or an Ingress, and show where they go')
    .argument('<target>', 'svc/NAME[:PORT], node/NAME:NODEPORT, an address IP[:PORT] (LoadBalancer, ClusterIP or node), or ingress/NAME')
    .option('--port <port>', 'Service port (number or name), or the NodePort for node/NAME')
    .option('--count <n>', 'Number of requests', '1')
    .option('--from <client>', 'pod/NAME, node/NAME or external (default: the control-plane node for svc/, external otherwise)')
    .option('--client-ip <ip>', `Source address of an external client (default ${DEFAULT_EXTERNAL_CLIENT_IP})`)
    .option('--path <path>', 'Request path (routed by an Ingress\'s rules), recorded in the answering pod\'s log', '/')
    .option('--host <host>', 'Host header of a request to ingress/NAME (default: the Ingress\'s address)')
    .action(async (target: string, f: Record<string, unknown>) => {
      const ns = await ctx.namespace();
      const o = toOptions(target, ns, f);
      await run(ctx, o);
    });
  registerDns(cluster, ctx);
}

function toOptions(raw: string, ns: string, f: Record<string, unknown>): RequestOptions {
  const count = intFlag('count', f['count'])!;
  if (count < 1 || count > MAX_COUNT) throw new CliError(`--count must be between 1 and ${MAX_COUNT}`);
  const path = String(f['path']);
  if (!path.startsWith('/')) throw new CliError(`--path must start with "/": ${path}`);
  const clientIP = f['clientIp'] as string | undefined;
  if (clientIP !== undefined && !isIPv4(clientIP)) throw new CliError(`invalid --client-ip "${clientIP}": not an IPv4 address`);
  const from = parseClient(f['from'] as string | undefined, ns, clientIP);
  const host = f['host'] as string | undefined;
  const target = parseTarget(raw, ns, f['port'] as string | undefined, host);
  if (host !== undefined && target.kind !== 'ingress') throw new CliError('--host applies only to ingress/NAME targets');
  return { target, from, count, path };
}

function isIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

function parsePort(s: string, what: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 65535) throw new CliError(`invalid ${what} "${s}": must be a number between 1 and 65535`);
  return Number(s);
}

export function parseTarget(raw: string, ns: string, portFlag: string | undefined, host?: string): Target | IngressTarget {
  const slash = raw.indexOf('/');
  const kind = slash > 0 ? raw.slice(0, slash) : '';
  const rest = raw.slice(slash + 1);
  const [name, inline, extra] = rest.split(':');
  if (extra !== undefined || (inline !== undefined && portFlag !== undefined)) {
    throw new CliError(`give the port of "${raw}" once: in the target or with --port`);
  }
  const port = inline ?? portFlag;
  if (['ing', 'ingress', 'ingresses'].includes(kind) && name) {
    if (port !== undefined) throw new CliError(`ingress target "${raw}" takes no port: ingress-nginx listens on 80`);
    if (host !== undefined && !/^[A-Za-z0-9*]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host)) throw new CliError(`invalid --host "${host}"`);
    return { kind: 'ingress', namespace: ns, name, host };
  }
  if (['svc', 'service', 'services'].includes(kind) && name) return { kind: 'service', namespace: ns, name, port };
  if (['node', 'nodes', 'no'].includes(kind) && name) {
    if (port === undefined) throw new CliError(`node target "${raw}" needs a NodePort: node/NAME:NODEPORT`);
    return { kind: 'node', name, port: parsePort(port, 'NodePort') };
  }
  if (slash < 0 && isIPv4(name ?? '')) return { kind: 'ip', ip: name!, port: port === undefined ? undefined : parsePort(port, 'port') };
  throw new CliError(`unknown target "${raw}": use svc/NAME[:PORT], node/NAME:NODEPORT, an address IP[:PORT] or ingress/NAME`);
}

function parseClient(raw: string | undefined, ns: string, clientIP: string | undefined): Client | undefined {
  if (raw === undefined) return clientIP ? { kind: 'external', ip: clientIP } : undefined;
  if (raw === 'external') return { kind: 'external', ip: clientIP ?? DEFAULT_EXTERNAL_CLIENT_IP };
  if (clientIP !== undefined) throw new CliError('--client-ip applies only to --from external');
  const [kind, name] = raw.split('/');
  if (name && ['pod', 'pods', 'po'].includes(kind!)) return { kind: 'pod', namespace: ns, name };
  if (name && ['node', 'nodes', 'no'].includes(kind!)) return { kind: 'node', name };
  throw new CliError(`invalid --from "${raw}": use pod/NAME, node/NAME or external`);
}

function readWorld(api: ApiServer): World {
  const list = (r: string) => api.list(findResource(r)!);
  return { services: list('services'), endpointSlices: list('endpointslices'), pods: list('pods'), nodes: list('nodes') };
}

/** A ClusterIP is reached from inside: by default from the control-plane node (as `docker exec … curl`). */
function defaultClient(world: World, target: Target | IngressTarget): Client {
  if (target.kind !== 'service') return { kind: 'external', ip: DEFAULT_EXTERNAL_CLIENT_IP };
  const cp = world.nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? world.nodes[0];
  if (!cp) throw new CliError('the cluster has no nodes to send the request from: use --from');
  return { kind: 'node', name: cp.metadata.name! };
}

interface Served {
  n: number;
  outcome: Outcome;
}

async function run(ctx: CommandContext, o: RequestOptions): Promise<void> {
  const results = await ctx.withApi((api) => {
    // Named objects that do not exist fail as the API reports them.
    if (o.target.kind === 'service') api.get(findResource('services')!, o.target.namespace, o.target.name);
    if (o.target.kind === 'node') api.get(findResource('nodes')!, undefined, o.target.name);
    const ing = o.target.kind === 'ingress' ? api.get(findResource('ingresses')!, o.target.namespace, o.target.name) : undefined;
    if (o.from?.kind === 'pod') api.get(findResource('pods')!, o.from.namespace, o.from.name);
    if (o.from?.kind === 'node') api.get(findResource('nodes')!, undefined, o.from.name);
    const world = readWorld(api);
    const from = o.from ?? defaultClient(world, o.target);
    const env = { int: (n: number) => api.random.int(n), now: api.now(), affinity: loadAffinity(api.store) };
    const out: Served[] = [];
    const log: { podUid: string; entry: ServedRequest }[] = [];
    try {
      for (let n = 1; n <= o.count; n++) {
        const outcome = o.target.kind === 'ingress' ? routeIngress(world, ing!, o.target, o.path, from, env) : route(world, o.target, from, env);
        out.push({ n, outcome });
        const a = outcome.answered;
        if (a?.endpoint.podUid) log.push({ podUid: a.endpoint.podUid, entry: { time: rfc3339(env.now), client: a.sourceIP, path: o.path } });
      }
    } catch (e) {
      if (e instanceof TrafficError) throw new CliError(e.message);
      throw e;
    }
    pruneAffinity(env);
    saveAffinity(api.store, env.affinity);
    appendLog(api.store, log);
    pruneLog(api.store, new Set(world.pods.map((p) => p.metadata.uid!)));
    return out;
  });
  ctx.out(format(results));
  const failures = results.filter((r) => r.outcome.failure).map((r) => r.outcome.failure!);
  if (failures.length > 0) throw new RawError([...new Set(failures.map((f) => f.message))].join('\n'), failures[0]!.exitCode);
}

/** The per-request table, the per-pod counts (pods in name order) and a totals line. */
export function format(results: Served[]): string {
  const rows = ['REQUEST\tPOD\tNODE\tSOURCE IP\tHOPS'];
  const perPod = new Map<string, { node: string; count: number }>();
  for (const { n, outcome } of results) {
    const a = outcome.answered;
    const pod = a ? (a.endpoint.podName ?? a.endpoint.ip) : '<none>';
    const node = a?.node ?? '<none>';
    rows.push(`${n}\t${pod}\t${node}\t${a?.sourceIP ?? '<none>'}\t${outcome.hops.join(' -> ')}`);
    if (a) perPod.set(pod, { node, count: (perPod.get(pod)?.count ?? 0) + 1 });
  }
  let text = tabwrite(rows.join('\n') + '\n', GET_TABWRITER);
  if (perPod.size > 0) {
    const sorted = [...perPod.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    text += '\n' + tabwrite(['POD\tNODE\tREQUESTS', ...sorted.map(([p, v]) => `${p}\t${v.node}\t${v.count}`)].join('\n') + '\n', GET_TABWRITER);
  }
  const count = (k: string) => results.filter((r) => r.outcome.failure?.kind === k).length;
  const answered = results.length - count('refused') - count('timeout') - count('http');
  // HTTP errors (an Ingress's 404/503) are counted only where they can happen.
  const http = count('http') > 0 ? `, ${count('http')} HTTP error${count('http') === 1 ? '' : 's'}` : '';
  text += `${results.length} request${results.length === 1 ? '' : 's'}: ${answered} answered, ${count('refused')} refused, ${count('timeout')} timed out${http}\n`;
  return text;
}
