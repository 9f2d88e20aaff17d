// The Service `kubectl expose` builds (expose.go createService), field for field and in the typed
// struct order that -o json shows. Pure: the inferred values come in through ExposeParams.

import { CliError } from '../../api/errors.js';
import type { KObject } from '../../api/types.js';
import { parseLabels } from '../flags.js';

export interface ExposeParams {
  name?: string;
  defaultName: string;
  selector: string;
  labels: string;
  /** --port, or the exposed object's single port. */
  port: string;
  /** The exposed object's ports when it has several and --port was not given. */
  ports: string;
  protocol: string;
  /** Inferred port → protocols (multiProtocolsForObject). */
  protocols: Map<string, string[]>;
  targetPort: string;
  externalIP: string;
  type: string;
  loadBalancerIP: string;
  sessionAffinity: string;
  clusterIP: string;
}

/** Go's strconv.Atoi, with its error text. */
export function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new CliError(`strconv.Atoi: parsing "${s}": invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new CliError(`strconv.Atoi: parsing "${s}": value out of range`);
  return n;
}

/** intstr.Parse: a number if it parses as one, else the name. */
function intOrString(s: string): number | string {
  return /^[+-]?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}

/** expose.go parseLabels: only `k=v` pairs (no set-based selectors), and an empty spec is an error. */
function exposeLabels(spec: string): Record<string, string> {
  if (spec === '') throw new CliError('no label spec passed');
  return parseLabels(spec);
}

export function buildService(p: ExposeParams): KObject {
  if (p.selector === '') throw new CliError('selector must be specified');
  const selector = exposeLabels(p.selector);
  const labels = p.labels ? exposeLabels(p.labels) : undefined;
  const name = p.name || p.defaultName;
  if (!name) throw new CliError('name must be specified');

  // Several inferred ports win over a single one; several ports are named port-1, port-2, …
  const portString = p.ports || p.port;
  const ports: Record<string, unknown>[] = [];
  if (portString) {
    const list = portString.split(',');
    list.forEach((s, i) => {
      const port = atoi(s);
      const portName = list.length > 1 ? `port-${i + 1}` : '';
      let protocol = p.protocol;
      if (!protocol) {
        protocol = 'TCP';
        const inferred = p.protocols.get(s);
        if (inferred?.length === 1) protocol = inferred[0]!;
        else if (inferred && inferred.length > 1) {
          // One container port number under several protocols: one service port per protocol.
          for (const proto of inferred) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port });
          return;
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), protocol, port });
    });
  }
  for (const sp of ports) sp['targetPort'] = p.targetPort ? intOrString(p.targetPort) : sp['port'];

  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec['ports'] = ports;
  spec['selector'] = selector;
  if (p.clusterIP) spec['clusterIP'] = p.clusterIP;
  if (p.type) spec['type'] = p.type;
  if (p.externalIP) spec['externalIPs'] = [p.externalIP];
  if (p.sessionAffinity) {
    if (p.sessionAffinity !== 'None' && p.sessionAffinity !== 'ClientIP') throw new CliError(`unknown session affinity: ${p.sessionAffinity}`);
    spec['sessionAffinity'] = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec['loadBalancerIP'] = p.loadBalancerIP;
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
}
