// The objects kubectl's `create <generator>` commands build, field for field and in kubectl's struct
// order (what -o json shows for typed objects).

import { CliError } from '../../api/errors.js';
import type { KObject } from '../../api/types.js';
import type { SeededRandom } from '../../sim/random.js';

/** create_deployment.go: the container name is the image's last path segment without tag or digest. */
function containerName(image: string, random: SeededRandom): string {
  let name = image.split('/').pop()!;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${random.nameSuffix(5)}`;
  return name;
}

export function deployment(name: string, images: string[], replicas: number, port: number | undefined, namespace: string | undefined, random: SeededRandom): KObject {
  const labels = { app: name };
  const containers = images.map((image, i) => ({
    name: containerName(image, random),
    image,
    ...(port !== undefined && i === 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), labels: { ...labels } },
    spec: {
      replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

export function namespace(name: string): KObject {
  return { kind: 'Namespace', apiVersion: 'v1', metadata: { name }, spec: {}, status: {} };
}

export const SERVICE_TYPES = {
  clusterip: 'ClusterIP',
  nodeport: 'NodePort',
  loadbalancer: 'LoadBalancer',
  externalname: 'ExternalName',
} as const;

export interface ServiceFlags {
  tcp: string[];
  clusterIP?: string;
  nodePort?: number;
  externalName?: string;
  namespace?: string;
}

export function service(type: keyof typeof SERVICE_TYPES, name: string, f: ServiceFlags): KObject {
  // create_service.go: cobra's required flag, then Validate(), then createService().
  if (type === 'externalname' && f.externalName === undefined) throw new CliError('required flag(s) "external-name" not set');
  if (f.clusterIP !== 'None' && f.tcp.length === 0 && type !== 'externalname') {
    throw new CliError('at least one tcp port specifier must be provided');
  }
  if (type === 'externalname' && !isDNS1123Subdomain(f.externalName!)) throw new CliError(`invalid service external name ${f.externalName}`);
  const ports = f.tcp.map((spec) => {
    const [port, targetPort] = parseTcp(spec);
    return {
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port,
      targetPort,
      // NodePort 0 is Go's zero value: omitted.
      ...(f.nodePort ? { nodePort: f.nodePort } : {}),
    };
  });
  const labels = { app: name };
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec['ports'] = ports;
  spec['selector'] = { ...labels };
  if (f.clusterIP) spec['clusterIP'] = f.clusterIP;
  spec['type'] = SERVICE_TYPES[type];
  if (f.externalName) spec['externalName'] = f.externalName;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(f.namespace ? { namespace: f.namespace } : {}), labels },
    spec,
    status: { loadBalancer: {} },
  };
}

/** create_service.go parsePorts: `port[:targetPort]`; port via ParseUint(…, 16), target a number or a port name. */
function parseTcp(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const p = parts[0]!;
  if (!/^\d+$/.test(p)) throw new CliError(`strconv.ParseUint: parsing "${p}": invalid syntax`);
  const port = Number(p);
  if (port > 65535) throw new CliError(`strconv.ParseUint: parsing "${p}": value out of range`);
  if (parts.length === 1) return [port, port];
  const t = parts[1]!;
  if (/^[+-]?\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) throw new CliError('must be between 1 and 65535, inclusive');
    return [port, n];
  }
  const errs = portNameErrors(t);
  if (errs.length > 0) throw new CliError(errs.join(','));
  return [port, t];
}

/** apimachinery validation.IsValidPortName (IANA_SVC_NAME). */
function portNameErrors(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(s)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(s)) errs.push('must contain at least one letter (a-z)');
  if (s.includes('--')) errs.push('must not contain consecutive hyphens');
  if (s.length > 0 && (s.startsWith('-') || s.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

function isDNS1123Subdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}
