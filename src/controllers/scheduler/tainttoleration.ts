// TaintToleration filter: NoSchedule and NoExecute taints must be tolerated. NotReady and
// unreachable nodes are excluded this way too: the node lifecycle controller taints them.
// Since 1.35 the reason no longer names the taint (kubernetes#134740: taints may be sensitive).

import { unresolvable, type FilterPlugin } from './framework.js';
import { findUntoleratedTaint, type Taint } from './tolerations.js';

export const ERR_UNTOLERATED_TAINT = 'node(s) had untolerated taint(s)';

const doNotSchedule = (t: Taint) => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

export const taintToleration: FilterPlugin = (pod, ni) => {
  const taint = findUntoleratedTaint(ni.node['spec']?.taints, pod['spec']?.tolerations, doNotSchedule);
  return taint ? unresolvable(ERR_UNTOLERATED_TAINT) : undefined;
};
