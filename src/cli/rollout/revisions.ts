// Rollout history and undo for DaemonSets and StatefulSets, from their ControllerRevisions (kubectl
// polymorphichelpers history.go printHistory, rollback.go DaemonSetRollbacker/StatefulSetRollbacker).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { CliError } from '../../api/errors.js';
import { labelSelectorAsSelector } from '../../api/labels.js';
import { controllerOf, deepEqual } from '../../api/object.js';
import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { templatePatch } from '../../controllers/history/index.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import { CHANGE_CAUSE, rawPodTemplate } from './history.js';
import type { RollbackResult } from './rollback.js';

/** daemonSetHistory / statefulSetHistory: revisions matching the selector and controlled by the object. */
export function controllerRevisionsOf(api: ApiServer, obj: KObject): KObject[] {
  const sel = labelSelectorAsSelector(obj['spec']?.selector);
  return api
    .list(findResource('controllerrevisions')!, obj.metadata.namespace, { labelSelector: (l) => sel.matches(l ?? {}) })
    .filter((r) => controllerOf(r)?.uid === obj.metadata.uid);
}

const revisionOf = (r: KObject): number => Number(r['revision'] ?? 0);

/** Revision number → revision; a later duplicate number wins, as the Go map assignment does. */
export function byRevision(history: readonly KObject[]): Map<number, KObject> {
  const out = new Map<number, KObject>();
  for (const r of history) out.set(revisionOf(r), r);
  return new Map([...out.entries()].sort(([a], [b]) => a - b));
}

/** The template a revision holds (the object with the revision's patch applied). */
export function templateOf(r: KObject): any {
  const t = structuredClone((r['data'] as any)?.spec?.template ?? {});
  delete t.$patch;
  if (t.metadata?.creationTimestamp === null) delete t.metadata.creationTimestamp;
  return t;
}

/** The text after `daemonset.apps/x `: printHistory with or without --revision. */
export function revisionHistoryOperation(history: readonly KObject[], revision: number): string {
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  const info = byRevision(history);
  let body: string;
  if (info.size === 0) body = 'No rollout history found.';
  else if (revision > 0) {
    const r = info.get(revision);
    if (!r) throw new CliError('unable to find the specified revision');
    body = rawPodTemplate(templateOf(r));
  } else {
    let rows = 'REVISION\tCHANGE-CAUSE\n';
    for (const [n, r] of info) rows += `${n}\t${r.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
    body = tabwrite(rows, DESCRIBE_TABWRITER);
  }
  return `${withRevision}\n${body}`;
}

function notFound(rev: number): CliError {
  return new CliError(`unable to find specified revision ${rev} in history`);
}

/** findHistory: 0 = the second-highest revision; otherwise that exact one. */
function findHistory(history: readonly KObject[], toRevision: number): KObject | undefined {
  if (toRevision === 0) {
    if (history.length <= 1) return undefined;
    const sorted = [...history].sort((a, b) => revisionOf(a) - revisionOf(b));
    return sorted[sorted.length - 2];
  }
  return history.find((r) => revisionOf(r) === toRevision);
}

/** Rollback: the object's template replaced by the revision's (the strategic "replace" patch). */
export function rollbackToRevision(obj: KObject, history: readonly KObject[], toRevision: number, clientDryRun: boolean): RollbackResult {
  if (toRevision < 0) throw notFound(toRevision);
  if (toRevision === 0 && history.length <= 1) throw new CliError('no last revision to roll back to');
  const target = findHistory(history, toRevision);
  if (!target) throw notFound(toRevision);
  const template = templateOf(target);
  if (clientDryRun) return { kind: 'dry-run', message: `will roll back to ${rawPodTemplate(template)}` };
  if (deepEqual(templatePatch(obj), target['data'])) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const patched = structuredClone(obj);
  patched['spec'] = { ...patched['spec'], template };
  return { kind: 'rolled-back', message: 'rolled back', patched };
}
