// The Endpoints controller (kube-controller-manager endpoints_controller.go): for every Service with
// a selector, an Endpoints object of the same name listing its pods' addresses and ports; deleted
// when the Service goes. Also the apiserver's own Endpoints for the `kubernetes` Service.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { syncApiserverEndpoints } from './apiserver.js';
import { hasSelector, isHeadless, selectedPods, services } from './podutil.js';
import { computeSubsets } from './subsets.js';
import { triggerTime, withTriggerTime } from './trigger.js';

export const MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpoint-controller';
export const HEADLESS = 'service.kubernetes.io/headless';

const endpointsInfo = (api: ApiServer) => api.resource('endpoints');

/** The labels the controller writes: the Service's, its managed-by label, the headless marker. */
function desiredLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), [MANAGED_BY]: CONTROLLER_NAME };
  if (isHeadless(svc)) labels[HEADLESS] = '';
  else delete labels[HEADLESS];
  return labels;
}

function syncService(api: ApiServer, svc: KObject): void {
  const ns = svc.metadata.namespace!;
  const name = svc.metadata.name!;
  const current = api.tryGet(endpointsInfo(api), ns, name);
  const selected = selectedPods(api, svc);
  const subsets = computeSubsets(svc, selected);
  const labels = desiredLabels(svc);
  if (current && deepEqual(current['subsets'] ?? [], subsets) && deepEqual(current.metadata.labels ?? {}, labels)) return;
  const annotations = withTriggerTime(current?.metadata.annotations, triggerTime(svc, selected, current));
  const next: KObject = current ? structuredClone(current) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } };
  next.metadata.labels = labels;
  if (annotations) next.metadata.annotations = annotations;
  else delete next.metadata.annotations;
  if (subsets.length > 0) next['subsets'] = subsets;
  else delete next['subsets'];
  if (current) api.update(endpointsInfo(api), next);
  else api.create(endpointsInfo(api), next);
}

export function endpointsController(api: ApiServer): void {
  const svcs = api.list(services(api));
  for (const svc of svcs) {
    // A Service being deleted keeps its Endpoints until it is gone; a selector-less one gets none.
    if (hasSelector(svc) && !svc.metadata.deletionTimestamp) syncService(api, svc);
  }
  // Upstream deletes the Endpoints on the Service's delete event; level-triggered, we delete the ones
  // this controller wrote whose Service no longer exists.
  const live = new Set(svcs.map((s) => `${s.metadata.namespace}/${s.metadata.name}`));
  for (const ep of api.list(endpointsInfo(api))) {
    if (ep.metadata.labels?.[MANAGED_BY] !== CONTROLLER_NAME) continue;
    if (!live.has(`${ep.metadata.namespace}/${ep.metadata.name}`)) api.delete(endpointsInfo(api), ep.metadata.namespace, ep.metadata.name!);
  }
  syncApiserverEndpoints(api);
}
