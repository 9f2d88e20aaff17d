// Status computation (replica_set_utils_test.go TestCalculateStatus / TestCalculateStatusConditions),
// in the JSON shape the API serves (omitempty fields dropped).

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { calculateStatus, nextAvailabilityCheck } from '../../../src/controllers/replicaset/status.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function rs(replicas: number, selector: Record<string, string>, extra: { minReadySeconds?: number; status?: object; generation?: number } = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'foobar', namespace: 'default', uid: 'rs-uid', generation: extra.generation ?? 1 },
    spec: {
      replicas,
      minReadySeconds: extra.minReadySeconds ?? 0,
      selector: { matchLabels: selector },
      template: { metadata: { labels: { name: 'foo', type: 'production' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }] } },
    },
    status: extra.status ?? {},
  };
}

/** upstream newPod: Running pods are Ready (optionally since a time), labels = the owner's selector. */
function pod(name: string, owner: KObject, phase: string, readySince?: string): KObject {
  const conditions = phase === 'Running' ? [{ type: 'Ready', status: 'True', ...(readySince ? { lastTransitionTime: readySince } : {}) }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels: { ...owner['spec'].selector.matchLabels } },
    spec: {},
    status: { phase, conditions },
  };
}

const labelMap = { name: 'foo' };
const fullLabelMap = { name: 'foo', type: 'production' };
const notFully = rs(1, labelMap);
const fully = rs(2, fullLabelMap);
const longMinReady = rs(1, fullLabelMap, { minReadySeconds: 3600 });

describe('calculateStatus counts', () => {
  const cases: [string, KObject, KObject[], Record<string, number>][] = [
    ['1 fully labelled pod', fully, [pod('pod1', fully, 'Running')], { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1 }],
    ['1 not fully labelled pod', notFully, [pod('pod1', notFully, 'Running')], { replicas: 1, readyReplicas: 1, availableReplicas: 1 }],
    ['2 fully labelled pods', fully, [pod('pod1', fully, 'Running'), pod('pod2', fully, 'Running')], { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2 }],
    ['2 not fully labelled pods', notFully, [pod('pod1', notFully, 'Running'), pod('pod2', notFully, 'Running')], { replicas: 2, readyReplicas: 2, availableReplicas: 2 }],
    ['1 fully, 1 not fully labelled', notFully, [pod('pod1', notFully, 'Running'), pod('pod2', fully, 'Running')], { replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 2 }],
    ['1 non-ready pod', fully, [pod('pod1', fully, 'Pending')], { replicas: 1, fullyLabeledReplicas: 1 }],
    ['1 ready but non-available pod (no transition time)', longMinReady, [pod('pod1', longMinReady, 'Running')], { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1 }],
    ['no pods: replicas 0 is still shown', fully, [], { replicas: 0 }],
  ];
  it.each(cases)('%s', (_n, owner, active, want) => {
    expect(calculateStatus({ owner, active, nowMs: NOW })).toEqual({ ...want, observedGeneration: 1 });
  });

  it('reports terminatingReplicas (even 0) when the kind has it', () => {
    expect(calculateStatus({ owner: fully, active: [], terminating: [], nowMs: NOW })).toEqual({ replicas: 0, terminatingReplicas: 0, observedGeneration: 1 });
    const t = pod('t', fully, 'Running');
    expect(calculateStatus({ owner: fully, active: [], terminating: [t], nowMs: NOW })['terminatingReplicas']).toBe(1);
  });

  it('drops stale counts and follows the generation', () => {
    const owner = rs(1, fullLabelMap, { generation: 3, status: { replicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 } });
    expect(calculateStatus({ owner, active: [pod('p', owner, 'Pending')], nowMs: NOW })).toEqual({ replicas: 1, fullyLabeledReplicas: 1, observedGeneration: 3 });
  });
});

describe('minReadySeconds', () => {
  const owner = rs(1, fullLabelMap, { minReadySeconds: 10 });
  it.each([
    ['ready 5s ago', NOW - 5000, 0, NOW + 5001],
    ['ready exactly 10s ago (strictly after is needed)', NOW - 10_000, 0, NOW + 1],
    ['ready 11s ago', NOW - 11_000, 1, undefined],
  ])('%s', (_n, since, available, wake) => {
    const p = pod('p', owner, 'Running', iso(since));
    expect(calculateStatus({ owner, active: [p], nowMs: NOW })['availableReplicas'] ?? 0).toBe(available);
    expect(nextAvailabilityCheck(owner, [p], NOW)).toBe(wake);
  });
});

describe('ReplicaFailure condition', () => {
  const owner = rs(2, labelMap);
  const failing = rs(10, labelMap, { status: { conditions: [{ type: 'ReplicaFailure', status: 'True' }] } });
  const cond = (reason: string) => [{ type: 'ReplicaFailure', status: 'True', reason, message: 'fake manageReplicasErr', lastTransitionTime: iso(NOW) }];
  const cases: [string, KObject, number, string | undefined, unknown][] = [
    ['error, no condition, diff < 0', owner, 1, 'fake manageReplicasErr', cond('FailedCreate')],
    ['error, no condition, diff > 0', owner, 3, 'fake manageReplicasErr', cond('FailedDelete')],
    ['no error, condition: removed', failing, 1, undefined, undefined],
    ['error, condition: kept as is', failing, 1, 'fake manageReplicasErr', [{ type: 'ReplicaFailure', status: 'True' }]],
    ['no error, no condition', owner, 1, undefined, undefined],
  ];
  it.each(cases)('%s', (_n, o, n, err, want) => {
    const active = Array.from({ length: n }, (_, i) => pod(`pod${i + 1}`, o, 'Running'));
    expect(calculateStatus({ owner: o, active, manageError: err, nowMs: NOW })['conditions']).toEqual(want);
  });
});
