// The patch `kubectl apply` (client-side) sends: a three-way merge of the last-applied configuration
// (original), the new manifest (modified) and the live object (current).
//   deletions = fields in original but gone from modified (only those: the server may add fields);
//   changes   = diff(current → modified), ignoring deletions.
// Built-in kinds get a strategic merge patch (strategicpatch.CreateThreeWayMergePatch, overwrite=true);
// others (CRDs) a JSON merge patch (jsonmergepatch.CreateThreeWayJSONMergePatch). `{}` = unchanged.

import type { JsonObject, JsonValue } from '../types.js';
import { clone, createJsonMergePatch, isObject, jsonMergePatch, sortKeysDeep } from './merge.js';
import { isStrategicKind, schemaFor } from './mergekeys.js';
import { StrategicMergePatchError, diffMaps, mergeMap } from './strategic.js';

export function createThreeWayMergePatch(
  original: JsonValue | undefined,
  modified: JsonValue,
  current: JsonValue,
  kind: string,
): JsonObject {
  const o = original ?? {};
  const m = modified ?? {};
  const c = current ?? {};
  if (!isObject(o) || !isObject(m) || !isObject(c)) throw new StrategicMergePatchError('invalid JSON document');
  if (!isStrategicKind(kind)) return createThreeWayJsonMergePatch(o, m, c);

  const node = schemaFor(kind);
  const delta = diffMaps(clone(c), clone(m), node, {
    setElementOrder: true, ignoreChangesAndAdditions: false, ignoreDeletions: true,
  });
  const deletions = diffMaps(clone(o), clone(m), node, {
    setElementOrder: true, ignoreChangesAndAdditions: true, ignoreDeletions: false,
  });
  // Both are patches: merging keeps nulls and directives for the server to act on.
  const patch = mergeMap(deletions, delta, node, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  return sortKeysDeep(patch) as JsonObject;
}

/** jsonmergepatch.CreateThreeWayJSONMergePatch: additions/changes from current, deletions from original. */
export function createThreeWayJsonMergePatch(original: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  const addAndChange = keepOrDeleteNull(createJsonMergePatch(current, modified) as JsonObject, false);
  const deletions = keepOrDeleteNull(createJsonMergePatch(original, modified) as JsonObject, true);
  return sortKeysDeep(jsonMergePatch(deletions, addAndChange)) as JsonObject;
}

/** Keeps only the nulls (deletions) of a merge patch, or everything but them. */
function keepOrDeleteNull(m: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(m)) {
    if (v === null) {
      if (keepNull) out[k] = null;
    } else if (isObject(v)) {
      // An explicitly empty map is a value, not an empty sub-patch.
      if (Object.keys(v).length === 0) {
        if (!keepNull) out[k] = v;
        continue;
      }
      const sub = keepOrDeleteNull(v, keepNull);
      if (Object.keys(sub).length > 0) out[k] = sub;
    } else if (!keepNull) {
      out[k] = v;
    }
  }
  return out;
}
