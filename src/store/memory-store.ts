// An in-memory Store: the working copy of a file-backed transaction, and the store unit tests use.

import type { KObject } from '../api/types.js';
import { jsonClone } from '../util/clone.js';
import { selfChecks } from '../util/self-checks.js';
import type { ColdFile } from './cold.js';
import { PartSharing } from './share.js';
import { compareIds, StoreConflictError, type IndexValue, type ObjectKey, type Store } from './store.js';

export interface StoreSnapshot {
  revision: number;
  /** resource → "namespace/name" → object */
  objects: Record<string, Record<string, KObject>>;
  meta: Record<string, unknown>;
}

/** Reads one resource's objects on first use (the file backend's per-resource segments). */
export interface LazyBuckets {
  resources: string[];
  load: (resource: string) => Record<string, KObject>;
}

/**
 * What a bucket holds for one object: the object, or for a resource kept cold (keepCold) the handle of
 * its JSON in the cold file.
 */
type Entry = KObject | number;
type Buckets = Record<string, Record<string, Entry>>;

/** "namespace/name", one flat string (join): the store keeps ids in several places, and a rope of the pieces per copy added up at 10,000 pods. */
const id = (k: ObjectKey) => [k.namespace, '/', k.name].join('');

const clone = jsonClone;

/**
 * Stored objects are read-only: list() hands them out without copying (controllers list the whole
 * cluster every round); get() returns a private copy, ready to be changed and written back. Under
 * the test suite (KUBE_LITE_FREEZE=1, set by vitest.config.ts) they are deeply frozen, so code that
 * changes one in place throws there instead of silently corrupting the store. A command does not pay
 * for that check: freezing 10,000 pods cost more than listing them.
 */
function deepFreeze<T>(v: T): T {
  if (selfChecks()) freeze(v);
  return v;
}

function freeze(v: unknown): void {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) freeze((v as Record<string, unknown>)[k]);
  }
}

/**
 * A resource's key among the read-tracking and change counts ("r:pods"), made once: every read and
 * write looks it up, and a new string each time had to be hashed each time.
 */
const rkeys = new Map<string, string>();
function rkey(resource: string): string {
  let k = rkeys.get(resource);
  if (k === undefined) rkeys.set(resource, (k = `r:${resource}`));
  return k;
}

/** Changes kept per resource for changesSince. */
const MAX_LOG = 1 << 18;

/**
 * Computes an object's value for a secondary index (see MemoryStore.byIndex); undefined leaves the
 * object out (the pods not owned by any Job: an entry holding nearly everything costs every write).
 */
export type IndexFn = (obj: KObject) => IndexValue | undefined;

const declaredIndexes = new Set<IndexFn>();

/** The size of cold file at which versions no longer held are dropped (see compactCold). */
const COMPACT_AT = 64 * 1024 * 1024;

/**
 * Declares an index that may be asked of a resource kept cold (MemoryStore.keepCold). A store builds
 * it over such a resource before it writes an object there cold: built later, it would read back
 * every object written cold since (the garbage collector's, over 40,000 events, cost more than
 * writing them). Called once per index, at module level.
 */
export function declareIndex(fn: IndexFn): IndexFn {
  declaredIndexes.add(fn);
  return fn;
}

export class MemoryStore implements Store {
  private data: Omit<StoreSnapshot, 'objects'> & { objects: Buckets };
  private dirty = false;
  private changes = 0;
  /**
   * resource → ids sorted in list order. Controllers list every resource every round; sorting 10,000
   * ids each time dominated reconcile. Kept in order on create and delete (updates keep the set of ids).
   */
  private order = new Map<string, ListOrder>();
  /** resource → index function → value → ids; built on first use, then kept up to date on every write. */
  private indexes = new Map<string, Map<IndexFn, Map<IndexValue, IndexEntry>>>();
  /** Resources whose objects are not read yet. */
  private unread: Set<string>;
  /** Change counts per resource (`r:pods`) and meta value (`m:kubelet`), for read tracking. */
  private versions = new Map<string, number>();
  /** While trackReads runs: what was read, with its change count at the first read. */
  private reads: Map<string, number> | undefined;
  /** Resources written since the snapshot was loaded, with the ids written in each. */
  private changed = new Map<string, Set<string>>();
  /** resource → the ids written, one per change; `base` is the resource's change count before the first (see changesSince). */
  private log = new Map<string, { base: number; ids: string[] }>();
  private stamps: ((resource: string) => string) | undefined;
  /** Equal parts of the objects written are stored once (share.ts). */
  private readonly sharing = new PartSharing();
  /** Resources whose objects, as written, are kept in `cold` rather than in the heap (see keepCold). */
  private coldResources: ReadonlySet<string> = new Set();
  private cold: ColdFile | undefined;
  /** The cold resources written to since keepCold. */
  private readonly wentCold = new Set<string>();
  /** Bytes of the cold file the bucket entries still use; and the size it is compacted at. */
  private coldLive = 0;
  private compactAt = COMPACT_AT;

  constructor(snapshot?: StoreSnapshot, private readonly lazy?: LazyBuckets) {
    // Loaded objects are frozen lazily, when list() or byIndex() first hands them out: freezing the
    // whole cluster up front cost a read-only command time in proportion to every object it never reads.
    this.data = snapshot ?? { revision: 1, objects: {}, meta: {} };
    this.unread = new Set(lazy?.resources.filter((r) => !(r in this.data.objects)));
  }

  /**
   * The id of `key`, made once for the key last asked about: the API server looks an object up and
   * then writes it with one key, and a new string each time had to be made and hashed each time.
   */
  private idOf(key: ObjectKey): string {
    // (the name and namespace are compared too: a key changed in place gets a new id)
    if (key !== this.lastKey || key.name !== this.lastName || key.namespace !== this.lastNamespace) {
      this.lastKey = key;
      this.lastName = key.name;
      this.lastNamespace = key.namespace;
      this.lastId = id(key);
    }
    return this.lastId;
  }

  private lastKey: ObjectKey | undefined;
  private lastName = '';
  private lastNamespace = '';
  private lastId = '';

  /** One resource's objects by "namespace/name", read on first use; `create` makes an empty one. */
  private bucket(resource: string, create: true): Record<string, Entry>;
  private bucket(resource: string, create?: false): Record<string, Entry> | undefined;
  private bucket(resource: string, create = false): Record<string, Entry> | undefined {
    if (this.reads) this.noteRead(rkey(resource));
    if (this.unread.has(resource)) {
      this.unread.delete(resource);
      this.data.objects[resource] = this.lazy!.load(resource);
    }
    const b = this.data.objects[resource];
    if (b || !create) return b;
    return (this.data.objects[resource] = {});
  }

  /**
   * Keeps the objects of `resources` written from now on in `cold` rather than in the heap: each is
   * read back (parsed anew) when asked for. For resources a command writes many of and hardly reads.
   */
  keepCold(resources: readonly string[], cold: ColdFile, compactAt = COMPACT_AT): void {
    this.coldResources = new Set(resources);
    this.cold = cold;
    this.compactAt = compactAt;
  }

  /** Objects of `resource` written are kept in the cold file (not shared: they leave the heap). */
  private isCold(resource: string): boolean {
    return this.cold !== undefined && this.coldResources.has(resource);
  }

  /** The object an entry stands for (read only). */
  private objectOf(e: Entry): KObject;
  private objectOf(e: Entry | undefined): KObject | undefined;
  private objectOf(e: Entry | undefined): KObject | undefined {
    return typeof e === 'number' ? (JSON.parse(this.cold!.text(e)) as KObject) : e;
  }

  /** The ids of one resource's objects, in the order they were stored (the backend's segments). */
  idsOf(resource: string): string[] {
    const bucket = this.bucket(resource);
    return bucket ? Object.keys(bucket) : [];
  }

  /**
   * One object's JSON as the backend writes it: a string, or bytes valid until the next call (kept
   * cold: its stored text as it is).
   */
  jsonOf(resource: string, id: string): string | Uint8Array | undefined {
    const e = this.bucket(resource)?.[id];
    if (e === undefined) return undefined;
    return typeof e === 'number' ? this.cold!.bytes(e) : JSON.stringify(e);
  }

  /** The resources written since the snapshot was loaded. */
  changedResources(): string[] {
    return [...this.changed.keys()];
  }

  /** The ids of one resource created, updated or deleted since the snapshot was loaded. */
  changedIds(resource: string): ReadonlySet<string> {
    return this.changed.get(resource) ?? new Set();
  }

  /** The meta values as stored (read only). */
  metaValues(): Record<string, unknown> {
    return this.data.meta;
  }

  /**
   * Starts a new transaction on the same objects (a long-running process whose last commit is still
   * what is on disk): nothing is changed yet, and the meta values are the ones given.
   */
  continueFrom(meta: Record<string, unknown>): void {
    for (const k of new Set([...Object.keys(meta), ...Object.keys(this.data.meta)])) {
      if (stableStringify(meta[k]) !== stableStringify(this.data.meta[k])) this.bump(`m:${k}`);
    }
    this.data.meta = meta;
    this.dirty = false;
    this.changed = new Map();
  }

  /** True once anything was written since the snapshot was loaded. */
  isDirty(): boolean {
    return this.dirty;
  }

  /** Counts the writes (objects and meta) that changed something; callers compare two readings. */
  changeCount(): number {
    return this.changes;
  }

  /** Everything, every resource read (what is kept cold brought back). */
  snapshot(): StoreSnapshot {
    for (const r of [...this.unread]) this.bucket(r);
    const objects: Record<string, Record<string, KObject>> = {};
    for (const [r, bucket] of Object.entries(this.data.objects)) {
      objects[r] = {};
      for (const [k, e] of Object.entries(bucket)) objects[r][k] = this.objectOf(e);
    }
    return { ...this.data, objects };
  }

  get(key: ObjectKey): KObject | undefined {
    const e = this.bucket(key.resource)?.[this.idOf(key)];
    if (e === undefined) return undefined;
    return typeof e === 'number' ? this.objectOf(e) : clone(e);
  }

  peek(key: ObjectKey): KObject | undefined {
    const o = this.objectOf(this.bucket(key.resource)?.[this.idOf(key)]);
    return o ? deepFreeze(o) : undefined;
  }

  /** The objects themselves, frozen: copy one (structuredClone) before changing it. */
  list(resource: string, namespace?: string): KObject[] {
    const bucket = this.bucket(resource);
    if (!bucket) return [];
    const ids = this.sortedIdsOf(resource, bucket);
    const out: KObject[] = [];
    for (const k of ids) {
      const o = this.objectOf(bucket[k]!);
      if (namespace !== undefined && (o.metadata.namespace ?? '') !== namespace) continue;
      out.push(deepFreeze(o));
    }
    return out;
  }

  /**
   * The objects of `resource` whose `fn(obj)` is `value`, in list order (frozen, like list()). For the
   * lookups controllers make once per object ("this pod's events", "the pods on this node"): a list()
   * each time made reconcile quadratic in the cluster's size. `fn` must be a module-level constant.
   */
  byIndex(resource: string, fn: IndexFn, value: IndexValue): KObject[] {
    const bucket = this.bucket(resource);
    if (!bucket) return [];
    const entry = this.index(resource, bucket, fn).get(value);
    if (entry === undefined) return [];
    const at = (k: string) => deepFreeze(this.objectOf(bucket[k]!));
    if (typeof entry === 'string') return [at(entry)];
    if (Array.isArray(entry)) return entry.map(at);
    entry.order ??= { ids: sortIds([...entry.ids]), pending: [] };
    return inOrder(entry.order).map(at);
  }

  /** The index `fn` of `resource`, built over the bucket on first use, then kept up to date by writes. */
  private index(resource: string, bucket: Record<string, Entry>, fn: IndexFn): Map<IndexValue, IndexEntry> {
    let perResource = this.indexes.get(resource);
    if (!perResource) this.indexes.set(resource, (perResource = new Map()));
    let index = perResource.get(fn);
    if (!index) {
      perResource.set(fn, (index = new Map()));
      for (const [k, e] of Object.entries(bucket)) {
        const v = fn(this.objectOf(e));
        if (v !== undefined) addTo(index, v, k);
      }
    }
    return index;
  }

  /** The ids of a resource in list order: new ones are sorted among themselves and merged in. */
  private sortedIdsOf(resource: string, bucket: Record<string, Entry>): string[] {
    let order = this.order.get(resource);
    if (!order) this.order.set(resource, (order = { ids: sortIds(Object.keys(bucket)), pending: [] }));
    return inOrder(order);
  }

  /** Keeps the secondary indexes of `resource` in step with one write. */
  private reindex(resource: string, k: string, before: KObject | undefined, after: KObject | undefined): void {
    const perResource = this.indexes.get(resource);
    if (!perResource) return;
    for (const [fn, index] of perResource) {
      const from = before ? fn(before) : undefined;
      const to = after ? fn(after) : undefined;
      if (from === to) continue;
      if (from !== undefined) {
        const entry = index.get(from);
        if (entry === k) index.delete(from);
        else if (Array.isArray(entry)) {
          const rest = entry.filter((x) => x !== k);
          index.set(from, rest.length === 1 ? rest[0]! : rest);
        } else if (typeof entry === 'object' && entry.ids.delete(k)) {
          if (entry.ids.size === 0) index.delete(from);
          else if (entry.order) removeFrom(entry.order, k);
        }
      }
      if (to !== undefined) addTo(index, to, k);
    }
  }

  create(key: ObjectKey, obj: KObject): KObject {
    const bucket = this.bucket(key.resource, true);
    const k = this.idOf(key);
    if (bucket[k] !== undefined) throw new Error(`object exists: ${key.resource} ${k}`);
    obj.metadata.resourceVersion = String(++this.data.revision);
    const stored = this.isCold(key.resource) ? obj : this.sharing.share(key.resource, obj);
    bucket[k] = this.entryFor(key.resource, bucket, deepFreeze(stored));
    const order = this.order.get(key.resource);
    if (order) addToOrder(order, k);
    this.reindex(key.resource, k, undefined, stored);
    this.touch(key.resource, k);
    return stored;
  }

  update(key: ObjectKey, obj: KObject, expectedResourceVersion?: string): KObject {
    const bucket = this.bucket(key.resource);
    const k = this.idOf(key);
    const cur = this.objectOf(bucket?.[k]);
    if (!bucket || !cur) throw new Error(`object missing: ${key.resource} ${k}`);
    if (expectedResourceVersion !== undefined && expectedResourceVersion !== cur.metadata.resourceVersion) {
      throw new StoreConflictError(key, expectedResourceVersion, cur.metadata.resourceVersion ?? '');
    }
    let next = obj;
    next.metadata.resourceVersion = cur.metadata.resourceVersion;
    if (sameJson(next, cur)) return deepFreeze(cur);
    next.metadata.resourceVersion = String(++this.data.revision);
    if (!this.isCold(key.resource)) next = this.sharing.share(key.resource, next, cur);
    this.dropEntry(bucket[k]);
    bucket[k] = this.entryFor(key.resource, bucket, deepFreeze(next));
    this.reindex(key.resource, k, cur, next);
    this.touch(key.resource, k);
    return next;
  }

  delete(key: ObjectKey): KObject | undefined {
    const bucket = this.bucket(key.resource);
    const cur = this.objectOf(bucket?.[this.idOf(key)]);
    if (!bucket || !cur) return undefined;
    this.dropEntry(bucket[this.idOf(key)]);
    delete bucket[this.idOf(key)];
    const order = this.order.get(key.resource);
    if (order) removeFrom(order, this.idOf(key));
    this.reindex(key.resource, this.idOf(key), cur, undefined);
    this.data.revision++;
    this.touch(key.resource, this.idOf(key));
    return clone(cur);
  }

  /** What the bucket keeps of an object written: itself, or kept cold, its handle. */
  private entryFor(resource: string, bucket: Record<string, Entry>, obj: KObject): Entry {
    if (!this.isCold(resource)) return obj;
    // The declared indexes are built before the first object goes cold (see declareIndex).
    if (!this.wentCold.has(resource)) {
      this.wentCold.add(resource);
      for (const fn of declaredIndexes) this.index(resource, bucket, fn);
    }
    if (this.cold!.held >= this.compactAt && this.coldLive * 2 < this.cold!.held) this.compactCold();
    // (a new file, if compacted)
    const cold = this.cold!;
    const handle = cold.put(JSON.stringify(obj));
    this.coldLive += cold.length(handle);
    return handle;
  }

  /** Notes that a bucket entry is replaced or removed: its bytes in the cold file are no longer used. */
  private dropEntry(e: Entry | undefined): void {
    if (typeof e === 'number') this.coldLive -= this.cold!.length(e);
  }

  /**
   * Copies the cold objects still held into a new cold file and gives the old one up. A long-running
   * store (serve) writes events again and again (counts going up): without this its file would keep
   * every version. Run when at least half the file is versions no longer held, so each byte written
   * is copied about once at most.
   */
  private compactCold(): void {
    const old = this.cold!;
    const fresh = old.another();
    for (const r of this.coldResources) {
      const bucket = this.data.objects[r];
      if (!bucket) continue;
      for (const k of Object.keys(bucket)) {
        const e = bucket[k];
        if (typeof e === 'number') bucket[k] = fresh.put(old.bytes(e));
      }
    }
    old.close();
    this.cold = fresh;
  }

  private noteRead(key: string): void {
    if (!this.reads!.has(key)) this.reads!.set(key, this.versionOf(key));
  }

  private bump(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  /** See Store.stampOf: the backend's stamp of what it loaded, unless changed since. */
  stampOf(resource: string): string | undefined {
    if (!this.stamps || this.changed.has(resource)) return undefined;
    return this.stamps(resource);
  }

  /** The backend's stamps of its resources as loaded (FileStoreTxn: segment and journal length). */
  setStamps(stamps: ((resource: string) => string) | undefined): void {
    this.stamps = stamps;
  }

  noteResourceRead(resource: string): void {
    if (this.reads) this.noteRead(rkey(resource));
  }

  noteObjectRead(key: ObjectKey): void {
    if (this.reads) this.noteRead(`o:${key.resource}/${this.idOf(key)}`);
  }

  untracked<T>(fn: () => T): T {
    const outer = this.reads;
    this.reads = undefined;
    try {
      return fn();
    } finally {
      this.reads = outer;
    }
  }

  /**
   * How often a resource (`r:<resource>`) or meta value (`m:<name>`) changed in this store; for one
   * object (`o:<resource>/<namespace>/<name>`), its resourceVersion (0: absent).
   */
  versionOf(key: string): number {
    if (key.startsWith('o:')) {
      const slash = key.indexOf('/');
      // Looking at one object is not reading its whole resource.
      return this.untracked(() => Number(this.objectOf(this.bucket(key.slice(2, slash))?.[key.slice(slash + 1)])?.metadata.resourceVersion ?? 0));
    }
    return this.versions.get(key) ?? 0;
  }

  /**
   * Runs `fn` and returns what it read - resources and meta values, each with its change count when
   * first read. A caller that sees the same counts later knows `fn` would read the same data.
   */
  trackReads(fn: () => void): Map<string, number> {
    const outer = this.reads;
    const mine = new Map<string, number>();
    this.reads = mine;
    try {
      fn();
    } finally {
      this.reads = outer;
      if (outer) for (const [k, v] of mine) if (!outer.has(k)) outer.set(k, v);
    }
    return mine;
  }

  /** See Store.changesSince. */
  changesSince(resource: string, version: number): readonly string[] | undefined {
    const now = this.versions.get(rkey(resource)) ?? 0;
    const log = this.log.get(resource) ?? { base: now, ids: [] };
    if (version < log.base || version > now) return undefined;
    return log.ids.slice(version - log.base);
  }

  private touch(resource: string, k: string): void {
    let log = this.log.get(resource);
    // A long-lived store (serve) forgets old history: a reader that far behind looks at everything.
    if (!log || log.ids.length >= MAX_LOG) this.log.set(resource, (log = { base: this.versions.get(rkey(resource)) ?? 0, ids: [] }));
    log.ids.push(k);
    this.bump(rkey(resource));
    let ids = this.changed.get(resource);
    if (!ids) this.changed.set(resource, (ids = new Set()));
    ids.add(k);
    this.dirty = true;
    this.changes++;
  }

  revision(): number {
    return this.data.revision;
  }

  getMeta<T>(name: string): T | undefined {
    if (this.reads) this.noteRead(`m:${name}`);
    const v = this.data.meta[name];
    return v === undefined ? undefined : (clone(v) as T);
  }

  setMeta(name: string, value: unknown): void {
    if (stableStringify(this.data.meta[name]) === stableStringify(value)) return;
    this.data.meta[name] = clone(value);
    this.bump(`m:${name}`);
    this.dirty = true;
    this.changes++;
  }
}

/**
 * A resource's ids in list order. Controllers list every resource every round and create objects in
 * between: sorting 10,000 ids each time, or inserting each new one into place, dominated reconcile.
 * New ids wait in `pending` until the next list, which sorts them and merges them in. Ids removed
 * from the sorted part are only noted (`removed`) and left out by the next list: the scheduler binds
 * 10,000 pods one by one out of its "unbound" index, and taking each out of the array in place moved
 * 50 million entries.
 */
interface ListOrder {
  ids: string[];
  pending: string[];
  /** Ids still in `ids` that are no longer in the list. */
  removed?: Set<string>;
}

/** The ids in list order, the removed ones left out and the pending ones merged in. */
function inOrder(order: ListOrder): string[] {
  if (order.removed) {
    const removed = order.removed;
    order.ids = order.ids.filter((k) => !removed.has(k));
    order.removed = undefined;
  }
  if (order.pending.length > 0) {
    order.ids = mergeSorted(order.ids, sortIds(order.pending));
    order.pending = [];
  }
  return order.ids;
}

function addToOrder(order: ListOrder, k: string): void {
  // back where it was (removed since the last list, and still in its place in `ids`)
  if (order.removed?.delete(k)) return;
  order.pending.push(k);
}

function removeFrom(order: ListOrder, k: string): void {
  const p = order.pending.length > 0 ? order.pending.indexOf(k) : -1;
  if (p >= 0) order.pending.splice(p, 1);
  else (order.removed ??= new Set()).add(k);
}

/**
 * Sorts ids by namespace, then name, with the engine's own string sort: "ns/name" with the slash
 * made the lowest character compares as (namespace, name) does ("a/x" before "a-b/x").
 */
function sortIds(ids: string[]): string[] {
  return ids
    .map((k) => k.replace('/', '\0'))
    .sort()
    .map((k) => k.replace('\0', '/'));
}

function mergeSorted(a: string[], b: string[]): string[] {
  const out: string[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareIds(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** Where `k` is (or would go) in ids sorted by compareIds. */
function sortedIndex(ids: string[], k: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(ids[mid]!, k) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ids with one index value. Most values of some indexes name one object or a few (an event's
 * involved object), and a set for each cost ~10 MB at 10,000 pods: a lone id is kept as itself, up to
 * SMALL_ENTRY ids as an array in list order, more as a set with (once asked for) the same in list order.
 */
type IndexEntry = string | string[] | { ids: Set<string>; order?: ListOrder };
const SMALL_ENTRY = 8;

function addTo(index: Map<IndexValue, IndexEntry>, value: IndexValue, k: string): void {
  const entry = index.get(value);
  if (entry === undefined) {
    index.set(value, k);
    return;
  }
  if (typeof entry === 'string' || Array.isArray(entry)) {
    const ids = typeof entry === 'string' ? [entry] : entry;
    if (ids.includes(k)) return;
    if (ids.length < SMALL_ENTRY) {
      const at = sortedIndex(ids, k);
      // (exactly as long: a spread reserves room to grow, 1.4 MB at 10,000 pods' events)
      index.set(value, ids.slice(0, at).concat([k], ids.slice(at)));
    } else index.set(value, { ids: new Set([...ids, k]) });
    return;
  }
  if (entry.ids.has(k)) return;
  entry.ids.add(k);
  if (entry.order) addToOrder(entry.order, k);
}

/**
 * True when `a` and `b` serialise to the same JSON up to key order (what comparing stableStringify
 * outputs tells), without building two strings per update.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // JSON turns NaN and ±Infinity into null, and drops undefined: fall back to the serialiser.
    return typeof a === 'number' || typeof b === 'number' ? JSON.stringify(a) === JSON.stringify(b) : false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) {
      // undefined inside an array serialises as null
      if (!sameJson(a[i] === undefined ? null : a[i], bb[i] === undefined ? null : bb[i])) return false;
    }
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // for-in, not Object.keys: the same keys for the plain objects stored, without an array per object
  // (every update compares the object with the one it replaces)
  let n = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    n++;
    if (bo[k] === undefined || !sameJson(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== undefined) n--;
  return n === 0;
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
