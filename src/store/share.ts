// Structural sharing between stored objects. 10,000 pods of one template hold 10,000 equal copies of
// some of their parts (the conditions of one instant, tolerations, the service account volume, the
// owner reference): a part of an object being stored that equals the part a recently stored object
// of the same resource has at the same place is replaced by that one, so equal parts are kept once
// (~20 MB less at 10,000 pods). Stored
// objects are read-only (see MemoryStore), so the sharing cannot be seen from outside: every object
// serialises exactly as before.
//
// Each resource has a tree of the places (paths) its objects have parts at, each remembering the last
// few different parts seen there. A part's own parts are shared first; then it is compared with the
// ones remembered at its place, child by child: equal children are the same object by then, so a
// shallow comparison tells. A place whose parts never repeat (a pod's spec, its status) stops
// comparing after a few tries (trying again now and then: a long-running `serve` sees new kinds of
// objects); at one whose parts nearly always repeat, the whole part is compared first. An update
// passes the object it replaces: the parts it kept were looked at when that one was stored.

/** Different parts remembered per place: a pod's conditions alternate between a few at one instant. */
const RECENT = 4;
/** Comparisons without a match after which a place is taken for one whose parts never repeat. */
const GIVE_UP = 16;
/** Parts such a place lets by before it looks again for a while. */
const RETRY = 1024;
/** Places kept under one place at most (keys that are data rather than a schema's fields). */
const MAX_PLACES = 256;
/** Array elements past this index share one place. */
const MAX_INDEX = 16;

type Part = Record<string, unknown> | unknown[];

interface Place {
  /** Parts remembered here, most recently matched first, with their keys (objects). */
  recent: { part: Part; keys: string[] | undefined }[];
  tries: number;
  hits: number;
  /** The places under this one, by key or array index. */
  under: Map<string | number, Place> | undefined;
}

const place = (): Place => ({ recent: [], tries: 0, hits: 0, under: undefined });

export class PartSharing {
  private readonly resources = new Map<string, Place>();

  /**
   * Shares the parts of `obj`, an object of `resource` being stored, with equal parts of objects
   * stored before: what is returned serialises as `obj` does (it is `obj`, changed in place, unless
   * `obj` is frozen). `prev` is the version it replaces. `obj` itself and its `metadata` hold the
   * object's name and resourceVersion, never another's: only their parts are looked at.
   */
  share<T extends object>(resource: string, obj: T, prev?: object): T {
    let root = this.resources.get(resource);
    if (!root) this.resources.set(resource, (root = place()));
    return this.within(obj, root, prev, true) as T;
  }

  /** Shares the parts of `v` (not `v` itself); `top`: `v` is a whole object, whose metadata is unique too. */
  private within(v: object, at: Place, prev: unknown, top: boolean): object {
    if (!isPlain(v)) return v;
    const before = prev !== null && typeof prev === 'object' ? (prev as Record<string, unknown>) : undefined;
    const under = (at.under ??= new Map());
    let out = v as Part;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c: unknown = v[i];
        if (c === null || typeof c !== 'object') continue;
        const p = before === undefined ? undefined : before[i];
        if (c === p) continue;
        const child = placeUnder(under, i < MAX_INDEX ? i : MAX_INDEX);
        if (!child) continue;
        const s = this.part(c, child, p);
        if (s === c) continue;
        if (out === v && Object.isFrozen(v)) out = v.slice();
        (out as unknown[])[i] = s;
      }
      return out;
    }
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const c = o[k];
      if (c === null || typeof c !== 'object') continue;
      const p = before === undefined ? undefined : before[k];
      if (c === p) continue;
      const child = placeUnder(under, k);
      if (!child) continue;
      const s = top && k === 'metadata' ? this.within(c, child, p, false) : this.part(c, child, p);
      if (s === c) continue;
      if (out === v && Object.isFrozen(v)) out = { ...o };
      (out as Record<string, unknown>)[k] = s;
    }
    return out;
  }

  /** `v` with its own parts shared, or an equal part remembered at this place. */
  private part(v: object, at: Place, prev: unknown): object {
    if (!isPlain(v)) return v;
    // Where parts nearly always repeat (conditions, tolerations), one comparison of the whole part
    // finds it without looking at its parts one by one (where they often differ, that costs more).
    if (at.hits * 10 > at.tries * 9) {
      for (const r of at.recent) {
        if (!equalParts(r.part, v)) continue;
        at.tries++;
        at.hits++;
        return r.part;
      }
    }
    const out = this.within(v, at, prev, false) as Part;
    at.tries++;
    if (at.hits === 0 && at.tries > GIVE_UP) {
      if (at.tries <= GIVE_UP + RETRY) return out;
      at.tries = 1; // looks again for a while
    }
    const { recent } = at;
    for (let i = 0; i < recent.length; i++) {
      const r = recent[i]!;
      if (!sameChildren(r.part, r.keys, out)) continue;
      at.hits++;
      if (i > 0) {
        recent.splice(i, 1);
        recent.unshift(r);
      }
      return r.part;
    }
    recent.unshift({ part: out, keys: Array.isArray(out) ? undefined : Object.keys(out) });
    if (recent.length > RECENT) recent.pop();
    return out;
  }
}

function placeUnder(under: Map<string | number, Place>, k: string | number): Place | undefined {
  let p = under.get(k);
  if (!p && under.size < MAX_PLACES) under.set(k, (p = place()));
  return p;
}

/**
 * `b` has the keys of `a` (`ak`: undefined for an array), in the same order, with identical values
 * (equal parts are the same object by now).
 */
function sameChildren(a: Part, ak: string[] | undefined, b: Part): boolean {
  if (ak === undefined) {
    if (!Array.isArray(b)) return false;
    const aa = a as unknown[];
    if (aa.length !== b.length) return false;
    for (let i = 0; i < aa.length; i++) if (aa[i] !== b[i]) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let i = 0;
  for (const k in bo) {
    if (k !== ak[i] || ao[k] !== bo[k]) return false;
    i++;
  }
  return i === ak.length;
}

/** Same keys in the same order with equal values, all the way down: what serialises the same. */
function equalParts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalParts(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // a's keys go on a stack shared by the calls down the tree, not into an array per object (the
  // stack is never shortened: V8 would give up its room and grow it again)
  const base = keyTop;
  for (const k in ao) keyStack[keyTop++] = k;
  const n = keyTop - base;
  let i = 0;
  let same = true;
  for (const k in bo) {
    if (i === n || k !== keyStack[base + i] || !equalParts(ao[k], bo[k])) {
      same = false;
      break;
    }
    i++;
  }
  keyTop = base;
  return same && i === n;
}

const keyStack: string[] = [];
let keyTop = 0;

/** Objects from JSON and object literals, and arrays: a Date or a Map is not a part to share. */
function isPlain(v: object): boolean {
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
