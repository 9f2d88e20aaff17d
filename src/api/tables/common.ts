// Shared pieces of the apiserver's table printers (kubernetes pkg/printers/internalversion/printers.go).

import type { KObject, TableCell, TableColumn } from '../types.js';
import { humanDuration, translateTimestampSince } from '../../printers/duration.js';
import { goCompare } from '../labels.js';

/** A kind's server-side printer: column definitions plus a pure row function. */
export interface TableHandler {
  columns: TableColumn[];
  row: (obj: KObject, now: number) => TableCell[];
}

/** A column definition; wide-only columns get priority 1. */
export function col(name: string, type: TableColumn['type'] = 'string', priority = 0): TableColumn {
  return { name, type, priority };
}

/** The "Name" column: kubectl puts the kind prefix on the column with format "name". */
export function nameCol(priority = 0): TableColumn {
  return { name: 'Name', type: 'string', format: 'name', priority };
}

export const AGE = (): TableColumn => col('Age');

/** Timestamp → ms epoch; undefined for missing/zero/unparseable (Go's IsZero). */
export function parseTime(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

/** translateTimestampSince for arbitrary (possibly missing) timestamp values. */
export function since(ts: unknown, now: number): string {
  return translateTimestampSince(typeof ts === 'string' ? ts : undefined, now);
}

export function age(obj: KObject, now: number): string {
  return since(obj.metadata?.creationTimestamp, now);
}

/** HumanDuration of (to - from). */
export function between(from: number, to: number): string {
  return humanDuration(to - from);
}

/** A Go string field: missing → "". */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A Go int field: missing → 0. */
export function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : 0;
}

export function arr<T = any>(v: unknown): T[] {
  return Array.isArray(v) ? (v as T[]) : [];
}

export function rec(v: unknown): Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {};
}

/** layoutContainerCells: names and images, comma-joined, in spec order. */
export function containerCells(podSpec: unknown): [string, string] {
  const cs = arr(rec(podSpec).containers).map(rec);
  return [cs.map((c) => str(c.name)).join(','), cs.map((c) => str(c.image)).join(',')];
}

/** net.JoinHostPort: IPv6 hosts are bracketed. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** listWithMoreString: "a,b,c + N more...", or "<unset>" when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** Go's sets.NewString(...).List(): deduplicated, byte-order sorted. */
export function sortedSet(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(goCompare);
}

/** The first condition of a given type, as printers.go's loops find it. */
export function condition(obj: KObject, type: string): Record<string, any> | undefined {
  return arr(rec(obj.status).conditions)
    .map(rec)
    .find((c) => c.type === type);
}
