import { describe, expect, it } from 'vitest';
import {
  endpoints, endpointslices, formatEndpoints, ingressclasses, ingresses, services,
} from '../../../src/api/tables/network.js';
import type { KObject } from '../../../src/api/types.js';
import { DAY, NOW, ago, obj } from './fixtures.js';

const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta = {}) =>
  obj('v1', 'Service', 'web', { spec, status }, meta);

describe('services', () => {
  it('columns', () => {
    expect(services.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Type', 0], ['Cluster-IP', 0], ['External-IP', 0], ['Port(s)', 0], ['Age', 0], ['Selector', 1],
    ]);
  });

  it('the default kubernetes service', () => {
    const s = obj('v1', 'Service', 'kubernetes', { spec: {
      type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
    } }, { creationTimestamp: ago(5 * DAY), labels: { component: 'apiserver', provider: 'kubernetes' } });
    expect(services.row(s, NOW)).toEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '5d', '<none>']);
  });

  const cases: [string, KObject, string[]][] = [
    ['NodePort with two ports', svc({
      type: 'NodePort', clusterIPs: ['10.101.23.45'], selector: { app: 'web', tier: 'fe' },
      ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 443, nodePort: 31443, protocol: 'TCP' }],
    }), ['NodePort', '10.101.23.45', '<none>', '80:30080/TCP,443:31443/TCP', 'app=web,tier=fe']],
    ['headless', svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db' },
      ports: [{ port: 5432, protocol: 'TCP' }] }), ['ClusterIP', 'None', '<none>', '5432/TCP', 'app=db']],
    ['ClusterIP with externalIPs and UDP', svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.10'],
      externalIPs: ['192.0.2.1', '192.0.2.2'], ports: [{ port: 53, protocol: 'UDP' }] }),
    ['ClusterIP', '10.0.0.10', '192.0.2.1,192.0.2.2', '53/UDP', '<none>']],
    ['no ports', svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.11'] }), ['ClusterIP', '10.0.0.11', '<none>', '<none>', '<none>']],
    ['no clusterIPs but clusterIP', svc({ type: 'ClusterIP', clusterIP: '10.0.0.12' }), ['ClusterIP', '10.0.0.12', '<none>', '<none>', '<none>']],
    ['no cluster IP at all', svc({ type: 'ClusterIP' }), ['ClusterIP', '<none>', '<none>', '<none>', '<none>']],
    ['LoadBalancer pending', svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.13'], ports: [{ port: 80, nodePort: 30001, protocol: 'TCP' }] }),
      ['LoadBalancer', '10.0.0.13', '<pending>', '80:30001/TCP', '<none>']],
    ['LoadBalancer with long hostnames: sorted, deduplicated, never clipped (server prints wide)', svc(
      { type: 'LoadBalancer', clusterIPs: ['10.0.0.14'], ports: [{ port: 443, nodePort: 32000, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [
        { hostname: 'b-1234567890.us-east-1.elb.amazonaws.com' },
        { hostname: 'a-1234567890.us-east-1.elb.amazonaws.com' },
        { hostname: 'b-1234567890.us-east-1.elb.amazonaws.com' },
      ] } }),
    ['LoadBalancer', '10.0.0.14', 'a-1234567890.us-east-1.elb.amazonaws.com,b-1234567890.us-east-1.elb.amazonaws.com',
      '443:32000/TCP', '<none>']],
    ['LoadBalancer: IP preferred over hostname, then externalIPs', svc(
      { type: 'LoadBalancer', clusterIPs: ['10.0.0.15'], externalIPs: ['192.0.2.9'], ports: [{ port: 80, nodePort: 30002, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '203.0.113.7', hostname: 'ignored.example.com' }] } }),
    ['LoadBalancer', '10.0.0.15', '203.0.113.7,192.0.2.9', '80:30002/TCP', '<none>']],
    ['LoadBalancer pending with externalIPs', svc(
      { type: 'LoadBalancer', clusterIPs: ['10.0.0.16'], externalIPs: ['192.0.2.10'], ports: [{ port: 80, nodePort: 30003, protocol: 'TCP' }] }),
    ['LoadBalancer', '10.0.0.16', '192.0.2.10', '80:30003/TCP', '<none>']],
    ['ExternalName', svc({ type: 'ExternalName', externalName: 'db.example.com' }),
      ['ExternalName', '<none>', 'db.example.com', '<none>', '<none>']],
  ];
  it.each(cases)('%s', (_n, s, expected) => {
    const cells = services.row(s, NOW);
    expect([...cells.slice(1, 5), cells[6]]).toEqual(expected);
  });
});

describe('endpoints', () => {
  const ep = (subsets?: unknown[]) => obj('v1', 'Endpoints', 'web', subsets ? { subsets } : {});
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));

  it('columns', () => {
    expect(endpoints.columns.map((c) => c.name)).toEqual(['Name', 'Endpoints', 'Age']);
  });

  it.each([
    ['no subsets', ep(), '<none>'],
    ['empty subsets', ep([]), '<none>'],
    ['one address', ep([{ addresses: addrs('10.244.0.5'), ports: [{ port: 80, protocol: 'TCP' }] }]), '10.244.0.5:80'],
    ['exactly three', ep([{ addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3'), ports: [{ port: 80 }] }]),
      '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80'],
    ['five addresses → + 2 more...', ep([{ addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'), ports: [{ port: 80 }] }]),
      '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...'],
    ['two ports × two addresses count all pairs', ep([{ addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }]),
      '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...'],
    ['only not-ready addresses → empty cell', ep([{ notReadyAddresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }]), ''],
    ['headless without ports lists IPs', ep([{ addresses: addrs('10.0.0.1', '10.0.0.2') }]), '10.0.0.1,10.0.0.2'],
    ['IPv6 is bracketed', ep([{ addresses: addrs('fd00::1'), ports: [{ port: 8080 }] }]), '[fd00::1]:8080'],
    ['several subsets', ep([
      { addresses: addrs('10.0.0.1'), ports: [{ port: 80 }] },
      { addresses: addrs('10.0.1.1', '10.0.1.2', '10.0.1.3'), ports: [{ port: 81 }] },
    ]), '10.0.0.1:80,10.0.1.1:81,10.0.1.2:81 + 1 more...'],
  ] as [string, KObject, string][])('%s', (_n, e, expected) => {
    expect(formatEndpoints(e)).toBe(expected);
    expect(endpoints.row(e, NOW)).toEqual(['web', expected, '5m']);
  });
});

describe('endpointslices', () => {
  const slice = (fields: Record<string, unknown>) => obj('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc12', { addressType: 'IPv4', ...fields });

  it('columns', () => {
    expect(endpointslices.columns.map((c) => c.name)).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
  });

  it.each([
    ['typical', { ports: [{ name: 'http', port: 80, protocol: 'TCP' }], endpoints: [{ addresses: ['10.244.0.5'] }, { addresses: ['10.244.0.6'] }] },
      ['IPv4', '80', '10.244.0.5,10.244.0.6']],
    ['nothing yet', { ports: null, endpoints: [] }, ['IPv4', '<unset>', '<unset>']],
    ['port without number uses its name, neither → *', { ports: [{ name: 'metrics' }, {}], endpoints: [] }, ['IPv4', 'metrics,*', '<unset>']],
    ['more than three', {
      ports: [{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }, { port: 5 }],
      endpoints: [{ addresses: ['a1', 'a2'] }, { addresses: ['a3', 'a4'] }],
    }, ['IPv4', '1,2,3 + 2 more...', 'a1,a2,a3 + 1 more...']],
  ] as [string, Record<string, unknown>, string[]][])('%s', (_n, fields, expected) => {
    expect(endpointslices.row(slice(fields), NOW).slice(1, 4)).toEqual(expected);
  });
});

describe('ingresses', () => {
  const ing = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
    obj('networking.k8s.io/v1', 'Ingress', 'web', { spec, status });

  it('columns', () => {
    expect(ingresses.columns.map((c) => c.name)).toEqual(['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
  });

  it.each([
    ['no rules, no class', ing({ defaultBackend: { service: { name: 'web', port: { number: 80 } } } }), ['<none>', '*', '', '80']],
    ['hosts, TLS and an address', ing({
      ingressClassName: 'nginx',
      tls: [{ hosts: ['a.example.com'], secretName: 'tls' }],
      rules: [{ host: 'a.example.com' }, { host: 'b.example.com' }],
    }, { loadBalancer: { ingress: [{ ip: '192.168.49.2' }] } }), ['nginx', 'a.example.com,b.example.com', '192.168.49.2', '80, 443']],
    ['rules without host → *', ing({ rules: [{ http: { paths: [] } }] }), ['<none>', '*', '', '80']],
    ['more than three rules counts all rules', ing({
      rules: [{ host: 'a' }, { host: 'b' }, { host: '' }, { host: 'c' }, { host: 'd' }],
    }), ['<none>', 'a,b,c + 2 more...', '', '80']],
    ['long load-balancer hostname is not clipped', ing({ ingressClassName: 'alb' },
      { loadBalancer: { ingress: [{ hostname: 'k8s-default-web-0123456789.us-east-1.elb.amazonaws.com' }] } }),
    ['alb', '*', 'k8s-default-web-0123456789.us-east-1.elb.amazonaws.com', '80']],
  ] as [string, KObject, string[]][])('%s', (_n, i, expected) => {
    expect(ingresses.row(i, NOW).slice(1, 5)).toEqual(expected);
  });
});

describe('ingressclasses', () => {
  it.each([
    [{ controller: 'k8s.io/ingress-nginx' }, ['nginx', 'k8s.io/ingress-nginx', '<none>', '5m']],
    [{ controller: 'example.com/c', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p1' } },
      ['nginx', 'example.com/c', 'IngressParameters.k8s.example.com/p1', '5m']],
    [{ controller: 'example.com/c', parameters: { kind: 'ConfigMap', name: 'cm', scope: 'Namespace', namespace: 'x' } },
      ['nginx', 'example.com/c', 'ConfigMap/cm', '5m']],
  ])('%#', (spec, expected) => {
    expect(ingressclasses.row(obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec }), NOW)).toEqual(expected);
  });
});
