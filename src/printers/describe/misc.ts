// Small describers: RoleBinding/ClusterRoleBinding, PodDisruptionBudget, PriorityClass.

import type { KObject } from '../../api/types.js';
import { formatLabels } from '../../api/labels.js';
import { describeEvents } from './events.js';
import { arr, goBool, has, intOrString, num, obj, str } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.js';
import { formatLabelSelector } from './selector.js';

/** RoleBinding and ClusterRoleBinding describers (no events). */
export function describeBinding(b: KObject): string {
  const meta = b.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const ref = obj(b.roleRef);
    w.write(LEVEL_0, 'Role:\n');
    w.write(LEVEL_1, `Kind:\t${str(ref.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(ref.name)}\n`);
    w.write(LEVEL_0, 'Subjects:\n');
    w.write(LEVEL_1, 'Kind\tName\tNamespace\n');
    w.write(LEVEL_1, '----\t----\t---------\n');
    for (const s of arr(b.subjects).map(obj)) w.write(LEVEL_1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
  });
}

export function describePodDisruptionBudget(pdb: KObject, ctx: DescribeContext): string {
  const meta = pdb.metadata;
  const spec = obj(pdb.spec);
  const status = obj(pdb.status);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    if (has(spec.minAvailable)) w.write(LEVEL_0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
    else if (has(spec.maxUnavailable)) w.write(LEVEL_0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
    w.write(LEVEL_0, has(spec.selector) ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
    w.write(LEVEL_0, 'Status:\n');
    w.write(LEVEL_2, `Allowed disruptions:\t${num(status.disruptionsAllowed)}\n`);
    w.write(LEVEL_2, `Current:\t${num(status.currentHealthy)}\n`);
    w.write(LEVEL_2, `Desired:\t${num(status.desiredHealthy)}\n`);
    w.write(LEVEL_2, `Total:\t${num(status.expectedPods)}\n`);
    describeEvents(ctx.events, w, ctx.now);
  });
}

export function describePriorityClass(pc: KObject, ctx: DescribeContext): string {
  const meta = pc.metadata;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Value:\t${num(pc.value)}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${goBool(pc.globalDefault)}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
    w.write(LEVEL_0, `Description:\t${str(pc.description)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(obj(meta.annotations))}\n`);
    describeEvents(ctx.events, w, ctx.now);
  });
}
