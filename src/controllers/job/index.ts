// The Job controller (kube-controller-manager's job controller): runs pods from the template until
// `completions` of them succeed, `parallelism` at a time, replacing failed ones until backoffLimit;
// tracks finished pods with the batch.kubernetes.io/job-tracking finalizer (a pod is counted once,
// then its finalizer is removed); fails the job past its backoffLimit or activeDeadlineSeconds; sets
// the terminal condition only when no pod is left running (FailureTarget/SuccessCriteriaMet first);
// deletes the job ttlSecondsAfterFinished after it finished (the TTL-after-finished controller).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { labelSelectorAsSelector } from '../../api/labels.js';
import { findResource } from '../../api/registry.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { deepEqual } from '../../api/object.js';
import { isNamespaceTerminating, StatusError } from '../../api/errors.js';
import { rfc3339 } from '../../sim/clock.js';
import { recordEvent } from '../events/record.js';
import { deletePod, podFromTemplate } from '../replicaset/podcontrol.js';
import { pods, type OwnerKind } from '../replicaset/kind.js';
import {
  COMPLETION_INDEX,
  DEFAULT_BACKOFF_LIMIT,
  finishedAt,
  formatIndexes,
  isFinished,
  jobStatus,
  MESSAGE,
  newCondition,
  parseIndexes,
  podIndex,
  REASON,
  replacementBackoff,
  TRACKING_FINALIZER,
} from './status.js';

type Json = Record<string, any>;

const COMPONENT = 'job-controller';
export const jobs = () => findResource('jobs')!;

export const JOB: OwnerKind = {
  resource: jobs,
  apiVersion: 'batch/v1',
  kind: 'Job',
  component: COMPONENT,
  selector: (job) => labelSelectorAsSelector(job['spec']?.selector),
  terminatingReplicas: false,
};

const phase = (p: KObject): string => p['status']?.phase ?? '';
const terminal = (p: KObject): boolean => phase(p) === 'Succeeded' || phase(p) === 'Failed';
const tracked = (p: KObject): boolean => (p.metadata.finalizers ?? []).includes(TRACKING_FINALIZER);
const podReady = (p: KObject): boolean => (p['status']?.conditions ?? []).some((c: Json) => c?.type === 'Ready' && c.status === 'True');
const controllerUid = (p: KObject): string | undefined =>
  (p.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Job' && r.apiVersion === 'batch/v1')?.uid;

/** Pods holding the tracking finalizer: an index, so that a cluster without running jobs costs nothing per pod. */
const trackedIndex = (p: KObject): string | undefined => (p.metadata.finalizers?.includes(TRACKING_FINALIZER) ? 'yes' : undefined);
/** A pod's controlling Job's uid (none: not indexed): an index, for one job's pods without listing them all. */
const jobIndex = (p: KObject): string | undefined => controllerUid(p);

/** A job's pods (those it controls), in list order. */
const podsOf = (api: ApiServer, job: KObject): KObject[] => api.listBy(pods(), jobIndex, job.metadata.uid!);

export function jobController(api: ApiServer): void {
  const all = api.list(jobs());
  const byUid = new Map(all.map((j) => [j.metadata.uid!, j]));
  // A pod whose job is gone (or going) keeps no tracking finalizer.
  for (const pod of api.listBy(pods(), trackedIndex, 'yes')) {
    const uid = controllerUid(pod);
    if (!uid || !byUid.has(uid) || byUid.get(uid)!.metadata.deletionTimestamp) removeFinalizer(api, pod);
  }
  const live = all.filter((job) => !job.metadata.deletionTimestamp);
  // Every job's pods as they are before any job's sync writes (each sync sees the same snapshot).
  const owned = live.map((job) => podsOf(api, job));
  live.forEach((job, i) => syncJob(api, job, owned[i]!));
}

function removeFinalizer(api: ApiServer, pod: KObject): KObject | undefined {
  try {
    const fresh = api.get(pods(), pod.metadata.namespace, pod.metadata.name!);
    const finalizers = (fresh.metadata.finalizers ?? []).filter((f) => f !== TRACKING_FINALIZER);
    const metadata: KObject['metadata'] = { ...fresh.metadata, finalizers };
    if (finalizers.length === 0) delete metadata.finalizers;
    return api.update(pods(), { ...fresh, metadata });
  } catch (e) {
    if (errorIsNotFound(e)) return undefined;
    throw e;
  }
}

/** When the pod's last container finished (ms), for the replacement back-off. */
function podFinishedAt(pod: KObject): number {
  const times = ((pod['status']?.containerStatuses ?? []) as Json[])
    .map((s) => Date.parse(s?.state?.terminated?.finishedAt ?? ''))
    .filter((t) => !Number.isNaN(t));
  return times.length > 0 ? Math.max(...times) : NaN;
}

function syncJob(api: ApiServer, job: KObject, owned: KObject[]): void {
  if (isFinished(job)) {
    expireFinished(api, job);
    return;
  }
  const spec: Json = job['spec'] ?? {};
  const old: Json = job['status'] ?? {};
  const now = api.now();
  const nowText = rfc3339(now);
  const indexed = spec.completionMode === 'Indexed';
  const completions: number | undefined = typeof spec.completions === 'number' ? spec.completions : undefined;
  const parallelism: number = typeof spec.parallelism === 'number' ? spec.parallelism : 1;
  const backoffLimit: number = typeof spec.backoffLimit === 'number' ? spec.backoffLimit : DEFAULT_BACKOFF_LIMIT;

  // Count the finished pods not yet counted, then let them go (the finalizer's purpose).
  let succeeded: number = old.succeeded ?? 0;
  let failed: number = old.failed ?? 0;
  const completed = indexed ? parseIndexes(old.completedIndexes, completions ?? 0) : new Set<number>();
  let lastFailure = NaN;
  for (const pod of owned) {
    if (phase(pod) === 'Failed') lastFailure = Math.max(Number.isNaN(lastFailure) ? -Infinity : lastFailure, podFinishedAt(pod));
    if (!tracked(pod)) continue;
    if (phase(pod) === 'Succeeded') {
      const i = podIndex(pod);
      if (!indexed) succeeded++;
      else if (i !== undefined && i < (completions ?? 0)) completed.add(i);
    } else if (phase(pod) === 'Failed' || pod.metadata.deletionTimestamp) {
      // A pod deleted before it finished counts as failed.
      failed++;
    } else continue;
    removeFinalizer(api, pod);
  }
  if (indexed) succeeded = completed.size;

  let live = owned.filter((p) => !terminal(p));
  let active = live.filter((p) => !p.metadata.deletionTimestamp);
  const startTime: string = old.startTime ?? nowText;
  const conditions: Json[] = [...(old.conditions ?? [])];
  const add = (type: string, reason: string, message: string) => conditions.push(newCondition(type, reason, message, nowText));
  const has = (type: string) => conditions.find((c) => c.type === type && c.status === 'True');

  if (!has('FailureTarget') && !has('SuccessCriteriaMet')) {
    const deadline = typeof spec.activeDeadlineSeconds === 'number' ? Date.parse(startTime) + spec.activeDeadlineSeconds * 1000 : undefined;
    if (failed > backoffLimit || pastBackoffLimitOnFailure(spec, live, backoffLimit)) {
      add('FailureTarget', REASON.backoffLimitExceeded, MESSAGE.backoffLimitExceeded);
    }
    else if (deadline !== undefined && now >= deadline) add('FailureTarget', REASON.deadlineExceeded, MESSAGE.deadlineExceeded);
    else {
      if (deadline !== undefined) api.sim.wakeAt(deadline);
      const done = completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions;
      if (done) add('SuccessCriteriaMet', REASON.completionsReached, MESSAGE.completionsReached);
    }
  }

  let completionTime: string | undefined = old.completionTime;
  const target = has('FailureTarget') ?? has('SuccessCriteriaMet');
  if (target) {
    // Nothing more runs: stop what is left, and finish once no pod is running.
    for (const pod of active) deletePod(api, JOB, job, pod, false);
    if (active.length === 0 && live.length === 0) {
      if (has('FailureTarget')) {
        add('Failed', target['reason'], target['message']);
        recordEvent(api, job, { type: 'Warning', reason: target['reason'], message: target['message'], component: COMPONENT });
      } else {
        add('Complete', target['reason'], target['message']);
        completionTime = nowText;
        recordEvent(api, job, { type: 'Normal', reason: 'Completed', message: 'Job completed', component: COMPONENT });
      }
    }
  } else if (spec.suspend !== true) {
    active = managePods(api, job, active, { indexed, completions, parallelism, succeeded, completed, failed, lastFailure });
  }

  live = [...active, ...live.filter((p) => p.metadata.deletionTimestamp)];
  const status = jobStatus({
    conditions,
    startTime: spec.suspend === true && !old.startTime ? undefined : startTime,
    completionTime,
    active: target ? 0 : active.length,
    succeeded,
    failed,
    terminating: live.filter((p) => p.metadata.deletionTimestamp).length,
    ready: target ? 0 : active.filter(podReady).length,
    ...(indexed ? { completedIndexes: formatIndexes(completed) } : {}),
  });
  if (!deepEqual(status, old)) {
    const fresh = api.get(jobs(), job.metadata.namespace, job.metadata.name!);
    api.updateStatus(jobs(), { ...fresh, status });
  }
}

interface Want {
  indexed: boolean;
  completions: number | undefined;
  parallelism: number;
  succeeded: number;
  completed: Set<number>;
  failed: number;
  lastFailure: number;
}

/** Creates or deletes pods so that the right number run; returns the active pods afterwards. */
function managePods(api: ApiServer, job: KObject, active: KObject[], w: Want): KObject[] {
  const remaining = w.completions === undefined ? (w.succeeded > 0 ? 0 : w.parallelism) : Math.max(0, w.completions - w.succeeded);
  const want = Math.min(w.parallelism, remaining);
  if (active.length > want) {
    const extra = active.slice(want);
    for (const pod of extra) deletePod(api, JOB, job, pod, false);
    return active.slice(0, want);
  }
  if (active.length === want) return active;
  // Replacements after failures wait out the back-off (realistic timing only: instant has no waiting).
  if (w.failed > 0 && api.sim.profile === 'realistic' && !Number.isNaN(w.lastFailure)) {
    const due = w.lastFailure + replacementBackoff(w.failed);
    if (api.now() < due) {
      api.sim.wakeAt(due);
      return active;
    }
  }
  let indexes: (number | undefined)[] = Array.from({ length: want - active.length }, () => undefined);
  if (w.indexed) {
    const running = new Set(active.map(podIndex));
    const pending: number[] = [];
    for (let i = 0; i < (w.completions ?? 0) && pending.length < indexes.length; i++) {
      if (!w.completed.has(i) && !running.has(i)) pending.push(i);
    }
    indexes = pending;
  }
  const created: KObject[] = [];
  for (const index of indexes) {
    if (!createJobPod(api, job, jobPod(job, index))) break;
  }
  // The new pods, as the API server stored them (createPod names them).
  for (const p of podsOf(api, job)) {
    if ((p.metadata.namespace ?? '') !== job.metadata.namespace) continue;
    if (!terminal(p) && !p.metadata.deletionTimestamp && !active.some((a) => a.metadata.uid === p.metadata.uid)) {
      created.push(p);
    }
  }
  return [...active, ...created];
}

/** Creates one pod, with the controller's events; false when the API refused it. */
function createJobPod(api: ApiServer, job: KObject, pod: KObject): boolean {
  let created: KObject;
  try {
    created = api.create(pods(), pod);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (!isNamespaceTerminating(e)) {
      recordEvent(api, job, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${e.message}`, component: COMPONENT });
    }
    return false;
  }
  recordEvent(api, job, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata.name}`, component: COMPONENT });
  return true;
}

/** The pod for a job (GetPodFromTemplate) with the tracking finalizer; for Indexed jobs, its index. */
export function jobPod(job: KObject, index: number | undefined): KObject {
  const pod = podFromTemplate(JOB, job);
  pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), TRACKING_FINALIZER];
  if (index === undefined) return pod;
  const name = job.metadata.name!;
  pod.metadata.generateName = `${name}-${index}-`;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
  const spec: Json = pod['spec'];
  spec.hostname ??= `${name}-${index}`;
  const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) c.env = [...(c.env ?? []), env];
  return pod;
}

/** ttlSecondsAfterFinished: the finished job is deleted (foreground, as the TTL controller does). */
function expireFinished(api: ApiServer, job: KObject): void {
  const ttl = job['spec']?.ttlSecondsAfterFinished;
  if (typeof ttl !== 'number') return;
  const finished = finishedAt(job);
  if (finished === undefined) return;
  const due = finished + ttl * 1000;
  if (api.now() < due) {
    api.sim.wakeAt(due);
    return;
  }
  try {
    api.delete(jobs(), job.metadata.namespace, job.metadata.name!, { propagationPolicy: 'Foreground' });
  } catch (e) {
    if (!errorIsNotFound(e)) throw e;
  }
}

/**
 * restartPolicy OnFailure: failures show as container restarts in pods that stay Pending/Running, so
 * the job controller sums those restarts (init and regular containers) against backoffLimit.
 */
function pastBackoffLimitOnFailure(spec: Json, pods: KObject[], backoffLimit: number): boolean {
  if (spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    const p = phase(pod);
    if (p !== 'Running' && p !== 'Pending') continue;
    const st: Json = pod['status'] ?? {};
    for (const c of [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])]) restarts += Number(c?.restartCount ?? 0);
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}
