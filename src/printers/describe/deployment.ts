// describeDeployment, with OldReplicaSets/NewReplicaSet found as kubectl's deploymentutil does.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { has, intOrString, num, obj, stableSort, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, tabbedString } from './prefix-writer.js';
import { Quantity } from './quantity.js';
import { writeReplicaConditions } from './replicaset.js';
import { selectorMatches, selectorString } from './selector.js';
import { parseTime, rfc1123z } from './time.js';
import { controllerUid } from './workload-common.js';

const HASH_LABEL = 'pod-template-hash';

// Canonical form for apiequality.Semantic.DeepEqual-like comparison: nil and empty
// maps/slices are equal, quantities compare by value.
function canonical(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => canonical(x));
  if (v !== null && typeof v === 'object') {
    const o = v as Obj;
    const out: Obj = {};
    for (const k of Object.keys(o).sort()) {
      const c = canonical(o[k], k);
      if (c !== undefined) out[k] = c;
    }
    if (key === 'limits' || key === 'requests') {
      for (const k of Object.keys(out)) {
        const qty = Quantity.parse(out[k]);
        if (qty) out[k] = qty.toString();
      }
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}

/** EqualIgnoreHash: templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  const strip = (t: unknown): unknown => {
    const c = structuredClone(obj(t));
    const labels = obj(c.metadata).labels;
    if (labels && typeof labels === 'object') delete labels[HASH_LABEL];
    return JSON.stringify(canonical(c) ?? {});
  };
  return strip(a) === strip(b);
}

/** GetAllReplicaSets: owned RSes by creation time; the new one is the oldest matching template. */
export function deploymentReplicaSets(d: KObject, ctx: DescribeContext): { oldRSs: KObject[]; newRS?: KObject } {
  const owned = ctx
    .list('replicasets', str(d.metadata.namespace))
    .filter((rs) => selectorMatches(d.spec?.selector, rs.metadata?.labels) && controllerUid(rs) === str(d.metadata.uid));
  const created = (o: KObject): number => parseTime(o.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
  const sorted = stableSort(owned, (a, b) =>
    created(a) === created(b) ? str(a.metadata.name) < str(b.metadata.name) : created(a) < created(b),
  );
  const newRS = sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { oldRSs: sorted.filter((rs) => rs !== newRS), newRS };
}

const rsList = (rss: KObject[]): string =>
  rss.map((rs) => `${str(rs.metadata.name)} (${num(rs.status?.replicas)}/${num(rs.spec?.replicas)} replicas created)`).join(', ') ||
  '<none>';

export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const meta = d.metadata;
  const spec = obj(d.spec);
  const status = obj(d.status);
  const { oldRSs, newRS } = deploymentReplicaSets(d, ctx);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${num(spec.replicas)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ` +
        `${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`,
    );
    const strategy = obj(spec.strategy);
    w.write(LEVEL_0, `StrategyType:\t${str(strategy.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
    if (has(strategy.rollingUpdate)) {
      const ru = obj(strategy.rollingUpdate);
      w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    }
    describePodTemplate(spec.template ?? {}, w);
    writeReplicaConditions(status.conditions, w);
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}
