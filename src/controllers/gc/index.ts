// The garbage collector: deletes objects whose owners are gone (Background), finishes Foreground
// deletions once dependents are gone, and orphans dependents for the "orphan" finalizer.

import { resourceForKind, RESOURCES, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject, OwnerReference } from '../../api/types.js';

interface Entry {
  info: ResourceInfo;
  obj: KObject;
}

/** The objects the collector acts on: dependents, and objects being deleted (an index: events are neither). */
const gcInterest = (o: KObject): string => (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp ? 'yes' : '');

export function garbageCollector(api: ApiServer): void {
  // Every object is looked at, but the whole-cluster structures (all objects by uid, dependents by
  // owner) are built only when an object needs them: at 10,000 pods, building them in every round
  // was most of the collector's time.
  let all: Entry[] | undefined;
  let uids: Set<string> | undefined;
  const everything = () => (all ??= RESOURCES.flatMap((info) => api.list(info).map((obj) => ({ info, obj }))));
  const dependents = (uid: string) => everything().filter((e) => e.obj.metadata.ownerReferences?.some((r) => r.uid === uid));
  /** The owner still exists: found by kind and name with the same uid (or, for kinds kube-lite does not serve, by uid). */
  const exists = (ref: OwnerReference, namespace: string | undefined): boolean => {
    const info = resourceForKind(ref.apiVersion, ref.kind);
    if (!info) return (uids ??= new Set(everything().map((e) => e.obj.metadata.uid!))).has(ref.uid);
    return api.peek(info, namespace, ref.name)?.metadata.uid === ref.uid;
  };

  for (const info of RESOURCES) {
    for (const obj of api.listBy(info, gcInterest, 'yes')) {
      const m = obj.metadata;
      if (m.deletionTimestamp && m.finalizers?.includes('orphan')) {
        for (const d of dependents(m.uid!)) {
          const copy = structuredClone(d.obj);
          copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter((r) => r.uid !== m.uid);
          if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
          api.update(d.info, copy);
        }
        all = uids = undefined;
        removeFinalizer(api, info, obj, 'orphan');
        continue;
      }
      if (m.deletionTimestamp && m.finalizers?.includes('foregroundDeletion')) {
        const deps = dependents(m.uid!);
        for (const d of deps) {
          if (!d.obj.metadata.deletionTimestamp) {
            api.delete(d.info, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: 'Foreground' });
          }
        }
        all = uids = undefined;
        if (deps.length === 0) removeFinalizer(api, info, obj, 'foregroundDeletion');
        continue;
      }
      // Background: an object all of whose owners are gone is deleted.
      const owners = m.ownerReferences ?? [];
      if (owners.length > 0 && !m.deletionTimestamp && owners.every((r) => !exists(r, m.namespace))) {
        api.delete(info, m.namespace, m.name!, { propagationPolicy: 'Background' });
      }
    }
  }
}

function removeFinalizer(api: ApiServer, info: ResourceInfo, obj: KObject, finalizer: string): void {
  const cur = api.tryGet(info, obj.metadata.namespace, obj.metadata.name!);
  if (!cur) return;
  cur.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (cur.metadata.finalizers.length === 0) delete cur.metadata.finalizers;
  api.update(info, cur);
}
