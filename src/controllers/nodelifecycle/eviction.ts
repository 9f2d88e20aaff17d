// Taint-based eviction (kube-controller-manager's taint-eviction-controller): pods on a node with
// NoExecute taints they do not tolerate are deleted at once; tolerated ones after the smallest
// tolerationSeconds of the matching tolerations (none = stay forever). Every pod carries the
// DefaultTolerationSeconds tolerations (not-ready/unreachable, 300 s) unless it declares its own.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { recordEvent } from '../events/record.js';
import { toleratesTaint, type Taint } from '../scheduler/tolerations.js';

const pods = findResource('pods')!;

const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** The tolerations the DefaultTolerationSeconds admission plugin would have added. */
export function effectiveTolerations(pod: KObject): any[] {
  const own: any[] = pod['spec']?.tolerations ?? [];
  const out = [...own];
  for (const key of [NOT_READY, UNREACHABLE]) {
    const covered = own.some((t) => (t.operator === 'Exists' && !t.key) || (t.key === key && (!t.effect || t.effect === 'NoExecute')));
    if (!covered) out.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  return out;
}

/**
 * Seconds the pod may stay: 0 = evict now, undefined = forever (getMinTolerationTime over the
 * tolerations that match any of the taints; a taint nothing tolerates means now).
 */
export function tolerationSeconds(taints: Taint[], tolerations: any[]): number | undefined {
  const used: any[] = [];
  for (const taint of taints) {
    const matching = tolerations.filter((t) => toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    used.push(...matching);
  }
  let min: number | undefined;
  for (const t of used) {
    if (typeof t.tolerationSeconds !== 'number') continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = min === undefined ? t.tolerationSeconds : Math.min(min, t.tolerationSeconds);
  }
  return min;
}

export function evictFromNode(api: ApiServer, node: KObject): void {
  const taints: any[] = (node['spec']?.taints ?? []).filter((t: any) => t.effect === 'NoExecute');
  if (taints.length === 0) return;
  // Timed from when the node was tainted. In instant timing every delay is zero, so evictions are
  // immediate there; `realistic` timing honours tolerationSeconds.
  const taintedAt = Math.max(...taints.map((t) => (t.timeAdded ? Date.parse(t.timeAdded) : api.now())));
  for (const pod of api.list(pods)) {
    if (pod['spec']?.nodeName !== node.metadata.name || pod.metadata.deletionTimestamp) continue;
    const seconds = tolerationSeconds(taints, effectiveTolerations(pod));
    if (seconds === undefined) continue;
    const due = api.sim.profile === 'instant' ? taintedAt : taintedAt + seconds * 1000;
    if (api.now() < due) {
      api.sim.wakeAt(due);
      continue;
    }
    recordEvent(api, pod, {
      type: 'Normal',
      reason: 'TaintManagerEviction',
      message: `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`,
      component: 'taint-eviction-controller',
    });
    api.delete(pods, pod.metadata.namespace, pod.metadata.name!);
  }
}
