// describeJob and describeCronJob.

import type { KObject } from '../../api/types.js';
import { humanDuration } from '../duration.js';
import { describeEvents } from './events.js';
import { arr, goBool, has, num, obj, printBoolPtr, str, type Obj } from './fmt.js';
import type { DescribeContext } from './index.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.js';
import { controllerOf } from './pod.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, tabbedString, type Writer } from './prefix-writer.js';
import { selectorString } from './selector.js';
import { parseTime, rfc1123z } from './time.js';

const selectorLine = (sel: unknown): string => {
  const s = selectorString(sel);
  return s === undefined ? 'Failed to get selector: invalid selector' : s;
};

// capIndexesListOrNone: cut after the first comma past `softLimit` characters.
function capIndexes(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : indexes.slice(0, ix + 1) + '...';
}

export function describeJob(job: KObject, ctx: DescribeContext): string {
  const meta = job.metadata;
  const spec = obj(job.spec);
  const status = obj(job.status);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorLine(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    const controlledBy = controllerOf(job);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${num(spec.parallelism)}\n`);
    w.write(LEVEL_0, has(spec.completions) ? `Completions:\t${num(spec.completions)}\n` : 'Completions:\t<unset>\n');
    if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${str(spec.completionMode)}\n`);
    if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${goBool(spec.suspend)}\n`);
    if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${num(spec.backoffLimit)}\n`);
    if (has(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${num(spec.ttlSecondsAfterFinished)}\n`);
    if (has(status.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (has(status.completionTime)) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (has(status.startTime) && has(status.completionTime)) {
      const d = (parseTime(status.completionTime) ?? 0) - (parseTime(status.startTime) ?? 0);
      w.write(LEVEL_0, `Duration:\t${humanDuration(d)}\n`);
    }
    if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec.activeDeadlineSeconds)}s\n`);
    const [active, succeeded, failed] = [num(status.active), num(status.succeeded), num(status.failed)];
    w.write(
      LEVEL_0,
      has(status.ready)
        ? `Pods Statuses:\t${active} Active (${num(status.ready)} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`
        : `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`,
    );
    if (str(spec.completionMode) === 'Indexed') {
      w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes), 50)}\n`);
    }
    describePodTemplate(spec.template ?? {}, w);
    describeEvents(ctx.events, w, ctx.now);
  });
}

function describeJobTemplate(jt: Obj, w: Writer): void {
  const spec = obj(jt.spec);
  w.write(LEVEL_0, has(spec.selector) ? `Selector:\t${selectorLine(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(LEVEL_0, has(spec.parallelism) ? `Parallelism:\t${num(spec.parallelism)}\n` : 'Parallelism:\t<unset>\n');
  w.write(LEVEL_0, has(spec.completions) ? `Completions:\t${num(spec.completions)}\n` : 'Completions:\t<unset>\n');
  if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${num(spec.activeDeadlineSeconds)}s\n`);
  describePodTemplate(spec.template ?? {}, w);
}

export function describeCronJob(cj: KObject, ctx: DescribeContext): string {
  const meta = cj.metadata;
  const spec = obj(cj.spec);
  const status = obj(cj.status);
  const unsetOr = (v: unknown, suffix = ''): string => (has(v) ? `${num(v)}${suffix}` : '<unset>');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Schedule:\t${str(spec.schedule)}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${str(spec.concurrencyPolicy)}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, `Time Zone:\t${has(spec.timeZone) ? str(spec.timeZone) : '<unset>'}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${unsetOr(spec.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${unsetOr(spec.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${unsetOr(spec.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(obj(spec.jobTemplate), w);
    w.write(LEVEL_0, `Last Schedule Time:\t${has(status.lastScheduleTime) ? rfc1123z(status.lastScheduleTime) : '<unset>'}\n`);
    const active = arr(status.active).map(obj);
    w.write(LEVEL_0, 'Active Jobs:\t');
    if (active.length === 0) {
      w.writeLine('<none>');
    } else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, str(j.name));
      });
      w.writeLine('');
    }
    describeEvents(ctx.events, w, ctx.now);
  });
}
