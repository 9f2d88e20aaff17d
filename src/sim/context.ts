// What controllers know about the simulated world beyond the API: the timing profile, and a way to
// say "something becomes due at time T" so that `rollout status`, `wait` and `cluster advance` can
// jump the clock to the next due event instead of sleeping.

import { delaysFor, type Delays, type TimingProfile } from './timing.js';

/**
 * A controller's last run as a converged cluster keeps it between commands (in the session's
 * reconcile marker): the keys it read (`r:<resource>`, `m:<meta>`), its pending due time, and whether
 * it reads the clock. src/controllers/index.ts writes them; src/cluster/session.ts hands them to the
 * next command (SimContext.settledRuns) with the read-tracking versions current when it opened.
 */
export interface PersistedRun {
  reads: string[];
  wake: number | null;
  clock: boolean;
}

/** A PersistedRun as a command starts from it: each key with its version at the start. */
export interface SeededRun {
  reads: [string, number][];
  wake: number | undefined;
  clock: boolean;
}

export class SimContext {
  /** Controller name -> its last run before this command, when the cluster was left converged. */
  settledRuns: Record<string, SeededRun> | undefined;
  /** Controller name -> its last run, for the marker the session keeps when reconcile converges. */
  lastRuns: Record<string, PersistedRun> | undefined;
  readonly delays: Delays;
  private wakeup: number | undefined;
  private clockRead = false;
  private now: () => number = () => Number.NEGATIVE_INFINITY;
  /**
   * Scratch memory a controller may keep between the rounds of one command (never stored): what it
   * found settled, so that it need not work it out again while nothing it depends on changed.
   */
  readonly memo = new Map<string, unknown>();

  constructor(readonly profile: TimingProfile = 'instant') {
    this.delays = delaysFor(profile);
  }

  /** The API server hands its clock over, so that due times already past are not recorded. */
  setClock(now: () => number): void {
    this.now = now;
  }

  /** A controller has work that becomes due at `atMs` (it will act when now >= atMs). */
  wakeAt(atMs: number): void {
    // A time already past is not pending: the controller acts on it in this very reconcile.
    if (atMs <= this.now()) return;
    if (this.wakeup === undefined || atMs < this.wakeup) this.wakeup = atMs;
  }

  /** The earliest pending due time recorded since the last reset. */
  nextWakeup(): number | undefined {
    return this.wakeup;
  }

  /** Runs `fn` and returns the earliest due time it registered (still registered here too). */
  collectWakes(fn: () => void): number | undefined {
    const outer = this.wakeup;
    this.wakeup = undefined;
    let inner: number | undefined;
    try {
      fn();
      inner = this.wakeup;
      return inner;
    } finally {
      this.wakeup = outer;
      if (inner !== undefined) this.wakeAt(inner);
    }
  }

  /**
   * A controller that acts on the time without registering wake-ups (a renewal not worth waking for)
   * says so: the incremental reconcile then re-runs it whenever the clock has moved.
   */
  readsClock(): void {
    this.clockRead = true;
  }

  /** Runs `fn` and tells whether it called readsClock(). */
  collectClockRead(fn: () => void): boolean {
    const outer = this.clockRead;
    this.clockRead = false;
    try {
      fn();
      return this.clockRead;
    } finally {
      this.clockRead ||= outer;
    }
  }

  resetWakeup(): void {
    this.wakeup = undefined;
  }
}
