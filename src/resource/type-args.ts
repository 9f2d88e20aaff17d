// From argv to the things a verb acts on (the argument half of kubectl's resource.Builder): a
// resource type plus names. Apart from builder.ts (-f inputs), so that verbs reading only arguments
// do not load the YAML decoder.

import { CliError } from '../api/errors.js';
import { findResource, RESOURCES, type ResourceInfo } from '../api/registry.js';
import type { KObject } from '../api/types.js';

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

