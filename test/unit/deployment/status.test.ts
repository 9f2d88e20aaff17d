// Status and conditions (TestDeploymentComplete, TestDeploymentProgressing, TestDeploymentTimedOut,
// TestSetCondition) and the stuck-rollout wake-up.

import { describe, expect, it } from 'vitest';
import { setCondition, type DeploymentCondition } from '../../../src/controllers/deployment/conditions.js';
import {
  calculateStatus,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  progressCheckAt,
  type DeploymentStatus,
} from '../../../src/controllers/deployment/status.js';
import { deploy, rs } from './helpers.js';

const st = (replicas: number, updated: number, ready: number, available: number): DeploymentStatus => ({
  replicas,
  updatedReplicas: updated,
  readyReplicas: ready,
  availableReplicas: available,
});

describe('deployment status', () => {
  it.each([
    ['not complete: min but not all pods become available', 5, 5, 5, 4, 1, 0, false],
    ['not complete: min availability is not honored', 5, 5, 5, 3, 1, 0, false],
    ['complete', 5, 5, 5, 5, 0, 0, true],
    ['not complete: all pods are available but not updated', 5, 5, 4, 5, 0, 0, false],
    ['not complete: still running old pods', 1, 2, 1, 1, 0, 1, false],
    ['not complete: one replica deployment never comes up', 1, 1, 1, 0, 1, 1, false],
  ])('%s', (_name, desired, current, updated, available, mu, ms, want) => {
    const d = deploy(desired, { maxUnavailable: mu, maxSurge: ms });
    const s: DeploymentStatus = { replicas: current, updatedReplicas: updated, availableReplicas: available, observedGeneration: 1 };
    expect(deploymentComplete(d, s)).toBe(want);
  });

  it.each([
    ['updated pods', st(10, 4, 4, 4), st(10, 6, 4, 4), true],
    ['not progressing', st(10, 4, 4, 4), st(10, 4, 4, 4), false],
    ['old pods removed', st(10, 4, 6, 6), st(8, 4, 6, 6), true],
    ['less new pods', st(10, 7, 3, 3), st(10, 6, 3, 3), false],
    ['less overall but more new pods', st(10, 4, 7, 7), st(8, 8, 5, 5), true],
    ['more ready pods', st(10, 10, 9, 8), st(10, 10, 10, 8), true],
    ['more available pods', st(10, 10, 10, 9), st(10, 10, 10, 10), true],
  ])('progressing: %s', (_name, old, next, want) => {
    const d = deploy(10);
    d['status'] = old;
    expect(deploymentProgressing(d, next)).toBe(want);
  });

  const at = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec);
  const progressing = (reason: string, from: number): DeploymentStatus => ({
    conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: new Date(from).toISOString().replace('.000Z', 'Z') }],
  });

  it.each([
    ['no progressDeadlineSeconds', undefined, '', at(1, 9), at(1, 20), false],
    ['infinite progressDeadlineSeconds', 2147483647, '', at(1, 9), at(1, 20), false],
    ['10s deadline, 11s since progress', 10, '', at(1, 9), at(1, 20), true],
    ['10s deadline, 9s since progress', 10, '', at(1, 11), at(1, 20), false],
    ['10s deadline, exactly 10s since progress', 10, '', at(1, 10), at(1, 20), false],
    ['previous rollout complete', 10, 'NewReplicaSetAvailable', at(0, 0), at(59, 0), false],
  ])('timed out: %s', (_name, pds, reason, from, now, want) => {
    const d = deploy(1);
    if (pds !== undefined) d['spec'].progressDeadlineSeconds = pds;
    expect(deploymentTimedOut(d, progressing(reason, from), now)).toBe(want);
  });

  it('asks to be woken one second after the deadline while stuck', () => {
    const d = deploy(3);
    d['spec'].progressDeadlineSeconds = 600;
    d['status'] = progressing('ReplicaSetUpdated', at(0, 0));
    expect(progressCheckAt(d, st(3, 1, 2, 2))).toBe(at(10, 1));
    expect(progressCheckAt(d, { ...st(3, 3, 3, 3), observedGeneration: 1 })).toBeUndefined(); // complete
    d['status'] = { conditions: [{ ...d['status'].conditions[0], reason: 'ProgressDeadlineExceeded' }] };
    expect(progressCheckAt(d, st(3, 1, 2, 2))).toBeUndefined();
  });

  it('calculateStatus counts, omits zeros and sets Available', () => {
    const d = deploy(3, { maxSurge: 1 });
    const old = rs('old', 2, { available: 2 });
    const cur = rs('new', 2, { available: 0, minute: 1 });
    cur['status'] = { replicas: 2 };
    const s = calculateStatus([old, cur], cur, d, at(0, 0));
    expect(s).toEqual({
      observedGeneration: 1,
      replicas: 4,
      updatedReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 2,
      terminatingReplicas: 0, // neither RS observed yet: nothing reported, counts as 0
      conditions: [
        {
          type: 'Available',
          status: 'False',
          lastUpdateTime: '2016-01-01T00:00:00Z',
          lastTransitionTime: '2016-01-01T00:00:00Z',
          reason: 'MinimumReplicasUnavailable',
          message: 'Deployment does not have minimum availability.',
        },
      ],
    });
  });
});

describe('terminatingReplicas', () => {
  it('sums what the ReplicaSets report and is omitted when an observed one reports nothing', () => {
    const d = deploy(2);
    const a = rs('a', 1);
    const b = rs('b', 1, { minute: 1 });
    a['status'] = { ...a['status'], observedGeneration: 1, terminatingReplicas: 2 };
    b['status'] = { ...b['status'], observedGeneration: 1, terminatingReplicas: 1 };
    expect(calculateStatus([a, b], b, d, 0).terminatingReplicas).toBe(3);
    delete b['status'].terminatingReplicas;
    expect(calculateStatus([a, b], b, d, 0)).not.toHaveProperty('terminatingReplicas');
  });
});

describe('setCondition', () => {
  const cond = (type: string, status: string, reason: string, t = 'T1'): DeploymentCondition => ({
    type,
    status,
    lastUpdateTime: t,
    lastTransitionTime: t,
    reason,
    message: reason,
  });

  it('keeps the condition when status and reason are unchanged', () => {
    const s = { conditions: [cond('Progressing', 'True', 'A', 'T1')] };
    setCondition(s, { ...cond('Progressing', 'True', 'A', 'T2'), message: 'other' });
    expect(s.conditions).toEqual([cond('Progressing', 'True', 'A', 'T1')]);
  });

  it('moves a changed condition to the end, keeping the transition time if only the reason changed', () => {
    const s = { conditions: [cond('Progressing', 'True', 'A', 'T1'), cond('Available', 'True', 'X', 'T1')] };
    setCondition(s, cond('Progressing', 'True', 'B', 'T2'));
    expect(s.conditions).toEqual([cond('Available', 'True', 'X', 'T1'), { ...cond('Progressing', 'True', 'B', 'T2'), lastTransitionTime: 'T1' }]);
    setCondition(s, cond('Available', 'False', 'Y', 'T3'));
    expect(s.conditions[1]).toEqual(cond('Available', 'False', 'Y', 'T3'));
  });
});
