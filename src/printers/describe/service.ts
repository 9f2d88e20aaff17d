// describeService, describeEndpoints, describeEndpointSliceV1 and formatEndpointSlices.

import type { KObject } from '../../api/types.js';
import { formatLabels } from '../../api/labels.js';
import { describeEvents } from './events.js';
import { arr, byteCompare, has, joinHostPort, num, obj, stableSort, str } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './prefix-writer.js';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** EndpointSlices of a service (label kubernetes.io/service-name), in API list order (by name). */
export function serviceEndpointSlices(ctx: DescribeContext, namespace: string, service: string): KObject[] {
  const slices = ctx.list('endpointslices', namespace).filter((s) => str(obj(s.metadata?.labels)[SERVICE_NAME_LABEL]) === service);
  return stableSort(slices, (a, b) => byteCompare(str(a.metadata.name), str(b.metadata.name)) < 0);
}

/**
 * formatEndpointSlices: ready endpoints (ready unset counts as ready) as ip:port for ports whose
 * name is in `portNames` (null = all), at most 3 then " + N more...".
 */
export function formatEndpointSlices(slices: KObject[], portNames: Set<string> | null): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: Record<string, unknown>): boolean => {
    const r = obj(e.conditions).ready;
    return !has(r) || r === true;
  };
  for (const s of slices) {
    const endpoints = arr(s.endpoints).map(obj);
    const ports = arr(s.ports).map(obj);
    if (ports.length === 0) {
      // headless services may have no ports
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(str(arr(e.addresses)[0]));
        count++;
      }
      continue;
    }
    for (const p of ports) {
      if (portNames !== null && !portNames.has(str(p.name))) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(str(arr(e.addresses)[0]), String(num(p.port))));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function loadBalancerIngress(ingress: unknown): string {
  return arr(ingress)
    .map(obj)
    .map((i) => (str(i.ip) !== '' ? str(i.ip) + (has(i.ipMode) ? ` (${str(i.ipMode)})` : '') : str(i.hostname)))
    .join(', ');
}

export function describeService(svc: KObject, ctx: DescribeContext): string {
  const meta = svc.metadata;
  const spec = obj(svc.spec);
  const slices = serviceEndpointSlices(ctx, str(meta.namespace), str(meta.name));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(obj(spec.selector))}\n`);
    w.write(LEVEL_0, `Type:\t${str(spec.type)}\n`);
    if (has(spec.ipFamilyPolicy)) w.write(LEVEL_0, `IP Family Policy:\t${str(spec.ipFamilyPolicy)}\n`);
    const families = arr(spec.ipFamilies).map(str);
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${str(spec.clusterIP)}\n`);
    const ips = arr(spec.clusterIPs).map(str);
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    const externalIPs = arr(spec.externalIPs).map(str);
    if (externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${externalIPs.join(',')}\n`);
    if (str(spec.loadBalancerIP) !== '') w.write(LEVEL_0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
    if (str(spec.externalName) !== '') w.write(LEVEL_0, `External Name:\t${str(spec.externalName)}\n`);
    const lbIngress = arr(obj(obj(svc.status).loadBalancer).ingress);
    if (lbIngress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${loadBalancerIngress(lbIngress)}\n`);
    for (const p of arr(spec.ports).map(obj)) {
      const name = str(p.name) === '' ? '<unset>' : str(p.name);
      const proto = str(p.protocol);
      w.write(LEVEL_0, `Port:\t${name}\t${num(p.port)}/${proto}\n`);
      const target = typeof p.targetPort === 'string' ? p.targetPort : String(num(p.targetPort));
      w.write(LEVEL_0, `TargetPort:\t${target}/${proto}\n`);
      if (has(p.appProtocol)) w.write(LEVEL_0, `AppProtocol:\t${str(p.appProtocol)}\n`);
      if (num(p.nodePort) !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${num(p.nodePort)}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([str(p.name)]))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
    if (str(spec.externalTrafficPolicy) !== '') w.write(LEVEL_0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
    if (has(spec.internalTrafficPolicy)) w.write(LEVEL_0, `Internal Traffic Policy:\t${str(spec.internalTrafficPolicy)}\n`);
    if (num(spec.healthCheckNodePort) !== 0) w.write(LEVEL_0, `HealthCheck NodePort:\t${num(spec.healthCheckNodePort)}\n`);
    const ranges = arr(spec.loadBalancerSourceRanges).map(str);
    if (ranges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
    if (has(spec.trafficDistribution)) w.write(LEVEL_0, `Traffic Distribution:\t${str(spec.trafficDistribution)}\n`);
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describeEndpoints(ep: KObject, ctx: DescribeContext): string {
  const meta = ep.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of arr(ep.subsets).map(obj)) {
      const ips = (list: unknown): string => arr(list).map((a) => str(obj(a).ip)).join(',') || '<none>';
      w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
      const ports = arr(subset.ports).map(obj);
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) {
          w.write(LEVEL_2, `${str(p.name) === '' ? '<unset>' : str(p.name)}\t${num(p.port)}\t${str(p.protocol)}\n`);
        }
      }
      w.write(LEVEL_0, '\n');
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describeEndpointSlice(eps: KObject, ctx: DescribeContext): string {
  const meta = eps.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = arr(eps.ports).map(obj);
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const name = str(p.name) !== '' ? str(p.name) : '<unset>';
        const port = has(p.port) ? String(num(p.port)) : '<unset>';
        w.write(LEVEL_1, `${name}\t${port}\t${str(p.protocol)}\n`);
      }
    }
    const endpoints = arr(eps.endpoints).map(obj);
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const e of endpoints) {
        const addrs = arr(e.addresses).map(str).join(', ');
        w.write(LEVEL_1, `- Addresses:\t${addrs === '' ? '<none>' : addrs}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = obj(e.conditions).ready;
        w.write(LEVEL_3, `Ready:\t${has(ready) ? String(ready === true) : '<unset>'}\n`);
        w.write(LEVEL_2, `Hostname:\t${has(e.hostname) ? str(e.hostname) : '<unset>'}\n`);
        if (has(e.targetRef)) w.write(LEVEL_2, `TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`);
        w.write(LEVEL_2, `NodeName:\t${has(e.nodeName) ? str(e.nodeName) : '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${has(e.zone) ? str(e.zone) : '<unset>'}\n`);
      }
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}
