// batch/v1 Jobs and CronJobs (printers.go printJob, printCronJob).

import type { KObject } from '../types.js';
import { AGE, age, between, col, condition, containerCells, int, nameCol, parseTime, rec, since, str,
  type TableHandler } from './common.js';
import { formatSelector } from './selector.js';

const WIDE = [col('Containers', 'string', 1), col('Images', 'string', 1), col('Selector', 'string', 1)];

/** hasJobCondition: the first condition of the type decides. */
const has = (job: KObject, type: string): boolean => condition(job, type)?.status === 'True';

function jobStatus(job: KObject): string {
  if (has(job, 'Complete')) return 'Complete';
  if (has(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has(job, 'Suspended')) return 'Suspended';
  if (has(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: KObject): string {
  const spec = rec(job.spec);
  const succeeded = int(rec(job.status).succeeded);
  if (typeof spec.completions === 'number') return `${succeeded}/${int(spec.completions)}`;
  const parallelism = int(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: KObject, now: number): string {
  const status = rec(job.status);
  const start = parseTime(status.startTime);
  if (start === undefined) return '';
  const end = parseTime(status.completionTime);
  return between(start, end ?? now);
}

export const jobs: TableHandler = {
  columns: [nameCol(), col('Status'), col('Completions'), col('Duration'), AGE(), ...WIDE],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    return [str(obj.metadata.name), jobStatus(obj), completions(obj), jobDuration(obj, now), age(obj, now),
      ...containerCells(rec(spec.template).spec), formatSelector(spec.selector)];
  },
};

/** printBoolPtr: "True" / "False" / "<unset>". */
function boolPtr(v: unknown): string {
  return typeof v === 'boolean' ? (v ? 'True' : 'False') : '<unset>';
}

export const cronjobs: TableHandler = {
  columns: [nameCol(), col('Schedule'), col('Timezone'), col('Suspend', 'boolean'), col('Active', 'integer'),
    col('Last Schedule'), AGE(), ...WIDE],
  row: (obj, now) => {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const jobSpec = rec(rec(spec.jobTemplate).spec);
    const last = status.lastScheduleTime ? since(status.lastScheduleTime, now) : '<none>';
    const timeZone = typeof spec.timeZone === 'string' ? spec.timeZone : '<none>';
    const active = Array.isArray(status.active) ? status.active.length : 0;
    return [str(obj.metadata.name), str(spec.schedule), timeZone, boolPtr(spec.suspend), active, last,
      age(obj, now), ...containerCells(rec(jobSpec.template).spec), formatSelector(jobSpec.selector)];
  },
};
