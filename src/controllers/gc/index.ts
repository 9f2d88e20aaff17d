// The garbage collector: deletes objects whose owners are gone (Background), finishes Foreground
// deletions once dependents are gone, and orphans dependents for the "orphan" finalizer.

import { qualifiedResource, resourceForKind, RESOURCES, type ResourceInfo } from '../../api/registry.js';
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

  // Resources found holding nothing of interest, with their stamps then: while a resource keeps its
  // stamp it is not read again (events, thousands of them on a busy cluster, never have owners).
  const before = api.store.getMeta<GcMeta>(GC_META)?.quiet ?? {};
  const quiet: Record<string, string> = {};
  for (const info of RESOURCES) {
    const resource = qualifiedResource(info);
    const stamp = api.store.stampOf?.(resource);
    if (stamp !== undefined && before[resource] === stamp) {
      api.store.noteResourceRead?.(resource);
      quiet[resource] = stamp;
      continue;
    }
    const interesting = api.listBy(info, gcInterest, 'yes');
    if (interesting.length === 0 && stamp !== undefined) quiet[resource] = stamp;
    for (const obj of interesting) {
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
  if (JSON.stringify(quiet) !== JSON.stringify(before)) api.store.setMeta(GC_META, { quiet } satisfies GcMeta);
}

const GC_META = 'gc';
interface GcMeta {
  /** Store resource -> its stamp (Store.stampOf) when the collector found no dependents and nothing being deleted in it. */
  quiet: Record<string, string>;
}

function removeFinalizer(api: ApiServer, info: ResourceInfo, obj: KObject, finalizer: string): void {
  const cur = api.tryGet(info, obj.metadata.namespace, obj.metadata.name!);
  if (!cur) return;
  cur.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (cur.metadata.finalizers.length === 0) delete cur.metadata.finalizers;
  api.update(info, cur);
}
