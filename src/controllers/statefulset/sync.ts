// One sync of one StatefulSet: claim pods, revisions, the ordered create/delete steps (plan.ts),
// then status (completing a rolling update once every pod is updated and ready) and history.

import { SelectorParseError, type Selector } from '../../api/labels.js';
import { controllerOf, deepEqual } from '../../api/object.js';
import { StatusError } from '../../api/errors.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject, OwnerReference } from '../../api/types.js';
import { recordEvent } from '../events/record.js';
import { truncateHistory } from '../history/index.js';
import { claimPods } from '../replicaset/claim.js';
import { pods } from '../replicaset/kind.js';
import { isPodActive } from '../replicaset/podutil.js';
import { nextAvailabilityCheck } from '../replicaset/status.js';
import { STATEFUL_SET, claimsFor, newPod, ordinalInRange, parentAndOrdinal } from './kind.js';
import { countPods, ordinalOf, planSync, podRevision } from './plan.js';
import { statefulSetRevisions, templateAt } from './revisions.js';

const component = STATEFUL_SET.component;

export function syncStatefulSet(api: ApiServer, sts: KObject): void {
  let selector: Selector;
  try {
    selector = STATEFUL_SET.selector(sts);
  } catch (e) {
    if (e instanceof SelectorParseError) return;
    throw e;
  }
  const uid = sts.metadata.uid;
  const candidates = api.list(pods(), sts.metadata.namespace).filter((p) => {
    const ref = controllerOf(p);
    return ref ? ref.uid === uid : isPodActive(p);
  });
  const claim = claimPods(api, STATEFUL_SET, sts, selector, candidates);
  if (claim.error !== undefined) return;
  // isMemberOf: only `<set>-<ordinal>` pods are the set's replicas.
  const members = claim.claimed.filter((p) => parentAndOrdinal(p.metadata.name ?? '')?.[0] === sts.metadata.name);
  if (sts.metadata.deletionTimestamp) return;

  const revs = statefulSetRevisions(api, sts);
  const currentName = revs.current.metadata.name!;
  const updateName = revs.update.metadata.name!;
  const now = api.now();

  const steps = planSync(sts, members, updateName, now);
  for (const step of steps) {
    if (step.type === 'create') {
      const rev = step.revision === 'current' ? revs.current : revs.update;
      createPod(api, sts, newPod(sts, templateAt(sts, rev), step.ordinal, rev.metadata.name!), step.ordinal);
    } else {
      if (!ordinalInRange(sts, ordinalOf(step.pod)) && retention(sts, 'whenScaled') === 'Delete') ownClaims(api, sts, step.pod);
      deletePod(api, sts, step.pod);
    }
  }

  const minReady = Number(sts['spec']?.minReadySeconds ?? 0);
  const c = countPods(members, minReady, now, currentName, updateName);
  let currentRevision = currentName;
  let currentReplicas = c.currentReplicas;
  // completeRollingUpdate
  if (sts['spec']?.updateStrategy?.type === 'RollingUpdate' && c.updatedReplicas === c.replicas && c.readyReplicas === c.replicas) {
    currentReplicas = c.updatedReplicas;
    currentRevision = updateName;
  }
  const status: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(sts['status'] ?? {})) if (k === 'conditions') status[k] = v;
  const opt = (k: string, v: number | string) => {
    if (v) status[k] = v;
  };
  opt('observedGeneration', Number(sts.metadata.generation ?? 0));
  status['replicas'] = c.replicas;
  opt('readyReplicas', c.readyReplicas);
  opt('currentReplicas', currentReplicas);
  opt('updatedReplicas', c.updatedReplicas);
  opt('currentRevision', currentRevision);
  opt('updateRevision', updateName);
  status['collisionCount'] = revs.collisionCount;
  status['availableReplicas'] = c.availableReplicas;
  if (!deepEqual(status, sts['status'] ?? {})) api.updateStatus(STATEFUL_SET.resource(), { ...structuredClone(sts), status });

  if (steps.length === 0) {
    const live = new Set<string>([currentRevision, updateName, currentName, ...members.map(podRevision).filter((r) => r !== '')]);
    truncateHistory(api, revs.all, live, Number(sts['spec']?.revisionHistoryLimit ?? 10));
  }
  const wake = nextAvailabilityCheck(sts, members, now);
  if (wake !== undefined) api.sim.wakeAt(wake);
}

/** CreateStatefulPod: the claims first (each reported), then the pod. */
function createPod(api: ApiServer, sts: KObject, pod: KObject, ordinal: number): void {
  const name = pod.metadata.name!;
  const set = sts.metadata.name!;
  const pvcs = api.resource('persistentvolumeclaims');
  for (const claim of claimsFor(sts, ordinal)) {
    const existing = api.tryGet(pvcs, claim.metadata.namespace, claim.metadata.name!);
    if (existing) {
      if (existing.metadata.deletionTimestamp) {
        const err = `pvc ${claim.metadata.name} is being deleted`;
        recordEvent(api, sts, { type: 'Warning', reason: 'FailedCreate', message: `create Pod ${name} in StatefulSet ${set} failed error: ${err}`, component });
        return;
      }
      continue;
    }
    // persistentVolumeClaimRetentionPolicy.whenDeleted Delete: the claim goes with the set (GC).
    if (retention(sts, 'whenDeleted') === 'Delete') claim.metadata.ownerReferences = [plainRef(sts)];
    try {
      api.create(pvcs, claim);
    } catch (e) {
      if (!(e instanceof StatusError)) throw e;
      recordEvent(api, sts, { type: 'Warning', reason: 'FailedCreate', message: `create Claim ${claim.metadata.name} for Pod ${name} in StatefulSet ${set} failed error: ${e.message}`, component });
      return;
    }
    recordEvent(api, sts, { type: 'Normal', reason: 'SuccessfulCreate', message: `create Claim ${claim.metadata.name} Pod ${name} in StatefulSet ${set} success`, component });
  }
  try {
    api.create(pods(), pod);
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.code === 409) return;
    recordEvent(api, sts, { type: 'Warning', reason: 'FailedCreate', message: `create Pod ${name} in StatefulSet ${set} failed error: ${e.message}`, component });
    return;
  }
  recordEvent(api, sts, { type: 'Normal', reason: 'SuccessfulCreate', message: `create Pod ${name} in StatefulSet ${set} successful`, component });
}

function deletePod(api: ApiServer, sts: KObject, pod: KObject): void {
  const name = pod.metadata.name!;
  try {
    api.delete(pods(), pod.metadata.namespace, name);
  } catch (e) {
    if (errorIsNotFound(e)) return;
    if (!(e instanceof StatusError)) throw e;
    recordEvent(api, sts, { type: 'Warning', reason: 'FailedDelete', message: `delete Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${e.message}`, component });
    return;
  }
  recordEvent(api, sts, { type: 'Normal', reason: 'SuccessfulDelete', message: `delete Pod ${name} in StatefulSet ${sts.metadata.name} successful`, component });
}

function retention(sts: KObject, when: 'whenDeleted' | 'whenScaled'): string {
  return sts['spec']?.persistentVolumeClaimRetentionPolicy?.[when] ?? 'Retain';
}

function plainRef(owner: KObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid! };
}

/**
 * whenScaled Delete: a condemned pod's claims are owned by the pod instead of the set
 * (updateClaimOwnerRefForSetAndPod), so the garbage collector removes them once the pod is gone.
 */
function ownClaims(api: ApiServer, sts: KObject, pod: KObject): void {
  const pvcs = api.resource('persistentvolumeclaims');
  for (const c of claimsFor(sts, ordinalOf(pod))) {
    const live = api.tryGet(pvcs, c.metadata.namespace, c.metadata.name!);
    if (!live || live.metadata.ownerReferences?.some((r) => r.uid === pod.metadata.uid)) continue;
    const copy = structuredClone(live);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== sts.metadata.uid), plainRef(pod)];
    api.update(pvcs, copy);
  }
}
