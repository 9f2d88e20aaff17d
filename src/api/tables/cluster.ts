// Cluster-scoped Namespaces and Nodes (printers.go printNamespace, printNode).

import type { KObject } from '../types.js';
import { AGE, age, arr, col, nameCol, rec, sortedSet, str, type TableHandler } from './common.js';

export const namespaces: TableHandler = {
  columns: [nameCol(), col('Status'), AGE()],
  row: (obj, now) => [str(obj.metadata.name), str(rec(obj.status).phase), age(obj, now)],
};

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: node-role.kubernetes.io/<role> keys plus the kubernetes.io/role value, sorted. */
function roles(node: KObject): string {
  const found: string[] = [];
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role !== '') found.push(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      found.push(v);
    }
  }
  const list = sortedSet(found).join(',');
  return list === '' ? '<none>' : list;
}

/** Only the Ready condition is shown; cordoned nodes add SchedulingDisabled. */
function nodeStatus(node: KObject): string {
  const status: string[] = [];
  // printNode builds a type→condition map, so the last Ready condition wins.
  const ready = arr(rec(node.status).conditions).map(rec).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (rec(node.spec).unschedulable === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: KObject, type: string): string {
  const a = arr(rec(node.status).addresses).map(rec).find((x) => x.type === type);
  return a ? str(a.address) : '<none>';
}

export const nodes: TableHandler = {
  columns: [nameCol(), col('Status'), col('Roles'), AGE(), col('Version'),
    col('Internal-IP', 'string', 1), col('External-IP', 'string', 1), col('OS-Image', 'string', 1),
    col('Kernel-Version', 'string', 1), col('Container-Runtime', 'string', 1)],
  row: (obj, now) => {
    const info = rec(rec(obj.status).nodeInfo);
    const orUnknown = (v: unknown): string => str(v) || '<unknown>';
    return [str(obj.metadata.name), nodeStatus(obj), roles(obj), age(obj, now), str(info.kubeletVersion),
      address(obj, 'InternalIP'), address(obj, 'ExternalIP'), orUnknown(info.osImage),
      orUnknown(info.kernelVersion), orUnknown(info.containerRuntimeVersion)];
  },
};

