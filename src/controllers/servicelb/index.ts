// A simulated load-balancer implementation, as MetalLB (layer 2) in a kind cluster: every Service of
// type LoadBalancer without a loadBalancerClass gets the lowest free address of the pool
// 172.18.255.200–172.18.255.250 in status.loadBalancer.ingress (spec.loadBalancerIP honoured when
// it is a free pool address); the address is released when the Service goes or changes type. A
// cluster created with `--load-balancer none` has no implementation: EXTERNAL-IP stays <pending>.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { StatusError } from '../../api/errors.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';

const POOL_PREFIX = '172.18.255.';
const POOL_FIRST = 200;
const POOL_LAST = 250;

function inPool(ip: unknown): ip is string {
  if (typeof ip !== 'string' || !ip.startsWith(POOL_PREFIX)) return false;
  const last = ip.slice(POOL_PREFIX.length);
  return /^\d+$/.test(last) && Number(last) >= POOL_FIRST && Number(last) <= POOL_LAST && String(Number(last)) === last;
}

const ingressIPs = (svc: KObject): string[] => (svc['status']?.loadBalancer?.ingress ?? []).map((i: any) => i?.ip).filter(inPool);

const served = (svc: KObject): boolean => svc['spec']?.type === 'LoadBalancer' && !svc['spec']?.loadBalancerClass;

function setIngress(api: ApiServer, svc: KObject, ip: string | undefined): void {
  const next = structuredClone(svc);
  next['status'] = { ...(next['status'] ?? {}), loadBalancer: ip ? { ingress: [{ ip, ipMode: 'VIP' }] } : {} };
  try {
    api.updateStatus(api.resource('services'), next);
  } catch (e) {
    // A status write the apiserver refuses is retried on a later pass, as upstream requeues.
    if (!(e instanceof StatusError)) throw e;
  }
}

export function serviceLBController(api: ApiServer): void {
  if (api.store.getMeta<{ loadBalancer?: string }>('cluster')?.loadBalancer === 'none') return;
  const svcs = api.list(api.resource('services'));
  const used = new Set<string>();
  // Release first: addresses of Services no longer of type LoadBalancer go back to the pool.
  for (const svc of svcs) {
    const ips = ingressIPs(svc);
    if (ips.length === 0) continue;
    if (served(svc)) ips.forEach((ip) => used.add(ip));
    else setIngress(api, svc, undefined);
  }
  for (const svc of svcs) {
    if (!served(svc) || ingressIPs(svc).length > 0 || svc.metadata.deletionTimestamp) continue;
    const requested = svc['spec']?.loadBalancerIP;
    let ip: string | undefined;
    if (requested) {
      // MetalLB refuses an address outside its pools or already in use: the Service stays pending.
      if (!inPool(requested) || used.has(requested)) continue;
      ip = requested;
    } else {
      for (let n = POOL_FIRST; n <= POOL_LAST && !ip; n++) if (!used.has(POOL_PREFIX + n)) ip = POOL_PREFIX + n;
      if (!ip) continue; // pool exhausted: pending
    }
    used.add(ip);
    setIngress(api, svc, ip);
  }
}
