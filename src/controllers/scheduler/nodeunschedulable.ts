// NodeUnschedulable filter: a cordoned node (spec.unschedulable) takes only pods that tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint (DaemonSet pods do).

import { unresolvable, type FilterPlugin } from './framework.js';
import { tolerationsTolerateTaint } from './tolerations.js';

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';

export const nodeUnschedulable: FilterPlugin = (pod, ni) => {
  if (ni.node['spec']?.unschedulable !== true) return undefined;
  const tolerated = tolerationsTolerateTaint(pod['spec']?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  return tolerated ? undefined : unresolvable(ERR_UNSCHEDULABLE);
};
