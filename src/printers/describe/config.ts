// describers for ConfigMap, Secret, ServiceAccount, Namespace (with quotas/limit ranges),
// ResourceQuota and LimitRange.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { arr, byteCompare, keysSorted, obj, stableSort, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from './prefix-writer.js';
import { Quantity, q } from './quantity.js';
import { rfc1123z } from './time.js';

const b64len = (v: unknown): number => Buffer.from(str(v), 'base64').length;

export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const meta = cm.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = obj(cm.data);
    for (const k of keysSorted(data)) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${str(data[k])}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    const bin = obj(cm.binaryData);
    for (const k of keysSorted(bin)) w.write(LEVEL_0, `${k}: ${b64len(bin[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    describeEvents(ctx.events, w, ctx.now);
  });
}

/** Secret: sizes only, except a service-account token which kubectl prints in clear. No events. */
export function describeSecret(secret: KObject): string {
  const meta = secret.metadata;
  const type = str(secret.type);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `\nType:\t${type}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    const data = obj(secret.data);
    for (const k of keysSorted(data)) {
      if (k === 'token' && type === 'kubernetes.io/service-account-token') {
        w.write(LEVEL_0, `${k}:\t${Buffer.from(str(data[k]), 'base64').toString('utf8')}\n`);
      } else {
        w.write(LEVEL_0, `${k}:\t${b64len(data[k])} bytes\n`);
      }
    }
  });
}

export function describeServiceAccount(sa: KObject, ctx: DescribeContext): string {
  const meta = sa.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    // 1.36 lists image pull secrets only (mountable secrets and tokens were dropped)
    const names = arr(sa.imagePullSecrets).map((s) => str(obj(s).name));
    if (names.length === 0) {
      w.write(LEVEL_0, 'Image pull secrets:\t<none>\n');
    } else {
      names.forEach((n, i) => w.write(LEVEL_0, `${i === 0 ? 'Image pull secrets:' : ' '.repeat(19)}\t${n}\n`));
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function describeResourceQuotas(quotas: KObject[], w: Writer): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const rq of stableSort(quotas, (a, b) => str(a.metadata.name) < str(b.metadata.name))) {
    w.write(LEVEL_1, `Name:\t${str(rq.metadata.name)}\n`);
    const scopes = arr(rq.spec?.scopes).map(str).sort(byteCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_1, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = obj(rq.status?.hard);
    const used = obj(rq.status?.used);
    for (const r of keysSorted(hard)) w.write(LEVEL_1, `${r}\t${q(used[r]).toString()}\t${q(hard[r]).toString()}\n`);
  }
}

// kubectl iterates a Go map of resource names here (random order); we sort them.
function describeLimitRangeSpec(spec: Obj, prefix: string, w: Writer): void {
  for (const item of arr(spec.limits).map(obj)) {
    const cols = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio].map(obj);
    const names = new Set(cols.flatMap((c) => Object.keys(c)));
    for (const k of [...names].sort(byteCompare)) {
      const vals = cols.map((c) => (k in c ? q(c[k]).toString() : '-'));
      w.write(LEVEL_0, `${prefix}${str(item.type)}\t${k}\t${vals.join('\t')}\n`);
    }
  }
}

function describeLimitRanges(ranges: KObject[], w: Writer): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of ranges) describeLimitRangeSpec(obj(lr.spec), ' ', w);
}

export function describeNamespace(ns: KObject, ctx: DescribeContext): string {
  const meta = ns.metadata;
  const name = str(meta.name);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Status:\t${str(ns.status?.phase)}\n`);
    const conditions = arr(ns.status?.conditions).map(obj);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${rfc1123z(c.lastTransitionTime)}\t${str(c.reason)}\t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(ctx.list('resourcequotas', name), w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(ctx.list('limitranges', name), w);
  });
}

export function describeResourceQuota(rq: KObject): string {
  const meta = rq.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    const scopes = arr(rq.spec?.scopes).map(str).sort(byteCompare);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, ` * ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = obj(rq.status?.hard);
    const used = obj(rq.status?.used);
    for (const r of keysSorted(hard)) {
      const h = q(hard[r]);
      let u = q(used[r]);
      // a used value in another format is re-expressed as an integer in the hard value's format
      if (u.format !== h.format) u = Quantity.fromInt(u.value0(), h.format);
      w.write(LEVEL_0, `${r}\t${u.toString()}\t${h.toString()}\n`);
    }
  });
}

export function describeLimitRange(lr: KObject): string {
  const meta = lr.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(obj(lr.spec), '', w);
  });
}

