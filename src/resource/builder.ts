// From argv and -f inputs to the things a verb acts on (kubectl's resource.Builder): a resource type
// plus a namespace and name, and, for files, the object itself.

import { CliError, RawError } from '../api/errors.js';
import { findResource, resourceForKind, RESOURCES, type ResourceInfo } from '../api/registry.js';
import type { KObject } from '../api/types.js';
import { readSources } from './files.js';

export interface ResourceRef {
  info: ResourceInfo;
  namespace: string;
  name: string;
  /** For objects from files: the object and where it came from. */
  object?: KObject;
  source?: string;
}

export interface TypeRequest {
  info: ResourceInfo;
  /** Empty: every object of the type (subject to selectors). */
  names: string[];
}

/** `kubectl get all`: the kinds in the "all" category, in discovery order as kubectl shows them. */
const ALL_ORDER = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'cronjobs', 'jobs'];

export function resolveType(arg: string): ResourceInfo[] {
  if (arg.toLowerCase() === 'all') {
    return ALL_ORDER.map((r) => RESOURCES.find((i) => i.resource === r)!).filter((i) => i.categories.includes('all'));
  }
  const info = findResource(arg);
  if (!info) throw new CliError(`the server doesn't have a resource type "${arg}"`);
  return [info];
}

/**
 * Parses `TYPE [NAME...]`, `TYPE1,TYPE2 [NAME...]` and `TYPE/NAME...` argument lists, keeping the
 * order the user gave.
 */
export function parseTypeArgs(args: string[]): TypeRequest[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: TypeRequest[] = [];
    for (const a of args) {
      const parts = a.split('/');
      if (parts.length > 2) throw new CliError('arguments in resource/name form may not have more than one slash');
      if (parts.length !== 2 || !parts[0] || !parts[1]) {
        throw new CliError('arguments in resource/name form must have a single resource and name');
      }
      for (const info of resolveType(parts[0])) {
        const prev = out.find((t) => t.info === info);
        if (prev && out[out.length - 1] === prev) prev.names.push(parts[1]);
        else out.push({ info, names: [parts[1]] });
      }
    }
    return out;
  }
  const [types, ...names] = args;
  const out: TypeRequest[] = [];
  for (const t of types!.split(',')) {
    if (!t) continue;
    for (const info of resolveType(t)) if (!out.some((x) => x.info === info)) out.push({ info, names: [...names] });
  }
  return out;
}

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
