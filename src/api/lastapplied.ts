// kubectl.kubernetes.io/last-applied-configuration: what `kubectl apply` and `create --save-config`
// record, computed as kubectl's GetModifiedConfiguration does.

import type { KObject } from './types.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Go's json.Marshal of an unstructured map: sorted keys, HTML-escaped, no spaces. */
export function goCompactJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const o = val as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(o).sort()) out[k] = o[k];
      return out;
    }
    return val;
  })
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The manifest with its own last-applied annotation set. The annotation's value is the manifest
 * serialized with `annotations: {}` (or its other annotations) and a trailing newline.
 */
export function withLastApplied(manifest: KObject): KObject {
  const obj = structuredClone(manifest);
  obj.metadata ??= {};
  const annotations = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  obj.metadata.annotations = annotations;
  const value = goCompactJson(obj) + '\n';
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED]: value };
  return obj;
}

export function lastApplied(obj: KObject): KObject | undefined {
  const v = obj.metadata.annotations?.[LAST_APPLIED];
  if (!v) return undefined;
  try {
    return JSON.parse(v) as KObject;
  } catch {
    return undefined;
  }
}
