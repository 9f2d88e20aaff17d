// RFC 7386 JSON merge patch, as evanphx/json-patch v4 implements it (kubectl `patch --type merge`,
// the apiserver's application/merge-patch+json, and apply's fallback for kinds without patch metadata).
// Also the small JSON helpers the other patch modules share.

import type { JsonObject, JsonValue } from '../types.js';

export class MergePatchError extends Error {
  override name = 'MergePatchError';
}

export function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep equality, ignoring object key order (reflect.DeepEqual on decoded JSON). */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}

export function clone<T extends JsonValue>(v: T): T {
  return structuredClone(v);
}

/** Object keys sorted recursively, as Go's json.Marshal writes maps (patch bodies then match kubectl's). */
export function sortKeysDeep(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) out[k] = sortKeysDeep(v[k]!);
  return out;
}

/** Applies an RFC 7386 merge patch. Inputs are not modified. */
export function jsonMergePatch(original: JsonValue, patch: JsonValue): JsonValue {
  if (original === null) throw new MergePatchError('Invalid JSON Document');
  if (patch === null) throw new MergePatchError('Invalid JSON Patch');
  const p = clone(patch);
  if (isObject(original) && isObject(p)) return mergeDocs(clone(original), p);
  // evanphx: a non-object document or patch turns straight into the (null-pruned) patch.
  if (isObject(p) || Array.isArray(p)) return pruneNulls(p);
  throw new MergePatchError('Invalid JSON Patch');
}

function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else {
      const cur = Object.hasOwn(doc, k) ? doc[k] : undefined;
      if (!isObject(cur)) doc[k] = pruneNulls(v); // absent, null or not an object: take the patch
      else doc[k] = isObject(v) ? mergeDocs(cur, v) : v; // evanphx keeps a non-object patch value as is
    }
  }
  return doc;
}

/** Drops null members of objects, recursively (null array elements stay, as in evanphx). */
function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map((e) => (e === null ? e : pruneNulls(e)));
  if (!isObject(v)) return v;
  for (const k of Object.keys(v)) {
    if (v[k] === null) delete v[k];
    else v[k] = pruneNulls(v[k]!);
  }
  return v;
}

/**
 * The merge patch turning `original` into `modified`: changed and added keys, `null` for removed ones,
 * nested objects diffed, arrays and scalars replaced whole. Keys come out sorted, like Go's output.
 */
export function createJsonMergePatch(original: JsonValue, modified: JsonValue): JsonValue {
  if (!isObject(original) || !isObject(modified)) return clone(modified);
  return sortKeysDeep(getDiff(original, modified));
}

function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [key, bv] of Object.entries(b)) {
    const av = a[key];
    if (!Object.hasOwn(a, key) || kindOf(av!) !== kindOf(bv)) into[key] = bv;
    else if (isObject(av) && isObject(bv)) {
      const sub = getDiff(av, bv);
      if (Object.keys(sub).length > 0) into[key] = sub;
    } else if (!deepEqual(av, bv)) into[key] = bv;
  }
  for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) into[key] = null;
  return into;
}

/** The JSON type of a value, standing in for Go's reflect.TypeOf on decoded JSON. */
export function kindOf(v: JsonValue): 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'object' | 'string' | 'number' | 'boolean';
}
