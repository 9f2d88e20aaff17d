// NodeName filter: a pod that names a node fits only that node. (Pods with spec.nodeName never reach
// the scheduler; the plugin matters for what-if runs such as preemption's.)

import { unresolvable, type FilterPlugin } from './framework.js';

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = (pod, ni) => {
  const want = pod['spec']?.nodeName;
  return !want || want === ni.name ? undefined : unresolvable(ERR_NODE_NAME);
};
