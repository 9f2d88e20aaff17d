// Whether dependents' owners still exist, each distinct owner looked up once per collector pass: the
// 10,000 pods of one ReplicaSet name the same owner, and a lookup per pod (kind to resource, then the
// store) was most of the collector's time.

import type { OwnerReference } from '../../api/types.js';

export interface OwnerCheck {
  exists: boolean;
  /** The store resource the owner was looked up in; undefined when it was looked for by uid among all objects. */
  resource: string | undefined;
}

/** Looks up one owner of an object in `namespace` (the dependent's). */
export type LookUpOwner = (ref: OwnerReference, namespace: string | undefined) => OwnerCheck;

interface Answer {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  check: OwnerCheck;
}

/**
 * Answers of `lookUp`, kept until forget(). The collector forgets them whenever it writes, so every
 * answer is the one `lookUp` would give at that moment.
 */
export class OwnerLookup {
  /** By uid (no string is built per dependent); the other fields tell apart refs that share a uid. */
  private answers = new Map<string, Answer[]>();

  constructor(private readonly lookUp: LookUpOwner) {}

  check(ref: OwnerReference, namespace: string | undefined): OwnerCheck {
    const same = this.answers.get(ref.uid);
    const known = same?.find((a) => a.apiVersion === ref.apiVersion && a.kind === ref.kind && a.name === ref.name && a.namespace === namespace);
    if (known) return known.check;
    const check = this.lookUp(ref, namespace);
    const answer = { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, namespace, check };
    if (same) same.push(answer);
    else this.answers.set(ref.uid, [answer]);
    return check;
  }

  forget(): void {
    this.answers.clear();
  }
}
