// Waiting on a simulated cluster. kubectl watches and sleeps; kube-lite cannot make time pass by
// sleeping, so the waiting verbs (rollout status, wait, drain) reconcile, check, and jump the cluster
// clock straight to the next due transition (api.sim.nextWakeup()), never past their deadline.

import type { ClusterSession } from '../cluster/session.js';

export type WaitOutcome = 'done' | 'timeout';

export interface WaitSpec {
  /** Simulated time budget in ms; undefined waits as long as anything is pending. 0 checks once. */
  timeoutMs?: number;
  /** Called after each reconcile; true ends the wait. May print, or throw to abort. */
  check: () => boolean;
}

// A bound on clock jumps, so a controller that keeps asking to be woken without acting cannot hang us.
const MAX_STEPS = 2_000;

/**
 * Picks the clock steps. A wake-up at or before now means a controller asked to be woken but did not
 * act. API timestamps have second precision, so the clock is first nudged to the next whole second;
 * if the wake-up is still stale after that, it is ignored (undefined: nothing real is pending).
 * Steps never pass `limit`.
 */
class Stepper {
  private stale = 0;
  step(next: number, now: number, limit: number | undefined): number | undefined {
    let step = next - now;
    if (step > 0) this.stale = 0;
    else if (this.stale++ >= 2) return undefined;
    else step = 1000 - (now % 1000);
    return limit === undefined ? step : Math.max(Math.min(step, limit - now), 0);
  }
}

/**
 * Returns 'timeout' when the deadline passes first, and also when nothing is pending at all: the
 * simulated world is then frozen and would not change however long kubectl waited (with a timeout,
 * that time is spent first, so the clock ends where kubectl's would).
 */
export function waitFor(session: ClusterSession, spec: WaitSpec): WaitOutcome {
  const api = session.api;
  const deadline = spec.timeoutMs === undefined ? undefined : api.now() + spec.timeoutMs;
  const stepper = new Stepper();
  for (let i = 0; i < MAX_STEPS; i++) {
    session.reconcile();
    if (spec.check()) return 'done';
    const now = api.now();
    const next = api.sim.nextWakeup();
    const step = next === undefined ? undefined : stepper.step(next, now, deadline);
    if (step === undefined || (deadline !== undefined && next! > deadline)) {
      if (deadline !== undefined && deadline > now) {
        session.advance(deadline - now);
        session.reconcile();
        if (spec.check()) return 'done';
      }
      return 'timeout';
    }
    if (deadline !== undefined && now >= deadline) return 'timeout';
    session.advance(step);
  }
  return 'timeout';
}

/**
 * Moves the clock forward by `ms`, stopping at every due transition on the way so that each one
 * happens (and is timestamped) at its own time, as if the time had really passed.
 */
export function advanceClock(session: ClusterSession, ms: number): void {
  const api = session.api;
  const target = api.now() + ms;
  const stepper = new Stepper();
  for (let i = 0; i < MAX_STEPS; i++) {
    session.reconcile();
    const next = api.sim.nextWakeup();
    if (next === undefined || next > target || api.now() >= target) break;
    const step = stepper.step(next, api.now(), target);
    if (step === undefined) break;
    session.advance(step);
  }
  if (api.now() < target) session.advance(target - api.now());
  session.reconcile();
}
