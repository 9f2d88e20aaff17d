// Probes and the crash-loop back-off, as pure functions the container stages (stages.ts) use.
//
// Probe rules (documented in the README): a probe succeeds unless `cluster fault probe-fail` makes it
// fail. A running container's startup probe, then its liveness and readiness probes, run on a grid:
// the first probe initialDelaySeconds after the container started (or, for liveness and readiness,
// after the startup probe succeeded), then every periodSeconds. In `instant` timing the delay and
// period are zero on the way to a state (started, ready, killed), so those happen at once.
//   - startup: the container is `started` at its first successful probe; failureThreshold failures
//     kill it ("failed startup probe").
//   - liveness: failureThreshold consecutive failures kill it (exit code 137, reason Error).
//   - readiness: the container is `ready` after successThreshold successes; failureThreshold
//     consecutive failures make it unready. A readiness probe that keeps failing keeps reporting
//     (one Unhealthy event per period, in either timing profile).
//
// Back-off (the kubelet's flowcontrol.Backoff, 10 s doubling to 5 min, keyed per container): a
// container that exits is restarted at once the first time; after that, each exit waits out the
// current back-off (status CrashLoopBackOff) and the back-off doubles at each restart. An exit more
// than 10 minutes (twice the cap) after the last restart starts over at once with 10 s.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ProbeKind } from './faults.js';

type Json = Record<string, any>;

export const BACKOFF_BASE = 10_000;
export const BACKOFF_MAX = 300_000;

/** The back-off entry the kubelet keeps for a container. */
export interface BackOffEntry {
  /** The current back-off (ms). */
  backOff: number;
  /** When it was last stepped: the last restart (ms). */
  lastUpdate: number;
}

/** hasExpired: an entry not stepped for twice the cap starts over. */
const expired = (entry: BackOffEntry, exitedAt: number): boolean => exitedAt - entry.lastUpdate > 2 * BACKOFF_MAX;

/** How long a container that exited at `exitedAt` waits before its restart (0: restart at once). */
export function restartDelay(entry: BackOffEntry | undefined, exitedAt: number): number {
  if (!entry || expired(entry, exitedAt)) return 0;
  return entry.backOff;
}

/** The entry after a restart at `now` of a container that exited at `exitedAt` (Backoff.Next). */
export function nextBackOff(entry: BackOffEntry | undefined, exitedAt: number, now: number): BackOffEntry {
  if (!entry || expired(entry, exitedAt)) return { backOff: BACKOFF_BASE, lastUpdate: now };
  return { backOff: Math.min(entry.backOff * 2, BACKOFF_MAX), lastUpdate: now };
}

/** A probe's timing in ms, scaled for the timing profile (see the header). */
export interface ProbeTiming {
  delay: number;
  period: number;
  /** The unscaled period, for a probe that keeps failing. */
  realPeriod: number;
  success: number;
  failure: number;
}

export const PROBE_FIELDS: Record<ProbeKind, string> = {
  liveness: 'livenessProbe',
  readiness: 'readinessProbe',
  startup: 'startupProbe',
};

export function probeOf(spec: Json, kind: ProbeKind): Json | undefined {
  const p = spec[PROBE_FIELDS[kind]];
  return p && typeof p === 'object' ? p : undefined;
}

export function probeTiming(probe: Json, scale: number): ProbeTiming {
  const realPeriod = (probe.periodSeconds ?? 10) * 1000;
  return {
    delay: (probe.initialDelaySeconds ?? 0) * 1000 * scale,
    period: realPeriod * scale,
    realPeriod,
    success: Math.max(1, probe.successThreshold ?? 1),
    failure: Math.max(1, probe.failureThreshold ?? 3),
  };
}

/** The first probe at or after `since` on the grid base, base+period, … */
export function tickAtOrAfter(base: number, period: number, since: number): number {
  if (since <= base) return base;
  if (period <= 0) return since;
  return base + Math.ceil((since - base) / period) * period;
}

export const probeTitle = (kind: ProbeKind): string => kind[0]!.toUpperCase() + kind.slice(1);

/** The port number a probe's (possibly named) port means for this container. */
function portNumber(spec: Json, port: unknown): string {
  if (typeof port === 'number') return String(port);
  const named = (spec.ports ?? []).find((p: Json) => p?.name === port);
  return named ? String(named.containerPort) : String(port ?? '');
}

/** What the kubelet's prober reports for a failing probe (the text after "Liveness probe failed: "). */
export function probeFailureOutput(probe: Json, spec: Json, podIP: string): string {
  if (probe.httpGet) return 'HTTP probe failed with statuscode: 500';
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || podIP;
    return `dial tcp ${host}:${portNumber(spec, probe.tcpSocket.port)}: connect: connection refused`;
  }
  if (probe.grpc) return 'service unhealthy (responded with "NOT_SERVING")';
  // An exec probe reports the command's output; the simulated command prints nothing.
  return '';
}
