// The REST verbs of one request, run inside a batch against the session's ApiServer: list, get,
// create, update, patch (4 content types), delete, deletecollection, and the status and scale
// subresources (pods/log and pods/eviction are in pods.ts). Each handler returns the HTTP answer; a thrown error becomes its v1 Status.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { badRequest, notFound, StatusError } from '../api/errors.js';
import { deferredValidator } from '../cluster/machinery.js';
import { applyJsonPatch, jsonMergePatch, strategicMergePatch } from '../api/patch/index.js';
import { deepClone, deepEqual } from '../api/object.js';
import { groupVersion, qualifiedResource, type ResourceInfo } from '../api/registry.js';
import type { ApiServer, DeleteOptions, PropagationPolicy } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { labelSelectorAsSelector, selectorFromSet } from '../api/labels.js';
import { listOptions } from '../resource/select.js';
import { HAS_SCALE } from './discovery.js';
import { evict, podLog } from './pods.js';
import { dryRun, type ApiRequest, type ApiResponse } from './request.js';
import { failureBody, toStatusError } from './status.js';
import { tableOf } from './table.js';

export type { ApiRequest, ApiResponse, Verb } from './request.js';

export const TABLE_CONTENT_TYPE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

export function handle(api: ApiServer, req: ApiRequest): ApiResponse {
  const warnings: string[] = [];
  try {
    const res = dispatch(api, req, warnings);
    if (warnings.length) res.headers = { ...res.headers, Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) };
    return res;
  } catch (e) {
    const err = toStatusError(e);
    return { code: err.code, body: failureBody(err, req.info) };
  }
}

function dispatch(api: ApiServer, req: ApiRequest, warnings: string[]): ApiResponse {
  const { info } = req;
  const sub = req.subresource;
  if (info.resource === 'pods' && (sub === 'log' || sub === 'eviction')) {
    if (sub === 'log' && req.verb === 'get') return podLog(api, req);
    if (sub === 'eviction' && req.verb === 'create') return evict(api, req);
    throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  if (sub && sub !== 'status' && !(sub === 'scale' && HAS_SCALE.has(info.resource))) {
    throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  }
  switch (req.verb) {
    case 'list':
      return list(api, req);
    case 'get': {
      const obj = api.get(info, req.namespace, req.name!);
      if (sub === 'scale') return ok(scaleOf(info, obj));
      if (req.table && !sub) return { code: 200, body: tableOf(api, info, [obj], req.table, String(obj.metadata.resourceVersion ?? '')), contentType: TABLE_CONTENT_TYPE };
      return ok(obj);
    }
    case 'create':
      return create(api, req, warnings);
    case 'update':
      return update(api, req, warnings);
    case 'patch':
      return patch(api, req, warnings);
    case 'delete':
      return del(api, req);
    case 'deletecollection':
      return deleteCollection(api, req);
  }
}

const ok = (body: unknown, code = 200): ApiResponse => ({ code, body });


// ---- list ------------------------------------------------------------------------------------

interface ContinueToken {
  rv: string;
  start: string;
}

function list(api: ApiServer, req: ApiRequest): ApiResponse {
  const q = req.query;
  const opts = listOptions(q.get('labelSelector') || undefined, q.get('fieldSelector') || undefined, req.info.kind);
  let items = api.list(req.info, req.namespace, opts);
  const rv = String(api.store.revision());
  let listRV = rv;
  const cont = q.get('continue');
  if (cont) {
    let tok: ContinueToken;
    try {
      tok = JSON.parse(Buffer.from(cont, 'base64url').toString('utf8')) as ContinueToken;
      if (typeof tok.start !== 'string') throw new Error('bad');
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
    }
    items = items.filter((o) => idOf(o) >= tok.start);
    listRV = tok.rv;
  }
  const limit = Number(q.get('limit') ?? 0);
  let next: string | undefined;
  let remaining: number | undefined;
  if (limit > 0 && items.length > limit) {
    next = Buffer.from(JSON.stringify({ rv: listRV, start: idOf(items[limit]!) } satisfies ContinueToken)).toString('base64url');
    remaining = items.length - limit;
    items = items.slice(0, limit);
  }
  if (req.table) {
    const t = tableOf(api, req.info, items, req.table, listRV) as any;
    if (next) t.metadata.continue = next;
    if (remaining !== undefined) t.metadata.remainingItemCount = remaining;
    return { code: 200, body: t, contentType: TABLE_CONTENT_TYPE };
  }
  const metadata: Record<string, unknown> = { resourceVersion: listRV };
  if (next) metadata['continue'] = next;
  if (remaining !== undefined) metadata['remainingItemCount'] = remaining;
  return ok({ kind: `${req.info.kind}List`, apiVersion: groupVersion(req.info), metadata, items });
}

/** Sort key equal to the store's list order (namespace, then name). */
function idOf(o: KObject): string {
  return `${o.metadata.namespace ?? ''}\u0000${o.metadata.name ?? ''}`;
}

// ---- create / update ----------------------------------------------------------------------------

function asObject(body: unknown): KObject {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Object \'Kind\' is missing in \'' + JSON.stringify(body ?? null) + '\'');
  return body as KObject;
}

/** Fills in / checks the body's namespace against the path's (the apiserver's EnsureObjectNamespaceMatchesRequestNamespace). */
function placeInNamespace(req: ApiRequest, obj: KObject): void {
  obj.metadata ??= {};
  if (!req.info.namespaced) return;
  const ns = req.namespace ?? '';
  if (obj.metadata.namespace && obj.metadata.namespace !== ns) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = ns;
}

/**
 * fieldValidation: Strict rejects unknown fields (400, as ApiServer's strict decoding does); Warn (the
 * default) and Ignore drop them first, Warn adding one `Warning` header per field.
 */
function fieldValidation(req: ApiRequest, obj: KObject, warnings: string[]): void {
  const mode = req.query.get('fieldValidation') || 'Warn';
  if (mode !== 'Strict' && mode !== 'Warn' && mode !== 'Ignore') {
    throw badRequest(`fieldValidation parameter unsupported: ${mode}. Supported parameters: [Ignore Warn Strict]`);
  }
  if (mode === 'Strict') return;
  const err = deferredValidator.decode(obj);
  if (!err) return;
  const unknown = [...err.message.matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1]!);
  const duplicate = /duplicate field/.test(err.message);
  if (unknown.length === 0 || duplicate) return; // type errors fail whatever the mode
  for (const f of unknown) {
    deletePath(obj, f);
    if (mode === 'Warn') warnings.push(`unknown field "${f}"`);
  }
}

/** Removes "spec.template.spec.containers[0].foo" from an object. */
function deletePath(obj: any, path: string): void {
  const parts: (string | number)[] = [];
  for (const seg of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(seg);
    if (!m) return;
    if (m[1]) parts.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(idx[1]));
  }
  let cur = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    cur = cur?.[parts[i]!];
    if (cur === null || typeof cur !== 'object') return;
  }
  if (cur && typeof cur === 'object') delete cur[parts[parts.length - 1]!];
}

function create(api: ApiServer, req: ApiRequest, warnings: string[]): ApiResponse {
  if (req.subresource) throw new StatusError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  const obj = deepClone(asObject(req.body));
  placeInNamespace(req, obj);
  fieldValidation(req, obj, warnings);
  return ok(api.create(req.info, obj, { dryRun: dryRun(req.query) }), 201);
}

function update(api: ApiServer, req: ApiRequest, warnings: string[]): ApiResponse {
  const { info } = req;
  const body = deepClone(asObject(req.body));
  if (req.subresource === 'scale') {
    const live = api.get(info, req.namespace, req.name!);
    return ok(scaleOf(info, writeScale(api, req, live, body)));
  }
  placeInNamespace(req, body);
  if (body.metadata.name !== req.name) {
    throw badRequest(`the name of the object (${body.metadata.name ?? ''}) does not match the name on the URL (${req.name})`);
  }
  const status = req.subresource === 'status';
  if (!status) fieldValidation(req, body, warnings);
  const result = api.update(info, body, { dryRun: dryRun(req.query), subresource: status ? 'status' : undefined });
  return ok(result);
}

// ---- patch ------------------------------------------------------------------------------------

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

function applyPatch(type: string, live: KObject, patchDoc: unknown, kind: string): KObject {
  // Go's encoding/json names the JSON type it could not put into the Go one.
  const goKind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v);
  if (type === 'application/json-patch+json') {
    if (!Array.isArray(patchDoc)) throw badRequest(`json: cannot unmarshal ${goKind(patchDoc)} into Go value of type jsonpatch.Patch`);
    return applyJsonPatch(live as never, patchDoc as never) as unknown as KObject;
  }
  if (patchDoc === null) patchDoc = {}; // JSON null decodes into a nil map: a patch that changes nothing
  if (typeof patchDoc !== 'object' || Array.isArray(patchDoc)) {
    // The apiserver unmarshals a merge or strategic merge patch into a map first.
    const err = `json: cannot unmarshal ${goKind(patchDoc)} into Go value of type map[string]interface {}`;
    throw badRequest(type === 'application/merge-patch+json' ? `error decoding patch: ${err}` : err);
  }
  if (type === 'application/merge-patch+json') return jsonMergePatch(live as never, patchDoc as never) as unknown as KObject;
  return strategicMergePatch(live as never, patchDoc as never, kind) as unknown as KObject;
}

function patch(api: ApiServer, req: ApiRequest, warnings: string[]): ApiResponse {
  const { info } = req;
  const type = req.contentType;
  const dry = dryRun(req.query);
  const live = api.tryGet(info, req.namespace, req.name!);
  if (type === 'application/apply-patch+yaml') {
    if (!req.query.get('fieldManager')) {
      throw new StatusError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
        group: 'meta.k8s.io',
        kind: 'PatchOptions',
        causes: [{ type: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
      });
    }
    const applied = deepClone(asObject(req.body));
    if (!live) {
      // Server-side apply of a new object: a create.
      if (req.subresource) throw notFound(qualifiedResource(info), req.name!);
      placeInNamespace(req, applied);
      if (applied.metadata.name && applied.metadata.name !== req.name) {
        throw badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${req.name})`);
      }
      applied.metadata.name = req.name;
      fieldValidation(req, applied, warnings);
      return ok(api.create(info, applied, { dryRun: dry }), 201);
    }
    // An existing object: the applied configuration merged over the live one (field ownership is not
    // tracked, so there are no conflicts).
    const patchDoc = { ...applied, metadata: { ...(applied.metadata ?? {}) } };
    delete (patchDoc.metadata as any).resourceVersion;
    return finishPatch(api, req, live, strategicMergePatch(live as never, patchDoc as never, live.kind) as unknown as KObject, warnings, dry);
  }
  if (!live) throw notFound(qualifiedResource(info), req.name!);
  if (req.subresource === 'scale') {
    const patched = applyPatch(type === 'application/strategic-merge-patch+json' ? 'application/merge-patch+json' : type, scaleOf(info, live), req.body, 'Scale');
    return ok(scaleOf(info, writeScale(api, req, live, patched, dry)));
  }
  return finishPatch(api, req, live, applyPatch(type, live, req.body, live.kind), warnings, dry);
}

function finishPatch(api: ApiServer, req: ApiRequest, live: KObject, patched: KObject, warnings: string[], dry: boolean): ApiResponse {
  if (!patched || typeof patched !== 'object' || !patched.metadata) throw badRequest('the patch produced an object without metadata');
  if (patched.metadata.name !== live.metadata.name) throw badRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${req.name})`);
  if (deepEqual(patched, live)) return ok(live);
  const status = req.subresource === 'status';
  if (!status) fieldValidation(req, patched, warnings);
  return ok(api.update(req.info, patched, { dryRun: dry, subresource: status ? 'status' : undefined }));
}

// ---- scale ------------------------------------------------------------------------------------

/** autoscaling/v1 Scale for a deployment, replica set, stateful set or replication controller. */
function scaleOf(info: ResourceInfo, obj: KObject): KObject {
  const spec = obj['spec'] ?? {};
  let selector = '';
  if (info.resource === 'replicationcontrollers') selector = selectorFromSet(spec.selector ?? {}).string();
  else selector = labelSelectorAsSelector(spec.selector ?? {}).string();
  const m = obj.metadata;
  const metadata: Record<string, unknown> = { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp };
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: metadata as KObject['metadata'],
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: obj['status']?.replicas ?? 0, selector },
  };
}

function writeScale(api: ApiServer, req: ApiRequest, live: KObject, scale: KObject, dry = dryRun(req.query)): KObject {
  const replicas = scale?.['spec']?.replicas;
  const name = req.name!;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    const field = 'spec.replicas';
    const msg = typeof replicas === 'number' ? `Invalid value: ${replicas}: must be greater than or equal to 0` : 'Required value';
    throw new StatusError(422, 'Invalid', `Scale.autoscaling "${name}" is invalid: ${field}: ${msg}`, {
      name,
      group: 'autoscaling',
      kind: 'Scale',
      causes: [{ type: typeof replicas === 'number' ? 'FieldValueInvalid' : 'FieldValueRequired', message: msg, field }],
    });
  }
  const rv = scale.metadata?.resourceVersion;
  if (rv && rv !== live.metadata.resourceVersion) {
    throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(req.info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`, { name, group: req.info.group || undefined, kind: req.info.resource });
  }
  const next = deepClone(live);
  next['spec'] = { ...(next['spec'] ?? {}), replicas };
  return api.update(req.info, next, { dryRun: dry });
}

// ---- delete -----------------------------------------------------------------------------------

function deleteOptions(req: ApiRequest): DeleteOptions & { preconditions?: { uid?: string; resourceVersion?: string } } {
  const b = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, any>;
  const q = req.query;
  const policy = (b['propagationPolicy'] ?? q.get('propagationPolicy') ?? undefined) as PropagationPolicy | undefined;
  if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw new StatusError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
  }
  let orphan = b['orphanDependents'] ?? (q.has('orphanDependents') ? q.get('orphanDependents') === 'true' : undefined);
  const grace = b['gracePeriodSeconds'] ?? (q.has('gracePeriodSeconds') ? Number(q.get('gracePeriodSeconds')) : undefined);
  const dry = Array.isArray(b['dryRun']) ? b['dryRun'].includes('All') : dryRun(q);
  let propagationPolicy = policy;
  if (propagationPolicy === undefined && orphan !== undefined) propagationPolicy = orphan ? 'Orphan' : 'Background';
  orphan = undefined;
  return { propagationPolicy, gracePeriodSeconds: typeof grace === 'number' && !Number.isNaN(grace) ? grace : undefined, dryRun: dry, preconditions: b['preconditions'] };
}

/** Kinds whose registry returns the deleted object (ReturnDeletedObject) rather than a Status. */
const RETURNS_OBJECT = new Set(['pods', 'namespaces']);

function del(api: ApiServer, req: ApiRequest): ApiResponse {
  if (req.subresource) throw new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const { info } = req;
  const opts = deleteOptions(req);
  const live = api.get(info, req.namespace, req.name!);
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== live.metadata.uid) {
    throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(info)} "${req.name}": Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${live.metadata.uid}`, { name: req.name, group: info.group || undefined, kind: info.resource });
  }
  if (pre?.resourceVersion && pre.resourceVersion !== live.metadata.resourceVersion) {
    throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(info)} "${req.name}": Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${live.metadata.resourceVersion}`, { name: req.name, group: info.group || undefined, kind: info.resource });
  }
  const out = api.delete(info, req.namespace, req.name!, opts);
  const stillThere = !opts.dryRun && api.tryGet(info, req.namespace, req.name!) !== undefined;
  if (RETURNS_OBJECT.has(info.resource) || stillThere || opts.dryRun) return ok(stillThere ? api.get(info, req.namespace, req.name!) : out);
  const details: Record<string, unknown> = { name: req.name };
  if (info.group) details['group'] = info.group;
  details['kind'] = info.resource;
  details['uid'] = live.metadata.uid;
  return ok({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
}

function deleteCollection(api: ApiServer, req: ApiRequest): ApiResponse {
  const q = req.query;
  const opts = deleteOptions(req);
  const items = api.list(req.info, req.namespace, listOptions(q.get('labelSelector') || undefined, q.get('fieldSelector') || undefined, req.info.kind));
  const deleted: KObject[] = [];
  for (const o of items) {
    try {
      deleted.push(api.delete(req.info, o.metadata.namespace, o.metadata.name!, opts));
    } catch (e) {
      if (e instanceof StatusError && e.code === 404) continue;
      throw e;
    }
  }
  return ok({ kind: `${req.info.kind}List`, apiVersion: groupVersion(req.info), metadata: { resourceVersion: String(api.store.revision()) }, items: deleted });
}

export { failureBody };
