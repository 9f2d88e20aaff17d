// The cluster clock. Everything that needs "now" gets it from a Clock; only this file reads the wall
// clock. KUBE_LITE_NOW pins it (tests and golden transcripts use a fixed clock).

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export class WallClock implements Clock {
  now(): number {
    return Date.now();
  }
}

export class FixedClock implements Clock {
  constructor(private readonly ms: number) {}
  now(): number {
    return this.ms;
  }
}

/** The clock for an invocation: fixed when KUBE_LITE_NOW is set (RFC 3339), else the wall clock. */
export function clockFromEnv(env: Record<string, string | undefined>): Clock {
  const fixed = env['KUBE_LITE_NOW'];
  if (fixed) {
    const ms = Date.parse(fixed);
    if (Number.isNaN(ms)) throw new Error(`KUBE_LITE_NOW is not an RFC 3339 time: ${JSON.stringify(fixed)}`);
    return new FixedClock(ms);
  }
  return new WallClock();
}

/** RFC 3339 with second precision, as metav1.Time serializes: 2026-11-22T20:50:23Z. */
export function rfc3339(ms: number): string {
  const s = Math.floor(ms / 1000);
  // Most writes of one command happen in one second or two (on the wall clock, a kubelet event is
  // stamped with its pod's start and written now): they share one string per second (stored objects
  // keep them; a new one per call was 100,000 strings at 10,000 pods).
  if (s === seconds[0]) return texts[0]!;
  if (s === seconds[1]) return texts[1]!;
  const iso = new Date(s * 1000).toISOString(); // …T12:34:56.000Z
  const text = [iso.slice(0, -5), 'Z'].join('');
  seconds[1] = seconds[0]!;
  texts[1] = texts[0]!;
  seconds[0] = s;
  texts[0] = text;
  return text;
}

/** The last two seconds formatted, most recent first. */
const seconds = [NaN, NaN];
const texts = ['', ''];

/**
 * The cluster's clock: a base clock plus an offset kept in the store, which `cluster advance` and the
 * waiting verbs (`rollout status`, `wait`) move forward to make simulated time pass at once.
 */
export class OffsetClock implements Clock {
  constructor(
    private readonly base: Clock,
    public offsetMs: number,
  ) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
}
