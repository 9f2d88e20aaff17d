// The Job controller against a full simulated cluster (instant and realistic timing).

import { describe, expect, it } from 'vitest';
import { jobController } from '../../../src/controllers/job/index.js';
import { formatIndexes, parseIndexes, replacementBackoff, TRACKING_FINALIZER as TRACKING } from '../../../src/controllers/job/status.js';
import { conditionTypes, events, job, JOBS, PODS, podsOf, setup } from './helpers.js';

describe('job controller', () => {
  it('runs completions pods, parallelism at a time, and completes', () => {
    const { api, sync, advance } = setup();
    api.create(JOBS, job('pi', { completions: 3, parallelism: 2 }, { 'kube-lite.dev/run-duration': '10s' }));
    sync();
    let pi = api.get(JOBS, 'default', 'pi');
    expect(pi['status']).toMatchObject({ active: 2, ready: 2, terminating: 0, uncountedTerminatedPods: {}, startTime: '2026-01-01T00:00:00Z' });
    const pods = podsOf(api, 'pi');
    expect(pods).toHaveLength(2);
    expect(pods[0]!.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pods[0]!.metadata.generateName).toBe('pi-');
    expect(pods[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'pi', controller: true, blockOwnerDeletion: true });
    advance(10_000);
    pi = api.get(JOBS, 'default', 'pi');
    expect(pi['status']).toMatchObject({ active: 1, succeeded: 2 });
    advance(10_000);
    pi = api.get(JOBS, 'default', 'pi');
    expect(conditionTypes(pi)).toEqual(['SuccessCriteriaMet/CompletionsReached', 'Complete/CompletionsReached']);
    expect(pi['status'].completionTime).toBe('2026-01-01T00:00:20Z');
    expect(pi['status'].succeeded).toBe(3);
    expect(pi['status'].active).toBeUndefined();
    // Counted pods lose the tracking finalizer and stay, Completed.
    expect(podsOf(api, 'pi').map((p) => [p['status'].phase, p.metadata.finalizers])).toEqual([
      ['Succeeded', undefined],
      ['Succeeded', undefined],
      ['Succeeded', undefined],
    ]);
    expect(events(api).filter((e) => e.includes('job-controller'))).toEqual([
      expect.stringMatching(/^Normal SuccessfulCreate job-controller: Created pod: pi-/),
      expect.stringMatching(/^Normal SuccessfulCreate job-controller: Created pod: pi-/),
      expect.stringMatching(/^Normal SuccessfulCreate job-controller: Created pod: pi-/),
      'Normal Completed job-controller: Job completed',
    ]);
  });

  it('replaces failed pods until backoffLimit, then fails', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('bad', { backoffLimit: 2 }, { 'kube-lite.dev/exit-code': '3' }));
    sync();
    const bad = api.get(JOBS, 'default', 'bad');
    expect(bad['status'].failed).toBe(3);
    expect(conditionTypes(bad)).toEqual(['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
    expect(bad['status'].completionTime).toBeUndefined();
    const pods = podsOf(api, 'bad');
    expect(pods.map((p) => p['status'].phase)).toEqual(['Failed', 'Failed', 'Failed']);
    expect(pods[0]!['status'].containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(events(api)).toContain('Warning BackoffLimitExceeded job-controller: Job has reached the specified backoff limit');
  });

  it('waits out the replacement back-off in realistic timing', () => {
    const { api, sync, advance } = setup('realistic');
    api.create(JOBS, job('bad', { backoffLimit: 1 }, { 'kube-lite.dev/exit-code': '1' }));
    sync();
    advance(6_000); // pull, start, exit
    expect(api.get(JOBS, 'default', 'bad')['status'].failed).toBe(1);
    expect(podsOf(api, 'bad')).toHaveLength(1);
    advance(10_000);
    expect(podsOf(api, 'bad')).toHaveLength(2);
    advance(30_000);
    expect(conditionTypes(api.get(JOBS, 'default', 'bad'))).toContain('Failed/BackoffLimitExceeded');
  });

  it('fails a job past activeDeadlineSeconds and stops its pods', () => {
    const { api, sync, advance } = setup();
    api.create(JOBS, job('slow', { activeDeadlineSeconds: 20 }, { 'kube-lite.dev/run-duration': '1m' }));
    sync();
    advance(19_000);
    expect(conditionTypes(api.get(JOBS, 'default', 'slow'))).toEqual([]);
    advance(1_000);
    const slow = api.get(JOBS, 'default', 'slow');
    expect(conditionTypes(slow)).toEqual(['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
    expect(slow['status'].failed).toBe(1);
    expect(podsOf(api, 'slow')).toHaveLength(0);
  });

  it('work queue (no completions): the first success ends it', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('q', { parallelism: 3 }));
    sync();
    const q = api.get(JOBS, 'default', 'q');
    expect(q['status'].succeeded).toBe(3);
    expect(conditionTypes(q)).toContain('Complete/CompletionsReached');
  });

  it('Indexed jobs: one pod per index, completedIndexes', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('ix', { completions: 3, parallelism: 2, completionMode: 'Indexed' }));
    sync();
    const ix = api.get(JOBS, 'default', 'ix');
    expect(ix['status'].completedIndexes).toBe('0-2');
    expect(ix['status'].succeeded).toBe(3);
    const pods = podsOf(api, 'ix');
    expect(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).sort()).toEqual(['0', '1', '2']);
    expect(pods.every((p) => p.metadata.name!.startsWith(`ix-${p.metadata.labels!['batch.kubernetes.io/job-completion-index']}-`))).toBe(true);
    expect(pods[0]!['spec'].containers[0].env[0].name).toBe('JOB_COMPLETION_INDEX');
  });

  it('deletes a finished job ttlSecondsAfterFinished later, with its pods', () => {
    const { api, sync, advance } = setup();
    api.create(JOBS, job('t', { ttlSecondsAfterFinished: 30 }));
    sync();
    advance(29_000);
    expect(api.tryGet(JOBS, 'default', 't')).toBeDefined();
    advance(1_000);
    expect(api.tryGet(JOBS, 'default', 't')).toBeUndefined();
    expect(podsOf(api, 't')).toHaveLength(0);
  });

  it('a deleted job leaves no pod held by the tracking finalizer', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('long', {}, { 'kube-lite.dev/run-duration': '1h' }));
    sync();
    expect(podsOf(api, 'long')).toHaveLength(1);
    api.delete(JOBS, 'default', 'long', { propagationPolicy: 'Background' });
    sync();
    expect(api.list(PODS, 'default')).toHaveLength(0);
  });

  it('a job being deleted in the foreground lets go of its pods at once', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('fg', { parallelism: 2, completions: 2 }, { 'kube-lite.dev/run-duration': '1h' }));
    sync();
    expect(podsOf(api, 'fg').map((p) => p.metadata.finalizers)).toEqual([[TRACKING], [TRACKING]]);
    api.delete(JOBS, 'default', 'fg', { propagationPolicy: 'Foreground' });
    jobController(api);
    expect(podsOf(api, 'fg').map((p) => p.metadata.finalizers)).toEqual([undefined, undefined]);
  });

  // Pods made by hand, with no job in the cluster: the tracking finalizer goes unless a live job controls the pod.
  const handMade: [string, Record<string, unknown>, string[] | undefined][] = [
    ['no owner', {}, ['example.com/keep']],
    ['a Job controller that is gone', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'gone', uid: 'gone', controller: true }] }, ['example.com/keep']],
    ['a Job owner that is not its controller', { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'gone', uid: 'gone' }] }, ['example.com/keep']],
  ];
  it.each(handMade)('a tracked pod with %s loses the tracking finalizer only', (_name, meta, want) => {
    const { api } = setup();
    const pod = (name: string, finalizers: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', finalizers, ...meta },
      spec: { containers: [{ name: 'c', image: 'busybox' }] },
    });
    api.create(PODS, pod('tracked', [TRACKING, 'example.com/keep']));
    api.create(PODS, pod('untracked', ['example.com/keep']));
    jobController(api);
    expect(api.get(PODS, 'default', 'tracked').metadata.finalizers).toEqual(want);
    expect(api.get(PODS, 'default', 'untracked').metadata.finalizers).toEqual(['example.com/keep']);
  });

  it('each job counts only the pods it controls', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('a', { parallelism: 2, completions: 3 }, { 'kube-lite.dev/run-duration': '1h' }));
    api.create(JOBS, job('b', { parallelism: 1, completions: 1 }, { 'kube-lite.dev/run-duration': '1h' }));
    sync();
    expect([podsOf(api, 'a').length, podsOf(api, 'b').length]).toEqual([2, 1]);
    expect(api.get(JOBS, 'default', 'a')['status']).toMatchObject({ active: 2 });
    expect(api.get(JOBS, 'default', 'b')['status']).toMatchObject({ active: 1 });
  });

  it('a running pod deleted by hand counts as failed and is replaced', () => {
    const { api, sync } = setup();
    api.create(JOBS, job('r', {}, { 'kube-lite.dev/run-duration': '1h' }));
    sync();
    const [pod] = podsOf(api, 'r');
    api.delete(PODS, 'default', pod!.metadata.name!);
    sync();
    const r = api.get(JOBS, 'default', 'r');
    expect(r['status'].failed).toBe(1);
    expect(r['status'].active).toBe(1);
    expect(podsOf(api, 'r').map((p) => p.metadata.name)).not.toContain(pod!.metadata.name);
  });
});

describe('job status helpers', () => {
  it.each([
    [[], ''],
    [[0], '0'],
    [[0, 1], '0,1'],
    [[0, 1, 2], '0-2'],
    [[5, 0, 1, 2, 7, 8, 10], '0-2,5,7,8,10'],
  ])('formatIndexes(%j) = %s', (input, out) => {
    expect(formatIndexes(input)).toBe(out);
    expect([...parseIndexes(out, 100)].sort((a, b) => a - b)).toEqual([...new Set(input)].sort((a, b) => a - b));
  });

  it('back-off doubles from 10s up to 6 minutes', () => {
    expect([0, 1, 2, 3, 6, 10].map(replacementBackoff)).toEqual([0, 10_000, 20_000, 40_000, 320_000, 360_000]);
  });
});

describe('job controller: restartPolicy OnFailure', () => {
  it('counts container restarts of live pods against backoffLimit', () => {
    const { api, sync } = setup();
    const j = job('retry', { backoffLimit: 2 }, { 'kube-lite.dev/run-duration': '1h' });
    (j['spec'] as any).template.spec.restartPolicy = 'OnFailure';
    api.create(JOBS, j);
    sync();
    const restart = (n: number) => {
      const pod = structuredClone(podsOf(api, 'retry')[0]!);
      pod['status'].containerStatuses[0].restartCount = n;
      api.updateStatus(PODS, pod);
      sync();
    };
    restart(1);
    expect(conditionTypes(api.get(JOBS, 'default', 'retry'))).toEqual([]);
    restart(2);
    expect(conditionTypes(api.get(JOBS, 'default', 'retry'))[0]).toBe('FailureTarget/BackoffLimitExceeded');
  });
});
