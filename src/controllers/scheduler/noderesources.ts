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

const tooManyPods = (ni: NodeInfo) => ni.pods.length + 1 > ni.allocatable.pods;
const short = (want: number, have: number, inUse: number) => want > 0 && want > have - inUse;

/** insufficientResources(...).length === 0 without building the list: what the filter asks of most nodes. */
function fits(pod: KObject, ni: NodeInfo): boolean {
  const alloc = ni.allocatable;
  const used = ni.requested;
  const req = podRequests(pod);
  if (tooManyPods(ni) || short(req.milliCPU, alloc.milliCPU, used.milliCPU) || short(req.memory, alloc.memory, used.memory)) return false;
  if (short(req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage)) return false;
  for (const name in req.scalars) if (short(req.scalars[name]!, alloc.scalars[name] ?? 0, used.scalars[name] ?? 0)) return false;
  return true;
}

export function insufficientResources(pod: KObject, ni: NodeInfo): Insufficient[] {
  const out: Insufficient[] = [];
  const alloc = ni.allocatable;
  const used = ni.requested;
  if (tooManyPods(ni)) out.push({ reason: 'Too many pods', unresolvable: false });
  const req = podRequests(pod);
  const check = (name: string, want: number, have: number, inUse: number) => {
    if (short(want, have, inUse)) out.push({ reason: `Insufficient ${name}`, unresolvable: want > have });
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
  if (fits(pod, ni)) return undefined;
  const missing = insufficientResources(pod, ni);
  if (missing.length === 0) return undefined;
  return { code: missing.some((m) => m.unresolvable) ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons: missing.map((m) => m.reason) };
};
