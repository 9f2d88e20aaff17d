// The simulated view from inside a container (pure: everything it needs is passed in). It answers what
// a kubelet would have given the container when it started: its environment (kubelet's
// makeEnvironmentVariables: service links, envFrom with prefix, env with `$(VAR)` expansion, valueFrom
// configMapKeyRef / secretKeyRef / fieldRef / resourceFieldRef), its hostname, and the files kube-lite
// knows of: mounted configMap / secret / downwardAPI / projected volumes (secret values decoded), the
// kubelet-managed /etc/hostname, /etc/hosts and /etc/resolv.conf, and the service account files.
//
// It also says why a container could not be created: a missing non-optional ConfigMap, Secret or key in
// its env (CreateContainerConfigError, with the kubelet's message) or a volume source that cannot be
// mounted (FailedMount).
//
// Environment order (a real kubelet passes a Go map, so its order is not defined; kube-lite fixes one):
// PATH, HOSTNAME, the container's own variables (envFrom, then env, in spec order; a later one of the
// same name replaces the earlier in place), the service link variables (sorted by name), HOME.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { parseQuantity } from '../api/quantity.js';
import { CLUSTER_DOMAIN, DNS_SERVER } from './traffic/dns.js';

type Json = Record<string, any>;

/** The objects in the pod's namespace the kubelet reads (plus the `kubernetes` service of default). */
export interface ContainerWorld {
  configMaps: Json[];
  secrets: Json[];
  /** Services of the pod's namespace, and default/kubernetes. */
  services: Json[];
  /** The pod's node (allocatable is the default for unset limits). */
  node?: Json;
}

export type EnvVar = [name: string, value: string];

export interface EnvResult {
  env: EnvVar[];
  /** Why the container cannot be created (CreateContainerConfigError's message). */
  error?: string;
  /** Keys of envFrom sources skipped as invalid names: the kubelet's InvalidEnvironmentVariableNames events. */
  warnings: string[];
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const byName = (list: Json[], name: string): Json | undefined => list.find((o) => o?.metadata?.name === name);
const ns = (pod: Json): string => pod.metadata?.namespace ?? 'default';
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const decode = (b64: unknown): string => Buffer.from(String(b64 ?? ''), 'base64').toString('utf8');

/** `$(VAR)` expansion as the kubelet's expansion.MappingFuncFor: `$$` is a literal `$`, unknown references stay. */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i]!;
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      continue;
    }
    const next = input[i + 1]!;
    if (next === '$') {
      out += '$';
      i++;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close === -1) {
        out += input.slice(i);
        break;
      }
      const name = input.slice(i + 2, close);
      const v = lookup(name);
      out += v ?? `$(${name})`;
      i = close;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The service link variables (docker links style) for the services a container sees. */
export function serviceEnv(pod: Json, services: Json[], startedAt?: number): EnvVar[] {
  const links = pod.spec?.enableServiceLinks !== false;
  const seen = new Map<string, Json>();
  for (const svc of services) {
    const ip = svc.spec?.clusterIP;
    if (!ip || ip === 'None' || svc.spec?.type === 'ExternalName') continue;
    // A container's environment is fixed when it starts: later services are not in it.
    if (startedAt !== undefined && Date.parse(svc.metadata?.creationTimestamp) > startedAt) continue;
    const master = svc.metadata?.namespace === 'default' && svc.metadata?.name === 'kubernetes';
    if (svc.metadata?.namespace !== ns(pod) && !master) continue;
    if (!links && !master) continue;
    seen.set(svc.metadata.name, svc);
  }
  const out: EnvVar[] = [];
  for (const svc of seen.values()) {
    const name = String(svc.metadata.name).toUpperCase().replace(/-/g, '_');
    const ip: string = svc.spec.clusterIP;
    const ports: Json[] = svc.spec.ports ?? [];
    if (ports.length === 0) continue;
    out.push([`${name}_SERVICE_HOST`, ip], [`${name}_SERVICE_PORT`, String(ports[0]!.port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${String(p.name).toUpperCase().replace(/-/g, '_')}`, String(p.port)]);
    const proto = (p: Json) => String(p.protocol ?? 'TCP');
    out.push([`${name}_PORT`, `${proto(ports[0]!).toLowerCase()}://${ip}:${ports[0]!.port}`]);
    for (const p of ports) {
      const prefix = `${name}_PORT_${p.port}_${proto(p).toUpperCase()}`;
      out.push(
        [prefix, `${proto(p).toLowerCase()}://${ip}:${p.port}`],
        [`${prefix}_PROTO`, proto(p).toLowerCase()],
        [`${prefix}_PORT`, String(p.port)],
        [`${prefix}_ADDR`, ip],
      );
    }
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A fieldRef's value (kubelet podFieldSelectorRuntimeValue + the API's ExtractFieldPathAsString). */
export function fieldValue(pod: Json, path: string): string | undefined {
  const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (m) return pod.metadata?.[m[1]!]?.[m[2]!] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return ns(pod);
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations': {
      const map: Json = pod.metadata?.[path.slice('metadata.'.length)] ?? {};
      return Object.keys(map)
        .sort()
        .map((k) => `${k}=${JSON.stringify(String(map[k]))}`)
        .join('\n');
    }
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? 'default';
    case 'status.podIP':
      return pod.status?.podIP ?? '';
    case 'status.podIPs':
      return (pod.status?.podIPs ?? []).map((x: Json) => x.ip).join(',');
    case 'status.hostIP':
      return pod.status?.hostIP ?? '';
    case 'status.hostIPs':
      return (pod.status?.hostIPs ?? []).map((x: Json) => x.ip).join(',');
    default:
      return undefined;
  }
}

/** A resourceFieldRef's value: limits default to the node's allocatable; rounded up to the divisor. */
export function resourceValue(pod: Json, container: Json | undefined, ref: Json, node?: Json): string {
  const resource = String(ref.resource ?? '');
  const [kind, name] = resource.split('.') as [string, string];
  const c =
    (ref.containerName ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x: Json) => x.name === ref.containerName) : container) ?? {};
  let raw: unknown = c.resources?.[kind]?.[name];
  if (raw === undefined && kind === 'requests') raw = c.resources?.limits?.[name];
  if (raw === undefined && kind === 'limits') raw = node?.status?.allocatable?.[name];
  const q = parseQuantity(String(raw ?? '0'));
  const divisor = parseQuantity(String(ref.divisor ?? '1'));
  if (name === 'cpu') {
    const d = divisor.milliValue() || 1000;
    return String(Math.ceil(q.milliValue() / d));
  }
  const d = divisor.value() || 1;
  return String(Math.ceil(q.value() / d));
}

/** The container's environment, or why it cannot be created. `startedAt` limits the service links to services older than it. */
export function resolveEnv(pod: Json, container: Json, world: ContainerWorld, startedAt?: number): EnvResult {
  const namespace = ns(pod);
  const warnings: string[] = [];
  const services = serviceEnv(pod, world.services, startedAt);
  const serviceMap = new Map(services);
  const own = new Map<string, string>();
  const lookup = (n: string) => own.get(n) ?? serviceMap.get(n);
  const fail = (error: string): EnvResult => ({ env: [], error, warnings });
  // As with services: what the container got when it started. A ConfigMap or Secret made later (say,
  // after a pod whose optional reference was missing started) is not in its environment.
  const existed = (o: Json) => startedAt === undefined || !(Date.parse(o.metadata?.creationTimestamp) > startedAt);
  world = { ...world, configMaps: world.configMaps.filter(existed), secrets: world.secrets.filter(existed) };

  for (const from of container.envFrom ?? []) {
    const prefix: string = from.prefix ?? '';
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const isCM = !!from.configMapRef;
    const obj = byName(isCM ? world.configMaps : world.secrets, ref.name);
    if (!obj) {
      if (ref.optional === true) continue;
      return fail(`${isCM ? 'configmap' : 'secret'} "${ref.name}" not found`);
    }
    const data: Json = obj.data ?? {};
    const invalid: string[] = [];
    for (const k of Object.keys(data).sort()) {
      const key = prefix + k;
      if (!ENV_NAME.test(key)) {
        invalid.push(key);
        continue;
      }
      own.set(key, isCM ? String(data[k]) : decode(data[k]));
    }
    if (invalid.length > 0)
      warnings.push(
        `Keys [${invalid.join(', ')}] from the EnvFrom ${isCM ? 'configMap' : 'secret'} ${namespace}/${ref.name} were skipped since they are considered invalid environment variable names.`,
      );
  }

  for (const e of container.env ?? []) {
    const name = String(e.name);
    if (e.valueFrom === undefined) {
      own.set(name, expand(String(e.value ?? ''), lookup));
      continue;
    }
    const vf = e.valueFrom;
    if (vf.configMapKeyRef || vf.secretKeyRef) {
      const isCM = !!vf.configMapKeyRef;
      const ref = vf.configMapKeyRef ?? vf.secretKeyRef;
      const obj = byName(isCM ? world.configMaps : world.secrets, ref.name);
      if (!obj) {
        if (ref.optional === true) continue;
        return fail(`${isCM ? 'configmap' : 'secret'} "${ref.name}" not found`);
      }
      const data: Json = obj.data ?? {};
      if (!(ref.key in data)) {
        if (ref.optional === true) continue;
        return fail(`couldn't find key ${ref.key} in ${isCM ? 'ConfigMap' : 'Secret'} ${namespace}/${ref.name}`);
      }
      own.set(name, isCM ? String(data[ref.key]) : decode(data[ref.key]));
    } else if (vf.fieldRef) {
      own.set(name, fieldValue(pod, String(vf.fieldRef.fieldPath)) ?? '');
    } else if (vf.resourceFieldRef) {
      own.set(name, resourceValue(pod, container, vf.resourceFieldRef, world.node));
    }
  }

  const env: EnvVar[] = [['PATH', DEFAULT_PATH], ['HOSTNAME', hostname(pod)]];
  for (const [k, v] of own) env.push([k, v]);
  for (const [k, v] of services) if (!own.has(k)) env.push([k, v]);
  env.push(['HOME', '/root']);
  return { env, warnings };
}

/** Why one of the pod's volumes cannot be mounted: the FailedMount event's volume and message. */
export function volumeError(pod: Json, world: ContainerWorld): { volume: string; message: string } | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const sources: [string, Json][] = [];
    if (v.configMap) sources.push(['configmap', v.configMap]);
    if (v.secret) sources.push(['secret', { ...v.secret, name: v.secret.secretName }]);
    for (const s of v.projected?.sources ?? []) {
      if (s.configMap) sources.push(['configmap', s.configMap]);
      if (s.secret) sources.push(['secret', s.secret]);
    }
    for (const [kind, src] of sources) {
      const obj = byName(kind === 'configmap' ? world.configMaps : world.secrets, src.name);
      if (src.optional === true) continue;
      if (!obj) return { volume: v.name, message: `${kind} "${src.name}" not found` };
      const keys = new Set([...Object.keys(obj.data ?? {}), ...Object.keys(obj.binaryData ?? {})]);
      for (const item of src.items ?? [])
        if (!keys.has(item.key)) return { volume: v.name, message: `${kind === 'configmap' ? 'configmap' : 'secret'} references non-existent config key: ${item.key}` };
    }
  }
  return undefined;
}

export function hostname(pod: Json): string {
  return pod.spec?.hostname ?? pod.metadata?.name ?? '';
}

function hostsFile(pod: Json): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  const ip = pod.status?.podIP;
  if (ip) {
    const h = hostname(pod);
    const sub = pod.spec?.subdomain;
    lines.push(sub ? `${ip}\t${h}.${sub}.${ns(pod)}.svc.${CLUSTER_DOMAIN}\t${h}` : `${ip}\t${h}`);
  }
  const aliases: Json[] = pod.spec?.hostAliases ?? [];
  if (aliases.length > 0) {
    lines.push('', '# Entries added by HostAliases.');
    for (const a of aliases) lines.push(`${a.ip}\t${(a.hostnames ?? []).join('\t')}`);
  }
  return lines.join('\n') + '\n';
}

function resolvConf(pod: Json): string {
  const n = ns(pod);
  return `search ${n}.svc.${CLUSTER_DOMAIN} svc.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN}\nnameserver ${DNS_SERVER}\noptions ndots:5\n`;
}

/** A stand-in service account token (a JWT-shaped string; no signature anyone could check). */
function token(pod: Json): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'RS256', kid: 'kube-lite' });
  const body = b64({
    aud: ['https://kubernetes.default.svc.cluster.local'],
    iss: 'https://kubernetes.default.svc.cluster.local',
    sub: `system:serviceaccount:${ns(pod)}:${pod.spec?.serviceAccountName ?? 'default'}`,
    kubernetes: { namespace: ns(pod), pod: { name: pod.metadata?.name, uid: pod.metadata?.uid } },
  });
  return `${head}.${body}.kube-lite-simulated-signature`;
}

const CA = '-----BEGIN CERTIFICATE-----\nkube-lite simulated cluster CA (not a real certificate)\n-----END CERTIFICATE-----\n';

/** The files of one volume source, by path relative to the mount. */
function volumeFiles(pod: Json, container: Json, v: Json, world: ContainerWorld): Map<string, string> {
  const files = new Map<string, string>();
  const fromObject = (obj: Json | undefined, items: Json[] | undefined, secret: boolean) => {
    if (!obj) return;
    const all = new Map<string, string>();
    for (const [k, val] of Object.entries(obj.data ?? {})) all.set(k, secret ? decode(val) : String(val));
    for (const [k, val] of Object.entries(obj.binaryData ?? {})) all.set(k, decode(val));
    if (items && items.length > 0) {
      for (const it of items) if (all.has(it.key)) files.set(it.path ?? it.key, all.get(it.key)!);
    } else for (const [k, val] of all) files.set(k, val);
  };
  const downward = (items: Json[]) => {
    for (const it of items) {
      if (it.fieldRef) files.set(it.path, fieldValue(pod, String(it.fieldRef.fieldPath)) ?? '');
      else if (it.resourceFieldRef) files.set(it.path, resourceValue(pod, container, it.resourceFieldRef, world.node));
    }
  };
  if (v.configMap) fromObject(byName(world.configMaps, v.configMap.name), v.configMap.items, false);
  if (v.secret) fromObject(byName(world.secrets, v.secret.secretName), v.secret.items, true);
  if (v.downwardAPI) downward(v.downwardAPI.items ?? []);
  for (const s of v.projected?.sources ?? []) {
    if (s.configMap) fromObject(byName(world.configMaps, s.configMap.name), s.configMap.items, false);
    if (s.secret) fromObject(byName(world.secrets, s.secret.name), s.secret.items, true);
    if (s.downwardAPI) downward(s.downwardAPI.items ?? []);
    if (s.serviceAccountToken) files.set(s.serviceAccountToken.path, token(pod));
  }
  return files;
}

const join = (dir: string, rel: string): string => `${dir.replace(/\/+$/, '')}/${rel}`;

export interface ContainerView {
  hostname: string;
  env: EnvVar[];
  /** Absolute path → contents. Only the files kube-lite simulates. */
  files: Map<string, string>;
}

/** Everything a command inside the container can see. */
export function containerView(pod: Json, container: Json, world: ContainerWorld, startedAt?: number): ContainerView {
  const files = new Map<string, string>();
  files.set('/etc/hostname', hostname(pod) + '\n');
  files.set('/etc/hosts', hostsFile(pod));
  files.set('/etc/resolv.conf', resolvConf(pod));
  const sa = pod.spec?.automountServiceAccountToken !== false;
  const mounts: Json[] = container.volumeMounts ?? [];
  if (sa && !mounts.some((m) => m.mountPath === SERVICE_ACCOUNT_DIR)) {
    files.set(`${SERVICE_ACCOUNT_DIR}/ca.crt`, CA);
    files.set(`${SERVICE_ACCOUNT_DIR}/namespace`, ns(pod));
    files.set(`${SERVICE_ACCOUNT_DIR}/token`, token(pod));
  }
  for (const m of mounts) {
    const v = (pod.spec?.volumes ?? []).find((x: Json) => x.name === m.name);
    if (!v) continue;
    const vf = volumeFiles(pod, container, v, world);
    if (m.subPath) {
      if (vf.has(m.subPath)) files.set(m.mountPath, vf.get(m.subPath)!);
      continue;
    }
    for (const [rel, content] of vf) files.set(join(m.mountPath, rel), content);
  }
  return { hostname: hostname(pod), env: resolveEnv(pod, container, world, startedAt).env, files };
}

/** The entries directly inside `dir` ("name" or "name/" for a directory), sorted; undefined if no such directory. */
export function listDir(files: Map<string, string>, dir: string): string[] | undefined {
  const base = dir === '/' ? '' : dir.replace(/\/+$/, '');
  const out = new Set<string>();
  let found = false;
  for (const p of files.keys()) {
    if (!p.startsWith(base + '/')) continue;
    found = true;
    const rest = p.slice(base.length + 1);
    const slash = rest.indexOf('/');
    out.add(slash === -1 ? rest : rest.slice(0, slash) + '/');
  }
  return found ? [...out].sort() : undefined;
}
