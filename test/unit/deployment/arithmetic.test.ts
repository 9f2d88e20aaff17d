// Rollout arithmetic against upstream's worked examples (deployment_util_test.go, sync_test.go
// TestScale, the fencepost comment in deployment_util.go) and kubectl-reference.md §7.3.

import { describe, expect, it } from 'vitest';
import {
  getProportion,
  isSaturated,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  proportionalSizes,
  replicaSetFraction,
  resolveFenceposts,
  roundToInt32,
  valueFromIntOrPercent,
} from '../../../src/controllers/deployment/arithmetic.js';
import { deploy, rs } from './helpers.js';

describe('resolveFenceposts', () => {
  // TestResolveFenceposts, plus the defaults' examples from the reference.
  it.each([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 1, 1, 0],
    [1, 0, 2, 1, 0],
    ['1%', '0%', 2, 1, 0],
    ['0%', '1%', 2, 0, 1],
  ])('surge %s, unavailable %s of %d → %d/%d', (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual({ surge, unavailable });
  });

  it.each([
    ['oops', '39%'],
    ['55%', 'urg'],
    ['3', '1'],
  ])('rejects %s / %s', (s, u) => {
    expect(resolveFenceposts(s, u, 10)).toBeUndefined();
  });

  it('rounds the percentage as Go float64 arithmetic does', () => {
    expect(valueFromIntOrPercent('33%', 3, true)).toBe(1); // 0.99 → 1
    expect(valueFromIntOrPercent('33%', 3, false)).toBe(0);
    expect(valueFromIntOrPercent('50%', 5, false)).toBe(2);
    expect(valueFromIntOrPercent('+50%', 4, true)).toBe(2);
    expect(valueFromIntOrPercent(7, 100, true)).toBe(7);
  });
});

describe('maxUnavailable / minAvailable / maxSurge', () => {
  // TestMaxUnavailable (maxSurge 1).
  it.each([
    [10, 5, 5],
    [10, 10, 10],
    [5, 10, 5],
    [0, 10, 0],
    [10, '50%', 5],
    [10, '100%', 10],
    [5, '100%', 5],
  ])('replicas %d, maxUnavailable %s → %d', (replicas, mu, want) => {
    expect(maxUnavailable(deploy(replicas, { maxSurge: 1, maxUnavailable: mu }))).toBe(want);
  });

  // TestMinAvailable (maxSurge 1).
  it.each([
    [10, 5, 5],
    [10, 10, 0],
    [5, 10, 0],
    [0, 10, 0],
    [10, '60%', 4],
    [10, '100%', 0],
    [5, '100%', 0],
  ])('replicas %d, maxUnavailable %s → minAvailable %d', (replicas, mu, want) => {
    expect(minAvailable(deploy(replicas, { maxSurge: 1, maxUnavailable: mu }))).toBe(want);
  });

  it('is 0 for Recreate', () => {
    const d = deploy(10, { type: 'Recreate' });
    expect([maxUnavailable(d), minAvailable(d), maxSurge(d)]).toEqual([0, 0, 0]);
  });
});

describe('newRSNewReplicas', () => {
  // TestNewRSNewReplicas: one other RS of 5, maxUnavailable 1.
  it.each([
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ])('%s', (_name, type, depReplicas, newReplicas, surge, want) => {
    const d = deploy(depReplicas, { type, maxSurge: surge, maxUnavailable: 1 });
    const newRS = rs('new', newReplicas);
    expect(newRSNewReplicas(d, [rs('rs5', 5)], newRS)).toBe(want);
  });

  // TestDeploymentController_reconcileNewReplicaSet's scale-up cases (all RSs: new + old).
  it.each([
    [10, 0, 10, 0, 0],
    [10, 2, 10, 0, 2],
    [10, 2, 5, 0, 7],
    [10, 2, 10, 2, 2],
  ])('replicas %d, surge %d, old %d, new %d → %d', (replicas, surge, old, cur, want) => {
    const d = deploy(replicas, { maxSurge: surge });
    const newRS = rs('new', cur);
    expect(newRSNewReplicas(d, [newRS, rs('old', old)], newRS)).toBe(want);
  });
});

describe('proportions', () => {
  it('roundToInt32 rounds half away from zero', () => {
    expect([roundToInt32(2.5), roundToInt32(-2.5), roundToInt32(1.49), roundToInt32(-0.4)]).toEqual([3, -3, 1, 0]);
  });

  // TestGetReplicaSetFraction (maxUnavailable 1).
  it.each([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['no max-replicas annotation and no status replicas: no scaling', 10, 0, 0, 5, undefined, 0],
    ['max-replicas 0 and no status replicas: no scaling', 10, 0, 0, 5, '0', 0],
    ['no annotation: fall back to status.replicas', 120, 100, 0, 50, undefined, 10],
    ['max-replicas 0: fall back to status.replicas', 120, 100, 0, 50, '0', 10],
    ['scale up by 1/5', 120, 0, 0, 50, '100', 10],
    ['scale up with maxSurge by about 1/5', 120, 0, 10, 50, '110', 9],
    ['scale down by 1/6', 10, 0, 0, 6, '12', -1],
    ['scale down with maxSurge by about 1/6', 100, 0, 10, 50, '130', -8],
  ])('%s', (_name, replicas, statusReplicas, surge, rsReplicas, ann, want) => {
    const d = deploy(replicas, { maxSurge: surge, maxUnavailable: 1, statusReplicas });
    const r = rs('r', rsReplicas, { annotations: ann === undefined ? undefined : { 'deployment.kubernetes.io/max-replicas': ann } });
    expect(replicaSetFraction(r, d)).toBe(want);
  });

  it('getProportion clamps to what is left to add or remove', () => {
    const d = deploy(20);
    const big = rs('big', 10, { annotations: { 'deployment.kubernetes.io/max-replicas': '10' } });
    expect(getProportion(big, d, 4, 0)).toBe(4); // fraction +10, only 4 to add
    expect(getProportion(big, deploy(2), -3, 0)).toBe(-3); // fraction -8, only 3 to remove
    expect(getProportion(big, d, 4, 4)).toBe(0);
    expect(getProportion(rs('empty', 0), d, 4, 0)).toBe(0);
  });

  const ann = (desired: number, max: number) => ({
    'deployment.kubernetes.io/desired-replicas': String(desired),
    'deployment.kubernetes.io/max-replicas': String(max),
  });

  // TestScale's proportional cases: the RSs carry the annotations of the previous deployment size.
  it.each([
    ['5 -> 10', 10, 0, 5, 0, [['v2', 2, 2], ['v1', 3, 1]], { v2: 4, v1: 6 }],
    ['5 -> 3', 3, 0, 5, 0, [['v2', 2, 2], ['v1', 3, 1]], { v2: 1, v1: 2 }],
    ['9 -> 4', 4, 0, 9, 0, [['v2', 8, 2], ['v1', 1, 1]], { v2: 4, v1: 0 }],
    ['7 -> 10', 10, 0, 7, 0, [['v3', 2, 3], ['v2', 3, 2], ['v1', 2, 1]], { v3: 3, v2: 4, v1: 3 }],
    ['13 -> 8', 8, 0, 13, 0, [['v3', 2, 3], ['v2', 8, 2], ['v1', 3, 1]], { v3: 1, v2: 5, v1: 2 }],
    ['leftover 3 -> 4 goes to the newest', 4, 0, 3, 0, [['v3', 1, 3], ['v2', 1, 2], ['v1', 1, 1]], { v3: 2, v2: 1, v1: 1 }],
    ['leftover 3 -> 2 comes from the oldest', 2, 0, 3, 0, [['v3', 1, 3], ['v2', 1, 2], ['v1', 1, 1]], { v3: 1, v2: 1, v1: 0 }],
    ['no new rs: 4 -> 5', 5, 0, 4, 0, [['v2', 2, 2], ['v1', 2, 1]], { v2: 3, v1: 2 }],
    ['6 -> 0', 0, 0, 6, 0, [['v3', 3, 3], ['v2', 2, 2], ['v1', 1, 1]], { v3: 0, v2: 0, v1: 0 }],
    ['surge pods 10 -> 20', 20, 2, 10, 2, [['v2', 6, 2], ['v1', 6, 1]], { v2: 11, v1: 11 }],
    ['size and surge 10/3 -> 50/6', 50, 6, 10, 3, [['v2', 5, 2], ['v1', 8, 1]], { v2: 22, v1: 34 }],
    ['size and template (all old) 10 -> 14', 14, 0, 10, 0, [['v2', 7, 2], ['v1', 3, 1]], { v2: 10, v1: 4 }],
  ] as const)('%s', (_name, replicas, surge, oldReplicas, oldSurge, sets, want) => {
    const d = deploy(replicas, { maxSurge: surge });
    const active = sets.map(([name, n, minute]) => rs(name, n, { minute, annotations: ann(oldReplicas, oldReplicas + oldSurge) }));
    const { ordered, sizes } = proportionalSizes(
      d,
      active.filter((r) => r['spec'].replicas > 0),
    );
    const got = Object.fromEntries(active.map((r) => [r.metadata.name, r['spec'].replicas]));
    ordered.forEach((r, i) => (got[r.metadata.name!] = sizes[i]!));
    expect(got).toEqual(want);
  });

  it('a failed update elsewhere: v2 recorded desired 3, the others 5 → only v2 grows', () => {
    // TestScale "failed rs update": deployment 5, v3 2 (desired 5), v2 1 (desired 3), v1 1 (desired 5).
    const d = deploy(5);
    const active = [
      rs('v3', 2, { minute: 3, annotations: ann(5, 5) }),
      rs('v2', 1, { minute: 2, annotations: ann(3, 3) }),
      rs('v1', 1, { minute: 1, annotations: ann(5, 5) }),
    ];
    const { ordered, sizes } = proportionalSizes(d, active);
    expect(Object.fromEntries(ordered.map((r, i) => [r.metadata.name, sizes[i]]))).toEqual({ v3: 2, v2: 2, v1: 1 });
  });

  it('isSaturated needs the size, the desired annotation and every pod available', () => {
    const d = deploy(3);
    const annotated = { 'deployment.kubernetes.io/desired-replicas': '3' };
    expect(isSaturated(d, rs('a', 3, { annotations: annotated }))).toBe(true);
    expect(isSaturated(d, rs('a', 3, { annotations: annotated, available: 2 }))).toBe(false);
    expect(isSaturated(d, rs('a', 3))).toBe(false);
    expect(isSaturated(d, undefined)).toBe(false);
  });
});
