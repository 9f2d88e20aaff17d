// core/v1 Events (printers.go printEvent). The only table whose NAME column (the one kubectl
// prefixes with the kind) is wide-only.

import type { KObject } from '../types.js';
import { col, int, nameCol, parseTime, rec, since, str, type TableHandler } from './common.js';

function source(obj: KObject): string {
  const src = rec(obj.source);
  const component = str(src.component) || str(obj.reportingController);
  const instance = str(src.host) || str(obj.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventRow(obj: KObject, now: number): (string | number)[] {
  // FIRST SEEN falls back to eventTime (MicroTime); LAST SEEN to FIRST SEEN.
  const firstSeen = parseTime(obj.firstTimestamp) !== undefined
    ? since(obj.firstTimestamp, now)
    : since(obj.eventTime, now);
  let lastSeen = parseTime(obj.lastTimestamp) !== undefined ? since(obj.lastTimestamp, now) : firstSeen;
  let count = int(obj.count);
  if (obj.series) {
    const series = rec(obj.series);
    lastSeen = since(series.lastObservedTime, now);
    count = int(series.count);
  } else if (count === 0) {
    count = 1; // singleton events of the new API have no count
  }
  const involved = rec(obj.involvedObject);
  const kind = str(involved.kind).toLowerCase();
  const target = str(involved.name) !== '' ? `${kind}/${str(involved.name)}` : kind;
  return [lastSeen, str(obj.type), str(obj.reason), target, str(involved.fieldPath), source(obj),
    str(obj.message).trim(), firstSeen, count, str(obj.metadata.name)];
}

export const events: TableHandler = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 'string', 1),
    col('Source', 'string', 1), col('Message'), col('First Seen', 'string', 1), col('Count', 'string', 1),
    nameCol(1)],
  row: eventRow,
};

