// controller-revision-hash for a DaemonSet (daemon/update.go getPatch + history.HashControllerRevision):
// FNV-1a 32 over the ControllerRevision's data, `{"spec":{"template":{…,"$patch":"replace"}}}` as
// Go's json.Marshal writes a map (sorted keys, HTML-escaped), plus status.collisionCount.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';
import { fnv1a32, safeEncodeString } from '../deployment/hash.js';

/** encoding/json over generic maps: sorted keys, nulls kept, <, >, & and U+2028/9 escaped. */
export function goJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return '{' + keys.map((k) => goJson(k) + ':' + goJson(o[k])).join(',') + '}';
  }
  return (JSON.stringify(v ?? null) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The revision's data: the template as the apiserver serializes it (a zero creationTimestamp is null). */
export function revisionPatch(ds: KObject): string {
  const template: any = structuredClone(ds['spec']?.template ?? {});
  template.metadata = { creationTimestamp: null, ...(template.metadata ?? {}) };
  template.$patch = 'replace';
  return goJson({ spec: { template } });
}

export function revisionHash(ds: KObject, collisions: unknown = ds['status']?.collisionCount): string {
  let h = fnv1a32(new TextEncoder().encode(revisionPatch(ds)));
  if (typeof collisions === 'number') {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer, all eight bytes hashed.
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisions >>> 0, true);
    h = fnv1a32(buf, h);
  }
  return safeEncodeString(String(h));
}
