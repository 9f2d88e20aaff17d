// The CronJob controller: firing as the clock passes schedule times, concurrency, history limits.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { jobName } from '../../../src/controllers/cronjob/index.js';
import { CRONJOBS, events, JOBS, setup, T0 } from '../job/helpers.js';

function cronJob(name: string, spec: Record<string, unknown> = {}, runFor?: string): KObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      schedule: '*/1 * * * *',
      ...spec,
      jobTemplate: {
        metadata: { labels: { team: 'a' } },
        spec: {
          template: {
            ...(runFor ? { metadata: { annotations: { 'kube-lite.dev/run-duration': runFor } } } : {}),
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox', command: ['date'] }] },
          },
        },
      },
    },
  };
}

const jobNames = (api: ReturnType<typeof setup>['api']) => api.list(JOBS, 'default').map((j) => j.metadata.name);

describe('cronjob controller', () => {
  it('first runs at the next schedule time, not at creation', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { schedule: '*/5 * * * *' }));
    sync();
    expect(jobNames(api)).toEqual([]);
    advance(4 * 60_000);
    expect(jobNames(api)).toEqual([]);
    advance(60_000);
    const name = jobName('c', T0 + 5 * 60_000);
    expect(jobNames(api)).toEqual([name]);
    const job = api.get(JOBS, 'default', name);
    expect(job.metadata.labels).toEqual({ team: 'a' });
    expect(job.metadata.annotations).toEqual({ 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T00:05:00Z' });
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'c', controller: true, blockOwnerDeletion: true });
    const cj = api.get(CRONJOBS, 'default', 'c');
    expect(cj['status'].lastScheduleTime).toBe('2026-01-01T00:05:00Z');
    expect(cj['status'].lastSuccessfulTime).toBe('2026-01-01T00:05:00Z');
    expect(events(api).filter((e) => e.includes('cronjob-controller'))).toEqual([
      `Normal SuccessfulCreate cronjob-controller: Created job ${name}`,
      `Normal SawCompletedJob cronjob-controller: Saw completed job: ${name}, condition: Complete`,
    ]);
  });

  it('keeps successfulJobsHistoryLimit complete and failedJobsHistoryLimit failed jobs', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { successfulJobsHistoryLimit: 2 }));
    sync();
    advance(5 * 60_000);
    expect(jobNames(api)).toEqual([jobName('c', T0 + 4 * 60_000), jobName('c', T0 + 5 * 60_000)]);
    expect(events(api)).toContain(`Normal SuccessfulDelete cronjob-controller: Deleted job ${jobName('c', T0 + 60_000)}`);
  });

  it('a limit of 0 keeps no finished job', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { successfulJobsHistoryLimit: 0 }));
    sync();
    advance(3 * 60_000);
    expect(jobNames(api)).toEqual([]);
  });

  it('Allow runs jobs side by side; status.active lists them', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', {}, '150s'));
    sync();
    advance(2 * 60_000);
    expect(api.get(CRONJOBS, 'default', 'c')['status'].active.map((r: { name: string }) => r.name)).toEqual([
      jobName('c', T0 + 60_000),
      jobName('c', T0 + 120_000),
    ]);
  });

  it('Forbid skips a time while a job runs', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { concurrencyPolicy: 'Forbid' }, '90s'));
    sync();
    advance(2 * 60_000);
    expect(jobNames(api)).toEqual([jobName('c', T0 + 60_000)]);
    expect(events(api)).toContain('Normal JobAlreadyActive cronjob-controller: Not starting job because prior execution is running and concurrency policy is Forbid');
  });

  it('Replace deletes the running job for the new one', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { concurrencyPolicy: 'Replace' }, '90s'));
    sync();
    advance(2 * 60_000);
    expect(jobNames(api)).toEqual([jobName('c', T0 + 120_000)]);
    expect(events(api)).toContain(`Normal SuccessfulDelete cronjob-controller: Deleted job ${jobName('c', T0 + 60_000)}`);
  });

  it('suspend stops the schedule', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { suspend: true }));
    sync();
    advance(10 * 60_000);
    expect(jobNames(api)).toEqual([]);
  });

  it('after a jump only the most recent missed time runs; a passed startingDeadlineSeconds skips it', () => {
    const a = setup();
    a.api.create(CRONJOBS, cronJob('c', { schedule: '0 * * * *' }));
    a.sync();
    a.clock.ms = T0 + 3 * 3_600_000 + 30 * 60_000; // the clock jumps (a realistic cluster left alone)
    a.sync();
    expect(jobNames(a.api)).toEqual([jobName('c', T0 + 3 * 3_600_000)]);

    const b = setup();
    b.api.create(CRONJOBS, cronJob('c', { schedule: '0 * * * *', startingDeadlineSeconds: 60 }));
    b.sync();
    b.clock.ms = T0 + 3 * 3_600_000 + 30 * 60_000;
    b.sync();
    expect(jobNames(b.api)).toEqual([]);
  });

  it('timeZone: wall-clock schedule in the zone, scheduled timestamp with its offset', () => {
    const { api, sync, advance } = setup();
    api.create(CRONJOBS, cronJob('c', { schedule: '0 9 * * *', timeZone: 'Asia/Seoul' }));
    sync();
    advance(24 * 3_600_000);
    const [name] = jobNames(api);
    expect(name).toBe(jobName('c', Date.parse('2026-01-02T00:00:00Z')));
    expect(api.get(JOBS, 'default', name!).metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2026-01-02T09:00:00+09:00');
  });
});
