// One sync of one ReplicaSet/ReplicationController (replica_set.go syncReplicaSet + manageReplicas):
// claim pods, create or delete the difference, then write the recomputed status if it changed.

import { SelectorParseError, type Selector } from '../../api/labels.js';
import { controllerOf, deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { claimFacts } from './claim.js';
import { labelMatcher, podFacts, type PodFacts } from './facts.js';
import { pods, type OwnerKind } from './kind.js';
import { getPodsToDelete } from './ordering.js';
import { createPod, deletePod } from './podcontrol.js';
import { countReplicas, statusFromCounts } from './status.js';

/** At most this many creates or deletes per sync (replicaset.BurstReplicas). */
const BURST_REPLICAS = 500;

/**
 * What one sync leaves to the next one in a row: the active pods after its creates (the next one
 * would list the same pods and these), or nothing after deletes (the next one lists them again).
 */
export interface Carry {
  active: PodFacts[] | undefined;
  terminating: number | undefined;
}

/**
 * One sync. When it made a full burst of creates or deletes and more are needed, it returns what the
 * next sync needs: upstream syncs again as soon as it has seen its creates (its expectations met), so
 * the caller does the same at once, passing that back.
 */
export function syncOwner(api: ApiServer, kind: OwnerKind, owner: KObject, carry?: Carry): Carry | undefined {
  let selector: Selector;
  try {
    selector = kind.selector(owner);
  } catch (e) {
    if (e instanceof SelectorParseError) return undefined; // upstream logs and skips an invalid selector
    throw e;
  }
  let active: PodFacts[];
  let terminating: number | undefined;
  if (carry?.active) {
    active = carry.active;
    terminating = carry.terminating;
  } else {
    const own = ownPods(api, kind, owner, selector);
    const claim = claimFacts(api, kind, owner, selector, own.candidates);
    if (claim.error !== undefined) return undefined; // retried on a later pass, as upstream requeues
    active = claim.claimed;
    terminating = own.terminating;
  }

  const created: PodFacts[] = [];
  const manageError = owner.metadata.deletionTimestamp ? undefined : manageReplicas(api, kind, owner, active, (p) => created.push(podFacts(p)));

  // Like upstream, status counts the pods seen before this sync's creates/deletes; the next pass
  // (the loop runs until nothing changes) sees the new ones.
  const nowMs = api.now();
  const counts = countReplicas(owner, active, nowMs);
  const status = statusFromCounts({ owner, terminating, manageError, nowMs }, counts);
  if (!deepEqual(status, owner['status'] ?? {})) {
    api.updateStatus(kind.resource(), { ...structuredClone(owner), status }, { internal: true });
  }
  if (counts.nextAvailable !== undefined) api.sim.wakeAt(counts.nextAvailable);
  const want = Number(owner['spec']?.replicas ?? 1);
  if (owner.metadata.deletionTimestamp || manageError !== undefined || Math.abs(active.length - want) <= BURST_REPLICAS) return undefined;
  return { active: active.length < want ? [...active, ...created] : undefined, terminating };
}

/**
 * FilterPodsByOwner(includeOrphaned), in one walk over the namespace's pods: the active ones that are
 * this owner's or nobody's (to claim), and how many of its own are terminating while it still selects
 * them (undefined for a kind that does not count them).
 */
function ownPods(api: ApiServer, kind: OwnerKind, owner: KObject, selector: Selector): { candidates: PodFacts[]; terminating?: number } {
  const uid = owner.metadata.uid;
  const selects = labelMatcher(selector);
  const candidates: PodFacts[] = [];
  let terminating = 0;
  for (const p of api.list(pods(), owner.metadata.namespace)) {
    const f = podFacts(p);
    if (f.controlled && f.controllerUid !== uid) continue;
    if (f.active) candidates.push(f);
    else if (kind.terminatingReplicas && f.terminating && f.controllerUid === uid && selects(f)) terminating++;
  }
  return { candidates, terminating: kind.terminatingReplicas ? terminating : undefined };
}

/** Creates missing pods (all at once: no slow-start needed here) or deletes surplus ones. */
function manageReplicas(api: ApiServer, kind: OwnerKind, owner: KObject, active: readonly PodFacts[], onCreated: (pod: KObject) => void): string | undefined {
  const want = Number(owner['spec']?.replicas ?? 1);
  const diff = Math.min(Math.abs(active.length - want), BURST_REPLICAS);
  // Report a failure once per episode: while the owner shows ReplicaFailure, retries stay silent.
  const quiet = (owner['status']?.conditions ?? []).some((c: { type?: string }) => c?.type === 'ReplicaFailure');
  if (active.length < want) {
    for (let i = 0; i < diff; i++) {
      const err = createPod(api, kind, owner, quiet, onCreated);
      if (err !== undefined) return err; // slow start: a failed batch stops the rest
    }
  } else if (active.length > want) {
    const victims = getPodsToDelete(active.map((f) => f.pod), relatedPods(api, kind, owner), diff, api.now());
    // Upstream deletes them concurrently and reports the first failure.
    let first: string | undefined;
    for (const pod of victims) {
      const err = deletePod(api, kind, owner, pod, quiet);
      first ??= err;
    }
    return first;
  }
  return undefined;
}

/**
 * getIndirectlyRelatedPods: the pods selected by every owner sharing this one's controller (the
 * ReplicaSets of one Deployment). An owner without a controller has none, so all ranks are 0.
 */
function relatedPods(api: ApiServer, kind: OwnerKind, owner: KObject): KObject[] {
  const ctrl = controllerOf(owner);
  if (!ctrl) return [];
  const all = api.list(pods(), owner.metadata.namespace);
  const seen = new Set<string>();
  const out: KObject[] = [];
  for (const sibling of api.list(kind.resource(), owner.metadata.namespace)) {
    if (controllerOf(sibling)?.uid !== ctrl.uid) continue;
    let sel: Selector;
    try {
      sel = kind.selector(sibling);
    } catch {
      continue;
    }
    for (const p of all) {
      if (seen.has(p.metadata.uid!) || !sel.matches(p.metadata.labels ?? {})) continue;
      seen.add(p.metadata.uid!);
      out.push(p);
    }
  }
  return out;
}
