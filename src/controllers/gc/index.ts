// The garbage collector: deletes objects whose owners are gone (Background), finishes Foreground
// deletions once dependents are gone, and orphans dependents for the "orphan" finalizer.

import { qualifiedResource, resourceForKind, RESOURCES, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject, OwnerReference } from '../../api/types.js';
import { declareIndex } from '../../store/memory-store.js';
import { OwnerLookup } from './owners.js';
import { Remembered, Settling } from './settled.js';

interface Entry {
  info: ResourceInfo;
  obj: KObject;
}

/** The objects the collector acts on: dependents, and objects being deleted (an index: events are neither). */
const gcInterest = declareIndex((o: KObject): string | undefined => (o.metadata.ownerReferences?.length || o.metadata.deletionTimestamp ? 'yes' : undefined));

export function garbageCollector(api: ApiServer): void {
  const pass = new Pass(api);
  const remembered = new Remembered(api.store);
  for (const info of RESOURCES) {
    const resource = qualifiedResource(info);
    const stamp = remembered.stampOf(resource);
    if (stamp !== undefined && remembered.unchanged(resource, stamp)) continue;
    const interesting = api.listBy(info, gcInterest, 'yes');
    // Only a resource the next command can tell unchanged (it has a stamp) is worth settling.
    const settling = stamp !== undefined && interesting.length > 0 ? new Settling() : undefined;
    for (const obj of interesting) pass.collect(info, obj, settling);
    if (stamp !== undefined) remembered.walked(resource, stamp, interesting.length, settling);
  }
  remembered.save();
}

/** One pass over the cluster, with what it builds only when an object needs it. */
class Pass {
  // Every object is looked at, but the whole-cluster structures (all objects by uid, dependents by
  // owner) are built only when an object needs them: at 10,000 pods, building them in every round
  // was most of the collector's time.
  private all: Entry[] | undefined;
  private uids: Set<string> | undefined;
  /** The owner still exists: found by kind and name with the same uid (or, for kinds kube-lite does not serve, by uid). */
  private owners = new OwnerLookup((ref, namespace) => {
    const info = resourceForKind(ref.apiVersion, ref.kind);
    if (!info) return { exists: (this.uids ??= new Set(this.everything().map((e) => e.obj.metadata.uid!))).has(ref.uid), resource: undefined };
    return { exists: this.api.peek(info, namespace, ref.name)?.metadata.uid === ref.uid, resource: qualifiedResource(info) };
  });

  constructor(private readonly api: ApiServer) {}

  /** Does what `obj` (an object of interest) needs; tells `settling` what that rested on. */
  collect(info: ResourceInfo, obj: KObject, settling: Settling | undefined): void {
    const m = obj.metadata;
    if (m.deletionTimestamp && m.finalizers?.includes('orphan')) {
      settling?.ruleOut();
      this.orphanDependents(info, obj);
    } else if (m.deletionTimestamp && m.finalizers?.includes('foregroundDeletion')) {
      settling?.ruleOut();
      this.deleteDependents(info, obj);
    } else if (m.deletionTimestamp) {
      // Being deleted, with nothing for the collector to finish.
    } else if (!this.liveOwner(m.ownerReferences!, m.namespace, settling)) {
      // Background: an object all of whose owners are gone is deleted.
      settling?.ruleOut();
      this.api.delete(info, m.namespace, m.name!, { propagationPolicy: 'Background' });
      this.owners.forget();
    }
  }

  private everything(): Entry[] {
    return (this.all ??= RESOURCES.flatMap((info) => this.api.list(info).map((obj) => ({ info, obj }))));
  }

  private dependents(uid: string): Entry[] {
    return this.everything().filter((e) => e.obj.metadata.ownerReferences?.some((r) => r.uid === uid));
  }

  /** The "orphan" finalizer: the dependents lose their reference to `obj`, then the finalizer goes. */
  private orphanDependents(info: ResourceInfo, obj: KObject): void {
    const uid = obj.metadata.uid;
    for (const d of this.dependents(uid!)) {
      const copy = structuredClone(d.obj);
      copy.metadata.ownerReferences = copy.metadata.ownerReferences!.filter((r) => r.uid !== uid);
      if (copy.metadata.ownerReferences.length === 0) delete copy.metadata.ownerReferences;
      this.api.update(d.info, copy);
    }
    this.wrote();
    removeFinalizer(this.api, info, obj, 'orphan');
  }

  /** Foreground deletion: the dependents are deleted (foreground too); once none is left, the finalizer goes. */
  private deleteDependents(info: ResourceInfo, obj: KObject): void {
    const deps = this.dependents(obj.metadata.uid!);
    for (const d of deps) {
      if (!d.obj.metadata.deletionTimestamp) {
        this.api.delete(d.info, d.obj.metadata.namespace, d.obj.metadata.name!, { propagationPolicy: 'Foreground' });
      }
    }
    this.wrote();
    if (deps.length === 0) removeFinalizer(this.api, info, obj, 'foregroundDeletion');
  }

  /** Forgets what the writes of an orphaning or a foreground deletion may have changed. */
  private wrote(): void {
    this.all = this.uids = undefined;
    this.owners.forget();
  }

  /**
   * Whether one of `refs` still exists, looked up in order and no further, as the collector always has
   * (a lookup by uid reads every object). Tells `settling` what the answer rested on.
   */
  private liveOwner(refs: readonly OwnerReference[], namespace: string | undefined, settling: Settling | undefined): boolean {
    for (const ref of refs) {
      const c = this.owners.check(ref, namespace);
      if (c.exists) {
        settling?.liveOwnerIn(c.resource);
        return true;
      }
      // An owner looked for by uid, even in vain: the walk read every object.
      if (c.resource === undefined) settling?.ruleOut();
    }
    return false;
  }
}

function removeFinalizer(api: ApiServer, info: ResourceInfo, obj: KObject, finalizer: string): void {
  const cur = api.tryGet(info, obj.metadata.namespace, obj.metadata.name!);
  if (!cur) return;
  cur.metadata.finalizers = (cur.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (cur.metadata.finalizers.length === 0) delete cur.metadata.finalizers;
  api.update(info, cur);
}
