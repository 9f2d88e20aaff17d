// meta.k8s.io/v1 Table responses (Accept: application/json;as=Table;v=v1;g=meta.k8s.io): the same
// per-kind column code `kube-lite get` prints with (src/api/tables), serialized as the apiserver does.

import type { ResourceInfo } from '../api/registry.js';
import type { ApiServer } from '../api/server.js';
import { tableFor } from '../api/tables/index.js';
import type { KObject, TableColumn } from '../api/types.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The includeObject query parameter (default Metadata). */
export function includeObjectParam(q: URLSearchParams): IncludeObject {
  const v = q.get('includeObject');
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}

/** True when an Accept header prefers a v1 Table (kubectl get sends v1, then v1beta1, then json). */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const params = part.split(';').map((s) => s.trim());
    return params.includes('as=Table') && params.includes('g=meta.k8s.io') && (params.includes('v=v1') || params.includes('v=v1beta1'));
  });
}

function columnDefinition(c: TableColumn): Record<string, unknown> {
  return { name: c.name, type: c.type, format: c.format ?? '', description: c.description ?? `${c.name} column`, priority: c.priority };
}

function rowObject(obj: KObject, include: IncludeObject): unknown {
  if (include === 'Object') return obj;
  if (include === 'None') return undefined;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export interface TableOptions {
  /** Watch events after the first carry no column definitions. */
  noHeaders?: boolean;
}

export function tableOf(api: ApiServer, info: ResourceInfo, objs: KObject[], include: IncludeObject, resourceVersion: string, opts: TableOptions = {}): Record<string, unknown> {
  // StorageClasses mark the effective default among all classes, not just the listed ones.
  const all = info.resource === 'storageclasses' ? api.list(info) : objs;
  const t = tableFor(info.kind, objs, api.now(), { allObjects: all });
  const rows = t.rows.map((r) => {
    const o = rowObject(r.object, include);
    return o === undefined ? { cells: r.cells } : { cells: r.cells, object: o };
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: opts.noHeaders ? null : t.columnDefinitions.map(columnDefinition),
    rows,
  };
}
