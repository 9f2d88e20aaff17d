// From argv and -f inputs to the things a verb acts on (kubectl's resource.Builder): a resource type
// plus a namespace and name, and, for files, the object itself. The argument half is type-args.ts.

import { CliError, RawError } from '../api/errors.js';
import { resourceForKind } from '../api/registry.js';
import type { KObject } from '../api/types.js';
import { readSources } from './files.js';
import type { ResourceRef } from './type-args.js';

export { parseTypeArgs, resolveType, type ResourceRef, type TypeRequest } from './type-args.js';

export interface FileOptions {
  filenames: string[];
  recursive: boolean;
  cwd: string;
  readStdin: () => string;
  /** The command's namespace and whether -n was given. */
  namespace: string;
  enforceNamespace: boolean;
}

/** Reads, decodes and maps every object in the -f inputs, in file order. */
export function refsFromFiles(opts: FileOptions): ResourceRef[] {
  const refs: ResourceRef[] = [];
  for (const { source, doc } of readSources(opts.filenames, opts.recursive, opts.cwd, opts.readStdin)) {
    for (const obj of flattenList(doc, source)) refs.push(mapObject(obj, source, opts));
  }
  return refs;
}

/**
 * The same with the builder's ContinueOnError (apply): an object whose kind the server does not serve
 * is reported and the others are still returned.
 */
export function refsFromFilesContinuing(opts: FileOptions): { refs: ResourceRef[]; errors: Error[] } {
  const refs: ResourceRef[] = [];
  const errors: Error[] = [];
  for (const { source, doc } of readSources(opts.filenames, opts.recursive, opts.cwd, opts.readStdin)) {
    for (const obj of flattenList(doc, source)) {
      try {
        refs.push(mapObject(obj, source, opts));
      } catch (e) {
        if (!(e instanceof MappingError)) throw e;
        errors.push(e);
      }
    }
  }
  return { refs, errors };
}

/** "no matches for kind": the server does not serve the object's kind. */
export class MappingError extends RawError {}

function flattenList(doc: unknown, source: string): KObject[] {
  if (doc === null || doc === undefined) return [];
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw new CliError(`error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`);
  }
  const o = doc as KObject;
  checkTypeMeta(o, source);
  if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o['items'])) {
    return (o['items'] as unknown[]).flatMap((it) => flattenList(it, source));
  }
  const bad = metadataDecodeError(o['metadata']);
  if (bad) throw new CliError(`unable to decode ${JSON.stringify(source)}: ${bad}`);
  return [o];
}

/**
 * The unstructured decoder kubectl's builder uses checks metadata by decoding it into a typed
 * ObjectMeta (apimachinery's metadataOnlyObject): encoding/json's first type mismatch, keys in the
 * sorted order sigs.k8s.io/yaml's YAML-to-JSON conversion leaves them in.
 */
function metadataDecodeError(meta: unknown): string | null {
  const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v);
  const mismatch = (v: unknown, field: string, goType: string): string =>
    `json: cannot unmarshal ${kind(v)} into Go struct field ObjectMeta.metadata.${field} of type ${goType}`;
  if (meta === null || meta === undefined) return null;
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    return `json: cannot unmarshal ${kind(meta)} into Go struct field metadataOnlyObject.metadata of type v1.ObjectMeta`;
  }
  const m = meta as Record<string, unknown>;
  const STRINGS: Record<string, string> = { name: 'string', generateName: 'string', namespace: 'string', selfLink: 'string', uid: 'types.UID', resourceVersion: 'string' };
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  for (const key of Object.keys(m).sort()) {
    const v = m[key];
    if (v === null || v === undefined) continue;
    if (key in STRINGS) {
      if (typeof v !== 'string') return mismatch(v, key, STRINGS[key]!);
    } else if (key === 'generation' || key === 'deletionGracePeriodSeconds') {
      if (typeof v !== 'number') return mismatch(v, key, 'int64');
    } else if (key === 'labels' || key === 'annotations') {
      if (!isObject(v)) return mismatch(v, key, 'map[string]string');
      const map = v as Record<string, unknown>;
      for (const k of Object.keys(map).sort()) {
        const x = map[k];
        if (x !== null && x !== undefined && typeof x !== 'string') return mismatch(x, key, 'string');
      }
    } else if (key === 'finalizers') {
      if (!Array.isArray(v)) return mismatch(v, key, '[]string');
      const el = v.find((x) => x !== null && typeof x !== 'string');
      if (el !== undefined) return mismatch(el, key, 'string');
    } else if (key === 'ownerReferences') {
      if (!Array.isArray(v)) return mismatch(v, key, '[]v1.OwnerReference');
    } else if (key === 'managedFields') {
      if (!Array.isArray(v)) return mismatch(v, key, '[]v1.ManagedFieldsEntry');
    }
  }
  return null;
}

function checkTypeMeta(o: KObject, source: string): void {
  const missing: string[] = [];
  if (!o.apiVersion) missing.push('apiVersion not set');
  if (!o.kind) missing.push('kind not set');
  if (missing.length === 0) return;
  const what = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
  throw new CliError(
    `error validating "${source}": error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

function mapObject(obj: KObject, source: string, opts: FileOptions): ResourceRef {
  const info = resourceForKind(String(obj.apiVersion), String(obj.kind));
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  if (!info) {
    const ns = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
    const group = String(obj.apiVersion);
    throw new MappingError(
      `error: resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${group}"\nensure CRDs are installed first`,
    );
  }
  let namespace = '';
  if (info.namespaced) {
    const objNs = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
    if (objNs && opts.enforceNamespace && objNs !== opts.namespace) {
      throw new CliError(
        `the namespace from the provided object "${objNs}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${objNs}' to perform this operation.`,
      );
    }
    namespace = objNs || opts.namespace;
  }
  return { info, namespace, name, object: obj, source };
}
