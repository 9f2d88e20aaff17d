// One REST request and its answer, as the server's handlers see them.

import { badRequest } from '../api/errors.js';
import type { ResourceInfo } from '../api/registry.js';
import type { IncludeObject } from './table.js';

export type Verb = 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ApiRequest {
  verb: Verb;
  info: ResourceInfo;
  /** The path's namespace; undefined for cluster-scoped kinds and all-namespace lists. */
  namespace?: string;
  name?: string;
  subresource?: string;
  query: URLSearchParams;
  /** The decoded body (JSON/YAML object, patch document). */
  body?: unknown;
  /** The request's media type, without parameters. */
  contentType: string;
  /** Set when the Accept header asks for a meta.k8s.io/v1 Table. */
  table?: IncludeObject;
}

export interface ApiResponse {
  code: number;
  body: unknown;
  headers?: Record<string, string | string[]>;
  contentType?: string;
}

/** The dryRun query parameter: only "All" is a valid value. */
export function dryRun(q: URLSearchParams): boolean {
  const v = q.getAll('dryRun');
  for (const d of v) if (d !== 'All') throw badRequest(`Invalid dry run value: ${d}`);
  return v.includes('All');
}
