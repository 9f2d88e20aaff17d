// DescribePodTemplate (workload controllers) and the pod-spec sections it shares with describePod.

import { arr, has, num, obj, stableSort, str, type Obj } from './fmt.js';
import { describeContainers } from './containers.js';
import { printLabelsMultiline, printAnnotationsMultiline, printTolerationsMultiline } from './multiline.js';
import { LEVEL_0, LEVEL_1, type Writer } from './prefix-writer.js';
import { formatLabelSelector } from './selector.js';
import { describeVolumes } from './volumes.js';

/** describeTopologySpreadConstraints (sorted by topologyKey). */
export function describeTopologySpreadConstraints(tscs: unknown, w: Writer, space: string): void {
  const list = arr(tscs).map(obj);
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  stableSort(list, (a, b) => str(a.topologyKey) < str(b.topologyKey)).forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    w.write(LEVEL_0, `${str(t.topologyKey)}:`);
    w.write(LEVEL_0, str(t.whenUnsatisfiable));
    w.write(LEVEL_0, ` when max skew ${num(t.maxSkew)} is exceeded`);
    if (has(t.labelSelector)) w.write(LEVEL_0, ` for selector ${formatLabelSelector(t.labelSelector)}`);
    w.write(LEVEL_0, '\n');
  });
}

/** describeSchedulingGroup (1.36 workload-aware scheduling). */
export function describeSchedulingGroup(group: Obj, w: Writer, space: string): void {
  w.write(LEVEL_0, `${space}SchedulingGroup:\n`);
  w.write(LEVEL_1, `PodGroupName:\t${str(group.podGroupName)}\n`);
}

/** DescribePodTemplate: "Pod Template:" and the template indented one level. */
export function describePodTemplate(template: unknown, w: Writer): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!has(template)) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const t = obj(template);
  const meta = obj(t.metadata);
  const spec = obj(t.spec);
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (Object.keys(obj(meta.annotations)).length > 0) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (str(spec.serviceAccountName) !== '') w.write(LEVEL_1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (arr(spec.initContainers).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (str(spec.priorityClassName) !== '') w.write(LEVEL_1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
  if (has(spec.schedulingGroup)) describeSchedulingGroup(obj(spec.schedulingGroup), w, '  ');
}
