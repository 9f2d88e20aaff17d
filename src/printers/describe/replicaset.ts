// describeReplicaSet and describeReplicationController.

import type { KObject } from '../../api/types.js';
import { describeEvents } from './events.js';
import { arr, num, obj, str } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { controllerOf } from './pod.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from './prefix-writer.js';
import { formatLabelSelector, mapSelectorMatches, selectorMatches } from './selector.js';
import { formatLabels } from '../../api/labels.js';
import { podStatusForController, podsStatusLine } from './workload-common.js';

/** Conditions table of RS/RC/Deployment: `Type \tStatus\tReason`. */
export function writeReplicaConditions(conditions: unknown, w: Writer): void {
  const list = arr(conditions).map(obj);
  if (list.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of list) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  const meta = rs.metadata;
  const ns = str(meta.namespace);
  const sel = rs.spec?.selector;
  const counts = podStatusForController(ctx, ns, (l) => selectorMatches(sel, l), str(meta.uid));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(sel)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = controllerOf(rs);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${num(rs.status?.replicas)} current / ${num(rs.spec?.replicas)} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatusLine(counts)}\n`);
    describePodTemplate(obj(rs.spec).template ?? {}, w);
    writeReplicaConditions(rs.status?.conditions, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describeReplicationController(rc: KObject, ctx: DescribeContext): string {
  const meta = rc.metadata;
  const ns = str(meta.namespace);
  const sel = rc.spec?.selector;
  const counts = podStatusForController(ctx, ns, (l) => mapSelectorMatches(sel, l), str(meta.uid));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(obj(sel))}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Replicas:\t${num(rc.status?.replicas)} current / ${num(rc.spec?.replicas)} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    // spec.template is a pointer on RCs: absent prints "<unset>"
    describePodTemplate(rc.spec?.template, w);
    writeReplicaConditions(rc.status?.conditions, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}
