import { readFileSync } from 'node:fs';
import type { JsonValue } from '../../../src/api/types.js';

/** Deep-freezes a value so any mutation of an input throws (ESM code is strict). */
export function frozen<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) frozen(x as unknown);
    Object.freeze(v);
  }
  return v;
}

export interface Fixtures {
  strategic: { name: string; doc: JsonValue; patch: JsonValue; result?: JsonValue; error?: string }[];
  merge: { name: string; doc: JsonValue; patch: JsonValue; result?: JsonValue; error?: string }[];
  json: { name: string; doc: JsonValue; patch: JsonValue; result?: JsonValue; error?: string }[];
  threeway: { name: string; kind: string; original?: JsonValue; modified: JsonValue; current: JsonValue; patch: JsonValue }[];
}

/** Golden results captured from real kubectl v1.36.3 (see the file's "source"). */
export const fixtures: Fixtures = JSON.parse(readFileSync(new URL('./fixtures/kubectl-1.36.3.json', import.meta.url), 'utf8'));

/** Key order is not significant in results; kubectl prints keys sorted. */
export function sorted(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sorted);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k]!)]));
}
