// describe's DescribeEvents: the Events table at the end of most describers.

import type { KObject } from '../../api/types.js';
import { has, num, obj, stableSort, str } from './fmt.js';
import { LEVEL_0, LEVEL_1, type Writer } from './prefix-writer.js';
import { parseTime, since } from './time.js';

// kubectl's event.SortableEvents orders by lastTimestamp only (a missing one is Go's zero time,
// i.e. earliest).
const sortKey = (e: KObject): number => parseTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;

/** Age column: first seen, or `<last> (xN over <first>)` for repeated events. */
export function eventInterval(e: KObject, now: number): string {
  const first = has(e.eventTime) && parseTime(e.eventTime) !== undefined ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (has(e.series)) {
    const s = obj(e.series);
    return `${since(s.lastObservedTime, now)} (x${num(s.count)} over ${first})`;
  }
  if (num(e.count) > 1) return `${since(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
  return first;
}

/**
 * The events of a describe that did not look them up (--show-events=false, or several objects):
 * kubectl's describers then get nil events and print no Events section at all.
 */
export const EVENTS_NOT_FETCHED: KObject[] = Object.freeze([]) as unknown as KObject[];

export function describeEvents(events: KObject[], w: Writer, now: number): void {
  if (events === EVENTS_NOT_FETCHED) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = stableSort(events, (a, b) => sortKey(a) < sortKey(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    // Go's Event.ReportingController is serialised as "reportingComponent"
    const source = str(obj(e.source).component) || str(e.reportingComponent);
    let message = str(e.message).trim();
    const fieldPath = str(obj(e.involvedObject).fieldPath);
    if (fieldPath !== '') message = `${fieldPath}: ${message}`;
    w.write(LEVEL_1, `${str(e.type)}\t${str(e.reason)}\t${eventInterval(e, now)}\t${source}\t${message}\n`);
  }
}
