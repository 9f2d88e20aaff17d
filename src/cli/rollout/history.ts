// Rollout history of a Deployment from its ReplicaSets (kubectl polymorphichelpers/history.go): each
// owned ReplicaSet with a parseable `deployment.kubernetes.io/revision` is one revision.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { CliError } from '../../api/errors.js';
import { labelSelectorAsSelector } from '../../api/labels.js';
import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { describePodTemplate } from '../../printers/describe/pod-template.js';
import type { Writer } from '../../printers/describe/prefix-writer.js';
import { DESCRIBE_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import { REVISION_ANNOTATION } from './status.js';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

export interface Revision {
  revision: number;
  rs: KObject;
}

/** The ReplicaSets the deployment controls (selector match and a controller ref to its UID). */
export function ownedReplicaSets(api: ApiServer, d: KObject): KObject[] {
  const sel = labelSelectorAsSelector(d['spec']?.selector);
  return api
    .list(findResource('replicasets')!, d.metadata.namespace, { labelSelector: (l) => sel.matches(l ?? {}) })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/** deploymentutil.Revision: a non-numeric annotation makes the ReplicaSet invisible to history. */
export function revisions(api: ApiServer, d: KObject): Revision[] {
  const out: Revision[] = [];
  for (const rs of ownedReplicaSets(api, d)) {
    const text = rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '';
    if (!/^-?\d+$/.test(text)) continue;
    out.push({ revision: Number(text), rs });
  }
  return out.sort((a, b) => a.revision - b.revision);
}

/** The text after `deployment.apps/web ` for `rollout history` (no --revision). */
export function historyTable(revs: Revision[]): string {
  if (revs.length === 0) return 'No rollout history found.';
  let rows = 'REVISION\tCHANGE-CAUSE\n';
  for (const r of revs) rows += `${r.revision}\t${r.rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
  // tabwriter.Init(buf, 0, 8, 2, ' ', 0): the describe settings.
  return tabwrite(rows, DESCRIBE_TABWRITER);
}

/** `rollout history --revision=N`: the template (with its change-cause) as DescribePodTemplate writes it. */
export function revisionDetail(revs: Revision[], revision: number): string {
  if (revs.length === 0) return 'No rollout history found.';
  const found = revs.find((r) => r.revision === revision);
  if (!found) throw new CliError('unable to find the specified revision');
  const template = structuredClone(found.rs['spec']?.template ?? {});
  const cause = found.rs.metadata.annotations?.[CHANGE_CAUSE];
  template.metadata ??= {};
  template.metadata.annotations ??= {};
  if (cause) template.metadata.annotations[CHANGE_CAUSE] = cause;
  return rawPodTemplate(template);
}

/** describe.NewPrefixWriter over a plain buffer: no tabwriter, so the tabs stay in the text. */
export function rawPodTemplate(template: unknown): string {
  let buf = '';
  const w: Writer = {
    write: (level, text) => void (buf += '  '.repeat(level) + text),
    writeLine: (text = '') => void (buf += text + '\n'),
    flush: () => {},
  };
  describePodTemplate(template, w);
  return buf;
}

/** The text after `deployment.apps/web `: the operation of kubectl's name printer. */
export function historyOperation(revs: Revision[], revision: number): string {
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  return `${withRevision}\n${revision > 0 ? revisionDetail(revs, revision) : historyTable(revs)}`;
}
