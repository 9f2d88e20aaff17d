// getStatefulSetRevisions (stateful_set_control.go): the update revision is the snapshot of the
// current template (an equal older one is re-numbered instead of duplicated); the current revision
// is the one status.currentRevision names, or the update revision for a new set.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import {
  createRevision, equalRevision, findEqualRevisions, hashRevision, newRevision, nextRevision, ownedRevisions, relabelRevision, templatePatch,
} from '../history/index.js';
import { STATEFUL_SET_REVISIONS } from './kind.js';

export interface StatefulSetRevisions {
  all: KObject[];
  current: KObject;
  update: KObject;
  collisionCount: number;
}

export function statefulSetRevisions(api: ApiServer, sts: KObject): StatefulSetRevisions {
  const all = ownedRevisions(api, sts);
  const data = templatePatch(sts);
  let collisionCount = Number(sts['status']?.collisionCount ?? 0);
  const next = nextRevision(all);
  const candidate = newRevision(STATEFUL_SET_REVISIONS, sts, data, next, hashRevision(data, collisionCount));
  const equal = findEqualRevisions(all, candidate);
  let update: KObject;
  if (equal.length > 0 && equalRevision(all[all.length - 1]!, equal[equal.length - 1]!)) {
    update = all[all.length - 1]!;
  } else if (equal.length > 0) {
    update = relabelRevision(api, equal[equal.length - 1]!, next);
  } else {
    const made = createRevision(api, STATEFUL_SET_REVISIONS, sts, data, next, collisionCount, (n) => hashRevision(data, n));
    update = made.revision;
    collisionCount = made.collisionCount;
  }
  const fresh = ownedRevisions(api, sts);
  const current = fresh.find((r) => r.metadata.name === sts['status']?.currentRevision) ?? update;
  return { all: fresh, current, update, collisionCount };
}

/** ApplyRevision: the set as it was at a revision (its template replaced by the snapshot's). */
export function templateAt(sts: KObject, revision: KObject): any {
  const t = structuredClone((revision['data'] as any)?.spec?.template ?? sts['spec']?.template ?? {});
  delete t.$patch;
  if (t.metadata && t.metadata.creationTimestamp === null) delete t.metadata.creationTimestamp;
  return t;
}
