// Pure helpers of the Job controller: conditions, completed-index sets, the status object as the
// apiserver serializes batch/v1 JobStatus (pkg/controller/job/job_controller.go, indexed_job_utils.go).
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';

type Json = Record<string, any>;

export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const DEFAULT_BACKOFF_LIMIT = 6;

export const REASON = {
  completionsReached: 'CompletionsReached',
  backoffLimitExceeded: 'BackoffLimitExceeded',
  deadlineExceeded: 'DeadlineExceeded',
} as const;

export const MESSAGE = {
  completionsReached: 'Reached expected number of succeeded pods',
  backoffLimitExceeded: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'Job was active longer than specified deadline',
} as const;

export interface Condition {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** The first condition of the type, when its status is True (hasJobCondition). */
export function trueCondition(job: KObject, type: string): Json | undefined {
  const c = ((job['status']?.conditions ?? []) as Json[]).find((x) => x?.type === type);
  return c?.status === 'True' ? c : undefined;
}

export function newCondition(type: string, reason: string, message: string, now: string): Condition {
  return { type, status: 'True', lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/** The job reached a terminal condition (Complete or Failed). */
export function isFinished(job: KObject): boolean {
  return trueCondition(job, 'Complete') !== undefined || trueCondition(job, 'Failed') !== undefined;
}

/** When the job finished: completionTime, else the Failed condition's transition time (ms). */
export function finishedAt(job: KObject): number | undefined {
  const t = job['status']?.completionTime ?? trueCondition(job, 'Failed')?.lastTransitionTime ?? trueCondition(job, 'Complete')?.lastTransitionTime;
  return typeof t === 'string' ? Date.parse(t) : undefined;
}

/** "1,3-5,7,8": intervals of consecutive indexes; two in a row are written with a comma. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const [first, last] = [sorted[i]!, sorted[j]!];
    parts.push(last === first ? `${first}` : last === first + 1 ? `${first},${last}` : `${first}-${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Parses a completedIndexes string, keeping indexes below `completions`. */
export function parseIndexes(s: unknown, completions: number): Set<number> {
  const out = new Set<number>();
  if (typeof s !== 'string' || s === '') return out;
  for (const part of s.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a!; i <= (b ?? a!); i++) if (i < completions) out.add(i);
  }
  return out;
}

/** The index of an Indexed job's pod, from its annotation; undefined when missing or malformed. */
export function podIndex(pod: KObject): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX];
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Job back-off before a replacement pod (backoff_utils.go): 10 s doubling, at most 6 minutes. */
export function replacementBackoff(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(10_000 * 2 ** (failures - 1), 360_000);
}

export interface StatusInput {
  conditions: Json[];
  startTime?: string;
  completionTime?: string;
  active: number;
  succeeded: number;
  failed: number;
  terminating: number;
  ready: number;
  completedIndexes?: string;
}

/** JobStatus in its Go field order; counts omitted when zero, ready/terminating always present. */
export function jobStatus(i: StatusInput): Json {
  const s: Json = {};
  if (i.conditions.length > 0) s['conditions'] = i.conditions;
  if (i.startTime) s['startTime'] = i.startTime;
  if (i.completionTime) s['completionTime'] = i.completionTime;
  if (i.active) s['active'] = i.active;
  if (i.succeeded) s['succeeded'] = i.succeeded;
  if (i.failed) s['failed'] = i.failed;
  s['terminating'] = i.terminating;
  if (i.completedIndexes) s['completedIndexes'] = i.completedIndexes;
  s['uncountedTerminatedPods'] = {};
  s['ready'] = i.ready;
  return s;
}
