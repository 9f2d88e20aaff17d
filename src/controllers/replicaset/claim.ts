// Which pods an owner controls (controller_ref_manager.go ClaimPods): its own pods that still match
// the selector; matching orphans it adopts; its own pods that stopped matching it releases. An owner
// being deleted neither adopts nor releases.

import { StatusError } from '../../api/errors.js';
import type { Selector } from '../../api/labels.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { labelMatcher, podFacts, type PodFacts } from './facts.js';
import { controllerRef, pods, type OwnerKind } from './kind.js';

export interface Claim {
  /** The pods the owner controls after adoption/release (adopted ones as updated). */
  claimed: KObject[];
  /** A failed adoption: upstream aborts the sync and retries later. */
  error?: string;
}

export function claimPods(api: ApiServer, kind: OwnerKind, owner: KObject, selector: Selector, candidates: readonly KObject[]): Claim {
  const { claimed, error } = claimFacts(api, kind, owner, selector, candidates.map(podFacts));
  return { claimed: claimed.map((f) => f.pod), error };
}

/** claimPods for pods given by their facts (the ReplicaSet controller has them at hand); the claimed ones likewise. */
export function claimFacts(api: ApiServer, kind: OwnerKind, owner: KObject, selector: Selector, candidates: readonly PodFacts[]): { claimed: PodFacts[]; error?: string } {
  const uid = owner.metadata.uid;
  const deleting = !!owner.metadata.deletionTimestamp;
  const claimed: PodFacts[] = [];
  const selects = labelMatcher(selector);
  let error: string | undefined;
  for (const f of candidates) {
    const pod = f.pod;
    const matches = selects(f);
    if (f.controlled) {
      if (f.controllerUid !== uid) continue; // another controller's pod
      if (matches) claimed.push(f);
      else if (!deleting) release(api, pod, uid!);
      continue;
    }
    if (deleting || !matches || pod.metadata.deletionTimestamp || pod.metadata.namespace !== owner.metadata.namespace) continue;
    try {
      const adopted = adopt(api, kind, owner, pod);
      if (adopted) claimed.push(podFacts(adopted));
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      error ??= e.message;
    }
  }
  return { claimed, error };
}

/** Adds the controller ownerReference (a strategic merge keyed by uid: replaces a same-uid entry). */
function adopt(api: ApiServer, kind: OwnerKind, owner: KObject, pod: KObject): KObject | undefined {
  const copy = structuredClone(pod);
  const ref = controllerRef(kind, owner);
  const refs = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== ref.uid);
  const at = (copy.metadata.ownerReferences ?? []).findIndex((r) => r.uid === ref.uid);
  refs.splice(at < 0 ? refs.length : at, 0, ref);
  copy.metadata.ownerReferences = refs;
  return tryUpdate(api, copy);
}

/** Removes this owner's reference; the pod becomes an orphan (or stays with its other owners). */
function release(api: ApiServer, pod: KObject, ownerUid: string): void {
  const copy = structuredClone(pod);
  copy.metadata.ownerReferences = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
  try {
    api.update(pods(), copy);
  } catch (e) {
    // ReleasePod ignores NotFound and Invalid; other failures only delay the release to a later pass.
    if (!(e instanceof StatusError)) throw e;
  }
}

/** A pod deleted meanwhile is simply skipped, as upstream ignores NotFound on adoption. */
function tryUpdate(api: ApiServer, pod: KObject): KObject | undefined {
  try {
    return api.update(pods(), pod);
  } catch (e) {
    if (errorIsNotFound(e)) return undefined;
    throw e;
  }
}
