// NodeResourcesFit filter: the pod's requests must fit in allocatable minus what the node's pods
// already request, and the node must have room for one more pod. A request larger than the whole
// node is UnschedulableAndUnresolvable (preemption cannot help), otherwise Unschedulable.

import type { KObject } from '../../api/types.js';
import type { FilterPlugin, NodeInfo, Status } from './framework.js';
import { podRequests } from './resources.js';

interface Insufficient {
  reason: string;
  unresolvable: boolean;
}

export function insufficientResources(pod: KObject, ni: NodeInfo): Insufficient[] {
  const out: Insufficient[] = [];
  const alloc = ni.allocatable;
  const used = ni.requested;
  if (ni.pods.length + 1 > alloc.pods) out.push({ reason: 'Too many pods', unresolvable: false });
  const req = podRequests(pod);
  const check = (name: string, want: number, have: number, inUse: number) => {
    if (want > 0 && want > have - inUse) out.push({ reason: `Insufficient ${name}`, unresolvable: want > have });
  };
  check('cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
  check('memory', req.memory, alloc.memory, used.memory);
  check('ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
  for (const name of Object.keys(req.scalars).sort()) {
    check(name, req.scalars[name]!, alloc.scalars[name] ?? 0, used.scalars[name] ?? 0);
  }
  return out;
}

export const nodeResourcesFit: FilterPlugin = (pod, ni): Status | undefined => {
  const missing = insufficientResources(pod, ni);
  if (missing.length === 0) return undefined;
  return { code: missing.some((m) => m.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons: missing.map((m) => m.reason) };
};
