// Endpoints, EndpointSlice and service load-balancer controllers over a real ApiServer on a MemoryStore.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import { bootstrapCluster } from '../../../src/cluster/bootstrap.js';
import { reconcile } from '../../../src/controllers/index.js';
import { computeSubsets } from '../../../src/controllers/endpoints/subsets.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const SVC = findResource('services')!;
const EP = findResource('endpoints')!;
const SLICES = findResource('endpointslices')!;
const RS = findResource('replicasets')!;

function setup(loadBalancer?: 'none') {
  const store = new MemoryStore();
  if (loadBalancer) store.setMeta('cluster', { loadBalancer });
  const api = new ApiServer(store, { now: () => T0 }, new SeededRandom(1), defaultValidator, new SimContext('instant'));
  bootstrapCluster(api, { clusterName: 'kube-lite', nodes: 3 });
  reconcile(api);
  return api;
}

function service(name: string, spec: Record<string, unknown>): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, labels: { team: 'a' } }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }], ...spec } };
}

function replicaSet(replicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] } },
    },
  };
}

const slicesOf = (api: ApiServer, svc: string) => api.list(SLICES, 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc);
const ips = (ep: KObject) => (ep['subsets'] ?? []).flatMap((s: any) => (s.addresses ?? []).map((a: any) => a.ip));

describe('endpoints and endpointslice controllers', () => {
  it('lists ready pods, follows scaling, and cleans up with the service', () => {
    const api = setup();
    api.create(RS, replicaSet(3));
    api.create(SVC, service('web', { ports: [{ name: 'web', port: 80, targetPort: 'http' }] }));
    reconcile(api);
    const ep = api.get(EP, 'default', 'web');
    expect(ips(ep)).toHaveLength(3);
    expect(ep['subsets'][0].ports).toEqual([{ name: 'web', port: 8080, protocol: 'TCP' }]);
    expect(ep.metadata.labels).toEqual({ team: 'a', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    const [slice, ...rest] = slicesOf(api, 'web');
    expect(rest).toHaveLength(0);
    expect(slice!.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true, blockOwnerDeletion: true });
    expect(slice!['endpoints'][0].conditions).toEqual({ ready: true, serving: true, terminating: false });

    // A pass with nothing new writes nothing.
    const rev = api.store.revision();
    reconcile(api);
    expect(api.store.revision()).toBe(rev);

    const rs = structuredClone(api.get(RS, 'default', 'web'));
    rs['spec'].replicas = 0;
    api.update(RS, rs);
    reconcile(api);
    expect(api.get(EP, 'default', 'web')['subsets']).toBeUndefined();
    const placeholder = slicesOf(api, 'web');
    expect(placeholder.map((s) => s.metadata.name)).toEqual([slice!.metadata.name]); // updated in place
    expect(placeholder[0]!['endpoints']).toBeNull();

    api.delete(SVC, 'default', 'web');
    reconcile(api);
    expect(api.tryGet(EP, 'default', 'web')).toBeUndefined();
    expect(slicesOf(api, 'web')).toHaveLength(0);
  });

  it('labels headless services and skips selector-less and ExternalName ones', () => {
    const api = setup();
    api.create(SVC, service('hl', { clusterIP: 'None' }));
    api.create(SVC, service('manual', { selector: undefined }));
    api.create(SVC, service('ext', { type: 'ExternalName', externalName: 'example.com', ports: undefined }));
    reconcile(api);
    expect(api.get(EP, 'default', 'hl').metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(slicesOf(api, 'hl')[0]!.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(api.tryGet(EP, 'default', 'manual')).toBeUndefined();
    expect(api.tryGet(EP, 'default', 'ext')).toBeUndefined();
  });

  it('publishes the apiserver for the kubernetes service', () => {
    const api = setup();
    expect(api.get(EP, 'default', 'kubernetes')['subsets']).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    expect(api.get(SLICES, 'default', 'kubernetes').metadata.labels).toEqual({ 'kubernetes.io/service-name': 'kubernetes' });
  });
});

describe('computeSubsets', () => {
  const pod = (name: string, ip: string, ready: boolean, ports: unknown[] = [], extra: Record<string, unknown> = {}): KObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, ...extra },
    spec: { nodeName: 'n1', containers: [{ name: 'c', ports }] },
    status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });
  const svc = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: '10.96.0.9', ...spec } });

  it('splits ready and not-ready addresses, sorted by IP bytes', () => {
    const subsets = computeSubsets(svc({ ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] }), [
      pod('a', '10.244.1.2', true),
      pod('b', '10.244.1.10', true),
      pod('c', '10.244.1.3', false),
      pod('d', '10.244.1.4', true, [], { deletionTimestamp: '2026-01-01T00:00:00Z' }),
    ]);
    expect(subsets).toHaveLength(1);
    expect(subsets[0].addresses.map((a: any) => a.ip)).toEqual(['10.244.1.10', '10.244.1.2']);
    expect(subsets[0].notReadyAddresses.map((a: any) => a.ip)).toEqual(['10.244.1.3']);
  });

  it('publishNotReadyAddresses lists every pod, terminating ones too, as ready', () => {
    const subsets = computeSubsets(svc({ publishNotReadyAddresses: true, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] }), [
      pod('c', '10.244.1.3', false),
      pod('d', '10.244.1.4', true, [], { deletionTimestamp: '2026-01-01T00:00:00Z' }),
    ]);
    expect(subsets[0].addresses.map((a: any) => a.ip)).toEqual(['10.244.1.3', '10.244.1.4']);
    expect(subsets[0].notReadyAddresses).toBeUndefined();
  });

  // RepackSubsets groups ports by identical address sets: a pod with both ports appears in two subsets.
  it('resolves named target ports per pod and groups ports by address set', () => {
    const ports = [
      { name: 'web', port: 80, targetPort: 'http', protocol: 'TCP' },
      { name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' },
    ];
    const subsets = computeSubsets(svc({ ports }), [
      pod('a', '10.244.1.2', true, [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }]),
      pod('b', '10.244.1.3', true, [{ name: 'http', containerPort: 8080 }]),
      pod('c', '10.244.1.4', true, []),
    ]);
    expect(subsets).toEqual([
      { addresses: [expect.objectContaining({ ip: '10.244.1.2' }), expect.objectContaining({ ip: '10.244.1.3' })], ports: [{ name: 'web', port: 8080, protocol: 'TCP' }] },
      { addresses: [expect.objectContaining({ ip: '10.244.1.2' })], ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }] },
    ]);
  });
});

describe('service load balancer and health-check node ports', () => {
  const lb = (name: string, extra: Record<string, unknown> = {}) => service(name, { type: 'LoadBalancer', ...extra });
  const ingress = (api: ApiServer, name: string) => api.get(SVC, 'default', name)['status']?.loadBalancer?.ingress;

  it('hands out the lowest free pool address and takes it back', () => {
    const api = setup();
    api.create(SVC, lb('a'));
    api.create(SVC, lb('b'));
    reconcile(api);
    expect(ingress(api, 'a')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(ingress(api, 'b')).toEqual([{ ip: '172.18.255.201', ipMode: 'VIP' }]);
    api.delete(SVC, 'default', 'a');
    api.create(SVC, lb('c'));
    reconcile(api);
    expect(ingress(api, 'c')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
  });

  it('leaves services pending without a load balancer', () => {
    const api = setup('none');
    api.create(SVC, lb('a'));
    reconcile(api);
    expect(ingress(api, 'a')).toBeUndefined();
  });

  it('allocates healthCheckNodePort only for LoadBalancer with externalTrafficPolicy Local', () => {
    const api = setup();
    const local = api.create(SVC, lb('local', { externalTrafficPolicy: 'Local' }));
    const hc = local['spec'].healthCheckNodePort;
    expect(hc).toBeGreaterThanOrEqual(30000);
    expect(api.create(SVC, lb('cluster'))['spec'].healthCheckNodePort).toBeUndefined();
    expect(() => api.create(SVC, lb('clash', { externalTrafficPolicy: 'Local', healthCheckNodePort: hc }))).toThrow(
      `Internal error occurred: failed to allocate requested HealthCheck NodePort ${hc}: provided port is already allocated`,
    );
  });
});
