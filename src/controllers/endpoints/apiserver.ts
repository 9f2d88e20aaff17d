// What kube-apiserver's endpoint reconciler (pkg/controlplane/reconcilers) maintains for the
// `kubernetes` Service: Endpoints listing the apiserver (the control-plane node's InternalIP, port
// 6443), labelled skip-mirror, and the matching EndpointSlice `kubernetes` (endpointsadapter.go).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';

const PORT = { name: 'https', port: 6443, protocol: 'TCP' };

function controlPlaneIP(api: ApiServer): string | undefined {
  const node = api
    .list(api.resource('nodes'))
    .find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined);
  return (node?.['status']?.addresses ?? []).find((a: any) => a?.type === 'InternalIP')?.address;
}

/** Creates or updates `default/<name>` of `resource` so its content equals `want` (labels + body). */
function ensure(api: ApiServer, resource: string, want: KObject): void {
  const info = api.resource(resource);
  const cur = api.tryGet(info, 'default', want.metadata.name!);
  if (!cur) {
    api.create(info, want);
    return;
  }
  const { apiVersion: _a, kind: _k, metadata: _m, ...body } = want;
  const { apiVersion: _ca, kind: _ck, metadata: _cm, ...curBody } = cur;
  if (deepEqual(body, curBody) && deepEqual(cur.metadata.labels, want.metadata.labels)) return;
  const next: KObject = { ...structuredClone(cur), ...structuredClone(body) };
  for (const k of Object.keys(curBody)) if (!(k in body)) delete next[k];
  next.metadata.labels = want.metadata.labels;
  api.update(info, next);
}

export function syncApiserverEndpoints(api: ApiServer): void {
  if (!api.tryGet(api.resource('services'), 'default', 'kubernetes')) return;
  const ip = controlPlaneIP(api);
  if (!ip) return;
  ensure(api, 'endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [PORT] }],
  });
  ensure(api, 'endpointslices.discovery.k8s.io', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [PORT],
  });
}
