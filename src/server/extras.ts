// What `serve` answers beyond the registry's resources: the apiserver's deprecation warnings, the
// (empty) apiextensions.k8s.io/v1 CustomResourceDefinition collection, and a minimal /openapi/v2.

import { StatusError } from '../api/errors.js';
import type { ResourceInfo } from '../api/registry.js';
import { KUBERNETES_VERSION } from '../cluster/bootstrap.js';
import type { ApiResponse } from './rest.js';
import { failureBody } from './status.js';

/**
 * Deprecated resources: the apiserver adds a `Warning: 299 - "<text>"` header to every request to them.
 * The same list as the CLI's (src/cli/warnings.ts), which prints these texts itself.
 */
const DEPRECATED: Record<string, string> = {
  endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

/** The Warning header values for a request to `info`; undefined when there are none. */
export function deprecationWarnings(info: ResourceInfo): string[] | undefined {
  const text = info.group === '' ? DEPRECATED[info.resource] : undefined;
  return text ? [`299 - ${JSON.stringify(text)}`] : undefined;
}

/** `r` with the deprecation warnings first, before any the handler added (unknown fields, ...). */
export function withWarnings(r: ApiResponse, warn: string[] | undefined): ApiResponse {
  if (!warn) return r;
  const had = r.headers?.['Warning'];
  const rest = had === undefined ? [] : Array.isArray(had) ? had : [had];
  return { ...r, headers: { ...(r.headers ?? {}), Warning: [...warn, ...rest] } };
}

const CRD_PATH = /^\/apis\/apiextensions\.k8s\.io\/v1\/customresourcedefinitions(?:\/([^/]+))?\/?$/;

/**
 * /apis/apiextensions.k8s.io/v1/customresourcedefinitions[/name]: kube-lite has no CRDs, so the list is
 * empty and a name is NotFound; writes are refused. kubectl's field-validation verifier lists CRDs to
 * tell an unknown kind from a custom resource. Not in discovery (`api-resources` prints the registry).
 */
export function crdRequest(path: string, method: string, q: URLSearchParams): ApiResponse | undefined {
  const m = CRD_PATH.exec(path);
  if (!m) return undefined;
  const name = m[1] === undefined ? undefined : decodeURIComponent(m[1]);
  const fail = (e: StatusError): ApiResponse => ({ code: e.code, body: failureBody(e) });
  if (method === 'GET' && q.get('watch') !== 'true' && q.get('watch') !== '1') {
    if (name === undefined) {
      return { code: 200, body: { kind: 'CustomResourceDefinitionList', apiVersion: 'apiextensions.k8s.io/v1', metadata: { resourceVersion: '1' }, items: [] } };
    }
    return fail(new StatusError(404, 'NotFound', `customresourcedefinitions.apiextensions.k8s.io "${name}" not found`, { name, group: 'apiextensions.k8s.io', kind: 'customresourcedefinitions' }));
  }
  return fail(new StatusError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
}

// ---- /openapi/v2 -----------------------------------------------------------------------------------

function lengthDelimited(field: number, bytes: Buffer): Buffer {
  const len: number[] = [];
  let n = bytes.length;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    len.push(b);
  } while (n);
  return Buffer.concat([Buffer.from([(field << 3) | 2, ...len]), bytes]);
}

const str = (field: number, s: string): Buffer => lengthDelimited(field, Buffer.from(s, 'utf8'));

/**
 * gnostic openapi_v2.Document { swagger: "2.0", info: { title, version }, paths: {}, definitions: {} }
 * in protobuf, the only form kubectl reads. No definitions: kubectl's client-side schema validation
 * finds no model for a kind and lets it through, and strategic merge falls back to built-in types.
 */
export const OPENAPI_V2_PROTOBUF: Buffer = Buffer.concat([
  str(1, '2.0'),
  lengthDelimited(2, Buffer.concat([str(1, 'Kubernetes'), str(2, KUBERNETES_VERSION)])),
  lengthDelimited(8, Buffer.alloc(0)),
  lengthDelimited(9, Buffer.alloc(0)),
]);
