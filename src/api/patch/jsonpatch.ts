// RFC 6902 JSON patch with the behaviour and error texts of gopkg.in/evanphx/json-patch.v4, which both
// kubectl 1.36 (`patch --type json`) and the apiserver use. v4 quirks kept on purpose:
// `replace` of a missing object key adds it, `copy` from a missing key copies null, negative array
// indices count from the end, and `add` at the root path "" is an error.

import type { JsonObject, JsonValue } from '../types.js';
import { clone, deepEqual, isObject } from './merge.js';

export class JsonPatchError extends Error {
  override name = 'JsonPatchError';
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test' | string;
  path?: string;
  from?: string;
  value?: JsonValue;
}

type Container = JsonObject | JsonValue[];

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';

/** Errors carry Go's wrapped texts ("context: cause"). */
const fail = (msg: string): never => {
  throw new JsonPatchError(msg);
};
const wrap = (context: string, err: unknown): never =>
  fail(`${context}: ${err instanceof Error ? err.message : String(err)}`);

/** Applies `ops` (an array of operations) to `doc`, returning a new document; `doc` is not modified. */
export function applyJsonPatch(doc: JsonValue, ops: readonly JsonPatchOperation[] | JsonValue): JsonValue {
  if (!Array.isArray(ops)) {
    return fail(`json: cannot unmarshal ${jsonKind(ops as JsonValue)} into Go value of type jsonpatch.Patch`);
  }
  if (!isObject(doc) && !Array.isArray(doc)) return fail('invalid JSON document');
  const root = { doc: clone(doc) as Container };
  for (const raw of ops as JsonValue[]) {
    if (!isObject(raw)) return fail(`json: cannot unmarshal ${jsonKind(raw)} into Go value of type jsonpatch.Operation`);
    applyOne(root, raw);
  }
  return root.doc;
}

function jsonKind(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return isObject(v) ? 'object' : typeof v;
}

function applyOne(root: { doc: Container }, op: JsonObject): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add': {
      const path = pathOf(op, 'path', () => `add operation failed to decode path: ${MISSING}`);
      const [con, key] = findObject(root.doc, path) ?? fail(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        add(con, key, valueOf(op));
      } catch (e) {
        wrap(`error in add for path: '${path}'`, e);
      }
      return;
    }
    case 'remove': {
      const path = pathOf(op, 'path', () => `remove operation failed to decode path: ${MISSING}`);
      const [con, key] = findObject(root.doc, path) ?? fail(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
      try {
        remove(con, key);
      } catch (e) {
        wrap(`error in remove for path: '${path}'`, e);
      }
      return;
    }
    case 'replace': {
      const path = pathOf(op, 'path', (e) => `replace operation failed to decode path: ${e}`);
      if (path === '') {
        // v4 swaps in an object or array; any other value is silently ignored.
        const v = op.value;
        if (isObject(v) || Array.isArray(v)) root.doc = clone(v);
        return;
      }
      const [con, key] = findObject(root.doc, path) ?? fail(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
      try {
        get(con, key);
      } catch {
        fail(`replace operation does not apply: doc is missing key: ${path}: ${MISSING}`);
      }
      set(con, key, valueOf(op));
      return;
    }
    case 'move': {
      const from = pathOf(op, 'from', (e) => `move operation failed to decode from: ${e}`);
      const [src, fromKey] = findObject(root.doc, from) ?? fail(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      let val: JsonValue | undefined;
      try {
        val = get(src, fromKey);
        remove(src, fromKey);
      } catch (e) {
        wrap(`error in move for path: '${fromKey}'`, e);
      }
      const path = pathOf(op, 'path', (e) => `move operation failed to decode path: ${e}`);
      const [dst, key] = findObject(root.doc, path) ?? fail(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      try {
        add(dst, key, val ?? null);
      } catch (e) {
        wrap(`error in move for path: '${path}'`, e);
      }
      return;
    }
    case 'copy': {
      const from = pathOf(op, 'from', (e) => `copy operation failed to decode from: ${e}`);
      const [src, fromKey] = findObject(root.doc, from) ?? fail(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
      let val: JsonValue | undefined;
      try {
        val = get(src, fromKey);
      } catch (e) {
        wrap(`error in copy for from: '${from}'`, e);
      }
      const path = pathOf(op, 'path', () => `copy operation failed to decode path: ${MISSING}`);
      const [dst, key] = findObject(root.doc, path) ?? fail(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
      try {
        add(dst, key, val === undefined ? null : clone(val));
      } catch (e) {
        wrap('error while adding value during copy', e);
      }
      return;
    }
    case 'test': {
      const path = pathOf(op, 'path', (e) => `test operation failed to decode path: ${e}`);
      const failed = () => fail(`testing value ${path} failed: test failed`);
      if (path === '') {
        if (!deepEqual(root.doc, op.value)) failed();
        return;
      }
      const [con, key] = findObject(root.doc, path) ?? fail(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
      let val: JsonValue | undefined;
      try {
        val = get(con, key);
      } catch (e) {
        wrap(`error in test for path: '${path}'`, e);
      }
      // A missing or null value matches only a null (or absent) test value.
      if (val === undefined || val === null) {
        if (op.value !== undefined && op.value !== null) failed();
      } else if (op.value === undefined || !deepEqual(val, op.value)) {
        failed();
      }
      return;
    }
    default:
      fail(`Unexpected kind: ${kind}`);
  }
}

/** The operation's `path`/`from`; `onMissing` gets the Go error text for a missing one. */
function pathOf(op: JsonObject, name: 'path' | 'from', onMissing: (err: string) => string): string {
  const v = op[name];
  if (v === undefined || v === null) {
    return fail(onMissing(name === 'path' ? `operation missing path field: ${MISSING}` : `operation, missing from field: ${MISSING}`));
  }
  if (typeof v !== 'string') return fail(onMissing(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`));
  return v;
}

function valueOf(op: JsonObject): JsonValue {
  return op.value === undefined ? null : clone(op.value);
}

/** Decodes a JSON pointer token (~1 → /, ~0 → ~). */
function decodeKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

/** The container holding the pointer's last token, and that token; undefined when unreachable. */
function findObject(doc: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let cur: Container = doc;
  for (const part of split.slice(1, -1)) {
    let next: JsonValue | undefined;
    try {
      next = get(cur, decodeKey(part));
    } catch {
      return undefined;
    }
    if (!isObject(next) && !Array.isArray(next)) return undefined;
    cur = next;
  }
  return [cur, decodeKey(split[split.length - 1]!)];
}

/** strconv.Atoi: optional sign and decimal digits. */
function atoi(key: string): number {
  if (!/^[+-]?\d+$/.test(key)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`);
  return Number(key);
}

const invalidIndex = (idx: number) => new Error(`Unable to access invalid index: ${idx}: ${INVALID_INDEX}`);

/** Resolves a possibly negative index into [0, size); throws v4's error otherwise. */
function resolveIndex(idx: number, size: number): number {
  if (idx < 0) {
    if (idx < -size) throw invalidIndex(idx);
    idx += size;
  }
  if (idx >= size) throw invalidIndex(idx);
  return idx;
}

function get(con: Container, key: string): JsonValue | undefined {
  if (!Array.isArray(con)) return Object.hasOwn(con, key) ? con[key] : undefined;
  return con[resolveIndex(atoi(key), con.length)];
}

function set(con: Container, key: string, val: JsonValue): void {
  if (Array.isArray(con)) con[resolveIndex(atoi(key), con.length)] = val;
  else con[key] = val;
}

function add(con: Container, key: string, val: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = val;
    return;
  }
  if (key === '-') {
    con.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    return wrap(`value was not a proper array index: '${key}'`, e);
  }
  con.splice(resolveIndex(idx, con.length + 1), 0, val);
}

function remove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) throw new Error(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  con.splice(resolveIndex(atoi(key), con.length), 1);
}
