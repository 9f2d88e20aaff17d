// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch): applying a patch, and the diff
// that builds one (two-way here, three-way in ./threeway.ts). Follows upstream's algorithm closely,
// including its list ordering rules, so results and patch bodies match kubectl's byte for byte.
// Internally works in place on private deep copies, as upstream does on its decoded maps.

import type { JsonObject, JsonValue } from '../types.js';
import { clone, deepEqual, isObject, kindOf, sortKeysDeep } from './merge.js';
import { lookupField, schemaFor, type SchemaNode } from './mergekeys.js';

export class StrategicMergePatchError extends Error {
  override name = 'StrategicMergePatchError';
}

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
const SET_ELEMENT_ORDER = '$setElementOrder';

type List = JsonValue[];

/** Resolved metadata of one field, as upstream's LookupPatchMetadata + extractRetainKeysPatchStrategy. */
interface Field {
  strategy: '' | 'merge' | 'replace';
  retainKeys: boolean;
  mergeKey: string;
  node: SchemaNode;
}

function field(node: SchemaNode, key: string): Field {
  const { meta, node: child } = lookupField(node, key);
  const retainKeys = meta.retainKeys === true || meta.strategy === 'retainKeys';
  const strategy = meta.strategy === 'merge' || meta.strategy === 'replace' ? meta.strategy : '';
  return { strategy, retainKeys, mergeKey: meta.mergeKey ?? '', node: child };
}

// ---- errors, with upstream's texts (mergepatch/errors.go) ----

/** Go's %v rendering of decoded JSON, for error texts and for upstream's string-keyed sorting. */
function goFmt(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goFmt).join(' ')}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goFmt(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

const goType = (v: JsonValue | undefined): string =>
  v === undefined || v === null
    ? '<nil>'
    : Array.isArray(v)
      ? '[]interface {}'
      : isObject(v)
        ? 'map[string]interface {}'
        : typeof v === 'number'
          ? Number.isInteger(v) ? 'int64' : 'float64'
          : typeof v === 'boolean' ? 'bool' : 'string';

const fail = (msg: string): never => {
  throw new StrategicMergePatchError(msg);
};
const errNoMergeKey = (m: JsonValue, k: string) => fail(`map: ${goFmt(m)} does not contain declared merge key: ${k}`);
const errBadArgType = (expected: string, actual: JsonValue | undefined) =>
  fail(`expected a ${expected}, but received a ${goType(actual)}`);
const errBadPatchType = (t: JsonValue | undefined, m: JsonObject) =>
  fail(`unknown patch type: ${goFmt(t)} in map: ${goFmt(m)}`);
const ERR_SET_ORDER = 'invalid patch format of setElementOrder list';

function asMap(v: JsonValue | undefined): JsonObject {
  return isObject(v) ? v : errBadArgType('map[string]interface {}', v);
}

function asList(v: JsonValue | undefined): List {
  return Array.isArray(v) ? v : errBadArgType('[]interface {}', v);
}

// ---- applying a patch ----

interface MergeOptions {
  /** Server-side apply of a patch: honour `$deleteFromPrimitiveList`/`$setElementOrder`/`$retainKeys`. */
  mergeParallelList: boolean;
  /** Drop nulls that match nothing (server side); keep them when merging two patches (three-way). */
  ignoreUnmatchedNulls: boolean;
}

const APPLY: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };

/**
 * Applies a strategic merge patch to `original` using `kind`'s patch metadata (StrategicMergePatch).
 * Kinds without metadata get plain map merging and atomic lists. Inputs are not modified.
 * Throws StrategicMergePatchError with upstream's messages on malformed patches.
 */
export function strategicMergePatch(original: JsonValue, patch: JsonValue, kind: string): JsonValue {
  const o = original === null ? {} : original;
  const p = patch === null ? {} : patch;
  if (!isObject(o) || !isObject(p)) return fail('invalid JSON document');
  return mergeMap(clone(o), clone(p), schemaFor(kind), APPLY);
}

/** Merges `patch` into `original` (both owned, mutated). Also used to combine two patches. */
export function mergeMap(original: JsonObject | null, patch: JsonObject, node: SchemaNode, opts: MergeOptions): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE)) {
    const d = patch[DIRECTIVE];
    if (d === 'replace') {
      delete patch[DIRECTIVE];
      return patch;
    }
    if (d === 'delete') return {};
    return errBadPatchType(d, patch);
  }
  const out = original ?? {};
  applyRetainKeysDirective(out, patch, opts);
  mergeSetElementOrder(out, patch, node, opts);

  for (const rawKey of Object.keys(patch)) {
    const patchV = patch[rawKey]!;
    let k = rawKey;
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      if (!opts.mergeParallelList) {
        out[k] = patchV; // two patches being combined: keep the directive for the server
        continue;
      }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST, 'invalid patch format of primitive list');
      isDeleteList = true;
    }
    if (patchV === null) {
      delete out[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }
    const cur = Object.hasOwn(out, k) ? out[k] : undefined;
    if (cur === undefined || kindOf(cur) !== kindOf(patchV)) {
      if (!isDeleteList) setCleaned(out, k, patchV, opts);
      continue;
    }
    const f = field(node, k);
    if (isObject(cur)) {
      out[k] = f.strategy === 'replace' ? patchV : mergeMap(cur, asMap(patchV), f.node, opts);
    } else if (Array.isArray(cur)) {
      out[k] = mergeSliceHandler(cur, asList(patchV), f, isDeleteList, opts);
    } else {
      out[k] = patchV;
    }
  }
  return out;
}

/** Stores a patch value taken as is: nulls dropped (server side), `$patch` maps removed. */
function setCleaned(target: JsonObject, k: string, v: JsonValue, opts: MergeOptions): void {
  if (opts.ignoreUnmatchedNulls) discardNulls(v);
  const [cleaned, keep] = removeDirectives(v);
  if (keep) target[k] = cleaned;
  else delete target[k];
}

function discardNulls(v: JsonValue): void {
  if (Array.isArray(v)) v.forEach(discardNulls);
  else if (isObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNulls(v[k]!);
    }
  }
}

/** Drops maps carrying `$patch` (and says whether `v` itself should be kept). */
function removeDirectives(v: JsonValue): [JsonValue, boolean] {
  if (isObject(v)) {
    if (Object.hasOwn(v, DIRECTIVE)) return [null, false];
    for (const k of Object.keys(v)) {
      const [c, keep] = removeDirectives(v[k]!);
      if (keep) v[k] = c;
      else delete v[k];
    }
    return [v, true];
  }
  if (Array.isArray(v)) {
    const out: List = [];
    for (const e of v) {
      const [c, keep] = removeDirectives(e);
      if (keep) out.push(c);
    }
    return [out, true];
  }
  return [v, true];
}

function extractKey(s: string, prefix: string, err: string): string {
  const i = s.indexOf('/');
  if (i < 0 || s.slice(0, i) !== prefix) fail(err);
  return s.slice(i + 1);
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const retain = patch[RETAIN_KEYS]!;
  delete patch[RETAIN_KEYS];
  if (!opts.mergeParallelList) {
    // Combining two patches: both must agree; carry the directive through.
    if (!Object.hasOwn(original, RETAIN_KEYS)) original[RETAIN_KEYS] = retain;
    else if (!deepEqual(original[RETAIN_KEYS], retain)) {
      fail(`${goFmt(original[RETAIN_KEYS])} and ${goFmt(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
    }
    return;
  }
  if (!Array.isArray(retain)) return fail('invalid patch format of retainKeys');
  const keep = new Set(retain);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(k)) fail('invalid patch format of retainKeys');
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * Handles `$setElementOrder/<field>`: merges the field's list now and orders the result
 * ($setElementOrder > order in the patch list > order in the live list).
 */
function mergeSetElementOrder(original: JsonObject, patch: JsonObject, node: SchemaNode, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key]!;
    if (!opts.mergeParallelList) {
      if (!Object.hasOwn(original, key)) original[key] = order;
      else if (!deepEqual(original[key], order)) fail(ERR_SET_ORDER);
    }
    delete patch[key];
    const orderList = asList(order);
    const k = extractKey(key, SET_ELEMENT_ORDER, ERR_SET_ORDER);
    const foundOriginal = Object.hasOwn(original, k);
    const foundPatch = Object.hasOwn(patch, k);
    const originalList = foundOriginal ? asList(original[k]) : [];
    const patchList = foundPatch ? asList(patch[k]) : [];
    const f = field(node, k);
    validatePatchWithSetOrderList(patchList, orderList, f.mergeKey);

    let merged: List;
    const liveOrder = originalList.slice(); // may be overwritten in place by the merge, as upstream's is
    if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList, patchList, f, false, opts, liveOrder);
    else if (foundPatch) merged = removeDirectives(patchList)[0] as List;
    else if (foundOriginal) merged = originalList;
    else continue;

    const [inOrder, serverOnly] = partition(merged, orderList, f.mergeKey);
    const kind = sliceElementKind(originalList, patchList);
    original[k] = normalizeElementOrder(inOrder, serverOnly, orderList, liveOrder, f.mergeKey, kind);
    delete patch[k];
  }
}

/** Items of the patch list (deletions aside) must appear in the $setElementOrder list, in its order. */
function validatePatchWithSetOrderList(patchList: List, orderList: List, mergeKey: string): void {
  if (orderList.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? extractToDelete(patchList)[0] : patchList;
  let pi = 0;
  let oi = 0;
  while (pi < items.length && oi < orderList.length) {
    if (isObject(items[pi]) && Object.hasOwn(items[pi] as JsonObject, DIRECTIVE)) {
      pi++;
      continue;
    }
    if (mergeKeyValueEqual(items[pi]!, orderList[oi]!, mergeKey)) pi++;
    oi++;
  }
  if (pi < items.length && oi >= orderList.length) {
    fail(`The order in patch list:\n${goFmt(patchList)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFmt(orderList)}\n`);
  }
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  const l = asMap(left);
  const r = asMap(right);
  if (!Object.hasOwn(l, mergeKey)) errNoMergeKey(l, mergeKey);
  if (!Object.hasOwn(r, mergeKey)) errNoMergeKey(r, mergeKey);
  return l[mergeKey] === r[mergeKey];
}

/**
 * `backing` stands for the Go backing array of `original`, which upstream's in-place deletes and
 * appends overwrite; mergeSetElementOrder then reads it as the live order. Emulated for identical
 * ordering (e.g. live [c3,c4], patch adds c1,c2 and deletes c3 → [c4,c1,c2], not [c1,c2,c4]).
 */
function mergeSliceHandler(
  original: List, patch: List, f: Field, isDeleteList: boolean, opts: MergeOptions, backing = original.slice(),
): List {
  // Deletion lists apply whatever the field's strategy; other non-merge lists are replaced.
  if (f.strategy === 'merge' || isDeleteList) return mergeSlice(original, patch, f, opts, isDeleteList, backing);
  return patch;
}

function mergeSlice(original: List, patch: List, f: Field, opts: MergeOptions, isDeleteList: boolean, backing: List): List {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  const { mergeKey } = f;
  let merged: List;
  if (kind !== 'object') {
    if (opts.mergeParallelList && isDeleteList) return original.filter((v) => !patch.includes(v));
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) return fail('cannot merge lists without merge key');
    [original, patch] = mergeSliceWithSpecialElements(backing, patch, mergeKey);
    merged = original.slice();
    for (const v of patch) {
      const item = v as JsonObject;
      if (!Object.hasOwn(item, mergeKey)) errNoMergeKey(item, mergeKey);
      const i = findByMergeKey(merged, merged.length, mergeKey, item[mergeKey]!);
      if (i >= 0) merged[i] = mergeMap(merged[i] as JsonObject, item, f.node, opts);
      else {
        if (merged.length < backing.length) backing[merged.length] = v; // append into the freed slot
        merged.push(v);
      }
    }
  }
  const [inPatch, serverOnly] = partition(merged, patch, mergeKey);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, kind);
}

/**
 * Applies `$patch: delete|replace` list items to `backing` (shifting it in place, as Go's
 * append(s[:k], s[k+1:]...) does); returns the remaining original items and the plain patch items.
 */
function mergeSliceWithSpecialElements(backing: List, patch: List, mergeKey: string): [List, List] {
  const plain: List = [];
  let replace = false;
  let len = backing.length;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!Object.hasOwn(item, DIRECTIVE)) {
      plain.push(v);
      continue;
    }
    const d = item[DIRECTIVE];
    if (d === 'delete') {
      if (!Object.hasOwn(item, mergeKey)) errNoMergeKey(item, mergeKey);
      for (let k; (k = findByMergeKey(backing, len, mergeKey, item[mergeKey]!)) >= 0; len--) backing.copyWithin(k, k + 1, len);
    } else if (d === 'replace') replace = true;
    else if (d === 'merge') fail('merging lists cannot yet be specified in the patch');
    else errBadPatchType(d, item);
  }
  return replace ? [plain, []] : [backing.slice(0, len), plain];
}

/** Index of the first of `list[0..len)` whose merge key equals `value`, or -1. */
function findByMergeKey(list: List, len: number, mergeKey: string, value: JsonValue): number {
  for (let i = 0; i < len; i++) {
    const v = list[i];
    if (!isObject(v)) return fail(`value for key ${i} is not a map`);
    if (Object.hasOwn(v, mergeKey) && v[mergeKey] === value) return i;
  }
  return -1;
}

/** Splits `list` into items present in `by` (by merge key, or by value) and the rest. */
function partition(list: List, by: List, mergeKey: string): [List, List] {
  const inBy: List = [];
  const rest: List = [];
  for (const v of list) {
    let found: boolean;
    if (!mergeKey) found = by.includes(v);
    else {
      const m = asMap(v);
      if (!Object.hasOwn(m, mergeKey)) errNoMergeKey(m, mergeKey);
      found = by.some((b) => isObject(b) && Object.hasOwn(b, mergeKey) && b[mergeKey] === m[mergeKey]);
    }
    (found ? inBy : rest).push(v);
  }
  return [inBy, rest];
}

type ElementKind = ReturnType<typeof kindOf>;

/** The common JSON type of the lists' elements (sliceElementType). */
function sliceElementKind(...lists: List[]): ElementKind {
  let kind: ElementKind | undefined;
  for (const list of lists) {
    for (const v of list) {
      const k = kindOf(v);
      if (kind === undefined) {
        if (k === 'array') fail('lists of lists are not supported');
        kind = k;
      } else if (k !== kind) {
        fail(`list element types are not identical: ${goFmt(lists)}`);
      }
    }
  }
  return kind ?? fail('no elements in any of the given slices');
}

/** Orders patch items by `patchOrder`, server-only items by `serverOrder`, then interleaves them. */
function normalizeElementOrder(
  patch: List, serverOnly: List, patchOrder: List, serverOrder: List, mergeKey: string, kind: ElementKind,
): List {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

/**
 * Inserts server-only items (`left`) among patch items (`right`): a server item goes before a patch
 * item only when both are in the live list and it came first there. New patch items thus go first.
 */
function mergeSortedSlice(left: List, right: List, serverOrder: List, mergeKey: string, kind: ElementKind): List {
  const out: List = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]!);
    else if (j >= right.length) out.push(left[i++]!);
    else {
      const li = indexIn(serverOrder, left[i]!, mergeKey, kind);
      const ri = indexIn(serverOrder, right[j]!, mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]!);
      else out.push(right[j++]!);
    }
  }
  return out;
}

function indexIn(list: List, v: JsonValue, mergeKey: string, kind: ElementKind): number {
  const key = (x: JsonValue): JsonValue | undefined => (kind === 'object' ? (isObject(x) ? x[mergeKey] : undefined) : x);
  const want = key(v);
  return list.findIndex((x) => key(x) === want);
}

/** Stable sort of `toSort` by position in `order`; `$patch: delete` items go last. */
function normalizeSliceOrder(toSort: List, order: List, mergeKey: string, kind: ElementKind): List {
  let toDelete: List = [];
  if (kind === 'object') {
    for (const list of [toSort, order]) {
      for (const v of list) {
        const m = asMap(v);
        if (!Object.hasOwn(m, mergeKey)) errNoMergeKey(m, mergeKey);
      }
    }
    [toSort, toDelete] = extractToDelete(toSort);
  }
  // Go's sort.SliceStable (insertion sort for small lists) with upstream's comparator, which calls
  // an item "less" whenever either side is missing from `order`; that decides where such items land.
  const a = toSort.map((v) => ({ v, r: indexIn(order, v, mergeKey, kind) }));
  const less = (x: { r: number }, y: { r: number }) => (x.r >= 0 && y.r >= 0 ? x.r < y.r : true);
  for (let i = 1; i < a.length; i++) {
    for (let j = i; j > 0 && less(a[j]!, a[j - 1]!); j--) [a[j], a[j - 1]] = [a[j - 1]!, a[j]!];
  }
  return [...a.map((x) => x.v), ...toDelete];
}

function extractToDelete(list: List): [List, List] {
  const keep: List = [];
  const del: List = [];
  for (const v of list) {
    const m = asMap(v);
    (m[DIRECTIVE] === 'delete' ? del : keep).push(v);
  }
  return [keep, del];
}

/** Upstream's in-place dedupe: a duplicate is overwritten by the last element (order may change). */
function deduplicateScalars(s: List): List {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length]!;
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Sorts scalars by their Go %v text, as upstream does before diffing and for `$retainKeys`. */
function sortScalars(s: List): List {
  return s
    .map((v) => ({ v, k: goFmt(v) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map((x) => x.v);
}

// ---- building a patch ----

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merged lists whose content or order changed. */
  setElementOrder: boolean;
  ignoreChangesAndAdditions: boolean;
  ignoreDeletions: boolean;
  /** Set per field from `retainKeys` metadata: emit `$retainKeys` listing the kept fields. */
  buildRetainKeysDirective?: boolean;
}

/**
 * Computes the strategic merge patch turning `original` into `modified` (CreateTwoWayMergePatch), with
 * `$setElementOrder` directives, as `kubectl edit`, `set` and friends send. `{}` when they are equal.
 */
export function createTwoWayMergePatch(original: JsonValue, modified: JsonValue, kind: string): JsonObject {
  const o = original === null ? {} : original;
  const m = modified === null ? {} : modified;
  if (!isObject(o) || !isObject(m)) return fail('invalid JSON document');
  const patch = diffMaps(clone(o), clone(m), schemaFor(kind), {
    setElementOrder: true, ignoreChangesAndAdditions: false, ignoreDeletions: false,
  });
  return sortKeysDeep(patch) as JsonObject;
}

/** The recursive diff behind all patch creation (diffMaps). Results may share values with `modified`. */
export function diffMaps(original: JsonObject, modified: JsonObject, node: SchemaNode, opts: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: List = [];
  for (const [key, mv] of Object.entries(modified)) {
    if (opts.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key]!;
    if (key === DIRECTIVE) {
      if (typeof ov !== 'string' || typeof mv !== 'string') fail(`invalid value for special key: ${DIRECTIVE}`);
      if (ov !== mv) patch[key] = mv;
      continue;
    }
    if (kindOf(ov) !== kindOf(mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (isObject(ov)) diffMapField(key, ov, mv as JsonObject, patch, node, opts);
    else if (Array.isArray(ov)) diffListField(key, ov, mv as List, patch, node, opts);
    else if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.hasOwn(modified, key)) patch[key] = null;
  }
  const hasRemovedField = Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasRemovedField)) {
    patch[RETAIN_KEYS] = sortScalars(retainKeys);
  }
  return patch;
}

function diffMapField(key: string, ov: JsonObject, mv: JsonObject, patch: JsonObject, node: SchemaNode, opts: DiffOptions) {
  const f = field(node, key);
  if (f.strategy === 'replace') {
    // Upstream sends a replace-strategy map whole, changed or not.
    if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
    return;
  }
  const sub = diffMaps(ov, mv, f.node, { ...opts, buildRetainKeysDirective: f.retainKeys });
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function diffListField(key: string, ov: List, mv: List, patch: JsonObject, node: SchemaNode, opts: DiffOptions) {
  const f = field(node, key);
  if (f.strategy !== 'merge') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) patch[key] = mv;
    return;
  }
  const [add, del, order] = diffLists(ov, mv, f, { ...opts, buildRetainKeysDirective: f.retainKeys });
  if (add.length > 0) patch[key] = add;
  if (del.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST}/${key}`] = del;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER}/${key}`] = order;
}

/** For a merge list: the patch list, the primitive deletion list and the `$setElementOrder` list. */
function diffLists(original: List, modified: List, f: Field, opts: DiffOptions): [List, List, List] {
  if (original.length === 0) {
    return [modified.length === 0 || opts.ignoreChangesAndAdditions ? [] : modified, [], []];
  }
  const kind = sliceElementKind(original, modified);
  if (kind === 'array') return fail('lists of lists are not supported');
  if (kind === 'object') {
    const { mergeKey } = f;
    const [changes, deletions] = diffListsOfMaps(original, modified, f, opts);
    const patchList = [...normalizeSliceOrder(changes, modified, mergeKey, kind), ...deletions];
    const orderSame = original.length === modified.length &&
      modified.every((m, i) => mergeKeyValueEqual(original[i]!, m, mergeKey));
    let order: List = [];
    if (opts.setElementOrder && (
      (!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) ||
      (!opts.ignoreDeletions && patchList.length > 0))) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] ?? null }));
    }
    return [patchList, [], order];
  }
  const [add, del] = diffListsOfScalars(original, modified, opts);
  const patchList = normalizeSliceOrder(add, modified, '', kind);
  // Upstream compares the (in-place) sorted original, so an unsorted but unchanged list still gets
  // a $setElementOrder directive; kubectl's patches carry it.
  const changed = (!opts.ignoreDeletions && del.length > 0) ||
    (!opts.ignoreChangesAndAdditions && !deepEqual(sortScalars(original), modified));
  return [patchList, del, opts.setElementOrder && changed ? modified : []];
}

/** Walks both lists sorted by merge key: changed items (diffed), added items, and delete directives. */
function diffListsOfMaps(original: List, modified: List, f: Field, opts: DiffOptions): [List, List] {
  const { mergeKey } = f;
  const keyed = (list: List) =>
    list
      .map((v) => {
        const m = asMap(v);
        if (!Object.hasOwn(m, mergeKey)) errNoMergeKey(m, mergeKey);
        return { m, value: m[mergeKey]!, s: goFmt(m[mergeKey]) };
      })
      .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
  const os = keyed(original);
  const ms = keyed(modified);
  const patch: List = [];
  const deletions: List = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const o = os[i];
    const m = ms[j];
    if (o && m && o.s === m.s) {
      const sub = diffMaps(o.m, m.m, f.node, opts);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = m.value;
        patch.push(sub);
      }
      i++;
      j++;
    } else if (m && (!o || o.s > m.s)) {
      if (!opts.ignoreChangesAndAdditions) patch.push(m.m);
      j++;
    } else if (o) {
      if (!opts.ignoreDeletions) deletions.push({ [mergeKey]: o.value, [DIRECTIVE]: 'delete' });
      i++;
    }
  }
  return [patch, deletions];
}

function diffListsOfScalars(original: List, modified: List, opts: DiffOptions): [List, List] {
  const os = sortScalars(original);
  const ms = sortScalars(modified);
  const add: List = [];
  const del: List = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const oIn = i < os.length;
    const mIn = j < ms.length;
    const o = oIn ? goFmt(os[i]) : '';
    const m = mIn ? goFmt(ms[j]) : '';
    if (oIn && mIn && o === m) {
      i++;
      j++;
    } else if (!oIn || (mIn && o > m)) {
      if (!opts.ignoreChangesAndAdditions) add.push(ms[j]!);
      j++;
    } else {
      if (!opts.ignoreDeletions) del.push(os[i]!);
      i++;
    }
  }
  return [add, deduplicateScalars(del)];
}
