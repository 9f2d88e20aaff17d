// Shared test clock and object builders for the table tests.

import type { KObject } from '../../../src/api/types.js';

/** The cluster clock used by every table test. */
export const NOW = Date.parse('2026-11-22T21:00:00Z');

/** An RFC 3339 timestamp `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(NOW - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const MIN = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** A minimal object of `kind` with the given metadata and fields. */
export function obj(
  apiVersion: string,
  kind: string,
  name: string,
  fields: Record<string, unknown> = {},
  meta: Partial<KObject['metadata']> = {},
): KObject {
  return {
    apiVersion,
    kind,
    metadata: { name, namespace: 'default', creationTimestamp: ago(5 * MIN), ...meta },
    ...fields,
  };
}
