// Leases, ResourceQuotas and LimitRanges (printers.go printLease, printResourceQuota,
// printLimitRange).

import { parseQuantity, Quantity } from '../quantity.js';
import { goCompare } from '../labels.js';
import { AGE, age, col, nameCol, rec, str, type TableHandler } from './common.js';

export const leases: TableHandler = {
  columns: [nameCol(), col('Holder'), AGE()],
  row: (obj, now) => [str(obj.metadata.name), str(rec(obj['spec']).holderIdentity), age(obj, now)],
};

/** A stored quantity's String(); a missing or unparseable one is Go's zero Quantity, "0". */
function quantityString(v: unknown): string {
  if (typeof v !== 'string' && typeof v !== 'number') return Quantity.zero().toString();
  try {
    return parseQuantity(String(v)).toString();
  } catch {
    return Quantity.zero().toString();
  }
}

/**
 * "pods: 1/10, requests.cpu: 0/1" in Request, the limits.* resources in Limit, by sorted resource
 * name (status.hard; a resource without a used value shows 0).
 */
export function quotaColumns(status: Record<string, any>): [string, string] {
  const hard = rec(status.hard);
  const used = rec(status.used);
  const request: string[] = [];
  const limit: string[] = [];
  for (const r of Object.keys(hard).sort(goCompare)) {
    const pieces = r.split('.');
    const cell = `${r}: ${quantityString(used[r])}/${quantityString(hard[r])}`;
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(cell);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourcequotas: TableHandler = {
  columns: [nameCol(), AGE(), col('Request'), col('Limit')],
  row: (obj, now) => [str(obj.metadata.name), age(obj, now), ...quotaColumns(rec(obj['status']))],
};

/** CreationTimestamp.Time.UTC().Format(time.RFC3339); a zero time prints as Go's zero time. */
function createdAt(ts: unknown): string {
  const t = typeof ts === 'string' ? Date.parse(ts) : NaN;
  if (Number.isNaN(t)) return '0001-01-01T00:00:00Z';
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export const limitranges: TableHandler = {
  columns: [nameCol(), col('Created At', 'date')],
  row: (obj) => [str(obj.metadata.name), createdAt(obj.metadata.creationTimestamp)],
};
