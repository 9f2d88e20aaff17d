// What the ReplicaSet controller reads of a pod, worked out once per stored pod object. A stored object
// is never changed (a write stores a new one), so what it says holds for as long as anyone has it. At
// 10,000 pods, reading every pod's owner references, phase, labels and Ready condition again in each
// sync (several times over) was most of the controller's time, though most pods are the same objects
// from one round to the next.

import type { Selector } from '../../api/labels.js';
import { controllerOf } from '../../api/object.js';
import type { KObject } from '../../api/types.js';
import { selfChecks } from '../../util/self-checks.js';
import { availableAfterReady, isPodActive, isPodReady, isPodTerminating, podReadyCondition, timeMs } from './podutil.js';

export interface PodFacts {
  readonly pod: KObject;
  /** The pod has a controller ownerReference, */
  readonly controlled: boolean;
  /** and this is its uid. */
  readonly controllerUid: string | undefined;
  /** controller.IsPodActive. */
  readonly active: boolean;
  /** controller.IsPodTerminating. */
  readonly terminating: boolean;
  readonly ready: boolean;
  /** When it became ready (ms): the Ready condition's lastTransitionTime; undefined when not ready or missing. */
  readonly readySince: number | undefined;
  readonly labels: Record<string, string>;
  /** Equal for equal label maps (label values are strings): see labelMatcher. Worked out on first use. */
  labelsKey: string | undefined;
}

const factsByPod = new WeakMap<KObject, PodFacts>();

export function podFacts(pod: KObject): PodFacts {
  let f = factsByPod.get(pod);
  if (f === undefined) factsByPod.set(pod, (f = factsOf(pod)));
  // Under the tests, a pod changed in place since (which only a stored object is safe from) fails here.
  else if (selfChecks()) assertCurrent(pod, f);
  return f;
}

function factsOf(pod: KObject): PodFacts {
  const ref = controllerOf(pod);
  const ready = isPodReady(pod);
  return {
    pod,
    controlled: ref !== undefined,
    controllerUid: ref?.uid,
    active: isPodActive(pod),
    terminating: isPodTerminating(pod),
    ready,
    readySince: ready ? timeMs(podReadyCondition(pod)?.['lastTransitionTime']) : undefined,
    labels: pod.metadata.labels ?? {},
    labelsKey: undefined,
  };
}

function assertCurrent(pod: KObject, f: PodFacts): void {
  const now = factsOf(pod);
  const same = (Object.keys(now) as (keyof PodFacts)[]).every((k) => k === 'labelsKey' || k === 'pod' || (k === 'labels' ? labelsKey(now) === labelsKey(f) : now[k] === f[k]));
  if (!same) throw new Error(`internal error: pod ${pod.metadata.name} changed in place since the ReplicaSet controller read it`);
}

function labelsKey(f: PodFacts): string {
  return (f.labelsKey ??= shared(JSON.stringify(f.labels)));
}

/**
 * One string for equal keys: pods with equal labels then share one key, which a matcher finds by
 * identity instead of comparing (and reading) each pod's own copy. Started afresh past a bound: a
 * key made before and one made after are different strings for the same labels, which only costs a
 * matcher one more match.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 10_000;

function shared(key: string): string {
  const same = keys.get(key);
  if (same !== undefined) return same;
  if (keys.size >= MAX_KEYS) keys.clear();
  keys.set(key, key);
  return key;
}

/** When the pod counts as available (ms), undefined when it is not ready (see podutil.availableFrom). */
export function availableFromFacts(f: PodFacts, minReadySeconds: number): number | undefined {
  return f.ready ? availableAfterReady(f.readySince, minReadySeconds) : undefined;
}

/**
 * `selector.matches` for pods, worked out once per distinct label map: an owner's pods share theirs.
 * For one pass (selectors change with their owners).
 */
export function labelMatcher(selector: Selector): (f: PodFacts) => boolean {
  const byLabels = new Map<string, boolean>();
  return (f) => {
    const key = labelsKey(f);
    let m = byLabels.get(key);
    if (m === undefined) byLabels.set(key, (m = selector.matches(f.labels)));
    return m;
  };
}
