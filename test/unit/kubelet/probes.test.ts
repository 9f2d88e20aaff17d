// Probes and the crash-loop back-off (src/sim/probes.ts and the container stages that use them).

import { describe, expect, it } from 'vitest';
import { nextBackOff, probeFailureOutput, restartDelay, tickAtOrAfter, type BackOffEntry } from '../../../src/sim/probes.js';
import { CONTAINER_STAGES, firstStep, type ContainerCtx, type ContainerMemory } from '../../../src/sim/stages.js';
import type { ContainerFaults } from '../../../src/sim/faults.js';
import { delaysFor, type TimingProfile } from '../../../src/sim/timing.js';

const S = 1000;
const M = 60 * S;

describe('crash-loop back-off (flowcontrol.Backoff, 10s doubling to 5m)', () => {
  // A container that crashes 1s after each restart: the delay before each restart, in order.
  it('restarts at once first, then waits 10s, 20s, 40s, … capped at 5m', () => {
    let entry: BackOffEntry | undefined;
    let t = 0;
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const exited = t + S;
      const d = restartDelay(entry, exited);
      delays.push(d);
      t = exited + d;
      entry = nextBackOff(entry, exited, t);
    }
    expect(delays.map((d) => d / S)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
  });

  it.each([
    // [entry, exited at, expected delay]
    ['no entry yet', undefined, 5 * M, 0],
    ['in back-off', { backOff: 40 * S, lastUpdate: 0 }, 5 * S, 40 * S],
    ['exactly 10 minutes after the last restart', { backOff: 300 * S, lastUpdate: 0 }, 10 * M, 300 * S],
    ['more than 10 minutes of running fine resets', { backOff: 300 * S, lastUpdate: 0 }, 10 * M + 1, 0],
  ] as const)('restartDelay: %s', (_name, entry, exited, want) => {
    expect(restartDelay(entry, exited)).toBe(want);
  });

  it.each([
    ['first restart', undefined, 0, { backOff: 10 * S, lastUpdate: 7 }],
    ['doubles', { backOff: 10 * S, lastUpdate: 0 }, 5 * S, { backOff: 20 * S, lastUpdate: 7 }],
    ['caps at 5m', { backOff: 160 * S, lastUpdate: 0 }, 5 * S, { backOff: 300 * S, lastUpdate: 7 }],
    ['stays at 5m', { backOff: 300 * S, lastUpdate: 0 }, 5 * S, { backOff: 300 * S, lastUpdate: 7 }],
    ['starts over after 10 minutes', { backOff: 300 * S, lastUpdate: 0 }, 11 * M, { backOff: 10 * S, lastUpdate: 7 }],
  ] as const)('nextBackOff: %s', (_name, entry, exited, want) => {
    expect(nextBackOff(entry, exited, 7)).toEqual(want);
  });
});

describe('probe grid and failure output', () => {
  it.each([
    [0, 10, 0, 0],
    [0, 10, 1, 10],
    [0, 10, 10, 10],
    [5, 10, 31, 35],
    [5, 0, 31, 31],
  ])('base %d period %d since %d → %d', (base, period, since, want) => {
    expect(tickAtOrAfter(base, period, since)).toBe(want);
  });

  it('words each handler as the kubelet prober reports it', () => {
    const spec = { ports: [{ name: 'http', containerPort: 8080 }] };
    expect(probeFailureOutput({ httpGet: { path: '/', port: 80 } }, spec, '10.244.1.2')).toBe('HTTP probe failed with statuscode: 500');
    expect(probeFailureOutput({ tcpSocket: { port: 'http' } }, spec, '10.244.1.2')).toBe('dial tcp 10.244.1.2:8080: connect: connection refused');
    expect(probeFailureOutput({ grpc: { port: 9000 } }, spec, '10.244.1.2')).toBe('service unhealthy (responded with "NOT_SERVING")');
    expect(probeFailureOutput({ exec: { command: ['true'] } }, spec, '10.244.1.2')).toBe('');
  });
});

const NOW = Date.parse('2026-01-01T00:10:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString().replace('.000Z', 'Z');
const liveness = { httpGet: { path: '/healthz', port: 80 }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3, successThreshold: 1 };
const readiness = { tcpSocket: { port: 80 }, initialDelaySeconds: 0, periodSeconds: 5, failureThreshold: 2, successThreshold: 2 };

interface Row {
  name: string;
  profile?: TimingProfile;
  restartPolicy?: string;
  probes?: Record<string, unknown>;
  status: Record<string, unknown>;
  memory?: ContainerMemory;
  faults?: ContainerFaults;
  stage: string | undefined;
  due?: number;
  /** Checks on the effect, when due. */
  effect?: { state?: unknown; update?: unknown; events?: string[] };
}

function ctx(r: Row): ContainerCtx {
  return {
    now: NOW,
    eligibleAt: NOW,
    delays: delaysFor(r.profile ?? 'realistic'),
    pod: { metadata: { name: 'p', namespace: 'default', uid: 'u-1' }, spec: { restartPolicy: r.restartPolicy ?? 'Always' }, status: { podIP: '10.244.1.2' } },
    spec: { name: 'c', image: 'nginx:1.25', ...r.probes },
    init: false,
    status: r.status,
    memory: r.memory ?? {},
    imagePresent: true,
    ...(r.faults ? { faults: r.faults } : {}),
  };
}

const running = (startedAgo: number, extra: Record<string, unknown> = {}) => ({ state: { running: { startedAt: at(-startedAgo) } }, started: true, ready: true, ...extra });
const exited = (ago: number, exitCode = 1) => ({ state: { terminated: { exitCode, reason: 'Error', startedAt: at(-ago - S), finishedAt: at(-ago) } }, restartCount: 1 });
const backingOff = (ago: number) => ({ state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: exited(ago).state, restartCount: 1 });

const rows: Row[] = [
  { name: 'a crash fault kills a running container at once', status: running(60 * S), faults: { crash: { exitCode: 3, since: NOW } }, stage: 'crash', due: 0, effect: { state: { terminated: { exitCode: 3, reason: 'Error' } }, events: [] } },
  { name: 'a restarted crashing container runs containerStart first', status: running(0), faults: { crash: { exitCode: 1, since: NOW - M } }, stage: 'crash', due: S },
  { name: 'with exit code 0 the reason is Completed', profile: 'instant', status: running(0), faults: { crash: { exitCode: 0, since: NOW - M } }, stage: 'crash', due: 0, effect: { state: { terminated: { exitCode: 0, reason: 'Completed' } } } },
  { name: 'a first exit restarts at once', status: exited(0), stage: 'restart', due: 0, effect: { state: { running: {} }, events: ['Pulled', 'Created', 'Started'] } },
  {
    name: 'a later exit waits in CrashLoopBackOff',
    status: exited(0),
    memory: { backOff: 20 * S, backOffAt: NOW - 5 * S },
    stage: 'crash-loop-back-off',
    due: 0,
    effect: { state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 20s restarting failed container=c pod=p_default(u-1)' } }, events: ['BackOff'] },
  },
  { name: 'the back-off ends with a restart', status: backingOff(5 * S), memory: { backOff: 20 * S, backOffAt: NOW - 6 * S }, stage: 'restart', due: 15 * S },
  { name: 'instant timing keeps the 10s base', profile: 'instant', status: backingOff(0), memory: { backOff: 10 * S, backOffAt: NOW - S }, stage: 'restart', due: 10 * S },
  { name: 'an exit after 10 minutes running restarts at once', status: exited(0), memory: { backOff: 300 * S, backOffAt: NOW - 11 * M }, stage: 'restart', due: 0 },
  { name: 'restartPolicy Never does not restart', restartPolicy: 'Never', status: exited(0), stage: undefined },
  { name: 'restartPolicy OnFailure restarts a failure', restartPolicy: 'OnFailure', status: exited(0), stage: 'restart', due: 0 },
  { name: 'restartPolicy OnFailure leaves a success', restartPolicy: 'OnFailure', status: exited(0, 0), stage: undefined },
  { name: 'a passing liveness probe does nothing', probes: { livenessProbe: liveness }, status: running(60 * S), stage: undefined },
  {
    name: 'a failing liveness probe first fails on its grid',
    probes: { livenessProbe: liveness },
    status: running(60 * S),
    faults: { probes: { liveness: NOW - 2 * S } },
    stage: 'probe',
    due: 5 * S,
  },
  {
    name: 'the failureThreshold-th failure kills with 137',
    probes: { livenessProbe: liveness },
    status: running(60 * S),
    faults: { probes: { liveness: NOW - 30 * S } },
    memory: { probes: { liveness: { faultSince: NOW - 30 * S, failures: 2, at: NOW - 10 * S } } },
    stage: 'probe',
    due: 0,
    effect: { state: { terminated: { exitCode: 137, reason: 'Error' } }, events: ['Unhealthy', 'Killing'] },
  },
  {
    name: 'readiness needs successThreshold passes',
    probes: { readinessProbe: readiness },
    status: running(0, { ready: false }),
    stage: 'probe',
    due: 5 * S,
    effect: undefined,
  },
  { name: 'readiness in instant timing passes at once', profile: 'instant', probes: { readinessProbe: readiness }, status: running(0, { ready: false }), stage: 'probe', due: 0, effect: { update: { ready: true }, events: [] } },
  {
    name: 'failureThreshold readiness failures make it unready',
    probes: { readinessProbe: readiness },
    status: running(60 * S),
    faults: { probes: { readiness: NOW - 5 * S } },
    memory: { probes: { readiness: { faultSince: NOW - 5 * S, failures: 1, at: NOW - 5 * S } } },
    stage: 'probe',
    due: 0,
    effect: { update: { ready: false }, events: ['Unhealthy'] },
  },
  {
    name: 'a readiness probe that keeps failing keeps its period in instant timing',
    profile: 'instant',
    probes: { readinessProbe: readiness },
    status: running(60 * S, { ready: false }),
    faults: { probes: { readiness: NOW - 5 * S } },
    memory: { probes: { readiness: { faultSince: NOW - 5 * S, failures: 2, at: NOW } } },
    stage: 'probe',
    due: 5 * S,
  },
  {
    name: 'a startup probe holds back liveness until it passes',
    probes: { livenessProbe: liveness, startupProbe: { exec: { command: ['true'] }, initialDelaySeconds: 10, periodSeconds: 5, failureThreshold: 3 } },
    status: running(0, { started: false, ready: false }),
    faults: { probes: { liveness: NOW } },
    stage: 'probe',
    due: 10 * S,
  },
];

describe('running containers, restarts and probes (first match wins)', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, r) => {
    const step = firstStep(CONTAINER_STAGES, ctx(r));
    expect(step?.stage.name).toBe(r.stage);
    if (!step) return;
    expect(step.due - NOW).toBe(r.due);
    if (r.effect && step.effect) {
      if (r.effect.state) expect(step.effect.state).toEqual(r.effect.state);
      if (r.effect.update) expect(step.effect.update).toEqual(r.effect.update);
      if (r.effect.events) expect(step.effect.events.map((e) => e.reason)).toEqual(r.effect.events);
    }
  });

  it('words the kill and the back-off as the kubelet does', () => {
    const kill = firstStep(CONTAINER_STAGES, ctx(rows.find((r) => r.name.startsWith('the failureThreshold-th'))!))!.effect!;
    expect(kill.events.map((e) => `${e.type} ${e.reason} ${e.message}`)).toEqual([
      'Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500',
      'Normal Killing Container c failed liveness probe, will be restarted',
    ]);
    const never = firstStep(CONTAINER_STAGES, ctx({ ...rows.find((r) => r.name.startsWith('the failureThreshold-th'))!, restartPolicy: 'Never' }))!.effect!;
    expect(never.events[1]!.message).toBe('Container c failed liveness probe');
    const backOff = firstStep(CONTAINER_STAGES, ctx(rows.find((r) => r.name.startsWith('a later exit'))!))!.effect!;
    expect(backOff.events[0]).toEqual({ type: 'Warning', reason: 'BackOff', message: 'Back-off restarting failed container c in pod p_default(u-1)' });
  });
});
