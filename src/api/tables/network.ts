// Services, Endpoints, EndpointSlices, Ingresses and IngressClasses (printers.go printService,
// printEndpoints, printEndpointSlice, printIngress, printIngressClass).
//
// The apiserver always builds tables with GenerateOptions{Wide: true}, so the 16-byte clipping of
// load-balancer addresses (`!wide && len > 16`) never happens in `kubectl get` output.

import type { KObject } from '../types.js';
import { formatLabels } from '../labels.js';
import { AGE, age, arr, col, int, joinHostPort, listWithMore, nameCol, rec, sortedSet, str,
  type TableHandler } from './common.js';

const name = (obj: KObject): string => str(obj.metadata.name);

/** loadBalancerStatusStringer (wide): deduplicated, sorted ingress IPs (else hostnames). */
function lbIngress(lbStatus: unknown): string {
  const values: string[] = [];
  for (const ing of arr(rec(lbStatus).ingress).map(rec)) {
    if (str(ing.ip) !== '') values.push(str(ing.ip));
    else if (str(ing.hostname) !== '') values.push(str(ing.hostname));
  }
  return sortedSet(values).join(',');
}

function externalIP(svc: KObject): string {
  const spec = rec(svc.spec);
  const externalIPs = arr(spec.externalIPs).map(str);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = lbIngress(rec(svc.status).loadBalancer);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb !== '' ? lb : '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: port/proto, or port:nodePort/proto. */
function ports(spec: Record<string, any>): string {
  const s = arr(spec.ports)
    .map(rec)
    .map((p) => {
      const proto = str(p.protocol);
      return typeof p.nodePort === 'number' && p.nodePort > 0
        ? `${int(p.port)}:${int(p.nodePort)}/${proto}`
        : `${int(p.port)}/${proto}`;
    })
    .join(',');
  return s === '' ? '<none>' : s;
}

/** The internal type's clusterIPs[0]; objects without clusterIPs fall back to spec.clusterIP. */
function clusterIP(spec: Record<string, any>): string {
  const ips = arr(spec.clusterIPs).map(str);
  if (ips.length > 0) return ips[0]!;
  return str(spec.clusterIP) || '<none>';
}

export const services: TableHandler = {
  columns: [nameCol(), col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE(),
    col('Selector', 'string', 1)],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    return [name(obj), str(spec.type), clusterIP(spec), externalIP(obj), ports(spec), age(obj, now),
      formatLabels(spec.selector)];
  },
};

/** formatEndpoints: up to 3 "ip:port" (or bare IPs for port-less subsets), then " + N more...". */
export function formatEndpoints(ep: KObject): string {
  const subsets = arr(ep.subsets).map(rec);
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (addresses: Record<string, any>[], fmt: (ip: string) => string): void => {
    count += addresses.length;
    for (const a of addresses) {
      if (list.length === max) {
        more = true;
        break;
      }
      list.push(fmt(str(a.ip)));
    }
  };
  for (const ss of subsets) {
    // Only ready addresses are listed; notReadyAddresses are ignored.
    const addresses = arr(ss.addresses).map(rec);
    const subsetPorts = arr(ss.ports).map(rec);
    if (subsetPorts.length === 0) add(addresses, (ip) => ip);
    for (const p of subsetPorts) add(addresses, (ip) => joinHostPort(ip, int(p.port)));
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpoints: TableHandler = {
  columns: [nameCol(), col('Endpoints'), AGE()],
  row: (obj, now) => [name(obj), formatEndpoints(obj), age(obj, now)],
};

function discoveryPorts(ps: Record<string, any>[]): string {
  const max = 3;
  const list: string[] = [];
  for (const p of ps.slice(0, max)) {
    list.push(typeof p.port === 'number' ? String(p.port) : typeof p.name === 'string' ? p.name : '*');
  }
  return listWithMore(list, ps.length > max, ps.length, max);
}

function discoveryEndpoints(eps: Record<string, any>[]): string {
  const max = 3;
  const all = eps.flatMap((e) => arr(e.addresses).map(str));
  return listWithMore(all.slice(0, max), all.length > max, all.length, max);
}

export const endpointslices: TableHandler = {
  columns: [nameCol(), col('AddressType'), col('Ports'), col('Endpoints'), AGE()],
  row: (obj, now) => [name(obj), str(obj.addressType), discoveryPorts(arr(obj.ports).map(rec)),
    discoveryEndpoints(arr(obj.endpoints).map(rec)), age(obj, now)],
};

/** formatHosts: first 3 non-empty hosts; "*" when none; " + N more..." counts all rules. */
function hosts(rules: Record<string, any>[]): string {
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const r of rules) {
    if (list.length === max) more = true;
    if (!more && str(r.host) !== '') list.push(str(r.host));
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${rules.length - max} more...` : ret;
}

export const ingresses: TableHandler = {
  columns: [nameCol(), col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE()],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    const className = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>';
    const tlsPorts = arr(spec.tls).length > 0 ? '80, 443' : '80';
    return [name(obj), className, hosts(arr(spec.rules).map(rec)), lbIngress(rec(obj.status).loadBalancer),
      tlsPorts, age(obj, now)];
  },
};

export const ingressclasses: TableHandler = {
  columns: [nameCol(), col('Controller'), col('Parameters'), AGE()],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    let parameters = '<none>';
    if (spec.parameters) {
      const p = rec(spec.parameters);
      parameters = str(p.kind) + (typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : '') + `/${str(p.name)}`;
    }
    return [name(obj), str(spec.controller), parameters, age(obj, now)];
  },
};
