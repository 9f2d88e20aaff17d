// DaemonSet history (daemon/update.go constructHistory, snapshot, dedupCurHistories, cleanupHistory):
// one ControllerRevision per distinct template, named `<ds>-<hash>`; the current one carries the
// highest revision number and its hash label is what new daemon pods are labelled with.

import { deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { pods } from '../replicaset/kind.js';
import {
  createRevision, deleteRevision, nextRevision, ownedRevisions, relabelRevision, revisionNumber, sortRevisions, templatePatch,
  type RevisionOwner,
} from '../history/index.js';
import { revisionHash } from './hash.js';
import { REVISION_HASH_LABEL } from './kind.js';

export const DAEMON_SET_REVISIONS: RevisionOwner = { apiVersion: 'apps/v1', kind: 'DaemonSet', hashLabel: REVISION_HASH_LABEL };

export interface DaemonSetHistory {
  current: KObject;
  old: KObject[];
  hash: string;
  /** status.collisionCount after a hash collision (undefined: unchanged). */
  collisionCount?: number;
}

export function constructHistory(api: ApiServer, ds: KObject, claimed: readonly KObject[]): DaemonSetHistory {
  const data = templatePatch(ds);
  const all = ownedRevisions(api, ds);
  const matching = all.filter((r) => deepEqual(r['data'], data));
  const old = all.filter((r) => !matching.includes(r));
  const next = nextRevision(old);
  let current: KObject;
  let collisionCount: number | undefined;
  if (matching.length === 0) {
    const before = Number(ds['status']?.collisionCount ?? 0);
    const made = createRevision(api, DAEMON_SET_REVISIONS, ds, data, next, before, (n) => revisionHash(ds, n === 0 && ds['status']?.collisionCount === undefined ? undefined : n));
    current = made.revision;
    if (made.collisionCount !== before) collisionCount = made.collisionCount;
  } else {
    current = dedupe(api, sortRevisions(matching), claimed);
  }
  if (revisionNumber(current) < next) current = relabelRevision(api, current, next);
  return { current, old, hash: current.metadata.labels?.[REVISION_HASH_LABEL] ?? revisionHash(ds), collisionCount };
}

/** dedupCurHistories: the highest revision survives; pods labelled with a duplicate are relabelled. */
function dedupe(api: ApiServer, matching: KObject[], claimed: readonly KObject[]): KObject {
  const keep = matching[matching.length - 1]!;
  const keepHash = keep.metadata.labels?.[REVISION_HASH_LABEL];
  for (const dup of matching.slice(0, -1)) {
    const dupHash = dup.metadata.labels?.[REVISION_HASH_LABEL];
    for (const pod of claimed) {
      if (!keepHash || pod.metadata.labels?.[REVISION_HASH_LABEL] !== dupHash) continue;
      const copy = structuredClone(pod);
      copy.metadata.labels = { ...copy.metadata.labels, [REVISION_HASH_LABEL]: keepHash };
      api.update(pods(), copy);
    }
    deleteRevision(api, dup);
  }
  return keep;
}

/** cleanupHistory: old revisions beyond revisionHistoryLimit, oldest first, unless a pod uses them. */
export function cleanupHistory(api: ApiServer, ds: KObject, old: readonly KObject[], claimed: readonly KObject[]): void {
  const limit = Number(ds['spec']?.revisionHistoryLimit ?? 10);
  let toKill = old.length - limit;
  if (toKill <= 0) return;
  const live = new Set(claimed.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]).filter((h): h is string => !!h));
  for (const r of sortRevisions(old)) {
    if (toKill <= 0) break;
    if (live.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '')) continue;
    deleteRevision(api, r);
    toKill--;
  }
}
