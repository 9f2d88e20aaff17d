// Resolving a verb's targets from `TYPE NAME…`, `TYPE/NAME…`, `-f`, `-l` and `--all`, for verbs that
// act on existing objects (delete, describe, label, annotate, patch…).

import { CliError, StatusError } from '../api/errors.js';
import type { ApiServer } from '../api/server.js';
import type { ResourceInfo } from '../api/registry.js';
import type { KObject } from '../api/types.js';
import { parseTypeArgs, refsFromFiles, type TypeRequest } from './builder.js';
import { listSelected } from './select.js';

export interface TargetSpec {
  args: string[];
  filenames: string[];
  recursive: boolean;
  selector?: string;
  fieldSelector?: string;
  all: boolean;
  allNamespaces: boolean;
  namespace: string;
  enforceNamespace: boolean;
  cwd: string;
  readStdin: () => string;
  /** For errors on objects from files: "deleting" gives `error when deleting "x.yaml": …`. */
  sourceVerb?: string;
}

export interface Target {
  info: ResourceInfo;
  namespace: string;
  name: string;
  source?: string;
  /** The live object, when it was found. */
  object?: KObject;
}

export function typeRequests(spec: TargetSpec): TypeRequest[] {
  return parseTypeArgs(spec.args);
}

/**
 * Lists or gets the targets. NotFound for a named object is collected in `errors` (kubectl keeps
 * going and reports at the end) unless ignoreNotFound.
 */
export function resolveTargets(api: ApiServer, spec: TargetSpec, errors: Error[], ignoreNotFound = false): Target[] {
  const out: Target[] = [];
  const fetch = (info: ResourceInfo, ns: string, name: string, source?: string) => {
    try {
      out.push({ info, namespace: ns, name, source, object: api.get(info, ns, name) });
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'NotFound' && ignoreNotFound) return;
      errors.push(e instanceof StatusError && source && spec.sourceVerb ? e.withSource(spec.sourceVerb, source) : (e as Error));
    }
  };
  if (spec.filenames.length > 0) {
    for (const r of refsFromFiles({ ...spec, filenames: spec.filenames })) fetch(r.info, r.namespace, r.name, r.source);
    return out;
  }
  for (const req of parseTypeArgs(spec.args)) {
    if (req.names.length > 0) {
      for (const n of req.names) fetch(req.info, spec.namespace, n);
      continue;
    }
    if (!spec.selector && !spec.fieldSelector && !spec.all) {
      throw new CliError('resource(s) were provided, but no name was specified');
    }
    const ns = spec.allNamespaces ? undefined : spec.namespace;
    for (const obj of listSelected(api, req.info, ns, spec.selector, spec.fieldSelector)) {
      out.push({ info: req.info, namespace: obj.metadata.namespace ?? '', name: obj.metadata.name!, object: obj });
    }
  }
  return out;
}
