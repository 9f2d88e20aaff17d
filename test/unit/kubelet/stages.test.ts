// The lifecycle table itself: which row matches a given container or pod, when it is due, and what it does.

import { describe, expect, it } from 'vitest';
import { CONTAINER_STAGES, firstStep, POD_STAGES, type ContainerCtx, type ContainerMemory, type PodCtx } from '../../../src/sim/stages.js';
import { delaysFor, type TimingProfile } from '../../../src/sim/timing.js';

const NOW = Date.parse('2026-01-01T00:01:00Z');
const waiting = (reason: string) => ({ state: { waiting: { reason } } });
const running = (startedAt: string) => ({ state: { running: { startedAt } } });

interface Row {
  name: string;
  profile?: TimingProfile;
  image?: string;
  policy?: string;
  present?: boolean;
  status: Record<string, unknown>;
  memory?: ContainerMemory;
  restartPolicy?: string;
  command?: string[];
  init?: boolean;
  /** Expected row, and its due time relative to NOW (ms). */
  stage: string | undefined;
  due?: number;
}

function ctx(r: Row): ContainerCtx {
  return {
    now: NOW,
    eligibleAt: NOW,
    delays: delaysFor(r.profile ?? 'realistic'),
    pod: { spec: { restartPolicy: r.restartPolicy ?? 'Always' } },
    spec: { name: 'c', image: r.image ?? 'nginx:1.25', imagePullPolicy: r.policy ?? 'IfNotPresent', ...(r.command ? { command: r.command } : {}) },
    init: r.init ?? false,
    status: r.status,
    memory: r.memory ?? {},
    imagePresent: r.present ?? false,
  };
}

const rows: Row[] = [
  { name: 'a new container whose image is missing starts a pull', status: waiting('ContainerCreating'), stage: 'pull', due: 0 },
  { name: 'init containers wait as PodInitializing, then pull', status: waiting('PodInitializing'), init: true, stage: 'pull', due: 0 },
  { name: 'an image on the node is used at once', present: true, status: waiting('ContainerCreating'), stage: 'image-present', due: 0 },
  { name: 'pull policy Always pulls even a present image', present: true, policy: 'Always', status: waiting('ContainerCreating'), stage: 'pull', due: 0 },
  { name: 'pull policy Never without the image fails', policy: 'Never', status: waiting('ContainerCreating'), stage: 'image-never-pull', due: 0 },
  { name: 'pull policy Never with the image starts it', policy: 'Never', present: true, status: waiting('ContainerCreating'), stage: 'image-present', due: 0 },
  { name: 'a pull under way finishes after imagePull', status: waiting('ContainerCreating'), memory: { pullingSince: NOW - 1000 }, stage: 'pulled', due: 3000 },
  { name: 'a pull takes no time in instant timing', profile: 'instant', status: waiting('ContainerCreating'), memory: { pullingSince: NOW }, stage: 'pulled', due: 0 },
  { name: 'an unpullable image fails after imagePull', image: 'nginx:doesnotexist', status: waiting('ContainerCreating'), memory: { pullingSince: NOW }, stage: 'pull-failed', due: 4000 },
  { name: 'ErrImagePull turns into ImagePullBackOff at the next sync', image: 'x:invalid', status: waiting('ErrImagePull'), memory: { failures: 1, failedAt: NOW }, stage: 'image-pull-back-off', due: 1000 },
  { name: 'the first retry comes 10s after the failure', image: 'x:invalid', status: waiting('ImagePullBackOff'), memory: { failures: 1, failedAt: NOW - 4000 }, stage: 'pull-retry', due: 6000 },
  { name: 'the third retry 40s after', image: 'x:invalid', status: waiting('ImagePullBackOff'), memory: { failures: 3, failedAt: NOW }, stage: 'pull-retry', due: 40_000 },
  { name: 'back-off keeps its 10s in instant timing', profile: 'instant', image: 'x:invalid', status: waiting('ImagePullBackOff'), memory: { failures: 1, failedAt: NOW }, stage: 'pull-retry', due: 10_000 },
  { name: 'a retried pull fails again', image: 'x:invalid', status: waiting('ImagePullBackOff'), memory: { failures: 1, failedAt: NOW - 10_000, pullingSince: NOW }, stage: 'pull-failed', due: 4000 },
  { name: 'a running server runs on', status: running('2026-01-01T00:00:00Z'), stage: undefined },
  { name: 'a command with restartPolicy Always runs on', command: ['sleep', '1'], status: running('2026-01-01T00:00:00Z'), stage: undefined },
  { name: 'a command with restartPolicy Never completes', restartPolicy: 'Never', command: ['echo', 'hi'], status: running('2026-01-01T00:01:00Z'), stage: 'complete', due: 1000 },
  { name: 'a command with restartPolicy OnFailure completes', restartPolicy: 'OnFailure', command: ['echo'], status: running('2026-01-01T00:00:00Z'), stage: 'complete', due: -59_000 },
  { name: 'a server with restartPolicy Never runs on', restartPolicy: 'Never', status: running('2026-01-01T00:00:00Z'), stage: undefined },
  { name: 'an init container completes', init: true, status: running('2026-01-01T00:01:00Z'), stage: 'complete', due: 1000 },
  { name: 'a completed container stays so', restartPolicy: 'OnFailure', status: { state: { terminated: { exitCode: 0, reason: 'Completed' } } }, stage: undefined },
  {
    name: 'a container that exited is restarted at once the first time (restartPolicy Always)',
    status: { state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T00:01:00Z' } } },
    stage: 'restart',
    due: 0,
  },
  { name: 'ErrImageNeverPull stays so', policy: 'Never', status: waiting('ErrImageNeverPull'), stage: undefined },
];

describe('container stages (first match wins)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const step = firstStep(CONTAINER_STAGES, ctx(r));
    expect(step?.stage.name).toBe(r.stage);
    if (step) {
      expect(step.due - NOW).toBe(r.due);
      expect(step.effect !== undefined).toBe(step.due <= NOW);
    }
  });

  it('words the events of a pull, a failure and a back-off as the kubelet does', () => {
    const pull = firstStep(CONTAINER_STAGES, ctx(rows[0]!))!.effect!;
    expect(pull.events).toEqual([{ type: 'Normal', reason: 'Pulling', message: 'Pulling image "nginx:1.25"' }]);
    expect(pull.memory).toEqual({ pullingSince: NOW });

    const pulled = firstStep(CONTAINER_STAGES, ctx({ ...rows[6]!, memory: { pullingSince: NOW - 4000 } }))!.effect!;
    expect(pulled.state).toEqual({ running: {} });
    expect(pulled.pulledImage).toBe(true);
    expect(pulled.events.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Successfully pulled image "nginx:1\.25" in 4s \(4s including waiting\)\. Image size: \d+ bytes\.$/),
      'Created container: c',
      'Started container c',
    ]);

    const present = firstStep(CONTAINER_STAGES, ctx(rows[2]!))!.effect!;
    expect(present.events[0]).toEqual({
      type: 'Normal',
      reason: 'Pulled',
      message: 'Container image "nginx:1.25" already present on machine and can be accessed by the pod',
    });

    const failed = firstStep(CONTAINER_STAGES, ctx({ ...rows[8]!, memory: { pullingSince: NOW - 4000 } }))!.effect!;
    expect(failed.state).toEqual({ waiting: { reason: 'ErrImagePull', message: expect.stringContaining('not found') } });
    expect(failed.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      expect.stringMatching(/^Warning Failed: Failed to pull image "nginx:doesnotexist": rpc error: code = NotFound/),
      'Warning Failed: Error: ErrImagePull',
    ]);
    expect(failed.memory).toEqual({ failures: 1, failedAt: NOW });

    const backOff = firstStep(CONTAINER_STAGES, ctx({ ...rows[9]!, memory: { failures: 1, failedAt: NOW - 1000 } }))!.effect!;
    expect(backOff.state).toEqual({
      waiting: { reason: 'ImagePullBackOff', message: expect.stringMatching(/^Back-off pulling image "x:invalid": ErrImagePull: rpc error: /) },
    });
    expect(backOff.events.map((e) => `${e.type} ${e.reason}: ${e.message}`)).toEqual([
      'Normal BackOff: Back-off pulling image "x:invalid"',
      'Warning Failed: Error: ImagePullBackOff',
    ]);
  });
});

describe('pod stages', () => {
  const pod = (extra: Record<string, unknown>, status: Record<string, unknown> = {}) => ({ metadata: { name: 'p', ...extra }, spec: {}, status });
  const podCtx = (p: Record<string, unknown>, profile: TimingProfile = 'realistic', killing = false): PodCtx => ({
    now: NOW,
    delays: delaysFor(profile),
    profile,
    pod: p,
    killing,
  });
  const sandboxTrue = { conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }], startTime: '2026-01-01T00:00:00Z' };

  it.each([
    ['a new pod is accepted at once', podCtx(pod({})), 'accept', 0],
    ['the sandbox is ready one containerStart after the start time', podCtx(pod({}, { startTime: '2026-01-01T00:01:00Z' })), 'sandbox', 1000],
    ['in instant timing at once', podCtx(pod({}, { startTime: '2026-01-01T00:01:00Z' }), 'instant'), 'sandbox', 0],
    ['a pod with its sandbox goes on to its containers', podCtx(pod({}, sandboxTrue)), undefined, 0],
    ['a finished pod is left alone', podCtx(pod({}, { phase: 'Succeeded', startTime: 'x' })), undefined, 0],
    [
      'a deleted pod has its containers stopped at once',
      podCtx(pod({ deletionTimestamp: '2026-01-01T00:01:30Z', deletionGracePeriodSeconds: 30 }, sandboxTrue)),
      'kill',
      0,
    ],
    [
      'and is removed when its grace period is over',
      podCtx(pod({ deletionTimestamp: '2026-01-01T00:01:30Z', deletionGracePeriodSeconds: 30 }, sandboxTrue), 'realistic', true),
      'remove',
      30_000,
    ],
    [
      'or at once in instant timing',
      podCtx(pod({ deletionTimestamp: '2026-01-01T00:01:30Z', deletionGracePeriodSeconds: 30 }, sandboxTrue), 'instant', true),
      'remove',
      0,
    ],
  ] as const)('%s', (_name, c, stage, due) => {
    const step = firstStep(POD_STAGES, c);
    expect(step?.stage.name).toBe(stage);
    if (step) expect(step.due - NOW).toBe(due);
  });
});
