// describeIngressV1 and describeIngressClassV1.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { arr, byteCompare, has, num, obj, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.js';
import { formatEndpointSlices, serviceEndpointSlices } from './service.js';

function backendString(ns: string, backend: Obj, ctx: DescribeContext): string {
  if (has(backend.service)) {
    const svcRef = obj(backend.service);
    const port = obj(svcRef.port);
    const name = str(svcRef.name);
    const sb = `${name}:${num(port.number) !== 0 ? String(num(port.number)) : str(port.name)}`;
    const svc = ctx.list('services', ns).find((s) => str(s.metadata.name) === name);
    if (!svc) return `${sb} (<error: services "${name}" not found>)`;
    let spName = '';
    for (const sp of arr(svc.spec?.ports).map(obj)) {
      if (num(port.number) !== 0 && num(port.number) === num(sp.port)) spName = str(sp.name);
      else if (str(port.name) !== '' && str(port.name) === str(sp.name)) spName = str(sp.name);
    }
    return `${sb} (${formatEndpointSlices(serviceEndpointSlices(ctx, ns, name), new Set([spName]))})`;
  }
  if (has(backend.resource)) {
    const r = obj(backend.resource);
    return `APIGroup: ${has(r.apiGroup) ? str(r.apiGroup) : '<none>'}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`;
  }
  return '';
}

export function describeIngress(ing: KObject, ctx: DescribeContext): string {
  const meta = ing.metadata;
  const ns = str(meta.namespace);
  const spec = obj(ing.spec);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    const addrs = new Set<string>();
    for (const i of arr(obj(obj(ing.status).loadBalancer).ingress).map(obj)) {
      if (str(i.ip) !== '') addrs.add(str(i.ip));
      else if (str(i.hostname) !== '') addrs.add(str(i.hostname));
    }
    w.write(LEVEL_0, `Address:\t${[...addrs].sort(byteCompare).join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${has(spec.ingressClassName) ? str(spec.ingressClassName) : '<none>'}\n`);
    const def = has(spec.defaultBackend) ? backendString(ns, obj(spec.defaultBackend), ctx) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    const tls = arr(spec.tls).map(obj);
    if (tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) {
        const hosts = arr(t.hosts).map(str).join(',');
        w.write(LEVEL_1, str(t.secretName) === '' ? `SNI routes ${hosts}\n` : `${str(t.secretName)} terminates ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of arr(spec.rules).map(obj)) {
      if (!has(rule.http)) continue;
      count++;
      w.write(LEVEL_1, `${str(rule.host) === '' ? '*' : str(rule.host)}\t\n`);
      for (const p of arr(obj(rule.http).paths).map(obj)) {
        w.write(LEVEL_2, `\t${str(p.path)} \t${backendString(ns, obj(p.backend), ctx)}\n`);
      }
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describeIngressClass(ic: KObject, ctx: DescribeContext): string {
  const meta = ic.metadata;
  const spec = obj(ic.spec);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Controller:\t${str(spec.controller)}\n`);
    if (has(spec.parameters)) {
      const p = obj(spec.parameters);
      w.write(LEVEL_0, 'Parameters:\n');
      if (has(p.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(p.apiGroup)}\n`);
      w.write(LEVEL_1, `Kind:\t${str(p.kind)}\n`);
      w.write(LEVEL_1, `Name:\t${str(p.name)}\n`);
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}
