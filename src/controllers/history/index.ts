// ControllerRevision history shared by the DaemonSet and StatefulSet controllers (upstream
// pkg/controller/history): a revision is an immutable snapshot of the owner's pod template (a
// strategic-merge "replace" patch), named `<owner>-<hash>` and numbered 1, 2, 3, …
//
//   template A → web-5d8f (revision 1); set image → template B → web-7c9b (revision 2);
//   undo back to A → the existing web-5d8f is re-labelled revision 3 (no new object: dedupe).
//   Non-live revisions beyond revisionHistoryLimit are deleted, oldest first.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { StatusError } from '../../api/errors.js';
import { controllerOf, deepEqual } from '../../api/object.js';
import { findResource, type ResourceInfo } from '../../api/registry.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject, OwnerReference } from '../../api/types.js';
import { safeEncodeString } from '../deployment/hash.js';
import { goJson } from '../daemonset/hash.js';

/** history.ControllerRevisionHashLabel: the hash of a revision, on the revision itself. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export const controllerRevisions = (): ResourceInfo => findResource('controllerrevisions')!;

/** FNV-1 (not 1a) 32-bit, as Go's hash/fnv New32. */
export function fnv132(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  return h;
}

/** The revision data (`{"spec":{"template":{…,"$patch":"replace"}}}`) as the controller serializes it. */
export function templatePatch(owner: KObject): Record<string, unknown> {
  const template: any = structuredClone(owner['spec']?.template ?? {});
  template.metadata = { creationTimestamp: null, ...(template.metadata ?? {}) };
  template.$patch = 'replace';
  return { spec: { template } };
}

/**
 * history.HashControllerRevision: FNV-1 over the raw data bytes, then (when set) the collision
 * count written as a decimal string; rendered with SafeEncodeString.
 */
export function hashRevision(data: unknown, collisionCount?: number): string {
  const enc = new TextEncoder();
  let h = fnv132(enc.encode(goJson(data)));
  if (typeof collisionCount === 'number') h = fnv132(enc.encode(String(collisionCount)), h);
  return safeEncodeString(String(h));
}

/** history.ControllerRevisionName: the prefix is cut to 223 characters. */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

export interface RevisionOwner {
  apiVersion: string;
  kind: string;
  /** The label carrying the hash on the revision (DaemonSets: controller-revision-hash). */
  hashLabel: string;
}

function ownerRef(kind: RevisionOwner, owner: KObject): OwnerReference {
  return { apiVersion: kind.apiVersion, kind: kind.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** history.NewControllerRevision (+ the owner's annotations, as both controllers add them). */
export function newRevision(
  kind: RevisionOwner,
  owner: KObject,
  data: Record<string, unknown>,
  revision: number,
  hash: string,
): KObject {
  const labels: Record<string, string> = { ...(owner['spec']?.template?.metadata?.labels ?? {}), [kind.hashLabel]: hash };
  const metadata: KObject['metadata'] = {
    name: revisionName(owner.metadata.name!, hash),
    namespace: owner.metadata.namespace,
    labels,
    ownerReferences: [ownerRef(kind, owner)],
  };
  if (owner.metadata.annotations && Object.keys(owner.metadata.annotations).length > 0) metadata.annotations = { ...owner.metadata.annotations };
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata, data, revision };
}

/** The revisions the owner controls (controller reference to its UID), sorted. */
export function ownedRevisions(api: ApiServer, owner: KObject): KObject[] {
  return sortRevisions(api.list(controllerRevisions(), owner.metadata.namespace).filter((r) => controllerOf(r)?.uid === owner.metadata.uid));
}

export const revisionNumber = (r: KObject): number => Number(r['revision'] ?? 0);

/** history.SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(list: readonly KObject[]): KObject[] {
  return [...list].sort((a, b) => {
    const d = revisionNumber(a) - revisionNumber(b);
    if (d !== 0) return d;
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    const na = a.metadata.name ?? '';
    const nb = b.metadata.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
}

/** history.EqualRevision: the same data (the hash label is only a shortcut upstream). */
export function equalRevision(a: KObject, b: KObject): boolean {
  return deepEqual(a['data'], b['data']);
}

export function findEqualRevisions(list: readonly KObject[], needle: KObject): KObject[] {
  return list.filter((r) => equalRevision(r, needle));
}

/** history.NextRevision: one more than the highest (1 for an empty history). */
export function nextRevision(list: readonly KObject[]): number {
  return list.reduce((m, r) => Math.max(m, revisionNumber(r)), 0) + 1;
}

/**
 * history.CreateControllerRevision: a name clash with different data bumps the collision count
 * (the caller stores it in status.collisionCount) and tries the next hash. Returns the revision
 * (an existing equal one when the name is taken by the same data) and the collision count used.
 */
export function createRevision(
  api: ApiServer,
  kind: RevisionOwner,
  owner: KObject,
  data: Record<string, unknown>,
  revision: number,
  collisionCount: number,
  hashOf: (collisions: number) => string,
): { revision: KObject; collisionCount: number } {
  let count = collisionCount;
  for (let attempt = 0; attempt < 100; attempt++) {
    const cr = newRevision(kind, owner, data, revision, hashOf(count));
    const existing = api.tryGet(controllerRevisions(), owner.metadata.namespace, cr.metadata.name!);
    if (existing) {
      if (controllerOf(existing)?.uid === owner.metadata.uid && equalRevision(existing, cr)) return { revision: existing, collisionCount: count };
      count++;
      continue;
    }
    return { revision: api.create(controllerRevisions(), cr), collisionCount: count };
  }
  throw new Error(`too many ControllerRevision hash collisions for ${owner.metadata.name}`);
}

/** history.UpdateControllerRevision: only the revision number changes. */
export function relabelRevision(api: ApiServer, cr: KObject, revision: number): KObject {
  if (revisionNumber(cr) === revision) return cr;
  return api.update(controllerRevisions(), { ...structuredClone(cr), revision });
}

export function deleteRevision(api: ApiServer, cr: KObject): void {
  try {
    api.delete(controllerRevisions(), cr.metadata.namespace, cr.metadata.name!);
  } catch (e) {
    if (!errorIsNotFound(e) && !(e instanceof StatusError)) throw e;
  }
}

/**
 * truncateHistory: revisions still in use (`live`: named by a pod, the current and the update
 * revision) are kept; of the others, all but the newest `limit` are deleted, oldest first.
 */
export function truncateHistory(api: ApiServer, revisions: readonly KObject[], live: ReadonlySet<string>, limit: number): void {
  const history = sortRevisions(revisions.filter((r) => !live.has(r.metadata.name!)));
  const excess = history.length - Math.max(0, limit);
  for (let i = 0; i < excess; i++) deleteRevision(api, history[i]!);
}
