// The narrow storage interface the API layer uses. Objects are keyed by resource ("pods",
// "deployments.apps"), namespace ("" for cluster-scoped) and name. A file backend implements it today;
// an etcd backend can implement it later without any caller changing.

import type { KObject } from '../api/types.js';

export interface ObjectKey {
  /** Plural resource with group: "pods", "deployments.apps", "ingresses.networking.k8s.io". */
  resource: string;
  /** "" for cluster-scoped objects. */
  namespace: string;
  name: string;
}

export class StoreConflictError extends Error {
  constructor(
    readonly key: ObjectKey,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`resourceVersion conflict on ${key.resource} ${key.namespace}/${key.name}: expected ${expected}, found ${actual}`);
  }
}

export class StoreError extends Error {}

export interface Store {
  /** A private copy of the stored object, free to change. */
  get(key: ObjectKey): KObject | undefined;
  /** The stored object itself, frozen: for reading only (no copy made). */
  peek(key: ObjectKey): Readonly<KObject> | undefined;
  /** Objects of one resource, sorted by namespace then name; `namespace` undefined = all namespaces. */
  list(resource: string, namespace?: string): KObject[];
  /**
   * Stores a new object; assigns metadata.resourceVersion from the next cluster revision. Create and
   * update take ownership of `obj` (it may be stored and frozen as it is): the caller passes a private
   * copy and does not use it afterwards. They return what was stored, frozen.
   */
  create(key: ObjectKey, obj: KObject): KObject;
  /**
   * Replaces an object. With `expectedResourceVersion`, fails with StoreConflictError when the stored
   * object has another. An update that changes nothing keeps the resourceVersion and the revision.
   */
  update(key: ObjectKey, obj: KObject, expectedResourceVersion?: string): KObject;
  delete(key: ObjectKey): KObject | undefined;
  /** The cluster-wide revision: the resourceVersion of the newest write. */
  revision(): number;
  /** Small named values kept with the cluster (random-generator state, allocators, settings). */
  getMeta<T>(name: string): T | undefined;
  setMeta(name: string, value: unknown): void;
  /**
   * Optional secondary index: the objects of `resource` with `fn(obj) === value`, in list order. A
   * backend without it is served by list() and a filter (ApiServer.listBy).
   */
  byIndex?(resource: string, fn: (obj: KObject) => IndexValue | undefined, value: IndexValue): KObject[];
  /**
   * Optional read tracking (incremental reconcile): `trackReads` runs `fn` and returns the keys it
   * read (`r:<resource>`, `m:<meta name>`) with their change counts; `versionOf` gives a key's count now.
   */
  trackReads?(fn: () => void): Map<string, number>;
  versionOf?(key: string): number;
  /**
   * Optional: a value that differs whenever `resource` has changed (kept across commands: the file
   * backend's committed segment and journal length), or undefined when it changed in this transaction
   * or the backend cannot tell. Lets a controller know a resource is as it last saw it without reading it.
   */
  stampOf?(resource: string): string | undefined;
  /** Optional: records a read of `resource` for trackReads without reading it (see stampOf). */
  noteResourceRead?(resource: string): void;
  /**
   * Optional: records a read of one object for trackReads (key `o:<resource>/<namespace>/<name>`,
   * whose version is the object's resourceVersion, 0 while it does not exist) - a finer dependency
   * than its whole resource.
   */
  noteObjectRead?(key: ObjectKey): void;
  /** Optional: runs `fn` without recording what it reads (the caller records finer reads itself). */
  untracked?<T>(fn: () => T): T;
  /**
   * Optional: the objects of `resource` written (created, updated or deleted) since its change count
   * (versionOf(`r:<resource>`)) was `version`, as "namespace/name" ids in the order written, repeats
   * included; undefined when this store cannot tell (another store's count, or history it let go).
   * For controllers that keep what they worked out between rounds and look again only at what changed.
   */
  changesSince?(resource: string, version: number): readonly string[] | undefined;
}

/** A secondary index's value: a string, or a number (a hash of what it stands for, no string per object). */
export type IndexValue = string | number;

/**
 * The list order of "namespace/name" ids (changesSince's, list()'s): by namespace, then name, as the
 * apiserver lists.
 */
export function compareIds(a: string, b: string): number {
  // (compared in place: splitting each id into two strings made every comparison of a sort allocate)
  const ai = a.indexOf('/');
  const bi = b.indexOf('/');
  // Without a slash (never in practice) the namespace is all but the last character, as slice(0, -1).
  const byNamespace = compareRange(a, 0, ai < 0 ? Math.max(0, a.length - 1) : ai, b, 0, bi < 0 ? Math.max(0, b.length - 1) : bi);
  return byNamespace !== 0 ? byNamespace : compareRange(a, ai + 1, a.length, b, bi + 1, b.length);
}

/** a[aFrom, aTo) against b[bFrom, bTo), as `<` compares strings (by UTF-16 unit). */
function compareRange(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(aFrom + i);
    const y = b.charCodeAt(bFrom + i);
    if (x !== y) return x < y ? -1 : 1;
  }
  const d = aTo - aFrom - (bTo - bFrom);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function keyOf(resource: string, obj: KObject): ObjectKey {
  return { resource, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '' };
}
