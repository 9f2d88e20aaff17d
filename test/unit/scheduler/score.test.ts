// Score plugins against hand-computed values.

import { describe, expect, it } from 'vitest';
import { balancedAllocationScore, defaultNormalize, leastAllocatedScore } from '../../../src/controllers/scheduler/score.js';
import { info, node, pod, requesting } from './helpers.js';

const n = node('n', { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } });

describe('defaultNormalize (helper.DefaultNormalizeScore)', () => {
  it('scales to 0..100 by the maximum', () => expect(defaultNormalize([0, 1, 3], false)).toEqual([0, 33, 100]));
  it('reversed', () => expect(defaultNormalize([0, 1, 3], true)).toEqual([100, 67, 0]));
  it('all zero: 0, or 100 reversed', () => {
    expect(defaultNormalize([0, 0], false)).toEqual([0, 0]);
    expect(defaultNormalize([0, 0], true)).toEqual([100, 100]);
  });
});

describe('LeastAllocated', () => {
  it('an empty node and a pod without requests: counted as 100m / 200Mi', () => {
    // cpu (4000-100)*100/4000 = 97; memory (8192Mi-200Mi)*100/8192Mi = 97
    expect(leastAllocatedScore(pod('p'), info(n))).toBe(97);
  });
  it('existing requests lower the score', () => {
    // cpu: 2000+1000 of 4000 -> 25; memory: 4Gi+200Mi of 8Gi -> 47; average 36
    expect(leastAllocatedScore(requesting('p', { cpu: '1' }), info(n, requesting('a', { cpu: '2', memory: '4Gi' })))).toBe(36);
  });
});

describe('BalancedAllocation (change in balance)', () => {
  it('a pod that keeps an empty node balanced scores 75', () => {
    // 1 of 4 cpu and 2Gi of 8Gi: both 25%, std 0 -> 100 after, 100 before
    expect(balancedAllocationScore(requesting('p', { cpu: '1', memory: '2Gi' }), info(n))).toBe(75);
  });
  it('a cpu-only pod on an empty node worsens the balance', () => {
    // after: fractions 0.5 and 0 -> std 0.25 -> 75; before 100; 50 + (50 + 75 - 100)/2 = 62
    expect(balancedAllocationScore(requesting('p', { cpu: '2' }), info(n))).toBe(62);
  });
  it('a memory pod on a cpu-heavy node improves it', () => {
    // before: 0.5 / 0 -> 75; after 0.5 / 0.5 -> 100; 50 + (50 + 100 - 75)/2 = 87
    expect(balancedAllocationScore(requesting('p', { memory: '4Gi' }), info(n, requesting('a', { cpu: '2' })))).toBe(87);
  });
});

describe('podRequests memo', () => {
  it('works a spec out once, and a new spec afresh', async () => {
    const { podRequests } = await import('../../../src/controllers/scheduler/resources.js');
    const spec = { containers: [{ name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' } } }] };
    const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
    const first = podRequests(p);
    expect(first.milliCPU).toBe(250);
    expect(podRequests(p)).toBe(first);
    expect(podRequests(p, { nonZero: true }).memory).toBe(64 * 1024 * 1024);
    const changed = { ...p, spec: { containers: [{ name: 'a', resources: { requests: { cpu: '1' } } }] } };
    expect(podRequests(changed).milliCPU).toBe(1000);
    expect(podRequests(changed, { nonZero: true }).memory).toBe(200 * 1024 * 1024);
  });

  it('a bound copy of the spec (same containers) shares the result; other overhead or init containers do not', async () => {
    const { podRequests } = await import('../../../src/controllers/scheduler/resources.js');
    const containers = [{ name: 'a', resources: { requests: { cpu: '250m' } } }];
    const pending = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } };
    const first = podRequests(pending);
    expect(podRequests({ ...pending, spec: { ...pending.spec, nodeName: 'n' } })).toBe(first);
    const table: [string, Record<string, unknown>, number][] = [
      ['overhead', { overhead: { cpu: '100m' } }, 350],
      ['init container', { initContainers: [{ name: 'i', resources: { requests: { cpu: '1' } } }] }, 1000],
      ['pod-level requests', { resources: { requests: { cpu: '2' } } }, 2000],
    ];
    for (const [name, extra, want] of table) {
      expect(podRequests({ ...pending, spec: { containers, ...extra } }).milliCPU, name).toBe(want);
      expect(podRequests(pending).milliCPU, `${name}, then the first again`).toBe(250);
    }
  });
});

describe('PodTopologySpread counts as pods are added', () => {
  it('scores after addPod as a snapshot built with the pod from the start would', async () => {
    const { spreadScores } = await import('../../../src/controllers/scheduler/podtopologyspread.js');
    const { addPod } = await import('../../../src/controllers/scheduler/framework.js');
    const spread = { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'a' } } }] };
    const incoming = pod('new', spread, { app: 'a' });
    const a = node('a');
    const b = node('b');
    const existing = [pod('a1', {}, { app: 'a' }), pod('b1', {}, { app: 'a' })];
    const nodes = [info(a, existing[0]!), info(b, existing[1]!)];
    const api = undefined as never; // pods with their own constraints need no lookups
    expect(spreadScores(api, incoming, nodes, nodes)).toEqual([100, 100]);
    const extra = pod('a2', {}, { app: 'a' });
    addPod(nodes[0]!, { ...extra, spec: { ...extra['spec'], nodeName: 'a' } });
    addPod(nodes[0]!, { ...pod('other', {}, { app: 'b' }), spec: { nodeName: 'a' } });
    const fresh = [info(a, existing[0]!, extra, pod('other', {}, { app: 'b' })), info(b, existing[1]!)];
    const scores = spreadScores(api, incoming, nodes, nodes);
    expect(scores).toEqual(spreadScores(api, incoming, fresh, fresh));
    expect(scores[0]!).toBeLessThan(scores[1]!);
  });
});
