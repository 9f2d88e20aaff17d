// The EndpointSlice controller (pkg/controller/endpointslice + staging endpointslice reconciler):
// for every Service with a selector, IPv4 EndpointSlices named `<svc>-<5 random>` holding its
// pods, at most 100 endpoints each, updated in place as pods change. Slices are owned by the
// Service, so the garbage collector removes them with it.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { HEADLESS } from '../endpoints/index.js';
import { hasSelector, isHeadless, selectedPods, services } from '../endpoints/podutil.js';
import { triggerTime, withTriggerTime } from '../endpoints/trigger.js';
import { desiredGroups } from './desired.js';

export const SERVICE_NAME = 'kubernetes.io/service-name';
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
const MAX_ENDPOINTS_PER_SLICE = 100;

const slicesInfo = (api: ApiServer) => api.resource('endpointslices');

/** setEndpointSliceLabels: the Service's labels (minus reserved ones), headless marker, reserved labels. */
function sliceLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
  delete labels[SERVICE_NAME];
  delete labels[MANAGED_BY];
  if (isHeadless(svc)) labels[HEADLESS] = '';
  else delete labels[HEADLESS];
  labels[SERVICE_NAME] = svc.metadata.name!;
  labels[MANAGED_BY] = CONTROLLER_NAME;
  return labels;
}

/** Empty lists come back from storage (protobuf) as null, which is how kubectl shows them. */
const nullIfEmpty = (xs: any[]) => (xs.length > 0 ? xs : null);

interface Want {
  ports: any[] | null;
  endpoints: any[] | null;
}

function wanted(api: ApiServer, svc: KObject, selected: KObject[]): Want[] {
  const out: Want[] = [];
  for (const g of desiredGroups(api, svc, selected)) {
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      out.push({ ports: nullIfEmpty(g.ports), endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
    }
  }
  // No endpoints at all: one placeholder slice, so consumers can tell "no endpoints" from "not synced".
  if (out.length === 0) out.push({ ports: null, endpoints: null });
  return out;
}

function ownedBy(slice: KObject, svc: KObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === svc.metadata.uid);
}

function syncService(api: ApiServer, svc: KObject): void {
  const ns = svc.metadata.namespace!;
  const existing = api
    .list(slicesInfo(api), ns)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME] === svc.metadata.name && s.metadata.labels?.[MANAGED_BY] === CONTROLLER_NAME);
  const selected = selectedPods(api, svc);
  const labels = sliceLabels(svc);
  const want = wanted(api, svc, selected);
  // Match each wanted slice to an existing one: same ports and endpoints first, then same ports,
  // then any owned IPv4 slice left over (finalize turns create+delete pairs into updates).
  const free = existing.filter((s) => ownedBy(s, svc) && s['addressType'] === 'IPv4');
  const take = (pred: (s: KObject) => boolean): KObject | undefined => {
    const i = free.findIndex(pred);
    return i >= 0 ? free.splice(i, 1)[0] : undefined;
  };
  const pairs = want.map((w) => ({ w, s: take((s) => deepEqual(s['ports'] ?? null, w.ports) && deepEqual(s['endpoints'] ?? null, w.endpoints)) }));
  for (const p of pairs) p.s ??= take((s) => deepEqual(s['ports'] ?? null, p.w.ports));
  for (const p of pairs) p.s ??= take(() => true);
  const trigger = () => triggerTime(svc, selected, existing[0]);
  for (const { w, s } of pairs) {
    if (s && deepEqual(s['ports'] ?? null, w.ports) && deepEqual(s['endpoints'] ?? null, w.endpoints) && deepEqual(s.metadata.labels ?? {}, labels)) continue;
    const next: KObject = s
      ? structuredClone(s)
      : {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${svc.metadata.name}-`,
            namespace: ns,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          addressType: 'IPv4',
        };
    next.metadata.labels = labels;
    const annotations = withTriggerTime(next.metadata.annotations, trigger());
    if (annotations) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
    next['endpoints'] = w.endpoints;
    next['ports'] = w.ports;
    if (s) api.update(slicesInfo(api), next);
    else api.create(slicesInfo(api), next);
  }
  // Slices no longer needed go; those of an older Service of the same name are left to the GC.
  for (const s of free) api.delete(slicesInfo(api), ns, s.metadata.name!);
}

export function endpointSliceController(api: ApiServer): void {
  for (const svc of api.list(services(api))) {
    if (hasSelector(svc) && !svc.metadata.deletionTimestamp) syncService(api, svc);
  }
}
