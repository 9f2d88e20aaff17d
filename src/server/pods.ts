// The pods subresources kubectl uses beyond status: pods/log (the simulated log, as `kube-lite logs`
// shows it) and pods/eviction (as `kube-lite drain` evicts).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { badRequest, StatusError } from '../api/errors.js';
import type { ApiServer } from '../api/server.js';
import { containerLog } from '../sim/logs.js';
import { dryRun, type ApiRequest, type ApiResponse } from './request.js';

// ---- pods/log -------------------------------------------------------------------------------------

/** A PodLogOptions integer parameter (tailLines, sinceSeconds, limitBytes). */
function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

function boolParam(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null || v === '') return false;
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

/** The kubelet's timestamp prefix (types.RFC3339NanoFixed: always nine fractional digits). */
function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/**
 * GET pods/{name}/log (text/plain): the simulated log kube-lite logs prints. The container is
 * validated as the pod registry's LogLocation does; the kubelet's errors come from containerLog.
 */
export function podLog(api: ApiServer, req: ApiRequest): ApiResponse {
  const q = req.query;
  const tailLines = intParam(q, 'tailLines');
  const sinceSeconds = intParam(q, 'sinceSeconds');
  const limitBytes = intParam(q, 'limitBytes');
  const causes: { field: string; message: string; value: string }[] = [];
  if (tailLines !== undefined && tailLines < 0) causes.push({ field: 'tailLines', value: String(tailLines), message: 'must be greater than or equal to 0' });
  if (sinceSeconds !== undefined && sinceSeconds < 1) causes.push({ field: 'sinceSeconds', value: String(sinceSeconds), message: 'must be greater than 0' });
  if (limitBytes !== undefined && limitBytes < 1) causes.push({ field: 'limitBytes', value: String(limitBytes), message: 'must be greater than 0' });
  if (q.get('sinceSeconds') && q.get('sinceTime')) causes.push({ field: '', value: '', message: 'at most one of `sinceTime` or `sinceSeconds` may be specified' });
  if (causes.length) {
    const text = causes.map((c) => (c.field ? `${c.field}: Invalid value: ${c.value}: ${c.message}` : c.message)).join(', ');
    throw new StatusError(422, 'Invalid', `PodLogOptions "${req.name}" is invalid: ${causes.length > 1 ? `[${text}]` : text}`, {
      name: req.name,
      kind: 'PodLogOptions',
      causes: causes.map((c) => ({ type: 'FieldValueInvalid', message: c.field ? `Invalid value: ${c.value}: ${c.message}` : c.message, field: c.field })),
    });
  }
  const previous = boolParam(q, 'previous');
  const timestamps = boolParam(q, 'timestamps');
  const pod = api.get(req.info, req.namespace, req.name!) as any;
  const containers: any[] = pod.spec?.containers ?? [];
  const inits: any[] = pod.spec?.initContainers ?? [];
  let name = q.get('container') ?? '';
  if (!name) {
    if (containers.length === 1) name = containers[0].name;
    else if (containers.length === 0) throw badRequest(`no containers found for pod ${req.name}`);
    else {
      const all = [...inits, ...containers, ...(pod.spec?.ephemeralContainers ?? [])].map((c: any) => c.name);
      throw badRequest(`a container name must be specified for pod ${req.name}, choose one of: [${all.join(' ')}]`);
    }
  }
  const spec = containers.find((c) => c.name === name);
  const init = spec ? undefined : inits.find((c) => c.name === name);
  if (!spec && !init) throw badRequest(`container ${name} is not valid for pod ${req.name}`);
  let lines = containerLog(api, pod, spec ?? init, !spec, previous);
  let from = -Infinity;
  if (sinceSeconds !== undefined) from = api.now() - sinceSeconds * 1000;
  const sinceTime = q.get('sinceTime');
  if (sinceTime) {
    const t = Date.parse(sinceTime);
    if (Number.isNaN(t)) throw badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
    from = t;
  }
  lines = lines.filter((l) => l.at >= from);
  if (tailLines !== undefined) lines = lines.slice(Math.max(0, lines.length - tailLines));
  let text = lines.map((l) => (timestamps ? `${rfc3339NanoFixed(l.at)} ` : '') + l.text + '\n').join('');
  if (limitBytes !== undefined) {
    const buf = Buffer.from(text, 'utf8');
    if (buf.length > limitBytes) text = buf.subarray(0, limitBytes).toString('utf8');
  }
  return { code: 200, body: text, contentType: 'text/plain' };
}

// ---- pods/eviction --------------------------------------------------------------------------------

/**
 * POST pods/{name}/eviction (policy/v1 Eviction): deletes the pod as `kube-lite drain` does, with the
 * Eviction's deleteOptions (grace period, dry run, preconditions). Answers 201 with a Success Status.
 */
export function evict(api: ApiServer, req: ApiRequest): ApiResponse {
  const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, any>;
  const bodyName = body['metadata']?.name;
  if (bodyName !== undefined && bodyName !== '' && bodyName !== req.name) {
    throw badRequest('name in URL does not match name in Eviction object');
  }
  const bodyNs = body['metadata']?.namespace;
  if (bodyNs && bodyNs !== req.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const live = api.get(req.info, req.namespace, req.name!);
  const d = (body['deleteOptions'] ?? {}) as Record<string, any>;
  const pre = d['preconditions'] ?? {};
  if (pre.uid && pre.uid !== live.metadata.uid) {
    throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on pods "${req.name}": Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${live.metadata.uid}`, { name: req.name, kind: 'pods' });
  }
  if (pre.resourceVersion && pre.resourceVersion !== live.metadata.resourceVersion) {
    throw new StatusError(409, 'Conflict', `Operation cannot be fulfilled on pods "${req.name}": Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${live.metadata.resourceVersion}`, { name: req.name, kind: 'pods' });
  }
  const dry = (Array.isArray(d['dryRun']) && d['dryRun'].includes('All')) || dryRun(req.query);
  const grace = typeof d['gracePeriodSeconds'] === 'number' ? d['gracePeriodSeconds'] : undefined;
  api.delete(req.info, req.namespace, req.name!, { gracePeriodSeconds: grace, dryRun: dry });
  return { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
}
