// What controllers know about the simulated world beyond the API: the timing profile, and a way to
// say "something becomes due at time T" so that `rollout status`, `wait` and `cluster advance` can
// jump the clock to the next due event instead of sleeping.

import { delaysFor, type Delays, type TimingProfile } from './timing.js';

export class SimContext {
  readonly delays: Delays;
  private wakeup: number | undefined;

  constructor(readonly profile: TimingProfile = 'instant') {
    this.delays = delaysFor(profile);
  }

  /** A controller has work that becomes due at `atMs` (it will act when now >= atMs). */
  wakeAt(atMs: number): void {
    if (this.wakeup === undefined || atMs < this.wakeup) this.wakeup = atMs;
  }

  /** The earliest pending due time recorded since the last reset. */
  nextWakeup(): number | undefined {
    return this.wakeup;
  }

  resetWakeup(): void {
    this.wakeup = undefined;
  }
}
