// The CronJob controller (cronjob_controllerv2.go): as the cluster clock passes a schedule time it
// creates the Job `<cronjob>-<scheduled time in minutes since the epoch>` from the jobTemplate, as
// concurrencyPolicy allows (Allow, Forbid: skip while one runs, Replace: delete the running ones);
// only the most recent missed time runs, and not at all once startingDeadlineSeconds has passed.
// It follows its jobs (status.active, lastScheduleTime, lastSuccessfulTime) and keeps only
// successfulJobsHistoryLimit/failedJobsHistoryLimit finished ones. The next schedule time becomes a
// wake-up, so `cluster advance` (and the wall clock in realistic timing) fire the schedule.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { StatusError } from '../../api/errors.js';
import { deepEqual } from '../../api/object.js';
import { findResource } from '../../api/registry.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { eventsAbout, recordEvent } from '../events/record.js';
import { isFinished, trueCondition } from '../job/status.js';
import { mostRecent, parseSchedule, rfc3339In, type Schedule } from './schedule.js';

type Json = Record<string, any>;

const COMPONENT = 'cronjob-controller';
export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const cronjobs = () => findResource('cronjobs')!;
const jobs = () => findResource('jobs')!;

const controllerUid = (o: KObject): string | undefined =>
  (o.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'CronJob')?.uid;

/** The Job's name for a schedule time: `<cronjob>-<minutes since the epoch>` (getJobName). */
export function jobName(cronJob: string, scheduledMs: number): string {
  return `${cronJob}-${Math.floor(scheduledMs / 60_000)}`;
}

export function cronJobController(api: ApiServer): void {
  const all = api.list(cronjobs());
  if (all.length === 0) return;
  const owned = new Map<string, KObject[]>();
  for (const job of api.list(jobs())) {
    const uid = controllerUid(job);
    if (uid) owned.set(uid, [...(owned.get(uid) ?? []), job]);
  }
  for (const cj of all) syncCronJob(api, cj, owned.get(cj.metadata.uid!) ?? []);
}

/** The ObjectReference kept in status.active (ref.GetReference of the created job). */
function jobRef(job: KObject): Json {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace,
    name: job.metadata.name,
    uid: job.metadata.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion,
  };
}

const event = (api: ApiServer, cj: KObject, type: 'Normal' | 'Warning', reason: string, message: string) =>
  recordEvent(api, cj, { type, reason, message, component: COMPONENT });

/**
 * An event about a schedule time, recorded once for it: the controller sees the same due time on
 * every pass until it changes, and a repeated event would keep the control loop from settling.
 */
function eventOnce(api: ApiServer, cj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, scheduledMs: number): void {
  const seen = eventsAbout(api, cj.metadata.namespace ?? 'default', cj.metadata.uid, reason, message).some(
    (e) => Date.parse(e['lastTimestamp'] ?? '') >= scheduledMs,
  );
  if (!seen) event(api, cj, type, reason, message);
}

function syncCronJob(api: ApiServer, cj: KObject, children: KObject[]): void {
  const spec: Json = cj['spec'] ?? {};
  const old: Json = cj['status'] ?? {};
  let active: Json[] = [...(old.active ?? [])];
  let lastSuccessfulTime: string | undefined = old.lastSuccessfulTime;
  let lastScheduleTime: string | undefined = old.lastScheduleTime;
  const byUid = new Map(children.map((j) => [j.metadata.uid!, j]));

  // Follow the children: finished ones leave the active list.
  for (const job of children) {
    const listed = active.some((r) => r.uid === job.metadata.uid);
    if (listed && isFinished(job)) {
      active = active.filter((r) => r.uid !== job.metadata.uid);
      const condition = trueCondition(job, 'Complete') ? 'Complete' : 'Failed';
      event(api, cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${condition}`);
    }
    // Any successful child counts, listed or not (a job made by `create job --from` too).
    const completed: unknown = trueCondition(job, 'Complete') ? job['status']?.completionTime : undefined;
    if (typeof completed === 'string' && (!lastSuccessfulTime || Date.parse(completed) > Date.parse(lastSuccessfulTime))) {
      lastSuccessfulTime = completed;
    }
    // (Upstream warns UnexpectedJob, once per sync, for a running child it did not list, e.g. one made
    // by `create job --from`; it neither adopts it nor warns again here: a repeated event would never settle.)
  }
  for (const ref of active) {
    if (!byUid.has(ref.uid)) event(api, cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
  }
  active = active.filter((r) => byUid.has(r.uid));

  if (!cj.metadata.deletionTimestamp && spec.suspend !== true) {
    const created = schedule(api, cj, spec, active, lastScheduleTime);
    if (created) {
      active = created.active;
      lastScheduleTime = created.lastScheduleTime;
    }
  }

  cleanupFinished(api, cj, children.filter((j) => isFinished(j) && !j.metadata.deletionTimestamp));

  const status: Json = {};
  if (active.length > 0) status['active'] = active;
  if (lastScheduleTime) status['lastScheduleTime'] = lastScheduleTime;
  if (lastSuccessfulTime) status['lastSuccessfulTime'] = lastSuccessfulTime;
  if (!deepEqual(status, old)) {
    const fresh = api.get(cronjobs(), cj.metadata.namespace, cj.metadata.name!);
    api.updateStatus(cronjobs(), { ...fresh, status });
  }
}

/** Fires the schedule if a time fell due; returns the new active list and lastScheduleTime, if any. */
function schedule(
  api: ApiServer,
  cj: KObject,
  spec: Json,
  active: Json[],
  lastScheduleTime: string | undefined,
): { active: Json[]; lastScheduleTime: string } | undefined {
  let sched: Schedule;
  try {
    sched = parseSchedule(String(spec.schedule ?? ''));
  } catch {
    return undefined;
  }
  const timeZone: string | undefined = typeof spec.timeZone === 'string' ? spec.timeZone : undefined;
  const now = api.now();
  let earliest = Date.parse(lastScheduleTime ?? cj.metadata.creationTimestamp ?? '');
  if (Number.isNaN(earliest)) earliest = now;
  const deadline = typeof spec.startingDeadlineSeconds === 'number' ? spec.startingDeadlineSeconds * 1000 : undefined;
  if (deadline !== undefined && now - deadline > earliest) earliest = now - deadline;
  const { last, missed, next } = mostRecent(sched, earliest, now, timeZone);
  if (next !== undefined) api.sim.wakeAt(next);
  if (last === undefined) return undefined;
  if (missed > 100) {
    eventOnce(api, cj, 'Warning', 'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', last);
  }
  if (deadline !== undefined && last + deadline < now) {
    eventOnce(api, cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${new Date(last).toUTCString().replace('GMT', '+0000')}`, last);
    return undefined;
  }
  const name = jobName(cj.metadata.name!, last);
  if (active.some((r) => r.name === name)) return undefined;
  const policy: string = spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && active.length > 0) {
    eventOnce(api, cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', last);
    return undefined;
  }
  let remaining = active;
  if (policy === 'Replace') {
    for (const ref of active) {
      if (deleteJob(api, cj, ref.namespace, ref.name)) remaining = remaining.filter((r) => r.uid !== ref.uid);
    }
  }
  let job: KObject;
  try {
    job = api.create(jobs(), jobFromTemplate(cj, name, last, timeZone));
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    // Already created for this time (an earlier pass): only remember the time.
    if (e.reason === 'AlreadyExists') return { active: remaining, lastScheduleTime: rfc3339(last) };
    event(api, cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
    return undefined;
  }
  event(api, cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
  return { active: [...remaining, jobRef(job)], lastScheduleTime: rfc3339(last) };
}

/** getJobFromTemplate2: the template's labels and annotations, the scheduled-time annotation, the owner. */
export function jobFromTemplate(cj: KObject, name: string, scheduledMs: number, timeZone?: string): KObject {
  const template: Json = cj['spec']?.jobTemplate ?? {};
  const tm: Json = template.metadata ?? {};
  const metadata: KObject['metadata'] = {
    name,
    namespace: cj.metadata.namespace,
    annotations: { ...(tm.annotations ?? {}), [SCHEDULED_TIMESTAMP]: rfc3339In(scheduledMs, timeZone) },
    ownerReferences: [
      { apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name!, uid: cj.metadata.uid!, controller: true, blockOwnerDeletion: true },
    ],
  };
  if (tm.labels) metadata.labels = { ...tm.labels };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: structuredClone(template.spec ?? {}) };
}

function deleteJob(api: ApiServer, cj: KObject, namespace: string, name: string): boolean {
  try {
    api.delete(jobs(), namespace, name, { propagationPolicy: 'Background' });
  } catch (e) {
    if (errorIsNotFound(e)) return true;
    if (!(e instanceof StatusError)) throw e;
    event(api, cj, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`);
    return false;
  }
  event(api, cj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
  return true;
}

/** Keeps the newest successfulJobsHistoryLimit complete and failedJobsHistoryLimit failed jobs. */
function cleanupFinished(api: ApiServer, cj: KObject, finished: KObject[]): void {
  const spec: Json = cj['spec'] ?? {};
  const limits: [string, number][] = [
    ['Complete', typeof spec.successfulJobsHistoryLimit === 'number' ? spec.successfulJobsHistoryLimit : 3],
    ['Failed', typeof spec.failedJobsHistoryLimit === 'number' ? spec.failedJobsHistoryLimit : 1],
  ];
  for (const [type, limit] of limits) {
    const list = oldestFirst(finished.filter((j) => trueCondition(j, type)));
    for (const job of list.slice(0, Math.max(0, list.length - limit))) deleteJob(api, cj, job.metadata.namespace!, job.metadata.name!);
  }
}

/** By status.startTime (a job not started first), then name. */
export function oldestFirst(list: KObject[]): KObject[] {
  const start = (j: KObject): number => {
    const t = Date.parse(j['status']?.startTime ?? '');
    return Number.isNaN(t) ? -Infinity : t;
  };
  return [...list].sort((a, b) => start(a) - start(b) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
}
