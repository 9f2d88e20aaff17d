// The simulated pod lifecycle as data (KWOK-style stages): each row is `match → after delay → effect`,
// rows are tried in order and the first match wins; its delay counts from a time the row names
// (a status timestamp or the runtime's memory) on the injected clock, and is zero in `instant` timing.
// The kubelet controller (src/controllers/kubelet) finds the row, waits for it, and carries out the
// effect. Adding a behaviour (a failing probe, a crash loop) means adding a row here.
//
// Completion rule (documented in the README): a container runs until the pod is deleted, unless the
// pod's restartPolicy is Never or OnFailure and the container has a `command` or `args` — then it exits
// 0 (`Completed`) one containerStart delay after it started. Init containers always complete so, except
// restartable (sidecar) init containers, which keep running. Two pod annotations change how such a
// (regular) container ends: `kube-lite.dev/run-duration: 30s` (a Go duration) makes it run that long
// instead, in either timing profile; `kube-lite.dev/exit-code: "1"` makes it exit with that code
// (reason `Error`; with restartPolicy Never the pod then fails).
//
// Restart rule: a regular container that exited is started again as the pod's restartPolicy says
// (Always: any exit; OnFailure: a non-zero one; Never: not), at once the first time and then after
// the kubelet's crash-loop back-off (CrashLoopBackOff; src/sim/probes.ts has the arithmetic). Faults
// (`cluster fault`, src/sim/faults.ts) make a container crash, a probe fail, or an image unpullable.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ContainerFaults, ProbeKind } from './faults.js';
import { imageSize, pullError } from './images.js';
import {
  nextBackOff,
  probeFailureOutput,
  probeOf,
  probeTiming,
  probeTitle,
  restartDelay,
  tickAtOrAfter,
  type BackOffEntry,
  type ProbeTiming,
} from './probes.js';
import type { Delays, TimingProfile } from './timing.js';

type Json = Record<string, any>;

/** What the node's container runtime remembers about a container between passes (not API state). */
export interface ContainerMemory {
  /** A pull in progress, started at this time (ms). */
  pullingSince?: number;
  /** Failed pulls so far, and when the last one failed (ms). */
  failures?: number;
  failedAt?: number;
  /** The crash-loop back-off entry (see probes.ts): the current back-off and the last restart (ms). */
  backOff?: number;
  backOffAt?: number;
  /** When the running instance's startup probe succeeded (ms). */
  startedAt?: number;
  /** Consecutive probe failures of the running instance, per probe. */
  probes?: Partial<Record<ProbeKind, ProbeMemory>>;
}

export interface ProbeMemory {
  /** The fault the failures are counted for (its `since`), or absent for a probe's passes. */
  faultSince?: number;
  failures: number;
  /** The last probe (ms). */
  at: number;
}

export interface StageEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

/** One container as the stages see it. Everything here is read-only. */
export interface ContainerCtx {
  now: number;
  /** When the kubelet could first act on this container (sandbox ready, or the one before it settled). */
  eligibleAt: number;
  delays: Delays;
  pod: Json;
  spec: Json;
  init: boolean;
  status: Json;
  memory: ContainerMemory;
  /** The node already holds the container's image. */
  imagePresent: boolean;
  /** Why the container cannot be created now (a missing ConfigMap, Secret or key in its env). */
  configError?: string;
  /** Faults injected with `cluster fault` (src/sim/faults.ts). */
  faults?: ContainerFaults;
}

/** A container's next state; the kubelet fills in times, IDs and the rest of the status entry. */
export type NextState =
  | { waiting: { reason: string; message?: string } }
  | { running: Record<string, never> }
  | { terminated: { exitCode: number; reason: string } };

export interface ContainerEffect {
  state?: NextState;
  events: StageEvent[];
  /** Replaces the container's runtime memory. */
  memory: ContainerMemory;
  /** The image is now on the node (node.status.images). */
  pulledImage?: boolean;
  /** `state: running` is a new instance of a container that ran before (restartCount + 1). */
  restart?: boolean;
  /** An HTTP probe's request the container answered with an error (it shows in the container's log). */
  probeRequest?: { path: string; status: number };
  /** The running container's status changes in place (probe results). */
  update?: { ready?: boolean; started?: boolean };
}

export interface Stage<C, E> {
  name: string;
  match: (c: C) => boolean;
  /** When the delay starts counting (ms). */
  since: (c: C) => number;
  delay: (c: C) => number;
  effect: (c: C) => E;
}

const MAX_BACKOFF = 300_000;

/** Image pull back-off: the kubelet's flowcontrol.Backoff (10 s doubling to 300 s). It is a retry
 * loop, not a progression, so `instant` timing keeps its base: a zero back-off would never settle. */
export function pullBackOff(delays: Delays, failures: number): number {
  const base = delays.imagePullBackOff || 10_000;
  return Math.min(base * 2 ** Math.max(0, failures - 1), MAX_BACKOFF);
}

/** Go's time.Duration.String for whole milliseconds: 0s, 850ms, 4s, 4.2s, 1m30s. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${s.toFixed(3).replace(/\.?0+$/, '')}s`;
  if (h > 0) return `${h}h${m}m${sec}`;
  if (m > 0) return `${m}m${sec}`;
  return sec;
}

const time = (t: unknown): number => (typeof t === 'string' ? Date.parse(t) : NaN);
const waitingReason = (c: ContainerCtx): string | undefined => c.status?.state?.waiting?.reason;
/** Not yet tried: the kubelet's default waiting state, and no pull under way. */
const fresh = (c: ContainerCtx): boolean =>
  (waitingReason(c) === 'ContainerCreating' || waitingReason(c) === 'PodInitializing') && c.memory.pullingSince === undefined;
const pulling = (c: ContainerCtx): boolean => c.memory.pullingSince !== undefined;
const policy = (c: ContainerCtx): string => c.spec.imagePullPolicy ?? 'IfNotPresent';
const needsPull = (c: ContainerCtx): boolean => policy(c) === 'Always' || (policy(c) !== 'Never' && !c.imagePresent);
const image = (c: ContainerCtx): string => String(c.spec.image ?? '');
const pullErr = (c: ContainerCtx): string | undefined => pullError(image(c), c.faults?.unpullable === true);

export const RUN_DURATION_ANNOTATION = 'kube-lite.dev/run-duration';
export const EXIT_CODE_ANNOTATION = 'kube-lite.dev/exit-code';

const GO_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The pod's run-duration annotation in ms (a Go duration such as 30s, 1m30s, 1.5s); undefined if absent or invalid. */
export function runDuration(pod: Json): number | undefined {
  const v = pod.metadata?.annotations?.[RUN_DURATION_ANNOTATION];
  if (typeof v !== 'string' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(v)) return undefined;
  let ms = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) ms += Number(m[1]) * GO_UNITS[m[2]!]!;
  return Math.round(ms);
}

/** The pod's exit-code annotation (0 when absent or not an integer in 0..255). */
export function exitCodeOf(pod: Json): number {
  const v = pod.metadata?.annotations?.[EXIT_CODE_ANNOTATION];
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : 0;
  return n <= 255 ? n : 0;
}

/** The completion rule (see the header). */
export function runsToCompletion(pod: Json, spec: Json, init: boolean): boolean {
  if (init) return spec.restartPolicy !== 'Always';
  const restartPolicy = pod.spec?.restartPolicy ?? 'Always';
  return restartPolicy !== 'Always' && (Array.isArray(spec.command) || Array.isArray(spec.args));
}

const created = (c: ContainerCtx): StageEvent[] => [
  { type: 'Normal', reason: 'Created', message: `Created container: ${c.spec.name}` },
  { type: 'Normal', reason: 'Started', message: `Started container ${c.spec.name}` },
];

/** The kubelet's CreateContainerConfigError: it has the image, but not what the environment needs. */
const configFailed = (c: ContainerCtx, pulled: StageEvent): ContainerEffect => ({
  state: { waiting: { reason: 'CreateContainerConfigError', message: c.configError! } },
  events: [pulled, { type: 'Warning', reason: 'Failed', message: `Error: ${c.configError}` }],
  memory: { failedAt: c.now },
});

const alreadyPresent = (c: ContainerCtx): StageEvent =>
  // KubeletEnsureSecretPulledImages (beta, on since 1.35) words it so for images pulled without credentials.
  ({ type: 'Normal', reason: 'Pulled', message: `Container image "${image(c)}" already present on machine and can be accessed by the pod` });

/** The kubelet retries a container it could not create on its next pod syncs (kube-lite: every 10 s). */
export const CONFIG_RETRY_MS = 10_000;

const startPull = (c: ContainerCtx): ContainerEffect => ({
  events: [{ type: 'Normal', reason: 'Pulling', message: `Pulling image "${image(c)}"` }],
  memory: { ...c.memory, pullingSince: c.now },
});

/** Container stages, per container, first match wins. */
export const CONTAINER_STAGES: readonly Stage<ContainerCtx, ContainerEffect>[] = [
  {
    name: 'image-never-pull',
    match: (c) => fresh(c) && policy(c) === 'Never' && !c.imagePresent,
    since: (c) => c.eligibleAt,
    delay: () => 0,
    effect: (c) => {
      const message = `Container image "${image(c)}" is not present with pull policy of Never`;
      return {
        state: { waiting: { reason: 'ErrImageNeverPull', message } },
        events: [
          { type: 'Warning', reason: 'ErrImageNeverPull', message },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImageNeverPull' },
        ],
        memory: { failedAt: c.now },
      };
    },
  },
  {
    name: 'image-present',
    match: (c) => fresh(c) && !needsPull(c),
    since: (c) => c.eligibleAt,
    delay: () => 0,
    effect: (c) =>
      c.configError !== undefined ? configFailed(c, alreadyPresent(c)) : { state: { running: {} }, events: [alreadyPresent(c), ...created(c)], memory: {} },
  },
  { name: 'pull', match: fresh, since: (c) => c.eligibleAt, delay: () => 0, effect: startPull },
  {
    name: 'pull-failed',
    match: (c) => pulling(c) && pullErr(c) !== undefined,
    since: (c) => c.memory.pullingSince!,
    delay: (c) => c.delays.imagePull,
    effect: (c) => {
      const err = pullErr(c)!;
      return {
        state: { waiting: { reason: 'ErrImagePull', message: err } },
        events: [
          { type: 'Warning', reason: 'Failed', message: `Failed to pull image "${image(c)}": ${err}` },
          { type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull' },
        ],
        memory: { failures: (c.memory.failures ?? 0) + 1, failedAt: c.now },
      };
    },
  },
  {
    name: 'pulled',
    match: pulling,
    since: (c) => c.memory.pullingSince!,
    delay: (c) => c.delays.imagePull,
    effect: (c) => {
      const d = goDuration(c.delays.imagePull);
      const message = `Successfully pulled image "${image(c)}" in ${d} (${d} including waiting). Image size: ${imageSize(image(c))} bytes.`;
      if (c.configError !== undefined) return { ...configFailed(c, { type: 'Normal', reason: 'Pulled', message }), pulledImage: true };
      return { state: { running: {} }, events: [{ type: 'Normal', reason: 'Pulled', message }, ...created(c)], memory: {}, pulledImage: true };
    },
  },
  {
    // The kubelet's next sync of the pod finds the image in back-off.
    name: 'image-pull-back-off',
    match: (c) => waitingReason(c) === 'ErrImagePull',
    since: (c) => c.memory.failedAt ?? c.now,
    delay: (c) => c.delays.containerStart,
    effect: (c) => ({
      state: {
        waiting: {
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image(c)}": ErrImagePull: ${pullErr(c) ?? ''}`,
        },
      },
      events: [
        { type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image(c)}"` },
        { type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff' },
      ],
      memory: c.memory,
    }),
  },
  {
    name: 'pull-retry',
    match: (c) => waitingReason(c) === 'ImagePullBackOff' && !pulling(c),
    // After a long absence only the last few retries are replayed (the back-off restarts 10 minutes back).
    since: (c) => Math.max(c.memory.failedAt ?? c.now, c.now - 2 * MAX_BACKOFF),
    delay: (c) => pullBackOff(c.delays, c.memory.failures ?? 1),
    effect: startPull,
  },
  {
    // Level-triggered: each sync checks again; once the ConfigMap/Secret/key exists the container starts.
    name: 'config-retry',
    match: (c) => waitingReason(c) === 'CreateContainerConfigError',
    since: (c) => (c.configError === undefined ? c.now : Math.max(c.memory.failedAt ?? c.now, c.now - 2 * MAX_BACKOFF)),
    delay: (c) => (c.configError === undefined ? 0 : CONFIG_RETRY_MS),
    effect: (c) =>
      c.configError !== undefined ? configFailed(c, alreadyPresent(c)) : { state: { running: {} }, events: [alreadyPresent(c), ...created(c)], memory: {} },
  },
  // A running container: the first of its crash (fault), completion and probe results.
  runningRow('crash', 'crash', (c) => {
    const exitCode = c.faults!.crash!.exitCode;
    return { state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' } }, events: [], memory: backOffOnly(c.memory) };
  }),
  runningRow('complete', 'complete', (c) => {
    const exitCode = c.init ? 0 : exitCodeOf(c.pod);
    return { state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error' } }, events: [], memory: backOffOnly(c.memory) };
  }),
  runningRow('probe', 'probe', probeResult),
  {
    // The kubelet's next sync finds the exited container in back-off.
    name: 'crash-loop-back-off',
    match: (c) => c.status?.state?.terminated !== undefined && restarts(c) && restartDelay(backOffEntry(c), exitedAt(c)) > 0,
    since: (c) => exitedAt(c),
    delay: () => 0,
    effect: (c) => {
      const pod = `${c.pod.metadata?.name}_${c.pod.metadata?.namespace}(${c.pod.metadata?.uid})`;
      const d = goDuration(restartDelay(backOffEntry(c), exitedAt(c)));
      return {
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${d} restarting failed container=${c.spec.name} pod=${pod}` } },
        events: [{ type: 'Warning', reason: 'BackOff', message: `Back-off restarting failed container ${c.spec.name} in pod ${pod}` }],
        memory: c.memory,
      };
    },
  },
  {
    // A new instance: at once after a first exit, else when the back-off is over.
    name: 'restart',
    match: (c) => (c.status?.state?.terminated !== undefined && restarts(c)) || waitingReason(c) === 'CrashLoopBackOff',
    // After a long absence only the last few restarts are replayed (the loop restarts 10 minutes back).
    since: (c) => Math.max(exitedAt(c), c.now - 2 * MAX_BACKOFF),
    delay: (c) => restartDelay(backOffEntry(c), exitedAt(c)),
    effect: (c) => {
      const next = nextBackOff(backOffEntry(c), exitedAt(c), c.now);
      return { state: { running: {} }, restart: true, events: [alreadyPresent(c), ...created(c)], memory: { backOff: next.backOff, backOffAt: next.lastUpdate } };
    },
  },
];

// ---- running containers: crash, completion, probes -------------------------------------------------

type RunningEvent = { kind: 'crash' | 'complete'; at: number } | { kind: 'probe'; probe: ProbeKind; pass: boolean; at: number };

const runningSince = (c: ContainerCtx): number => time(c.status?.state?.running?.startedAt);
/** When the startup probe passed (or the container started, without one). */
const startedTime = (c: ContainerCtx): number => c.memory.startedAt ?? runningSince(c);

function backOffOnly(m: ContainerMemory): ContainerMemory {
  return m.backOff !== undefined ? { backOff: m.backOff, backOffAt: m.backOffAt! } : {};
}

/** When a failing probe next runs. */
function failTick(c: ContainerCtx, kind: ProbeKind, base: number, t: ProbeTiming, since: number): number {
  const m = c.memory.probes?.[kind];
  if (!m || m.faultSince !== since) return tickAtOrAfter(base, t.period, since);
  if (m.failures < t.failure) return m.at + t.period;
  // It keeps failing, once a period; after a long absence only the last few probes are replayed.
  return Math.max(m.at + t.realPeriod, c.now - 3 * t.realPeriod);
}

function probeEvents(c: ContainerCtx): RunningEvent[] {
  if (c.init) return [];
  const out: RunningEvent[] = [];
  const faults = c.faults?.probes ?? {};
  const scale = c.delays.probeScale;
  const startup = probeOf(c.spec, 'startup');
  if (startup && c.status.started !== true) {
    const t = probeTiming(startup, scale);
    const base = runningSince(c) + t.delay;
    const m = c.memory.probes?.startup;
    if (faults.startup !== undefined) out.push({ kind: 'probe', probe: 'startup', pass: false, at: failTick(c, 'startup', base, t, faults.startup) });
    else out.push({ kind: 'probe', probe: 'startup', pass: true, at: m ? m.at + t.period : base });
    // Liveness and readiness probes wait for the startup probe.
    return out;
  }
  const liveness = probeOf(c.spec, 'liveness');
  if (liveness && faults.liveness !== undefined) {
    const t = probeTiming(liveness, scale);
    out.push({ kind: 'probe', probe: 'liveness', pass: false, at: failTick(c, 'liveness', startedTime(c) + t.delay, t, faults.liveness) });
  }
  const readiness = probeOf(c.spec, 'readiness');
  if (readiness) {
    const t = probeTiming(readiness, scale);
    const base = startedTime(c) + t.delay;
    const m = c.memory.probes?.readiness;
    if (faults.readiness !== undefined) out.push({ kind: 'probe', probe: 'readiness', pass: false, at: failTick(c, 'readiness', base, t, faults.readiness) });
    else if (c.status.ready !== true) {
      // successThreshold passes in a row, the first one probe after the last failure.
      const first = m ? m.at + t.period : base;
      out.push({ kind: 'probe', probe: 'readiness', pass: true, at: first + (t.success - 1) * t.period });
    }
  }
  return out;
}

function crashAt(c: ContainerCtx): number | undefined {
  const f = c.faults?.crash;
  if (!f || c.init) return undefined;
  // A fault set on a running container crashes it at once; a restarted one runs a moment first.
  return f.since > runningSince(c) ? f.since : runningSince(c) + c.delays.containerStart;
}

/** The running container's next transition: the earliest of them (on a tie, in this order). */
function nextRunningEvent(c: ContainerCtx): RunningEvent | undefined {
  if (c.status?.state?.running === undefined) return undefined;
  const candidates: RunningEvent[] = [];
  const crash = crashAt(c);
  if (crash !== undefined) candidates.push({ kind: 'crash', at: crash });
  if (runsToCompletion(c.pod, c.spec, c.init)) {
    candidates.push({ kind: 'complete', at: runningSince(c) + ((c.init ? undefined : runDuration(c.pod)) ?? c.delays.containerStart) });
  }
  candidates.push(...probeEvents(c));
  let best: RunningEvent | undefined;
  for (const e of candidates) if (!best || e.at < best.at) best = e;
  return best;
}

function runningRow(name: string, kind: RunningEvent['kind'], effect: (c: ContainerCtx) => ContainerEffect): Stage<ContainerCtx, ContainerEffect> {
  return {
    name,
    match: (c) => nextRunningEvent(c)?.kind === kind,
    since: (c) => nextRunningEvent(c)!.at,
    delay: () => 0,
    effect,
  };
}

const restartPolicy = (c: ContainerCtx): string => c.pod.spec?.restartPolicy ?? 'Always';
/** The pod's restartPolicy restarts a regular container that exited with this code. */
const restartsOn = (c: ContainerCtx, exitCode: number): boolean =>
  !c.init && (restartPolicy(c) === 'Always' || (restartPolicy(c) === 'OnFailure' && exitCode !== 0));
const restarts = (c: ContainerCtx): boolean => restartsOn(c, c.status?.state?.terminated?.exitCode ?? 0);
/** When the last instance exited (ms). */
const exitedAt = (c: ContainerCtx): number => time((c.status?.state?.terminated ?? c.status?.lastState?.terminated)?.finishedAt);
const backOffEntry = (c: ContainerCtx): BackOffEntry | undefined =>
  c.memory.backOff !== undefined ? { backOff: c.memory.backOff, lastUpdate: c.memory.backOffAt ?? 0 } : undefined;

/** A probe ran (the kubelet's prober worker): its result, and what follows from it. */
function probeResult(c: ContainerCtx): ContainerEffect {
  const ev = nextRunningEvent(c) as Extract<RunningEvent, { kind: 'probe' }>;
  const kind = ev.probe;
  const probes = { ...c.memory.probes };
  if (ev.pass) {
    delete probes[kind];
    const memory = { ...c.memory, probes, ...(kind === 'startup' ? { startedAt: c.now } : {}) };
    if (kind === 'startup') return { update: { started: true, ...(probeOf(c.spec, 'readiness') ? {} : { ready: true }) }, events: [], memory };
    return { update: { ready: true }, events: [], memory };
  }
  const since = c.faults!.probes![kind]!;
  const t = probeTiming(probeOf(c.spec, kind)!, c.delays.probeScale);
  const prev = c.memory.probes?.[kind];
  const failures = (prev && prev.faultSince === since ? prev.failures : 0) + 1;
  probes[kind] = { faultSince: since, failures, at: c.now };
  const httpGet = probeOf(c.spec, kind)!.httpGet;
  const logged = httpGet ? { probeRequest: { path: String(httpGet.path ?? '/'), status: 500 } } : {};
  const events: StageEvent[] = [
    { type: 'Warning', reason: 'Unhealthy', message: `${probeTitle(kind)} probe failed: ${probeFailureOutput(probeOf(c.spec, kind)!, c.spec, c.pod.status?.podIP ?? '')}` },
  ];
  if (kind === 'readiness') {
    const memory = { ...c.memory, probes };
    return failures >= t.failure && c.status.ready === true ? { update: { ready: false }, events, memory, ...logged } : { events, memory, ...logged };
  }
  if (failures < t.failure) return { events, memory: { ...c.memory, probes }, ...logged };
  // Killed: SIGTERM, then SIGKILL after the grace period (the simulated process ignores SIGTERM).
  const restart = restartsOn(c, 137) ? ', will be restarted' : '';
  events.push({ type: 'Normal', reason: 'Killing', message: `Container ${c.spec.name} failed ${kind} probe${restart}` });
  return { state: { terminated: { exitCode: 137, reason: 'Error' } }, events, memory: backOffOnly(c.memory), ...logged };
}

/** A pod as the pod-level stages see it. */
export interface PodCtx {
  now: number;
  delays: Delays;
  profile: TimingProfile;
  pod: Json;
  /** The kubelet already sent the Killing events for this deletion. */
  killing: boolean;
  /** A volume that cannot be mounted now (FailedMount), and the failures so far. */
  mountError?: { volume: string; message: string };
  mountFailures?: number;
  mountFailedAt?: number;
}

/** Pod-level effects; the kubelet controller carries each out (see kubelet/index.ts). */
export type PodEffect = 'kill' | 'remove' | 'accept' | 'sandbox' | 'mount-failed';

/** The volume manager's retry back-off (nestedpendingoperations: 500 ms doubling to 2m2s). */
export function mountBackOff(failures: number): number {
  return Math.min(500 * 2 ** Math.max(0, failures - 1), 122_000);
}

const deleting = (c: PodCtx): boolean => c.pod.metadata?.deletionTimestamp !== undefined;
const terminal = (c: PodCtx): boolean => c.pod.status?.phase === 'Succeeded' || c.pod.status?.phase === 'Failed';
const graceMs = (c: PodCtx): number => (c.pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
/** When the pod was bound: the scheduler's PodScheduled transition, else its creation (nodeName given). */
const scheduledAt = (c: PodCtx): number => {
  const scheduled = (c.pod.status?.conditions ?? []).find((x: Json) => x?.type === 'PodScheduled' && x.status === 'True');
  return time(scheduled?.lastTransitionTime ?? c.pod.metadata?.creationTimestamp);
};
const sandboxReady = (c: PodCtx): boolean =>
  (c.pod.status?.conditions ?? []).some((x: Json) => x?.type === 'PodReadyToStartContainers' && x.status === 'True');

/** Pod stages, tried before the container stages; first match wins. */
export const POD_STAGES: readonly Stage<PodCtx, PodEffect>[] = [
  // Graceful deletion: stop the containers at once, remove the pod when the grace period is over
  // (at once in `instant` timing; `kubectl delete` still prints as usual).
  {
    name: 'kill',
    match: (c) => deleting(c) && !c.killing,
    since: (c) => time(c.pod.metadata.deletionTimestamp) - graceMs(c),
    delay: () => 0,
    effect: () => 'kill',
  },
  {
    // (A pod held by finalizers after the kubelet's delete has grace 0 left: nothing more to do.)
    name: 'remove',
    match: (c) => deleting(c) && graceMs(c) > 0,
    since: (c) => time(c.pod.metadata.deletionTimestamp) - graceMs(c),
    delay: (c) => (c.profile === 'instant' ? 0 : graceMs(c)),
    effect: () => 'remove',
  },
  { name: 'accept', match: (c) => !c.pod.status?.startTime && !terminal(c), since: scheduledAt, delay: () => 0, effect: () => 'accept' },
  {
    // Volumes are mounted before the sandbox is made: a missing ConfigMap/Secret keeps the pod
    // ContainerCreating, with a FailedMount event at each retry, until it appears.
    name: 'mount-failed',
    match: (c) => !sandboxReady(c) && !terminal(c) && c.mountError !== undefined,
    since: (c) => Math.max(c.mountFailedAt ?? time(c.pod.status.startTime), c.now - 2 * MAX_BACKOFF),
    delay: (c) => (c.mountFailedAt === undefined ? 0 : mountBackOff(c.mountFailures ?? 1)),
    effect: () => 'mount-failed',
  },
  {
    // Sandbox and network: the pod gets its IP.
    name: 'sandbox',
    match: (c) => !sandboxReady(c) && !terminal(c),
    since: (c) => Math.max(time(c.pod.status.startTime), c.mountFailedAt ?? 0),
    delay: (c) => c.delays.containerStart,
    effect: () => 'sandbox',
  },
];

export interface Step<E> {
  stage: Stage<unknown, E>;
  /** When the stage is due (ms). */
  due: number;
  /** The effect, when due (`due <= now`), computed as of `due`: a stage the clock jumped past still
   * happens at its own time, so a pod catches up on everything missed while no command ran. */
  effect?: E;
}

/** The first matching row, or undefined when no row matches. */
export function firstStep<C extends { now: number }, E>(rows: readonly Stage<C, E>[], c: C): Step<E> | undefined {
  // (a loop, not find() with an arrow: the arrow's capture of `c` cost an allocation per step)
  let row: Stage<C, E> | undefined;
  for (const r of rows) {
    if (!r.match(c)) continue;
    row = r;
    break;
  }
  if (!row) return undefined;
  const since = row.since(c);
  const due = (Number.isNaN(since) ? c.now : since) + row.delay(c);
  return { stage: row as Stage<unknown, E>, due, ...(due <= c.now ? { effect: row.effect({ ...c, now: due }) } : {}) };
}
