// The event recorder controllers use (client-go's EventRecorder and its correlator, correlator.ts): a
// repeat of the same event for the same object bumps count and lastTimestamp instead of adding one;
// too many events about one object are dropped, and similar ones combined.

import { isNamespaceTerminating } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { declareIndex } from '../../store/memory-store.js';
import { aggregate as updateAggregate, aggregateFor, COMBINED_PREFIX, correlationFor, holdBack, takeHeldBack, takeToken, type Aggregate, type Unsent } from './correlator.js';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Reporting component: "deployment-controller", "default-scheduler", "kubelet", … */
  component: string;
  /** For kubelet events: the node name. */
  host?: string;
  /** e.g. "spec.containers{nginx}" for container events. */
  fieldPath?: string;
  /** When it happened (ms), if not now: a kubelet catching up on what fell due while no command ran. */
  at?: number;
}

const events = () => findResource('events')!;
/** kube-scheduler's name (scheduler/index.ts imports this module, so it is not imported from there). */
const SCHEDULER = 'default-scheduler';

/**
 * Index of events by involved object (its uid), reason and message: recordEvent looks one up per
 * event to count up on. Kept as a hash (31 bits, a small integer: no key of its own per event), so a
 * new event's lookup finds nothing to read: events are kept out of the heap (the store's cold
 * resources), and each event about the object looked at is read back and parsed anew.
 */
const eventsIndex = declareIndex((e: KObject): number => eventKey(e['involvedObject']?.uid ?? '', String(e['reason'] ?? ''), String(e['message'] ?? '')));

function eventKey(uid: string, reason: string, message: string): number {
  return fnv(fnv(fnv(0x811c9dc5, uid), reason), message) >>> 1;
}

/** FNV-1a over the string's UTF-16 units, then a 0 (a separator). */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h, 0x01000193);
}

/** The events in `namespace` about the object with `uid` with this reason and message, in list order. */
export function eventsAbout(api: ApiServer, namespace: string, uid: string | undefined, reason: string, message: string): KObject[] {
  return api
    .listBy(events(), eventsIndex, eventKey(uid ?? '', reason, message))
    .filter((e) => (e.metadata.namespace ?? '') === namespace && e['involvedObject']?.uid === uid && e['reason'] === reason && e['message'] === message);
}

/**
 * The message, as the same string as the last event of this reason had when they are equal: the
 * kubelet's "Started container web" is one string for all its events, not 30,000 (1.2 MB).
 */
function sameMessage(reason: string, message: string): string {
  const last = lastMessages.get(reason);
  if (last === message) return last;
  // (join: a flat string, not a rope of the pieces the caller joined)
  const flat = [message].join('');
  if (lastMessages.size < 64 || lastMessages.has(reason)) lastMessages.set(reason, flat);
  return flat;
}
const lastMessages = new Map<string, string>();

export function recordEvent(api: ApiServer, involved: KObject, spec: EventSpec): void {
  const ns = involved.metadata.namespace || 'default';
  const at = spec.at !== undefined && spec.at < api.now() ? spec.at : api.now();
  const now = rfc3339(at);
  // (the message as one string for equal ones: the event and the aggregator's record keep it)
  const said = sameMessage(spec.reason, spec.message);
  let message = said;
  let aggregate: Aggregate | undefined;
  let held: Unsent | undefined;
  if (spec.component !== SCHEDULER) {
    // The legacy recorder's correlator (the scheduler records through events.k8s.io, which has none).
    const o = involved;
    const c = correlationFor(api, spec.component, spec.host ?? '', { uid: o.metadata.uid, kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', apiVersion: o.apiVersion }, at);
    const a = aggregateFor(c, spec.type, spec.reason);
    if (updateAggregate(a, said, at)) {
      message = [COMBINED_PREFIX, said].join('');
      aggregate = a;
    }
    // (the logger's key below the source and object, which the correlation stands for)
    const loggerKey = () => [spec.fieldPath ?? '', spec.type, spec.reason, aggregate ? '' : message].join('\0');
    // The spam filter's verdict, per source and object.
    if (!takeToken(c, at)) {
      holdBack(c, loggerKey(), at);
      return;
    }
    held = takeHeldBack(c, loggerKey);
  }
  const extra = held?.count ?? 0;
  // An event like one recorded before counts up on it: the same event, or the aggregate's combined one.
  const same = aggregate
    ? (aggregate.combined !== undefined ? api.peek(events(), ns, aggregate.combined) : undefined)
    : eventsAbout(api, ns, involved.metadata.uid, spec.reason, message).find(
        (e) => e['type'] === spec.type && (e['involvedObject']?.fieldPath ?? '') === (spec.fieldPath ?? ''),
      );
  if (same) {
    const bumped: KObject = { ...same, message, count: (same['count'] ?? 1) + 1 + extra };
    if (!(Date.parse(same['lastTimestamp']) > Date.parse(now))) bumped['lastTimestamp'] = now;
    api.update(events(), bumped, { internal: true });
    return;
  }
  const first = held ? rfc3339(held.since) : now;
  const seq = api.store.revision();
  // (join: one flat string, not a rope of the pieces - see SeededRandom)
  const name = [involved.metadata.name, '.', (BigInt(api.now()) * 1_000_000n + BigInt(seq)).toString(16)].join('');
  const event: KObject = {
    apiVersion: 'v1',
    kind: 'Event',
    // (Every field the server sets, in its order: handed over as it is (owned), the object is not
    // reshaped as they are set.)
    metadata: { name, namespace: ns, uid: undefined, creationTimestamp: undefined, resourceVersion: undefined },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    },
    reason: spec.reason,
    message,
    source: { component: spec.component, ...(spec.host ? { host: spec.host } : {}) },
    firstTimestamp: first,
    lastTimestamp: now,
    count: 1 + extra,
    type: spec.type,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  };
  try {
    api.create(events(), event, { internal: true, owned: true });
  } catch (e) {
    // A namespace being terminated admits no new content, events included: the recorder drops them.
    if (isNamespaceTerminating(e)) return;
    throw e;
  }
  if (aggregate) aggregate.combined = name;
}
