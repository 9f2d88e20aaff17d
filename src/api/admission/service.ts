// Service admission: allocate ClusterIPs and NodePorts, reject taken ones (as the REST storage does).
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { SeededRandom } from '../../sim/random.js';
import { StatusError } from '../errors.js';
import type { KObject } from '../types.js';
import { allocateClusterIP, allocateNodePort, usedClusterIPs, usedNodePorts, serviceIpInRange } from './allocators.js';

function invalid(name: string, field: string, value: unknown, detail: string): StatusError {
  const v = typeof value === 'string' ? `"${value}"` : String(value);
  const msg = `Service "${name}" is invalid: ${field}: Invalid value: ${v}: ${detail}`;
  return new StatusError(422, 'Invalid', msg, { kind: 'Service', name, causes: [{ field, message: `Invalid value: ${v}: ${detail}` }] }, `The ${msg}`);
}

export function admitService(svc: KObject, others: KObject[], random: SeededRandom, old?: KObject): void {
  const spec: any = svc['spec'];
  const name = svc.metadata.name ?? '';
  const rest = others.filter((s) => !(s.metadata.namespace === svc.metadata.namespace && s.metadata.name === name));
  if (spec.type === 'ExternalName') {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  } else {
    const oldIP = old?.['spec']?.clusterIP;
    if (oldIP && !spec.clusterIP) spec.clusterIP = oldIP;
    if (!spec.clusterIP) {
      spec.clusterIP = allocateClusterIP(random, usedClusterIPs(rest));
    } else if (spec.clusterIP !== 'None' && spec.clusterIP !== oldIP) {
      if (!serviceIpInRange(spec.clusterIP)) {
        throw invalid(name, 'spec.clusterIPs', spec.clusterIP, 'failed to allocate IP ' + spec.clusterIP + ': the provided IP (' + spec.clusterIP + ') is not in the valid range. The range of valid IPs is 10.96.0.0/12');
      }
      if (usedClusterIPs(rest).has(spec.clusterIP)) {
        throw invalid(name, 'spec.clusterIPs', spec.clusterIP, `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
      }
    }
    spec.clusterIPs = [spec.clusterIP];
    if (spec.clusterIP !== 'None' || spec.selector) {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
  }
  const needsNodePorts =
    spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (needsNodePorts) {
    const used = usedNodePorts(rest);
    const oldPorts: any[] = old?.['spec']?.ports ?? [];
    (spec.ports ?? []).forEach((p: any, i: number) => {
      if (!p.nodePort) {
        const prev = oldPorts.find((o) => o.port === p.port && o.protocol === p.protocol)?.nodePort;
        p.nodePort = prev ?? allocateNodePort(random, used);
      } else if (used.has(p.nodePort) && !oldPorts.some((o) => o.nodePort === p.nodePort)) {
        throw invalid(name, `spec.ports[${i}].nodePort`, p.nodePort, `provided port is already allocated`);
      }
      used.add(p.nodePort);
    });
  } else {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  admitHealthCheckNodePort(spec, old?.['spec'], usedNodePorts(rest), random);
}

const needsHealthCheck = (spec: any): boolean => spec?.type === 'LoadBalancer' && spec?.externalTrafficPolicy === 'Local';

/**
 * allocHealthCheckNodePort (registry/core/service/storage/alloc.go): only LoadBalancer Services with
 * externalTrafficPolicy Local have one; kept across updates, released otherwise. Its failure is an
 * InternalError upstream, not a field error.
 */
function admitHealthCheckNodePort(spec: any, oldSpec: any, used: Set<number>, random: SeededRandom): void {
  if (!needsHealthCheck(spec)) {
    delete spec.healthCheckNodePort;
    return;
  }
  const oldPort = needsHealthCheck(oldSpec) ? oldSpec.healthCheckNodePort : undefined;
  for (const p of spec.ports ?? []) if (p.nodePort) used.add(p.nodePort);
  if (!spec.healthCheckNodePort) {
    spec.healthCheckNodePort = oldPort ?? allocateNodePort(random, used);
  } else if (spec.healthCheckNodePort !== oldPort && used.has(spec.healthCheckNodePort)) {
    const msg = `failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: provided port is already allocated`;
    throw new StatusError(500, 'InternalError', `Internal error occurred: ${msg}`, { causes: [{ message: msg }] });
  }
}
