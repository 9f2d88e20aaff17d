// Timing profiles: how long simulated things take. `instant` (the default) makes every delay zero, so
// each command converges before it returns; `realistic` makes image pulls, start-up, readiness and
// grace periods take simulated time that passes with the wall clock (or `cluster advance`).

export type TimingProfile = 'instant' | 'realistic';

export interface Delays {
  /** Scheduler binding a pod after it is created. */
  schedule: number;
  /** Pulling an image not yet on the node. */
  imagePull: number;
  /** Creating and starting a container once its image is present. */
  containerStart: number;
  /** Back-off between image pull retries. */
  imagePullBackOff: number;
  /** A node missing heartbeats this long is marked NotReady/Unknown by the node lifecycle controller. */
  nodeMonitorGrace: number;
  /** Multiplies probe initialDelaySeconds and periodSeconds on the way to a state (a container becoming
   * started or ready, failing probes up to failureThreshold): 1, or 0 in `instant` timing. A probe that
   * keeps failing after that keeps its period in either profile (a retry loop, like the back-offs). */
  probeScale: number;
}

const INSTANT: Delays = { schedule: 0, imagePull: 0, containerStart: 0, imagePullBackOff: 0, nodeMonitorGrace: 0, probeScale: 0 };

const REALISTIC: Delays = {
  schedule: 100,
  imagePull: 4_000,
  containerStart: 1_000,
  imagePullBackOff: 10_000,
  nodeMonitorGrace: 40_000,
  probeScale: 1,
};

export function delaysFor(profile: TimingProfile): Delays {
  return profile === 'realistic' ? REALISTIC : INSTANT;
}
