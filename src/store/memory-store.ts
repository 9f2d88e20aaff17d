// An in-memory Store: the working copy of a file-backed transaction, and the store unit tests use.

import type { KObject } from '../api/types.js';
import { StoreConflictError, type ObjectKey, type Store } from './store.js';

export interface StoreSnapshot {
  revision: number;
  /** resource → "namespace/name" → object */
  objects: Record<string, Record<string, KObject>>;
  meta: Record<string, unknown>;
}

const id = (k: ObjectKey) => `${k.namespace}/${k.name}`;

function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Stored objects are frozen: list() hands them out without copying (controllers list the whole
 * cluster every round), and any attempt to change one in place throws instead of silently
 * corrupting the store. get() returns a private copy, ready to be changed and written back.
 */
function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k]);
  }
  return v;
}

export class MemoryStore implements Store {
  private data: StoreSnapshot;
  private dirty = false;

  constructor(snapshot?: StoreSnapshot) {
    this.data = snapshot ?? { revision: 1, objects: {}, meta: {} };
    for (const bucket of Object.values(this.data.objects)) for (const o of Object.values(bucket)) deepFreeze(o);
  }

  /** True once anything was written since the snapshot was loaded. */
  isDirty(): boolean {
    return this.dirty;
  }

  snapshot(): StoreSnapshot {
    return this.data;
  }

  get(key: ObjectKey): KObject | undefined {
    const o = this.data.objects[key.resource]?.[id(key)];
    return o ? clone(o) : undefined;
  }

  /** The objects themselves, frozen: copy one (structuredClone) before changing it. */
  list(resource: string, namespace?: string): KObject[] {
    const bucket = this.data.objects[resource];
    if (!bucket) return [];
    const ids = Object.keys(bucket).sort(compareIds);
    const out: KObject[] = [];
    for (const k of ids) {
      const o = bucket[k]!;
      if (namespace !== undefined && (o.metadata.namespace ?? '') !== namespace) continue;
      out.push(o);
    }
    return out;
  }

  create(key: ObjectKey, obj: KObject): KObject {
    const bucket = (this.data.objects[key.resource] ??= {});
    if (bucket[id(key)]) throw new Error(`object exists: ${key.resource} ${id(key)}`);
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(++this.data.revision);
    bucket[id(key)] = deepFreeze(stored);
    this.dirty = true;
    return clone(stored);
  }

  update(key: ObjectKey, obj: KObject, expectedResourceVersion?: string): KObject {
    const bucket = this.data.objects[key.resource];
    const cur = bucket?.[id(key)];
    if (!bucket || !cur) throw new Error(`object missing: ${key.resource} ${id(key)}`);
    if (expectedResourceVersion !== undefined && expectedResourceVersion !== cur.metadata.resourceVersion) {
      throw new StoreConflictError(key, expectedResourceVersion, cur.metadata.resourceVersion ?? '');
    }
    const next = clone(obj);
    next.metadata.resourceVersion = cur.metadata.resourceVersion;
    if (stableStringify(next) === stableStringify(cur)) return clone(cur);
    next.metadata.resourceVersion = String(++this.data.revision);
    bucket[id(key)] = deepFreeze(next);
    this.dirty = true;
    return clone(next);
  }

  delete(key: ObjectKey): KObject | undefined {
    const bucket = this.data.objects[key.resource];
    const cur = bucket?.[id(key)];
    if (!bucket || !cur) return undefined;
    delete bucket[id(key)];
    this.data.revision++;
    this.dirty = true;
    return clone(cur);
  }

  revision(): number {
    return this.data.revision;
  }

  getMeta<T>(name: string): T | undefined {
    const v = this.data.meta[name];
    return v === undefined ? undefined : (clone(v) as T);
  }

  setMeta(name: string, value: unknown): void {
    if (stableStringify(this.data.meta[name]) === stableStringify(value)) return;
    this.data.meta[name] = clone(value);
    this.dirty = true;
  }
}

/** Sort by namespace, then name (the apiserver's list order). */
function compareIds(a: string, b: string): number {
  const [an, am] = splitId(a);
  const [bn, bm] = splitId(b);
  if (an !== bn) return an < bn ? -1 : 1;
  return am < bm ? -1 : am > bm ? 1 : 0;
}

function splitId(s: string): [string, string] {
  const i = s.indexOf('/');
  return [s.slice(0, i), s.slice(i + 1)];
}

/** JSON with sorted keys, for "did anything change" comparisons. */
export function stableStringify(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const o = val as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(o).sort()) sorted[k] = o[k];
      return sorted;
    }
    return val;
  });
}
