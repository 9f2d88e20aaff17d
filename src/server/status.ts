// API errors on the wire: every failure is a v1 Status body, field for field as kube-apiserver writes
// it (apimachinery pkg/api/errors + endpoints/handlers/responsewriters).

import { StatusError, type StatusDetails } from '../api/errors.js';
import { JsonPatchError, MergePatchError, StrategicMergePatchError } from '../api/patch/index.js';
import type { ResourceInfo } from '../api/registry.js';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: StatusDetails & { uid?: string };
  code: number;
}

/** A Status body from a StatusError; `info` fills in details.group/kind as the registry would. */
export function failureBody(e: StatusError, info?: ResourceInfo): StatusBody {
  let details: StatusBody['details'] = e.details ? { ...e.details } : undefined;
  if (info && details && details.name !== undefined && details.kind === undefined) {
    // NotFound/AlreadyExists/Conflict name the resource (plural), not the Kind.
    details = { name: details.name, group: info.group || undefined, kind: info.resource, ...(details.causes ? { causes: details.causes } : {}) };
    if (!details.group) delete details.group;
  }
  const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason: e.reason } as StatusBody;
  if (details) body.details = details;
  else if (e.code === 404 || e.code === 405) body.details = {};
  body.code = e.code;
  if (!body.reason) delete body.reason;
  return body;
}

/** Any thrown error as a StatusError: patch failures are 422s, the unexpected a 500 InternalError. */
export function toStatusError(e: unknown): StatusError {
  if (e instanceof StatusError) return e;
  if (e instanceof JsonPatchError || e instanceof MergePatchError || e instanceof StrategicMergePatchError) {
    return new StatusError(422, 'Invalid', (e as Error).message);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new StatusError(500, 'InternalError', `Internal error occurred: ${msg}`, { causes: [{ message: msg }] });
}

export const notFoundPath = (): StatusError => new StatusError(404, 'NotFound', 'the server could not find the requested resource');

export const unauthorized = (): StatusError => new StatusError(401, 'Unauthorized', 'Unauthorized');

export const unsupportedMediaType = (accepted: string[]): StatusError =>
  new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
