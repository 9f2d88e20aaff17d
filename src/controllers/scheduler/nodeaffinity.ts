// NodeAffinity: spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution filter nodes;
// preferred terms score them. Terms are ORed, the requirements inside a term ANDed, and a term with
// no requirements matches nothing (component-helpers scheduling/corev1/nodeaffinity).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { newRequirement, type Operator } from '../../api/labels.js';
import type { KObject } from '../../api/types.js';
import { unresolvable, type FilterPlugin, type Status } from './framework.js';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_AFFINITY_CONFLICT = 'pod affinity terms conflict';

const OPS: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

function expressionMatches(e: any, labels: Record<string, string>): boolean {
  const op = OPS[e?.operator];
  if (!op) return false;
  try {
    // Gt/Lt compare integers; In/NotIn need values; a malformed requirement matches nothing.
    return newRequirement(e.key, op, e.values?.length ? [...e.values] : null).matches(labels);
  } catch {
    return false;
  }
}

/** matchFields: only metadata.name, In/NotIn with exactly one value. */
function fieldMatches(f: any, node: KObject): boolean {
  if (f?.key !== 'metadata.name' || f.values?.length !== 1) return false;
  if (f.operator === 'In') return node.metadata.name === f.values[0];
  if (f.operator === 'NotIn') return node.metadata.name !== f.values[0];
  return false;
}

export function termMatches(term: any, node: KObject): boolean {
  const exprs: any[] = term?.matchExpressions ?? [];
  const fields: any[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((e) => expressionMatches(e, labels)) && fields.every((f) => fieldMatches(f, node));
}

const required = (pod: KObject): any => pod['spec']?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;

/** GetRequiredNodeAffinity(pod).Match(node): the nodeSelector map and the required terms. */
export function requiredAffinityMatches(pod: KObject, node: KObject): boolean {
  // Asked of every node for every pod: a loop, not a list of entries per call.
  const selector: Record<string, string> | undefined = pod['spec']?.nodeSelector;
  if (selector) {
    const labels = node.metadata.labels ?? {};
    for (const k in selector) if (!Object.prototype.hasOwnProperty.call(labels, k) || labels[k] !== selector[k]) return false;
  }
  const req = required(pod);
  if (!req) return true;
  return (req.nodeSelectorTerms ?? []).some((t: any) => termMatches(t, node));
}

/**
 * PreFilter: when every required term pins metadata.name (DaemonSet pods do), only those nodes are
 * candidates. Returns the names, undefined for "all nodes", or a status when the terms conflict.
 */
export function nodeAffinityPreFilter(pod: KObject): Set<string> | Status | undefined {
  const terms: any[] = required(pod)?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const f of t?.matchFields ?? []) {
      if (f?.key !== 'metadata.name' || f.operator !== 'In') continue;
      const s = new Set<string>(f.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined; // this term allows any node, and terms are ORed
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names && names.size === 0) return unresolvable(ERR_AFFINITY_CONFLICT);
  return names;
}

export const nodeAffinity: FilterPlugin = (pod, ni) => (requiredAffinityMatches(pod, ni.node) ? undefined : unresolvable(ERR_NODE_AFFINITY));

/** Score: the sum of the weights of the preferred terms the node matches. */
export function preferredAffinityScore(pod: KObject, node: KObject): number {
  const prefs: any[] = pod['spec']?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return prefs.reduce((sum, p) => (p?.weight && termMatches(p.preference, node) ? sum + Number(p.weight) : sum), 0);
}
