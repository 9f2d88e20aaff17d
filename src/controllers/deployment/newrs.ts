// getNewReplicaSet (sync.go): find the ReplicaSet whose template is the deployment's and bring
// its revision and annotations up to date, or create it: named <deployment>-<pod-template-hash>,
// hash label on labels, selector and template, sized by NewRSNewReplicas.

import { isNamespaceTerminating, StatusError } from '../../api/errors.js';
import { controllerOf, deepClone, deepEqual } from '../../api/object.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { eventsAbout, recordEvent } from '../events/record.js';
import { newRSNewReplicas } from './arithmetic.js';
import { FAILED_RS_CREATE, FOUND_NEW_RS, getCondition, NEW_RS_CREATED, newCondition, PROGRESSING, setCondition } from './conditions.js';
import { computeHash } from './hash.js';
import { equalIgnoreHash, findNewReplicaSet, HASH_LABEL } from './replicasets.js';
import { MAX_REV_HISTORY_CHARS, maxRevision, REVISION_ANNOTATION, setDeploymentRevision, setNewReplicaSetAnnotations } from './revision.js';
import { hasProgressDeadline } from './status.js';
import { COMPONENT, controllerRef, SyncAbort, type DeploymentSync } from './sync.js';

/**
 * getNewReplicaSet: the existing new RS gets the deployment's annotations and a revision above
 * every old one (and the deployment takes its revision); or, if asked, a new RS is created.
 */
export function getNewReplicaSet(s: DeploymentSync, oldRSs: KObject[], create: boolean): KObject | undefined {
  const existing = findNewReplicaSet(s.d, s.rss);
  const newRevision = String(maxRevision(oldRSs) + 1);
  const d = s.d;
  if (existing) {
    const copy = deepClone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true, MAX_REV_HISTORY_CHARS, s.replicasAnn());
    const minReady = d['spec']?.minReadySeconds ?? 0;
    if (annotationsUpdated || (copy['spec']?.minReadySeconds ?? 0) !== minReady) {
      setMinReadySeconds(copy, minReady);
      // Upstream returns here; the deployment's own revision follows on the next sync.
      return s.updateRS(copy);
    }
    let needsUpdate = setDeploymentRevision(d, copy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d['status'], PROGRESSING)) {
      const msg = `Found new replica set "${copy.metadata.name}"`;
      setCondition(s.status(), newCondition(PROGRESSING, 'True', FOUND_NEW_RS, msg, rfc3339(s.now)));
      needsUpdate = true;
    }
    if (needsUpdate) s.writeDeployment();
    return copy;
  }
  if (!create) return undefined;
  return createReplicaSet(s, oldRSs, newRevision);
}

function createReplicaSet(s: DeploymentSync, oldRSs: KObject[], newRevision: string): KObject {
  const d = s.d;
  const template = deepClone(d['spec'].template ?? {});
  const hash = computeHash(template, d['status']?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [HASH_LABEL]: hash };
  const selector = deepClone(d['spec'].selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
  const rs: KObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRef(d)],
    },
    spec: { replicas: 0, selector, template },
  };
  setMinReadySeconds(rs, d['spec']?.minReadySeconds ?? 0);
  const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  rs['spec'].replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false, MAX_REV_HISTORY_CHARS, s.replicasAnn());

  let created: KObject;
  let alreadyExists = false;
  try {
    created = s.api.create(s.rsInfo, rs);
    s.rss = [...s.rss, created];
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (e.reason === 'AlreadyExists') {
      const found = s.api.tryGet(s.rsInfo, d.metadata.namespace, rs.metadata.name!);
      if (found && controllerOf(found)?.uid === d.metadata.uid && equalIgnoreHash(d['spec'].template, found['spec']?.template)) {
        created = found;
        alreadyExists = true;
      } else {
        // A hash collision: count it so the next sync hashes differently.
        s.status().collisionCount = (s.d['status']?.collisionCount ?? 0) + 1;
        s.writeDeployment();
        throw new SyncAbort(e.message);
      }
    } else if (isNamespaceTerminating(e)) {
      throw new SyncAbort(e.message);
    } else {
      failedCreate(s, rs.metadata.name!, e.message);
      throw new SyncAbort(e.message);
    }
  }
  if (!alreadyExists && replicas > 0) {
    s.scalingEvent(`Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
  }
  let needsUpdate = setDeploymentRevision(d, newRevision);
  if (!alreadyExists && hasProgressDeadline(d)) {
    const msg = `Created new replica set "${created.metadata.name}"`;
    setCondition(s.status(), newCondition(PROGRESSING, 'True', NEW_RS_CREATED, msg, rfc3339(s.now)));
    needsUpdate = true;
  }
  if (needsUpdate) s.writeDeployment();
  return created;
}

/**
 * Progressing=False ReplicaSetCreateError and a Warning event. Upstream records the event again on
 * each retry; here only once, or every pass would write and the loop could never settle.
 */
function failedCreate(s: DeploymentSync, name: string, err: string): void {
  const msg = `Failed to create new replica set "${name}": ${err}`;
  if (hasProgressDeadline(s.d)) {
    const before = getCondition(s.d['status'], PROGRESSING);
    setCondition(s.status(), newCondition(PROGRESSING, 'False', FAILED_RS_CREATE, msg, rfc3339(s.now)));
    if (!deepEqual(before, getCondition(s.d['status'], PROGRESSING))) s.writeDeployment();
  }
  const seen = eventsAbout(s.api, s.d.metadata.namespace ?? '', s.d.metadata.uid, FAILED_RS_CREATE, msg).length > 0;
  if (!seen) recordEvent(s.api, s.d, { type: 'Warning', reason: FAILED_RS_CREATE, message: msg, component: COMPONENT });
}

/** minReadySeconds is omitted when 0 (omitempty). */
function setMinReadySeconds(rs: KObject, v: number): void {
  rs['spec'] ??= {};
  if (v) rs['spec'].minReadySeconds = v;
  else delete rs['spec'].minReadySeconds;
}
