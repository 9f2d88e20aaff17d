// The garbage collector: deletes objects whose owners are gone (Background), finishes Foreground
// deletions once dependents are gone, and orphans dependents for the "orphan" finalizer.

import { RESOURCES, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';

interface Entry {
  info: ResourceInfo;
  obj: KObject;
}

export function garbageCollector(api: ApiServer): void {
  const all: Entry[] = [];
  for (const info of RESOURCES) for (const obj of api.list(info)) all.push({ info, obj });
  const byUid = new Map(all.map((e) => [e.obj.metadata.uid!, e]));
  const dependents = (uid: string) => all.filter((e) => e.obj.metadata.ownerReferences?.some((r) => r.uid === uid));

  for (const { info, obj } of all) {
    const m = obj.metadata;
    if (m.deletionTimestamp && m.finalizers?.includes('orphan')) {
      for (const d of dependents(m.uid!)) {
        const copy = structuredClone(d.obj);
        copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter((r) => r.uid !== m.uid);
        if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
        api.update(d.info, copy);
      }
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
      if (deps.length === 0) removeFinalizer(api, info, obj, 'foregroundDeletion');
      continue;
    }
    // Background: an object all of whose owners are gone is deleted.
    const owners = m.ownerReferences ?? [];
    if (owners.length > 0 && !m.deletionTimestamp && owners.every((r) => !byUid.has(r.uid))) {
      api.delete(info, m.namespace, m.name!, { propagationPolicy: 'Background' });
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
