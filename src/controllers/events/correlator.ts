// client-go's event correlator (tools/record), which every component using the legacy event recorder
// (kubelet, controller manager) runs on an event before it reaches the API server, in this order:
// - the aggregator: per source, object, type and reason, once 10 different messages were seen within
//   10 minutes, further ones become one event, "(combined from similar events): <message>";
// - the logger: an event seen before (same object, reason, message…) counts up on it; it counts every
//   event it sees, sent or not (recordEvent finds the event in the store; what was held back is here);
// - the spam filter: per source and involved object, a token bucket of 25 that refills one token every
//   5 minutes; an event finding it empty is not sent (the next one sent carries the count so far).
//
// The state is the recording process's memory: here, the command's (api.sim.memo). A real component
// keeps it across what kube-lite runs as separate commands, so a command starting with fresh buckets
// lets through as many events as a real cluster would or more, never fewer.

import type { ApiServer } from '../../api/server.js';

export const SPAM_BURST = 25;
/** Tokens per millisecond: one every 5 minutes. */
const SPAM_REFILL = 1 / 300_000;
export const AGGREGATE_MAX = 10;
const AGGREGATE_WINDOW = 600_000;
export const COMBINED_PREFIX = '(combined from similar events): ';

export interface Bucket {
  tokens: number;
  at: number;
}

/** golang.org/x/time/rate's Allow at `now`: takes a token if one is there (the bucket refilled since `at`). */
export function takeToken(b: Bucket, now: number): boolean {
  b.tokens = Math.min(SPAM_BURST, b.tokens + Math.max(0, now - b.at) * SPAM_REFILL);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

export interface Aggregate {
  /**
   * The different messages seen, oldest first (at most AGGREGATE_MAX - 1 kept once combining). One
   * is kept as itself: nearly every record has one, and an array each was 1.7 MB at 10,000 pods.
   */
  seen: string | string[] | undefined;
  at: number;
  /** The combined event's name, once made. */
  combined?: string;
}

/** The aggregate's different messages, oldest first. */
export function messagesOf(a: Aggregate): readonly string[] {
  return a.seen === undefined ? [] : typeof a.seen === 'string' ? [a.seen] : a.seen;
}

/**
 * Notes `message` for the aggregate and says whether the event is to be combined (EventAggregate).
 * The record starts afresh when its last event is over 10 minutes old.
 */
export function aggregate(a: Aggregate, message: string, now: number): boolean {
  // (The combined event stays: the logger still counts up on it, as client-go's keeps it by this key.)
  if (now - a.at > AGGREGATE_WINDOW) a.seen = undefined;
  a.at = now;
  if (a.seen === undefined || a.seen === message) {
    a.seen = message;
    return false;
  }
  const seen = messagesOf(a);
  if (seen.includes(message)) return false;
  if (seen.length + 1 < AGGREGATE_MAX) {
    // (A new array rather than a push: a pushed-to array reserves room for 17.)
    a.seen = seen.concat([message]);
    return false;
  }
  // The set does not grow past the limit (client-go pops an arbitrary one; the oldest here).
  a.seen = seen.slice(1).concat([message]);
  return true;
}

/** What the logger saw of one event but did not send: how many, and since when. */
export interface Unsent {
  count: number;
  since: number;
}

/**
 * What the correlator keeps about one source's events on one object: the spam filter's bucket (its
 * own fields) and one aggregate per type and reason. Kept per object, not under string keys joining
 * source, object and reason as client-go's caches are: those keys cost ~14 MB at 10,000 pods.
 */
export interface Correlation extends Bucket {
  component: string;
  host: string;
  aggregates: (Aggregate & { type: string; reason: string })[];
  /** What the logger saw but the spam filter held back, by the rest of the logger's key. */
  unsent: Map<string, Unsent> | undefined;
  /** Another source's correlation about the same object. */
  next: Correlation | undefined;
}

interface State {
  /** Involved object (its uid, or kind, namespace and name without one) → its correlations. */
  objects: Map<string, Correlation>;
}

function state(api: ApiServer): State {
  let s = api.sim.memo.get('events.correlator') as State | undefined;
  if (!s) api.sim.memo.set('events.correlator', (s = { objects: new Map() }));
  return s;
}

/** The correlation of events from `component` (on `host`) about `object`, made on first use. */
export function correlationFor(api: ApiServer, component: string, host: string, object: { uid?: string | undefined; kind: string; namespace?: string | undefined; name: string; apiVersion: string }, now: number): Correlation {
  const { objects } = state(api);
  const key = object.uid ?? [object.kind, object.namespace ?? '', object.name, object.apiVersion].join('\0');
  const first = objects.get(key);
  for (let c = first; c; c = c.next) if (c.component === component && c.host === host) return c;
  // (every field in the literal: one added later would be kept apart from the object)
  const c: Correlation = { tokens: SPAM_BURST, at: now, component, host, aggregates: [], unsent: undefined, next: first };
  objects.set(key, c);
  return c;
}

/**
 * Notes an occurrence of an event that the spam filter held back. `key`: the logger's key below the
 * source and object (field path, type, reason, message).
 */
export function holdBack(c: Correlation, key: string, at: number): void {
  const u = (c.unsent ??= new Map()).get(key);
  if (u) u.count++;
  else c.unsent.set(key, { count: 1, since: at });
}

/** What was held back of an event since it was last sent, forgotten as it is sent now. */
export function takeHeldBack(c: Correlation, key: () => string): Unsent | undefined {
  if (!c.unsent?.size) return undefined; // (nearly always: no key to make)
  const k = key();
  const u = c.unsent.get(k);
  c.unsent.delete(k);
  return u;
}

/** The aggregate record of a correlation's events of one type and reason. */
export function aggregateFor(c: Correlation, type: string, reason: string): Aggregate {
  let a = c.aggregates.find((x) => x.reason === reason && x.type === type);
  // (concat: see aggregate)
  if (!a) c.aggregates = c.aggregates.concat([(a = { type, reason, seen: undefined, at: -Infinity })]);
  return a;
}
