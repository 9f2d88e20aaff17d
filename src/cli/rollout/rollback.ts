// `rollout undo` for Deployments, client side as kubectl does it (polymorphichelpers/rollback.go):
// pick the ReplicaSet of the target revision, then replace the deployment's template and annotations.

import { CliError } from '../../api/errors.js';
import { deepEqual } from '../../api/object.js';
import type { KObject } from '../../api/types.js';
import { rawPodTemplate, type Revision } from './history.js';
import { REVISION_ANNOTATION } from './status.js';

export const HASH_LABEL = 'pod-template-hash';

/** Deployment annotations kept on rollback, never copied from the ReplicaSet. */
const KEEP_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export type RollbackResult = { kind: 'skipped' | 'rolled-back' | 'dry-run'; message: string; patched?: KObject };

function revisionNotFound(rev: number): CliError {
  return new CliError(`unable to find specified revision ${rev} in history`);
}

/** toRevision 0 = the second-highest revision; otherwise that exact revision. */
export function findRollbackTarget(d: KObject, revs: Revision[], toRevision: number): KObject {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  if (toRevision > 0) {
    const found = revs.find((r) => r.revision === toRevision);
    if (!found) throw revisionNotFound(toRevision);
    return found.rs;
  }
  if (revs.length < 2) throw new CliError(`no rollout history found for deployment "${d.metadata.name}"`);
  return revs[revs.length - 2]!.rs;
}

function withoutHash(template: unknown): Record<string, unknown> {
  const t = structuredClone((template ?? {}) as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
  if (t['metadata']?.labels) {
    delete t['metadata'].labels[HASH_LABEL];
  }
  return t;
}

/** Computes the rolled-back deployment; the caller writes it (or prints, for a client dry run). */
export function rollback(d: KObject, revs: Revision[], toRevision: number, clientDryRun: boolean): RollbackResult {
  const rs = findRollbackTarget(d, revs, toRevision);
  if (clientDryRun) return { kind: 'dry-run', message: rawPodTemplate(rs['spec']?.template) };
  if (d['spec']?.paused) {
    throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  const template = withoutHash(rs['spec']?.template);
  if (deepEqual(template, withoutHash(d['spec']?.template))) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (KEEP_ANNOTATIONS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!KEEP_ANNOTATIONS.has(k)) annotations[k] = v;
  // The JSON patch kubectl sends: replace /spec/template and /metadata/annotations.
  const patched = structuredClone(d);
  patched['spec'] = { ...patched['spec'], template };
  // An empty map is omitted when the object is serialized.
  patched.metadata.annotations = Object.keys(annotations).length > 0 ? annotations : undefined;
  return { kind: 'rolled-back', message: 'rolled back', patched };
}
