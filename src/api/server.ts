// The in-process API server: every read and write of cluster state goes through here, with the
// apiserver's defaulting, validation, admission and allocation, exactly as kubectl talks to
// kube-apiserver. The CLI never touches the store directly; `kube-lite serve` will put HTTP in front.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { Clock } from '../sim/clock.js';
import { rfc3339 } from '../sim/clock.js';
import type { SeededRandom } from '../sim/random.js';
import type { IndexValue, ObjectKey, Store } from '../store/store.js';
import { selfChecks } from '../util/self-checks.js';
import { SimContext } from '../sim/context.js';
import { admitService } from './admission/service.js';
import { admitPod } from './admission/pod.js';
import { admitIngress } from './admission/ingress.js';
import { admitPersistentVolume, admitPersistentVolumeClaim } from './admission/storage.js';
import { applyDefaults } from './defaults/index.js';
import { alreadyExists, badRequest, conflict, forbidden, namespaceTerminating, notFound, StatusError } from './errors.js';
import { deepClone, deepEqual, shallowCopy, specPart } from './object.js';
import { qualifiedResource, type ResourceInfo, groupVersion, resourceByName } from './registry.js';
import { prepareForCreate, prepareForUpdate, TRACKS_GENERATION } from './strategy.js';
import type { KObject } from './types.js';

/** NamespaceLifecycle: namespaces the apiserver refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export interface Validator {
  /** Strict decoding (unknown fields, wrong types): a BadRequest error, or undefined. */
  decode(obj: KObject): StatusError | undefined;
  /** Field validation after defaulting: an Invalid error, or undefined. */
  validate(obj: KObject, old?: KObject): StatusError | undefined;
}

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * Written by kube-lite's own controllers from stored objects, not by a user. Strict decoding and
   * field validation guard user input and are skipped (at 10,000 pods they were a third of a
   * converge), and the object is handed over instead of copied: a create may be defaulted in place,
   * so it must be the caller's own; an update is taken as already defaulted (controllers write
   * stored objects back), and the server changes only its top level and metadata - nested parts may
   * be shared with stored objects, which are read-only. Under the tests (selfChecks) the skipped
   * steps still run, so a controller that writes what they would reject or change fails there.
   */
  internal?: boolean;
  /**
   * With `internal`, on create: the caller hands the object over, top level and metadata included (a
   * literal it just made), so it is stored as it is rather than copied first (the event recorder: one
   * copy fewer per event, 40,000 at 10,000 pods).
   */
  owned?: boolean;
}

export interface ListOptions {
  labelSelector?: (labels: Record<string, string> | undefined) => boolean;
  fieldSelector?: (obj: KObject) => boolean;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
}

export class ApiServer {
  constructor(
    readonly store: Store,
    readonly clock: Clock,
    readonly random: SeededRandom,
    private readonly validator: Validator,
    /** The simulated world: timing profile and due-time bookkeeping for controllers. */
    readonly sim: SimContext = new SimContext(),
  ) {
    sim.setClock(() => this.now());
  }

  now(): number {
    return this.clock.now();
  }

  private key(info: ResourceInfo, namespace: string | undefined, name: string) {
    return { resource: qualifiedResource(info), namespace: info.namespaced ? (namespace ?? '') : '', name };
  }

  /** The stored object itself, frozen, or undefined: for controllers that only read it (no copy). */
  peek(info: ResourceInfo, namespace: string | undefined, name: string): Readonly<KObject> | undefined {
    return this.store.peek(this.key(info, namespace, name));
  }

  get(info: ResourceInfo, namespace: string | undefined, name: string): KObject {
    const obj = this.store.get(this.key(info, namespace, name));
    if (!obj) throw notFound(qualifiedResource(info), name);
    return obj;
  }

  tryGet(info: ResourceInfo, namespace: string | undefined, name: string): KObject | undefined {
    return this.store.get(this.key(info, namespace, name));
  }

  /** `namespace` undefined lists across all namespaces. */
  list(info: ResourceInfo, namespace?: string, opts: ListOptions = {}): KObject[] {
    const items = this.store.list(qualifiedResource(info), info.namespaced ? namespace : undefined);
    return items.filter(
      (o) => (!opts.labelSelector || opts.labelSelector(o.metadata.labels)) && (!opts.fieldSelector || opts.fieldSelector(o)),
    );
  }

  /** Runs `fn` without recording its reads as the caller's (a controller reading its own memory, or reading coarsely where it records finer reads itself). */
  untracked<T>(fn: () => T): T {
    return this.store.untracked ? this.store.untracked(fn) : fn();
  }

  /**
   * Objects with `fn(obj) === value` across all namespaces, in list order: an indexed lookup where the
   * store has one (controllers ask this once per object; a list() each time is quadratic).
   * `fn` must be a module-level constant (it names the index).
   */
  listBy(info: ResourceInfo, fn: (obj: KObject) => IndexValue | undefined, value: IndexValue): KObject[] {
    const resource = qualifiedResource(info);
    if (this.store.byIndex) return this.store.byIndex(resource, fn, value);
    return this.store.list(resource).filter((o) => fn(o) === value);
  }

  private checkKind(info: ResourceInfo, obj: KObject): void {
    if (obj.kind !== info.kind || obj.apiVersion !== groupVersion(info)) {
      throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${groupVersion(info)})`);
    }
  }

  create(info: ResourceInfo, input: KObject, opts: WriteOptions = {}): KObject {
    // A create that fails (or is a dry run) leaves no trace, not even in the random source: otherwise
    // a rejected request would change the store (its generator state) and every later generated name.
    const randomState = this.random.getState();
    try {
      const created = this.createObject(info, input, opts);
      if (opts.dryRun) this.random.setState(randomState);
      return created;
    } catch (e) {
      this.random.setState(randomState);
      throw e;
    }
  }

  private createObject(info: ResourceInfo, input: KObject, opts: WriteOptions): KObject {
    const checked = !opts.internal || selfChecks();
    const obj = opts.internal ? (opts.owned ? input : shallowCopy(input, shallowCopy(input.metadata))) : deepClone(input);
    this.checkKind(info, obj);
    const decodeErr = checked ? this.validator.decode(obj) : undefined;
    if (decodeErr) throw decodeErr;
    obj.metadata ??= {};
    if (info.namespaced) obj.metadata.namespace ||= 'default';
    else delete obj.metadata.namespace;
    // names.SimpleNameGenerator: the base is cut to 58 chars (63 - 5) before the random suffix.
    // (join: one flat string, not a rope of the pieces - see SeededRandom)
    const generate = !obj.metadata.name && obj.metadata.generateName ? () => [obj.metadata.generateName!.slice(0, 58), this.random.nameSuffix(5)].join('') : undefined;
    if (generate) obj.metadata.name = generate();
    obj.metadata.uid = this.random.uuid();
    applyDefaults(obj);
    prepareForCreate(obj);
    const invalid = checked ? this.validator.validate(obj) : undefined;
    if (invalid) throw invalid;
    const ns = obj.metadata.namespace ?? '';
    if (info.namespaced) this.checkNamespaceActive(info, ns, obj.metadata.name!);
    let key = this.key(info, ns, obj.metadata.name!);
    // A generated name that is taken is generated again, up to 8 attempts in all, as the apiserver
    // does (RetryGenerateName, GA in 1.32): at 10,000 pods of one ReplicaSet, some names collide.
    // (each name looked up once: a lookup of a name not stored is the dearer kind, ~1 µs at 50,000 objects)
    let taken = this.store.peek(key) !== undefined;
    for (let attempt = 1; generate && attempt < 8 && taken; attempt++) {
      obj.metadata.name = generate();
      key = this.key(info, ns, obj.metadata.name);
      taken = this.store.peek(key) !== undefined;
    }
    if (taken) throw alreadyExists(qualifiedResource(info), obj.metadata.name!);
    this.admit(info, obj);
    obj.metadata.creationTimestamp = rfc3339(this.now());
    if (TRACKS_GENERATION.has(obj.kind)) obj.metadata.generation = 1;
    delete obj.metadata.resourceVersion;
    orderMetadata(obj);
    if (opts.dryRun) return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(this.store.revision() + 1) } };
    return this.store.create(key, obj);
  }

  private checkNamespaceActive(info: ResourceInfo, ns: string, name: string): void {
    const nsObj = this.store.peek({ resource: 'namespaces', namespace: '', name: ns });
    if (!nsObj) throw notFound('namespaces', ns);
    if (nsObj['status']?.phase === 'Terminating') throw namespaceTerminating(qualifiedResource(info), name, ns);
  }

  private admit(info: ResourceInfo, obj: KObject, old?: KObject): void {
    if (obj.kind === 'Service') admitService(obj, this.list(info), this.random, old);
    if (obj.kind === 'Pod' && !old) admitPod(obj, this, this.random);
    if (obj.kind === 'Ingress' && !old) admitIngress(obj, this.list(this.resource('ingressclasses')));
    if (obj.kind === 'PersistentVolumeClaim' && !old) admitPersistentVolumeClaim(obj, this.list(this.resource('storageclasses')));
    if (obj.kind === 'PersistentVolume' && !old) admitPersistentVolume(obj);
  }

  /** PUT: replaces the object. A resourceVersion in the object is a precondition. */
  update(info: ResourceInfo, input: KObject, opts: WriteOptions & { subresource?: 'status' } = {}): KObject {
    const checked = !opts.internal || selfChecks();
    let obj = opts.internal ? shallowCopy(input, shallowCopy(input.metadata)) : deepClone(input);
    this.checkKind(info, obj);
    const name = obj.metadata?.name ?? '';
    const ns = info.namespaced ? obj.metadata.namespace || 'default' : '';
    const key = this.key(info, ns, name);
    // Read only: prepareForUpdate may move parts of it (frozen) into the new object, never change them.
    const old = this.store.peek(key) as KObject | undefined;
    if (!old) throw notFound(qualifiedResource(info), name);
    if (obj.metadata.resourceVersion && obj.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw conflict(qualifiedResource(info), name);
    }
    if (opts.subresource !== 'status' && checked) {
      const decodeErr = this.validator.decode(obj);
      if (decodeErr) throw decodeErr;
    }
    obj.metadata.namespace = info.namespaced ? ns : undefined;
    if (!info.namespaced) delete obj.metadata.namespace;
    if (!opts.internal) applyDefaults(obj);
    else if (selfChecks()) assertDefaulted(obj);
    obj = prepareForUpdate(obj, old, opts.subresource === 'status');
    const invalid = checked ? this.validator.validate(obj, old) : undefined;
    if (invalid) throw invalid;
    if (opts.subresource !== 'status') this.admit(info, obj, old);
    // Identity fields are the server's, whatever the client sent.
    obj.metadata.uid = old.metadata.uid;
    obj.metadata.creationTimestamp = old.metadata.creationTimestamp;
    if (TRACKS_GENERATION.has(obj.kind)) {
      const changed = !sameSpecParts(obj, old) && !deepEqual(specPart(obj), specPart(old));
      obj.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
    }
    if (old.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
      obj.metadata.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    }
    // A dry-run update is decoded from what would be written at the live revision.
    if (opts.dryRun) obj.metadata.resourceVersion = old.metadata.resourceVersion;
    orderMetadata(obj);
    if (opts.dryRun) return obj;
    const stored = this.store.update(key, obj, old.metadata.resourceVersion);
    // Dropping the last finalizer of an object being deleted completes its deletion.
    // (A pod in its grace period stays until its kubelet deletes it; a namespace until its spec.finalizers
    // are gone too.)
    if (
      stored.metadata.deletionTimestamp &&
      !(stored.metadata.finalizers?.length) &&
      !stored.metadata.deletionGracePeriodSeconds &&
      !(stored.kind === 'Namespace' && stored['spec']?.finalizers?.length)
    ) {
      this.store.delete(key);
    }
    return stored;
  }

  updateStatus(info: ResourceInfo, obj: KObject, opts: WriteOptions = {}): KObject {
    // (each option named: a spread of `opts` followed by a key it lacks took V8's slow path, and the
    // kubelet writes a status for every pod at every step)
    return this.update(info, obj, { dryRun: opts.dryRun, internal: opts.internal, owned: opts.owned, subresource: 'status' });
  }

  /**
   * POST pods/{name}/binding (the registry's BindingREST): sets spec.nodeName, which a pod update may
   * not change, and marks the pod PodScheduled=True. The scheduler's only way to place a pod.
   */
  bindPod(namespace: string, name: string, nodeName: string): KObject {
    const info = this.resource('pods');
    const key = this.key(info, namespace, name);
    // Read only: the new object shares what it does not change with the stored one.
    const cur = this.store.peek(key);
    if (!cur) throw notFound(qualifiedResource(info), name);
    if (cur.metadata.deletionTimestamp) {
      throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is being deleted, cannot be assigned to a host`);
    }
    if (cur['spec']?.nodeName) {
      throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${cur['spec'].nodeName}"`);
    }
    const scheduled = { lastProbeTime: null, lastTransitionTime: rfc3339(this.now()), status: 'True', type: 'PodScheduled' };
    const conditions: any[] = [...(cur['status']?.conditions ?? [])];
    const i = conditions.findIndex((c) => c?.type === 'PodScheduled');
    if (i >= 0) conditions[i] = scheduled;
    else conditions.push(scheduled);
    const pod: KObject = shallowCopy(cur as KObject, shallowCopy(cur.metadata));
    pod['spec'] = shallowCopy(cur['spec'] ?? {});
    pod['spec'].nodeName = nodeName;
    pod['status'] = shallowCopy(cur['status'] ?? {});
    pod['status'].conditions = conditions;
    return this.store.update(key, pod, pod.metadata.resourceVersion);
  }

  /**
   * DELETE. Objects with finalizers (or a Foreground/Orphan propagation, which add one) are marked
   * with a deletionTimestamp and removed once the finalizers are gone; others go at once. Dependents
   * are handled by the garbage collector controller.
   */
  delete(info: ResourceInfo, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KObject {
    const key = this.key(info, namespace, name);
    const obj = this.store.get(key);
    if (!obj) throw notFound(qualifiedResource(info), name);
    // The NamespaceLifecycle admission plugin's immortal namespaces (dry runs are admitted too).
    if (obj.kind === 'Namespace' && IMMORTAL_NAMESPACES.has(name)) {
      throw forbidden(`${qualifiedResource(info)} "${name}" is forbidden: this namespace may not be deleted`);
    }
    if (opts.dryRun) return obj;
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    const policy = opts.propagationPolicy ?? defaultPropagation(info);
    if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    if (obj.kind === 'Namespace') {
      // The namespace controller empties it, then drops the "kubernetes" finalizer.
      if (obj.metadata.deletionTimestamp) return obj;
      // (The namespace registry sets no deletionGracePeriodSeconds.)
      obj.metadata.deletionTimestamp = rfc3339(this.now());
      obj['status'] = { ...(obj['status'] ?? {}), phase: 'Terminating' };
      return this.store.update(key, obj);
    }
    if (obj.kind === 'Pod') {
      const graceful = this.deletePodGracefully(key, obj, finalizers, opts.gracePeriodSeconds);
      if (graceful) return graceful;
    }
    if (finalizers.length === 0) {
      this.store.delete(key);
      return obj;
    }
    if (!obj.metadata.deletionTimestamp) {
      obj.metadata.deletionTimestamp = rfc3339(this.now());
      obj.metadata.deletionGracePeriodSeconds = 0;
    }
    obj.metadata.finalizers = finalizers;
    return this.store.update(key, obj);
  }

  /**
   * Graceful pod deletion (pod strategy CheckGracefulDelete, rest BeforeDelete): a pod bound to a node
   * and not finished gets deletionTimestamp = now + grace (the option, else terminationGracePeriodSeconds)
   * and stays, Terminating, until its kubelet deletes it with grace 0. A deletion under way can only be
   * shortened, counted from when it began. Undefined: not graceful, the generic path removes the pod.
   */
  private deletePodGracefully(key: ObjectKey, obj: KObject, finalizers: string[], requested?: number): KObject | undefined {
    const m = obj.metadata;
    const finalizersChanged = finalizers.length !== (m.finalizers ?? []).length;
    if (finalizers.length > 0) m.finalizers = finalizers;
    if (m.deletionTimestamp && m.deletionGracePeriodSeconds !== undefined) {
      const current = m.deletionGracePeriodSeconds;
      if (requested === undefined || requested >= current) return finalizersChanged ? this.store.update(key, obj) : obj;
      const begun = Date.parse(m.deletionTimestamp) - current * 1000;
      m.deletionTimestamp = rfc3339(begun + requested * 1000);
      m.deletionGracePeriodSeconds = requested;
      if (requested === 0 && finalizers.length === 0) {
        this.store.delete(key);
        return obj;
      }
      return this.store.update(key, obj);
    }
    const spec = obj['spec'] ?? {};
    const phase = obj['status']?.phase;
    let grace: number = requested ?? spec.terminationGracePeriodSeconds ?? 30;
    if (grace < 0) grace = 1;
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') grace = 0;
    if (grace === 0) return undefined;
    m.deletionTimestamp = rfc3339(this.now() + grace * 1000);
    m.deletionGracePeriodSeconds = grace;
    return this.store.update(key, obj);
  }

  /** Lookup by store resource name ("deployments.apps"), for controllers. */
  resource(name: string): ResourceInfo {
    const info = resourceByName(name);
    if (!info) throw new Error(`unknown resource ${name}`);
    return info;
  }
}

/** ReplicationControllers historically orphaned by default for old clients; today every kind is Background. */
function defaultPropagation(_info: ResourceInfo): PropagationPolicy {
  return 'Background';
}

/** An internal write skips defaulting: under the tests, fail if defaulting would have changed it. */
function assertDefaulted(obj: KObject): void {
  const copy = deepClone(obj);
  applyDefaults(copy);
  if (!deepEqual(copy, obj)) throw new Error(`internal error: a controller wrote ${obj.kind} ${obj.metadata.name} in a form defaulting changes`);
}

/** Keeps metadata keys in a stable, conventional order (output sorts keys anyway; this aids diffs). */
function orderMetadata(obj: KObject): void {
  for (const k of Object.keys(obj.metadata) as (keyof typeof obj.metadata)[]) {
    if (obj.metadata[k] === undefined) delete obj.metadata[k];
  }
}

export function errorIsNotFound(e: unknown): boolean {
  return e instanceof StatusError && e.reason === 'NotFound';
}

/** The parts specPart compares are the very same values (a status write keeps the old ones): no need to walk them. */
function sameSpecParts(a: KObject, b: KObject): boolean {
  const skip = (k: string) => k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind';
  const ak = Object.keys(a).filter((k) => !skip(k));
  const bk = Object.keys(b).filter((k) => !skip(k));
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}
