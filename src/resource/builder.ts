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
  return [o];
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
    throw new RawError(
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
