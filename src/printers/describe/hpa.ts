// describeHorizontalPodAutoscalerV2 / V1.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { arr, goQuote, has, num, obj, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type Writer } from './prefix-writer.js';
import { q } from './quantity.js';
import { rfc1123z } from './time.js';

/** (*Quantity).String(): "<nil>" for an absent pointer. */
const qs = (v: unknown): string => (has(v) ? q(v).toString() : '<nil>');

function writeHeader(hpa: KObject, w: Writer): void {
  const meta = hpa.metadata;
  const ref = obj(hpa.spec?.scaleTargetRef);
  w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
  w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${str(ref.kind)}/${str(ref.name)}\n`);
}

function writeReplicas(hpa: KObject, w: Writer, behavior: boolean): void {
  const spec = obj(hpa.spec);
  w.write(LEVEL_0, `Min replicas:\t${has(spec.minReplicas) ? String(num(spec.minReplicas)) : '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${num(spec.maxReplicas)}\n`);
  if (behavior && has(spec.behavior)) {
    w.write(LEVEL_0, 'Behavior:\n');
    for (const [title, rules] of [
      ['Scale Up', spec.behavior.scaleUp],
      ['Scale Down', spec.behavior.scaleDown],
    ] as const) {
      if (!has(rules)) continue;
      const r = obj(rules);
      w.write(LEVEL_1, `${title}:\n`);
      if (has(r.stabilizationWindowSeconds)) w.write(LEVEL_2, `Stabilization Window: ${num(r.stabilizationWindowSeconds)} seconds\n`);
      const policies = arr(r.policies).map(obj);
      if (policies.length > 0) {
        w.write(LEVEL_2, `Select Policy: ${has(r.selectPolicy) ? str(r.selectPolicy) : 'Max'}\n`);
        w.write(LEVEL_2, 'Policies:\n');
        for (const p of policies) w.write(LEVEL_3, `- Type: ${str(p.type)}\tValue: ${num(p.value)}\tPeriod: ${num(p.periodSeconds)} seconds\n`);
      }
    }
  }
  w.write(LEVEL_0, `${str(obj(spec.scaleTargetRef).kind)} pods:\t`);
  w.write(LEVEL_0, `${num(hpa.status?.currentReplicas)} current / ${num(hpa.status?.desiredReplicas)} desired\n`);
}

// One "Metrics:" row; resource-type rows continue their first write on the same line.
function writeMetric(metric: Obj, current: Obj | undefined, w: Writer): void {
  const cur = (field: string): Obj | undefined => (current && has(current[field]) ? obj(current[field]) : undefined);
  switch (str(metric.type)) {
    case 'External': {
      const m = obj(metric.external);
      const target = obj(m.target);
      const c = cur('external');
      if (has(target.averageValue)) {
        const value = c && has(obj(c.current).averageValue) ? qs(obj(c.current).averageValue) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(str(obj(m.metric).name))} (target average value):\t${value} / ${qs(target.averageValue)}\n`);
      } else {
        const value = c ? qs(obj(c.current).value) : '<unknown>';
        w.write(LEVEL_1, `${goQuote(str(obj(m.metric).name))} (target value):\t${value} / ${qs(target.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const m = obj(metric.pods);
      const c = cur('pods');
      const value = c ? qs(obj(c.current).averageValue) : '<unknown>';
      w.write(LEVEL_1, `${goQuote(str(obj(m.metric).name))} on pods:\t${value} / ${qs(obj(m.target).averageValue)}\n`);
      return;
    }
    case 'Object': {
      const m = obj(metric.object);
      const target = obj(m.target);
      const d = obj(m.describedObject);
      const c = cur('object');
      w.write(LEVEL_1, `"${str(obj(m.metric).name)}" on ${str(d.kind)}/${str(d.name)} `);
      if (str(target.type) === 'AverageValue') {
        w.write(LEVEL_0, `(target average value):\t${c ? qs(obj(c.current).averageValue) : '<unknown>'} / ${qs(target.averageValue)}\n`);
      } else {
        w.write(LEVEL_0, `(target value):\t${c ? qs(obj(c.current).value) : '<unknown>'} / ${qs(target.value)}\n`);
      }
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const container = str(metric.type) === 'ContainerResource';
      const m = obj(container ? metric.containerResource : metric.resource);
      const target = obj(m.target);
      const c = cur(container ? 'containerResource' : 'resource');
      w.write(LEVEL_1, container ? `resource ${str(m.name)} of container "${str(m.container)}" on pods` : `resource ${str(m.name)} on pods`);
      if (has(target.averageValue)) {
        w.write(LEVEL_0, `:\t${c ? qs(obj(c.current).averageValue) : '<unknown>'} / ${qs(target.averageValue)}\n`);
      } else {
        const cc = obj(c?.current);
        const value = c && has(cc.averageUtilization) ? `${num(cc.averageUtilization)}% (${qs(cc.averageValue)})` : '<unknown>';
        const tgt = has(target.averageUtilization) ? `${num(target.averageUtilization)}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${value} / ${tgt}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(str(metric.type))}>\n`);
  }
}

export function describeHPA(hpa: KObject, ctx: DescribeContext): string {
  if (str(hpa.apiVersion) === 'autoscaling/v1') return describeHPAv1(hpa, ctx);
  return tabbedString((w) => {
    writeHeader(hpa, w);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    const currents = arr(hpa.status?.currentMetrics).map(obj);
    arr(hpa.spec?.metrics)
      .map(obj)
      .forEach((m, i) => writeMetric(m, currents[i], w));
    writeReplicas(hpa, w, true);
    const conditions = arr(hpa.status?.conditions).map(obj);
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)}\t${str(c.status)}\t${str(c.reason)}\t${str(c.message)}\n`);
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}

function describeHPAv1(hpa: KObject, ctx: DescribeContext): string {
  return tabbedString((w) => {
    writeHeader(hpa, w);
    const spec = obj(hpa.spec);
    if (has(spec.targetCPUUtilizationPercentage)) {
      w.write(LEVEL_0, `Target CPU utilization:\t${num(spec.targetCPUUtilizationPercentage)}%\n`);
      const current = hpa.status?.currentCPUUtilizationPercentage;
      w.write(LEVEL_0, `Current CPU utilization:\t${has(current) ? String(num(current)) : '<unknown>'}%\n`);
    }
    writeReplicas(hpa, w, false);
    describeEvents(ctx.events, w, ctx.now);
  });
}
