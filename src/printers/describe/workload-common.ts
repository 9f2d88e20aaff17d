// Helpers shared by the workload describers (ReplicaSet, ReplicationController, DaemonSet,
// StatefulSet, Deployment).

import type { KObject } from '../../api/types.js';
import { arr, obj, str } from './fmt.js';
import type { DescribeContext } from './index.js';

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: pods matched by `matches` whose controller ownerReference is `uid`. */
export function podStatusForController(
  ctx: DescribeContext,
  namespace: string,
  matches: (labels: unknown) => boolean,
  uid: string,
): PodCounts {
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of ctx.list('pods', namespace)) {
    if (!matches(pod.metadata?.labels)) continue;
    if (controllerUid(pod) !== uid || uid === '') continue;
    switch (str(pod.status?.phase)) {
      case 'Running':
        counts.running++;
        break;
      case 'Pending':
        counts.waiting++;
        break;
      case 'Succeeded':
        counts.succeeded++;
        break;
      case 'Failed':
        counts.failed++;
        break;
    }
  }
  return counts;
}

/** UID of the controlling ownerReference, or "". */
export function controllerUid(o: KObject): string {
  const ref = arr(o.metadata?.ownerReferences)
    .map(obj)
    .find((r) => r.controller === true);
  return ref ? str(ref.uid) : '';
}

export const podsStatusLine = (c: PodCounts): string =>
  `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
