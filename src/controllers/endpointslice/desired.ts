// The endpoints a Service's EndpointSlices should hold (endpointslice reconciler_helpers/utils:
// podToEndpoint, getEndpointPorts), grouped by their resolved port list.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { findPort, hostnameFor, isHeadless, isPodReady, podIP, shouldPodBeInEndpoints } from '../endpoints/podutil.js';

export interface PortGroup {
  key: string;
  ports: any[];
  endpoints: any[];
}

/** getEndpointPorts: name, port and protocol always present (name "" when unset). */
function endpointPorts(svc: KObject, pod: KObject): any[] {
  const spec = svc['spec'] ?? {};
  const out: any[] = [];
  if ((spec.ports ?? []).length === 0 && isHeadless(svc)) return out;
  for (const sp of spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    out.push({ name: sp.name ?? '', port, protocol: sp.protocol, ...(sp.appProtocol ? { appProtocol: sp.appProtocol } : {}) });
  }
  return out;
}

/** podToEndpoint: ready only when serving and not terminating (or publishNotReadyAddresses). */
function endpoint(svc: KObject, pod: KObject, node: KObject | undefined): any {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = svc['spec']?.publishNotReadyAddresses === true || (serving && !terminating);
  const nodeName = pod['spec']?.nodeName;
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  const hostname = hostnameFor(pod, svc);
  return {
    addresses: [podIP(pod)],
    conditions: { ready, serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(nodeName ? { nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
    ...(zone ? { zone } : {}),
  };
}

/**
 * Terminating pods are included (with their conditions); a pod whose node is gone is skipped unless
 * publishNotReadyAddresses. Upstream keeps endpoints in map order; we sort by IP, then pod name.
 */
export function desiredGroups(api: ApiServer, svc: KObject, selected: KObject[]): PortGroup[] {
  const groups = new Map<string, PortGroup>();
  const publish = svc['spec']?.publishNotReadyAddresses === true;
  for (const pod of selected) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = api.tryGet(api.resource('nodes'), undefined, pod['spec']?.nodeName ?? '');
    if (!node && !publish) continue;
    const ports = endpointPorts(svc, pod);
    const key = JSON.stringify(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, ports, endpoints: [] }));
    g.endpoints.push(endpoint(svc, pod, node));
  }
  for (const g of groups.values()) {
    g.endpoints.sort((a, b) => {
      const x = a.addresses[0] + '/' + a.targetRef.name;
      const y = b.addresses[0] + '/' + b.targetRef.name;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  return [...groups.values()];
}
