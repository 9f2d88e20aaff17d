// The rolling-update steps against rolling_test.go's scenarios (ready pods there are available
// replicas here) and the worked example in rolling.go.

import { describe, expect, it } from 'vitest';
import { maxScaledDown, planOldScaleDown, planUnhealthyCleanup } from '../../../src/controllers/deployment/rolling.js';
import { deploy, rs } from './helpers.js';

const sizes = (steps: { rs: { metadata: { name?: string } }; to: number }[]) =>
  Object.fromEntries(steps.map((s) => [s.rs.metadata.name, s.to]));

describe('reconcileOldReplicaSets arithmetic', () => {
  // TestDeploymentController_reconcileOldReplicaSets (maxSurge 0): old RS scaled in two passes,
  // unhealthy replicas first, then available ones down to minAvailable.
  it.each([
    [10, 0, 10, 0, 10, 0, 9],
    [10, 2, 10, 0, 10, 0, 8],
    [10, 2, 10, 0, 8, 0, 8], // the two unhealthy replicas go first
    [10, 2, 10, 0, 9, 0, 8], // one unhealthy, one available
    [10, 2, 8, 2, 8, 0, undefined], // the new RS's unavailable pods block any scale-down
  ])('replicas %d, maxUnavailable %d, old %d, new %d, old available %d, new available %d → old %s', (replicas, mu, oldN, newN, oldAvail, newAvail, want) => {
    const d = deploy(replicas, { maxUnavailable: mu });
    const oldRS = rs('old', oldN, { available: oldAvail });
    const newRS = rs('new', newN, { available: newAvail, minute: 1 });
    const all = [oldRS, newRS];
    const max = maxScaledDown(d, all, newRS);
    if (want === undefined) {
      expect(max).toBeLessThanOrEqual(0);
      return;
    }
    const cleanup = planUnhealthyCleanup([oldRS], max);
    const afterCleanup = cleanup.length ? rs('old', cleanup[0]!.to, { available: oldAvail }) : oldRS;
    const down = planOldScaleDown(d, [afterCleanup, newRS], [afterCleanup]);
    const final = down.length ? down[0]!.to : afterCleanup['spec'].replicas;
    expect(final).toBe(want);
  });

  it('maxScaledDown follows the rolling.go example (10 replicas, maxUnavailable 2, maxSurge 3)', () => {
    const d = deploy(10, { maxUnavailable: 2, maxSurge: 3 });
    // Case 1: new RS of 5 crashlooping; old 8 → 13 - 8 - 5 = 0.
    const crashing = rs('new', 5, { available: 0, minute: 1 });
    expect(maxScaledDown(d, [rs('old', 8), crashing], crashing)).toBe(0);
    // After rolling back to the good RS (now "new", 8 with 7 available), the crashing one is old:
    const good = rs('good', 8, { available: 7 });
    expect(maxScaledDown(d, [good, rs('bad', 5, { available: 0, minute: 1 })], good)).toBe(4);
    // Case 2: a fresh template starts at 0 → 13 - 8 - 0 = 5.
    const fresh = rs('fresh', 0, { minute: 2 });
    expect(maxScaledDown(d, [rs('old', 8), rs('crash', 5, { available: 0, minute: 1 }), fresh], fresh)).toBe(5);
  });
});

describe('cleanupUnhealthyReplicas', () => {
  // TestDeploymentController_cleanupUnhealthyReplicas: old RS 10.
  it.each([
    [8, 1, 1],
    [8, 3, 2],
    [8, 0, 0],
    [10, 3, 0],
  ])('available %d, maxCleanup %d → cleaned %d', (available, maxCleanup, want) => {
    const steps = planUnhealthyCleanup([rs('old', 10, { available })], maxCleanup);
    expect(steps.reduce((n, s) => n + 10 - s.to, 0)).toBe(want);
  });

  it('goes oldest first and skips empty or healthy ReplicaSets', () => {
    const steps = planUnhealthyCleanup(
      [rs('newer', 3, { available: 1, minute: 2 }), rs('empty', 0, { minute: 0 }), rs('healthy', 2, { minute: 1 }), rs('oldest', 4, { available: 3, minute: -1 })],
      2,
    );
    expect(sizes(steps)).toEqual({ oldest: 3, newer: 2 });
  });
});

describe('scaleDownOldReplicaSetsForRollingUpdate', () => {
  // TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (maxSurge 0, one old RS).
  it.each([
    [10, 0, 10, 10, 9],
    [10, 2, 10, 10, 8],
    [10, 2, 8, 10, undefined],
    [10, 2, 10, 0, undefined],
    [10, 2, 1, 10, undefined],
  ])('replicas %d, maxUnavailable %d, available %d, old %d → %s', (replicas, mu, available, oldN, want) => {
    const old = rs('old', oldN, { available });
    const steps = planOldScaleDown(deploy(replicas, { maxUnavailable: mu }), [old], [old]);
    if (want === undefined) expect(steps).toEqual([]);
    else expect(sizes(steps)).toEqual({ old: want });
  });

  it('takes the surplus from the oldest ReplicaSets first', () => {
    const d = deploy(4, { maxUnavailable: 1 });
    const a = rs('a', 2, { minute: 0 });
    const b = rs('b', 2, { minute: 1 });
    const n = rs('n', 2, { minute: 2 });
    // available 6, minAvailable 3 → 3 to remove: a 2→0, b 2→1.
    expect(sizes(planOldScaleDown(d, [a, b, n], [b, a]))).toEqual({ a: 0, b: 1 });
  });
});
