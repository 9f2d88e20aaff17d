// PodTopologySpread scoring: hand-computed scores for the system default constraints, and the pass's
// SpreadCache giving each pod what it would work out alone.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import { ApiServer } from '../../../src/api/server.js';
import type { KObject } from '../../../src/api/types.js';
import { defaultValidator } from '../../../src/api/validation/index.js';
import type { NodeInfo } from '../../../src/controllers/scheduler/framework.js';
import { SpreadCache, spreadScores } from '../../../src/controllers/scheduler/podtopologyspread.js';
import { FixedClock } from '../../../src/sim/clock.js';
import { SimContext } from '../../../src/sim/context.js';
import { SeededRandom } from '../../../src/sim/random.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { info, node, pod } from './helpers.js';

const ZONE = 'topology.kubernetes.io/zone';

function apiWith(...objects: [string, KObject][]): ApiServer {
  const api = new ApiServer(new MemoryStore(), new FixedClock(Date.parse('2026-01-01T00:00:00Z')), new SeededRandom(1), defaultValidator, new SimContext());
  api.create(findResource('namespaces')!, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (const [resource, obj] of objects) api.create(findResource(resource)!, obj);
  return api;
}

const service = (name: string, selector: Record<string, string>): [string, KObject] => [
  'services',
  { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector, ports: [{ port: 80 }] } },
];

const replicaSet = (name: string, matchLabels: Record<string, string>): [string, KObject] => [
  'replicasets',
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas: 0, selector: { matchLabels }, template: { metadata: { labels: matchLabels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  },
];

const ownedBy = (rs: string, p: KObject): KObject => ({
  ...p,
  metadata: { ...p.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs, uid: `uid-${rs}`, controller: true }] },
});

const web = (name: string, labels: Record<string, string> = { app: 'web' }) => pod(name, {}, labels);
const inOther = (p: KObject): KObject => ({ ...p, metadata: { ...p.metadata, namespace: 'other' } });
const many = (n: number, make: (i: number) => KObject) => Array.from({ length: n }, (_, i) => make(i));

describe('default constraints (hostname maxSkew 3, zone maxSkew 5)', () => {
  it('some nodes in a zone: the zone counts only where there is one', () => {
    // Pods matching the Service's app=web: a 2, b 0, c 1; a and b in zone z, c in none.
    // hostname weight ln(3 + 2), zone weight ln(1 + 2) (one domain), zone z holds 2:
    //   a: 2·ln5 + 2 + 2·ln3 + 4 = 11.42 -> 11;  b: 0 + 2 + 2·ln3 + 4 = 8.20 -> 8;  c: 1·ln5 + 2 = 3.61 -> 4
    //   normalized 100·(max + min - s) / max: a 100·4/11 = 36, b 100·7/11 = 63, c 100
    const api = apiWith(service('web', { app: 'web' }));
    const nodes = [
      info(node('a', { labels: { [ZONE]: 'z' } }), web('a1'), web('a2'), web('x', { app: 'other' })),
      info(node('b', { labels: { [ZONE]: 'z' } })),
      info(node('c'), web('c1')),
    ];
    expect(spreadScores(api, web('new'), nodes, nodes)).toEqual([36, 63, 100]);
    expect(spreadScores(api, web('new'), nodes, nodes, new SpreadCache())).toEqual([36, 63, 100]);
  });

  it('no selector (no Service, no controller): no spreading', () => {
    const api = apiWith();
    const nodes = [info(node('a'), web('a1')), info(node('b'))];
    expect(spreadScores(api, web('new'), nodes, nodes, new SpreadCache())).toEqual([0, 0]);
  });
});

describe('SpreadCache: a pod scored with the pass cache scores as it would alone', () => {
  // a: 3 pods app=web tier=front; b: 2 pods app=web; c: 1 pod app=web in another namespace.
  const nodes = (): NodeInfo[] => [
    info(node('a', { labels: { [ZONE]: 'z1' } }), ...many(3, (i) => web(`a${i}`, { app: 'web', tier: 'front' }))),
    info(node('b', { labels: { [ZONE]: 'z2' } }), ...many(2, (i) => web(`b${i}`))),
    info(node('c'), inOther(web('c0'))),
  ];
  const table: [string, [string, KObject][], KObject[]][] = [
    [
      'pods of one ReplicaSet, one matched by a Service and one not',
      [replicaSet('rs', { app: 'web' }), service('front', { tier: 'front' })],
      [ownedBy('rs', web('p1', { app: 'web', tier: 'front' })), ownedBy('rs', web('p2')), ownedBy('rs', web('p3', { app: 'web', tier: 'front' }))],
    ],
    ['pods of two ReplicaSets', [replicaSet('rs1', { app: 'web' }), replicaSet('rs2', { tier: 'front' })], [ownedBy('rs1', web('p1')), ownedBy('rs2', web('p2')), ownedBy('rs1', web('p3'))]],
    [
      'a pod of a missing ReplicaSet, then of one that exists',
      [replicaSet('rs', { app: 'web' }), service('all', { app: 'web' })],
      [ownedBy('gone', web('p1')), ownedBy('rs', web('p2'))],
    ],
    ['a pod in another namespace', [service('web', { app: 'web' })], [web('p1'), inOther(web('p2'))]],
    ['pods of ReplicaSets of one name in two namespaces (one missing)', [replicaSet('rs', { app: 'web' })], [ownedBy('rs', web('p1')), ownedBy('rs', inOther(web('p2')))]],
  ];
  for (const [name, objects, pods] of table) {
    it(name, () => {
      const api = apiWith(...objects);
      const cached = nodes();
      const cache = new SpreadCache();
      for (const p of pods) {
        const alone = nodes();
        expect(spreadScores(api, p, cached, cached, cache), p.metadata.name).toEqual(spreadScores(api, p, alone, alone));
      }
    });
  }
});

describe('own constraints', () => {
  const constraint = (labelSelector: unknown) => ({ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', ...(labelSelector ? { labelSelector } : {}) });
  it('a constraint without a selector (counts nothing) and one with an empty selector (counts all) do not share counts', () => {
    const nodes = (): NodeInfo[] => [info(node('a'), web('a1'), web('a2')), info(node('b'))];
    const nothing = pod('p1', { topologySpreadConstraints: [constraint(undefined)] });
    const everything = pod('p2', { topologySpreadConstraints: [constraint({})] });
    const shared = nodes();
    expect(spreadScores(undefined as never, nothing, shared, shared)).toEqual([100, 100]);
    const fresh = nodes();
    expect(spreadScores(undefined as never, everything, shared, shared)).toEqual(spreadScores(undefined as never, everything, fresh, fresh));
    expect(spreadScores(undefined as never, everything, shared, shared)).toEqual([0, 100]);
  });
});
