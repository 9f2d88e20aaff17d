// Revision bookkeeping (deployment_util.go): the revision annotation on ReplicaSets and on the
// Deployment, revision-history when an old ReplicaSet becomes new again, and the deployment
// annotations copied onto its new ReplicaSet (kubernetes.io/change-cause is how `rollout history`
// gets its CHANGE-CAUSE column). These functions change the object handed to them: callers pass copies.

import type { KObject } from '../../api/types.js';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from './arithmetic.js';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
/** Keep revision-history to about 100 entries. */
export const MAX_REV_HISTORY_CHARS = 2000;

/** annotationsToSkip: never copied from a Deployment to its ReplicaSets (nor back on rollback). */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

/** strconv.ParseInt(v, 10, 64) for the values revisions take. */
function parseRevision(v: string): number | undefined {
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** Revision: 0 without the annotation, undefined when it does not parse. */
export function revisionOf(o: KObject): number | undefined {
  const v = o.metadata.annotations?.[REVISION_ANNOTATION];
  return v === undefined ? 0 : parseRevision(v);
}

/** MaxRevision: the highest parseable revision (unparseable ones are skipped). */
export function maxRevision(rss: readonly KObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs) ?? 0), 0);
}

/** SetDeploymentRevision: true when the deployment's revision annotation changed. */
export function setDeploymentRevision(d: KObject, revision: string): boolean {
  const ann = (d.metadata.annotations ??= {});
  if (ann[REVISION_ANNOTATION] === revision) return false;
  ann[REVISION_ANNOTATION] = revision;
  return true;
}

/** copyDeploymentAnnotationsToReplicaSet: true when the RS's annotations changed. */
function copyDeploymentAnnotations(d: KObject, rs: KObject): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || ann[k] === v) continue;
    ann[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const ann = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of [
    [DESIRED_REPLICAS_ANNOTATION, String(desired)],
    [MAX_REPLICAS_ANNOTATION, String(max)],
  ] as const) {
    if (ann[k] !== v) {
      ann[k] = v;
      changed = true;
    }
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: KObject, desired: number, max: number): boolean {
  const ann = rs.metadata.annotations;
  return !ann || ann[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || ann[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copy the deployment's annotations, raise the revision to
 * `newRevision` if it is lower, and when an existing revision is raised (a rollback, or a template
 * reverted by hand) append the old number to revision-history, dropping the oldest entries to stay
 * within `limitChars`. A new RS also gets the replicas annotations. True when anything changed.
 * E.g. an RS at revision 1 becoming new again with old max 2 → revision 3, revision-history "1".
 */
export function setNewReplicaSetAnnotations(
  d: KObject,
  rs: KObject,
  newRevision: string,
  exists: boolean,
  limitChars: number,
  replicas: { desired: number; max: number },
): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const ann = (rs.metadata.annotations ??= {});
  const had = Object.prototype.hasOwnProperty.call(ann, REVISION_ANNOTATION);
  const oldRevision = ann[REVISION_ANNOTATION] ?? '';
  let oldInt = parseRevision(oldRevision);
  if (oldInt === undefined) {
    if (oldRevision !== '') return false; // upstream gives up on a garbled revision
    oldInt = 0;
  }
  const newInt = parseRevision(newRevision);
  if (newInt === undefined) return false;
  if (oldInt < newInt) {
    ann[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (had) appendRevisionHistory(ann, oldRevision, limitChars);
  }
  if (!exists && setReplicasAnnotations(rs, replicas.desired, replicas.max)) changed = true;
  return changed;
}

function appendRevisionHistory(ann: Record<string, string>, oldRevision: string, limitChars: number): void {
  const history = ann[REVISION_HISTORY_ANNOTATION] ?? '';
  if (history === '') {
    ann[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  const entries = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limitChars && start < entries.length) {
    total -= entries[start]!.length + 1;
    start++;
  }
  if (total <= limitChars) ann[REVISION_HISTORY_ANNOTATION] = [...entries.slice(start), oldRevision].join(',');
}
