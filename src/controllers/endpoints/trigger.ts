// endpoints.kubernetes.io/last-change-trigger-time (endpointsliceutil TriggerTimeTracker): the
// earliest change since the previous sync that led to this write: a pod's Ready transition or,
// for a Service seen for the first time, its creation.
//
// Upstream keeps the per-pod times of the last sync in memory. kube-lite has no memory between
// invocations, so "changed since the last sync" is "not earlier than the previous annotation"
// (all times when there is none). No such change: the annotation is dropped, as upstream does.

import type { KObject } from '../../api/types.js';
import { podTriggerTime } from './podutil.js';

export const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

export function triggerTime(svc: KObject, selected: KObject[], previous: KObject | undefined): string | undefined {
  const prev: string | undefined = previous?.metadata.annotations?.[TRIGGER_TIME];
  const ms = (t: string) => Date.parse(t);
  let min: string | undefined;
  const consider = (t: string | undefined) => {
    if (t && (min === undefined || ms(t) < ms(min))) min = t;
  };
  for (const pod of selected) {
    const t = podTriggerTime(pod);
    if (t && (!previous || prev === undefined || ms(t) >= ms(prev))) consider(t);
  }
  if (!previous) consider(svc.metadata.creationTimestamp);
  return min;
}

/** Annotations with the trigger time set or removed; undefined when none are left. */
export function withTriggerTime(annotations: Record<string, string> | undefined, t: string | undefined): Record<string, string> | undefined {
  const out = { ...(annotations ?? {}) };
  if (t) out[TRIGGER_TIME] = t;
  else delete out[TRIGGER_TIME];
  return Object.keys(out).length > 0 ? out : undefined;
}
