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
