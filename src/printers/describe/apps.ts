// describeDaemonSet and describeStatefulSet.

import type { KObject } from '../../api/types.js';
import { formatLabels } from '../../api/labels.js';
import { describeEvents } from './events.js';
import { arr, goStrings, has, intOrString, num, obj, str } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from './prefix-writer.js';
import { q } from './quantity.js';
import { selectorMatches, selectorString } from './selector.js';
import { rfc1123z } from './time.js';
import { pvcClass } from './volumes.js';
import { podStatusForController, podsStatusLine } from './workload-common.js';

export function describeDaemonSet(ds: KObject, ctx: DescribeContext): string {
  const meta = ds.metadata;
  const ns = str(meta.namespace);
  const spec = obj(ds.spec);
  const status = obj(ds.status);
  const counts = podStatusForController(ctx, ns, (l) => selectorMatches(spec.selector, l), str(meta.uid));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(obj(obj(obj(spec.template).spec).nodeSelector))}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    // these lines have no tab, so each one ends the current alignment block
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(spec.template ?? {}, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}

function describeVolumeClaimTemplates(templates: unknown, w: Writer): void {
  const list = arr(templates).map(obj);
  if (list.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of list) {
    const meta = obj(pvc.metadata);
    const spec = obj(pvc.spec);
    w.write(LEVEL_1, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvcClass(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels, '  ');
    printLabelsMultiline(w, 'Annotations', meta.annotations, '  ');
    const requests = obj(obj(spec.resources).requests);
    w.write(LEVEL_1, `Capacity:\t${has(requests.storage) ? q(requests.storage).toString() : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goStrings(spec.accessModes)}\n`);
  }
}

export function describeStatefulSet(sts: KObject, ctx: DescribeContext): string {
  const meta = sts.metadata;
  const ns = str(meta.namespace);
  const spec = obj(sts.spec);
  const counts = podStatusForController(ctx, ns, (l) => selectorMatches(spec.selector, l), str(meta.uid));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector) ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Replicas:\t${num(spec.replicas)} desired | ${num(sts.status?.replicas)} total\n`);
    const strategy = obj(spec.updateStrategy);
    w.write(LEVEL_0, `Update Strategy:\t${str(strategy.type)}\n`);
    const ru = strategy.rollingUpdate;
    if (has(ru) && has(ru.partition)) {
      w.write(LEVEL_1, `Partition:\t${num(ru.partition)}\n`);
      if (has(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(spec.template ?? {}, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}
