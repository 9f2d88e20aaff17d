// Which pods `drain` may delete (kubectl pkg/drain/filters.go): a chain of filters per pod, the last
// verdict wins; refusals become errors and "deleting anyway" verdicts become one warning line.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';

export interface DrainFlags {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

type Verdict = { delete: boolean; reason: 'Okay' | 'Skip' | 'Warning' | 'Error'; message?: string };

const okay: Verdict = { delete: true, reason: 'Okay' };
const skip: Verdict = { delete: false, reason: 'Skip' };
const warn = (del: boolean, message: string): Verdict => ({ delete: del, reason: 'Warning', message });
const fail = (message: string): Verdict => ({ delete: false, reason: 'Error', message });

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const finished = (pod: KObject) => ['Succeeded', 'Failed'].includes(pod['status']?.phase);
const controllerRef = (pod: KObject) => pod.metadata.ownerReferences?.find((r) => r.controller);

/** Looks up the DaemonSet that owns a pod: undefined when it exists, else the NotFound message. */
export type DaemonSetLookup = (namespace: string, name: string) => string | undefined;

export function podVerdict(pod: KObject, flags: DrainFlags, daemonSetMissing: DaemonSetLookup): Verdict {
  const filters: ((p: KObject) => Verdict)[] = [
    (p) => {
      const ref = controllerRef(p);
      if (!ref || ref.kind !== 'DaemonSet' || finished(p)) return okay;
      const missing = daemonSetMissing(p.metadata.namespace ?? '', ref.name);
      if (missing !== undefined) return flags.force ? warn(true, missing) : fail(missing);
      if (!flags.ignoreDaemonSets) return fail('DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
      return warn(false, 'ignoring DaemonSet-managed Pods');
    },
    (p) => (p.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined ? skip : okay),
    (p) => {
      const emptyDir = (p['spec']?.volumes ?? []).some((v: any) => v.emptyDir);
      if (!emptyDir || finished(p)) return okay;
      if (!flags.deleteEmptyDirData) return fail('Pods with local storage (use --delete-emptydir-data to override)');
      return warn(true, 'deleting Pods with local storage');
    },
    (p) => {
      if (finished(p) || controllerRef(p)) return okay;
      if (flags.force) return warn(true, 'deleting Pods that declare no controller');
      return fail('Pods that declare no controller (use --force to override)');
    },
  ];
  let verdict = okay;
  for (const f of filters) {
    verdict = f(pod);
    if (!verdict.delete) break;
  }
  return verdict;
}

export interface DrainPlan {
  deletable: KObject[];
  /** The `Warning: …` text (without the prefix), or '' when there is none. */
  warnings: string;
  errors: string[];
}

/** Groups pods by verdict message, in first-seen order (kubectl iterates a Go map). */
export function planDrain(pods: KObject[], flags: DrainFlags, daemonSetMissing: DaemonSetLookup): DrainPlan {
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const deletable: KObject[] = [];
  for (const pod of pods) {
    const v = podVerdict(pod, flags, daemonSetMissing);
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (v.delete) deletable.push(pod);
    if (v.reason === 'Warning') warnings.set(v.message!, [...(warnings.get(v.message!) ?? []), ref]);
    if (v.reason === 'Error') errors.set(v.message || 'unexpected error', [...(errors.get(v.message || 'unexpected error') ?? []), ref]);
  }
  return {
    deletable,
    warnings: [...warnings].map(([msg, refs]) => `${msg}: ${refs.join(', ')}`).join('; '),
    errors: [...errors].map(([msg, refs]) => `${msg.toLowerCase().startsWith('cannot delete') ? msg : `cannot delete ${msg}`}: ${refs.join(', ')}`),
  };
}
