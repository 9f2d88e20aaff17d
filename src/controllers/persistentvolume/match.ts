// Which PersistentVolume a claim binds to (pv_controller's findBestMatchForClaim over its volume
// index): the smallest volume that satisfies the claim.
//
// A volume qualifies when its capacity is at least the request, its volumeMode equals the claim's and
// its access modes include all the claim's; then a volume pre-bound to the claim (claimRef naming it)
// wins at once; otherwise it must be unclaimed, not being deleted, match the claim's selector and have
// the claim's class ("" matches ""). Delayed binding (WaitForFirstConsumer without a selected node)
// takes only pre-bound volumes; with a selected node, the volume's node affinity must allow that node.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { labelSelectorAsSelector } from '../../api/labels.js';
import { parseQuantity, type Quantity } from '../../api/quantity.js';
import type { KObject } from '../../api/types.js';

export const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

/** GetPersistentVolume(Claim)Class: the beta annotation wins over spec.storageClassName. */
export function classOf(obj: KObject): string {
  const ann = obj.metadata.annotations ?? {};
  if (BETA_CLASS in ann) return ann[BETA_CLASS] ?? '';
  return obj['spec']?.storageClassName ?? '';
}

function quantity(v: unknown): Quantity {
  try {
    return parseQuantity(String(v ?? '0'));
  } catch {
    return parseQuantity('0');
  }
}

export const claimRequest = (pvc: KObject): Quantity => quantity(pvc['spec']?.resources?.requests?.storage);
export const volumeCapacity = (pv: KObject): Quantity => quantity(pv['spec']?.capacity?.storage);

/** IsVolumeBoundToClaim: claimRef names the claim (and its uid, when the ref has one). */
export function isVolumeBoundToClaim(pv: KObject, pvc: KObject): boolean {
  const ref = pv['spec']?.claimRef;
  if (!ref) return false;
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? '') !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

function containsModes(have: unknown, want: unknown): boolean {
  const set = new Set(Array.isArray(have) ? have : []);
  return (Array.isArray(want) ? want : []).every((m) => set.has(m));
}

/** The node affinity of a volume allows a node with these labels (NodeSelectorTerms are ORed). */
export function volumeAllowsNode(pv: KObject, labels: Record<string, string>): boolean {
  const terms: any[] = pv['spec']?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  return terms.some((t) =>
    (t?.matchExpressions ?? []).every((e: any) => {
      const v = labels[e?.key];
      const values: string[] = e?.values ?? [];
      switch (e?.operator) {
        case 'In':
          return v !== undefined && values.includes(v);
        case 'NotIn':
          return v === undefined || !values.includes(v);
        case 'Exists':
          return v !== undefined;
        case 'DoesNotExist':
          return v === undefined;
        default:
          return false;
      }
    }),
  );
}

export interface MatchOptions {
  /** WaitForFirstConsumer and no node chosen yet. */
  delayBinding: boolean;
  /** Labels of the selected node, when one is chosen. */
  nodeLabels?: Record<string, string>;
}

export function findBestMatch(pvc: KObject, volumes: KObject[], opts: MatchOptions): KObject | undefined {
  const spec = pvc['spec'] ?? {};
  const request = claimRequest(pvc);
  const mode = spec.volumeMode ?? 'Filesystem';
  let selector;
  try {
    selector = spec.selector ? labelSelectorAsSelector(spec.selector) : undefined;
  } catch {
    return undefined;
  }
  const sorted = [...volumes].sort((a, b) => volumeCapacity(a).cmp(volumeCapacity(b)) || (a.metadata.name! < b.metadata.name! ? -1 : 1));
  let best: KObject | undefined;
  for (const pv of sorted) {
    const pvSpec = pv['spec'] ?? {};
    if (volumeCapacity(pv).cmp(request) < 0) continue;
    if ((pvSpec.volumeMode ?? 'Filesystem') !== mode) continue;
    if (!containsModes(pvSpec.accessModes, spec.accessModes)) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const nodeOk = !opts.nodeLabels || volumeAllowsNode(pv, opts.nodeLabels);
    if (isVolumeBoundToClaim(pv, pvc)) {
      if (nodeOk) return pv;
      continue;
    }
    if (opts.delayBinding) continue;
    if (pvSpec.claimRef) continue;
    if (selector && !selector.matches(pv.metadata.labels ?? {})) continue;
    if (classOf(pv) !== classOf(pvc)) continue;
    if (!nodeOk) continue;
    best ??= pv;
  }
  return best;
}
