// What the Endpoints and EndpointSlice controllers read from services and pods (k8s
// endpointslice/util ShouldPodBeInEndpoints, ShouldSetHostname; pkg/api/v1/pod FindPort).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { selectorFromValidatedSet } from '../../api/labels.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { isPodReady } from '../replicaset/podutil.js';

export { isPodReady };

export const pods = (api: ApiServer) => api.resource('pods');
export const services = (api: ApiServer) => api.resource('services');

/**
 * Services these controllers fill: a selector and not ExternalName. (An empty selector is dropped by
 * the JSON round-trip upstream, so it counts as none: such Services get endpoints out of band.)
 */
export function hasSelector(svc: KObject): boolean {
  const spec = svc['spec'] ?? {};
  return spec.type !== 'ExternalName' && Object.keys(spec.selector ?? {}).length > 0;
}

/** The pods in the service's namespace its selector matches, by name (the lister's order is ours). */
export function selectedPods(api: ApiServer, svc: KObject): KObject[] {
  const sel = selectorFromValidatedSet(svc['spec']?.selector);
  return api.list(pods(api), svc.metadata.namespace).filter((p) => sel.matches(p.metadata.labels ?? {}));
}

/** helper.IsServiceIPSet: a ClusterIP that is neither empty nor None (otherwise: headless). */
export function isHeadless(svc: KObject): boolean {
  const ip = svc['spec']?.clusterIP;
  return !ip || ip === 'None';
}

export function podIP(pod: KObject): string {
  return pod['status']?.podIP ?? pod['status']?.podIPs?.[0]?.ip ?? '';
}

/** ShouldPodBeInEndpoints: not Succeeded/Failed, has an IP, and terminating only when tolerated. */
export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  const phase = pod['status']?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (podIP(pod) === '') return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** ShouldSetHostname: spec.hostname set and spec.subdomain names this service in its namespace. */
export function hostnameFor(pod: KObject, svc: KObject): string | undefined {
  const spec = pod['spec'] ?? {};
  if (!spec.hostname || spec.subdomain !== svc.metadata.name || pod.metadata.namespace !== svc.metadata.namespace) return undefined;
  return spec.hostname;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is the first container port with that
 * name and the service port's protocol. undefined when the pod has no such port.
 */
export function findPort(pod: KObject, servicePort: any): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  for (const c of pod['spec']?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === servicePort.protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** The pod's Ready condition transition time (trigger_time_tracker getPodTriggerTime), if any. */
export function podTriggerTime(pod: KObject): string | undefined {
  const ready = (pod['status']?.conditions ?? []).find((c: any) => c?.type === 'Ready');
  return ready?.lastTransitionTime || undefined;
}
