// CoreDNS record rules with a pod's search path.

import { describe, expect, it } from 'vitest';
import { candidates, resolve, type DnsWorld } from '../../../src/sim/traffic/dns.js';
import { PODS, service, slice } from './fixtures.js';

const W: DnsWorld = {
  services: [
    service('web', {}),
    service('db', { clusterIP: 'None' }),
    service('empty', { clusterIP: 'None' }),
    service('ext', { type: 'ExternalName', externalName: 'example.com', clusterIP: undefined }),
  ],
  endpointSlices: [slice('db', [PODS[0]!, { ...PODS[1]!, ready: false }, PODS[2]!]), slice('empty', [])],
  pods: [],
  namespaces: ['default', 'kube-system'],
};

describe('cluster DNS', () => {
  it.each([
    ['web', 'default', { kind: 'A', name: 'web.default.svc.cluster.local', addresses: ['10.96.100.10'] }],
    ['web.default', 'kube-system', { kind: 'A', name: 'web.default.svc.cluster.local', addresses: ['10.96.100.10'] }],
    ['web.default.svc', 'default', { kind: 'A', name: 'web.default.svc.cluster.local', addresses: ['10.96.100.10'] }],
    ['web.default.svc.cluster.local', 'default', { kind: 'A', name: 'web.default.svc.cluster.local', addresses: ['10.96.100.10'] }],
    ['web.default.svc.cluster.local.', 'default', { kind: 'A', name: 'web.default.svc.cluster.local', addresses: ['10.96.100.10'] }],
    ['db', 'default', { kind: 'A', name: 'db.default.svc.cluster.local', addresses: ['10.244.1.2', '10.244.2.2'] }],
    ['ext', 'default', { kind: 'CNAME', name: 'ext.default.svc.cluster.local', target: 'example.com' }],
    ['10-244-1-5.default.pod.cluster.local', 'default', { kind: 'A', name: '10-244-1-5.default.pod.cluster.local', addresses: ['10.244.1.5'] }],
    ['empty', 'default', { kind: 'NODATA', name: 'empty.default.svc.cluster.local' }],
    ['web', 'kube-system', { kind: 'NXDOMAIN', name: 'web' }],
    ['web.nope', 'default', { kind: 'NXDOMAIN', name: 'web.nope' }],
    ['10-244-1-5.nope.pod.cluster.local', 'default', { kind: 'NXDOMAIN', name: '10-244-1-5.nope.pod.cluster.local' }],
  ])('%s from namespace %s', (name, ns, answer) => {
    expect(resolve(W, name, ns)).toEqual(answer);
  });

  it('tries the search path first for names with fewer than 5 dots', () => {
    expect(candidates('web.default', 'prod')).toEqual([
      'web.default.prod.svc.cluster.local',
      'web.default.svc.cluster.local',
      'web.default.cluster.local',
      'web.default',
    ]);
  });
});
