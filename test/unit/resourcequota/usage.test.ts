// The resource quota controller's usage arithmetic (src/controllers/resourcequota/usage.ts) and the
// quota table cells (src/api/tables/policy.ts).

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { podCounts, quotaUsage } from '../../../src/controllers/resourcequota/usage.js';
import { quotaColumns } from '../../../src/api/tables/policy.js';
import { renewedAt } from '../../../src/controllers/nodelifecycle/lease.js';

const pod = (name: string, res: { requests?: Record<string, string>; limits?: Record<string, string> }, extra: Record<string, unknown> = {}): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'nginx', resources: res }], ...extra },
    status: { phase: 'Running' },
  }) as KObject;

const objs = (m: Record<string, KObject[]>) => (r: string) => m[r] ?? [];

describe('quotaUsage', () => {
  const pods = [
    pod('a', { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '500m', memory: '128Mi' } }),
    pod('b', { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } }),
    pod('c', {}),
    { ...pod('done', { requests: { cpu: '1' } }), status: { phase: 'Succeeded' } } as KObject,
  ];
  it('sums requests and limits of the pods that count, in their formats', () => {
    const hard = { pods: '10', 'requests.cpu': '2', 'requests.memory': '1Gi', 'limits.cpu': '4', 'limits.memory': '2Gi', cpu: '2' };
    expect(quotaUsage(hard, [], objs({ pods }), 0)).toEqual({
      cpu: '500m',
      'limits.cpu': '500m',
      'limits.memory': '256Mi',
      pods: '3',
      'requests.cpu': '500m',
      'requests.memory': '128Mi',
    });
  });
  it('counts objects, count/<resource> and unset resources as 0', () => {
    const hard = { configmaps: '5', secrets: '5', 'count/deployments.apps': '2', 'count/pods': '9', services: '1', persistentvolumeclaims: '3' };
    const cm = { metadata: { name: 'x' } } as KObject;
    expect(quotaUsage(hard, [], objs({ configmaps: [cm, cm], 'deployments.apps': [cm], pods }), 0)).toEqual({
      configmaps: '2',
      'count/deployments.apps': '1',
      'count/pods': '3',
      persistentvolumeclaims: '0',
      secrets: '0',
      services: '0',
    });
  });
  it('sums PVC storage requests', () => {
    const pvc = (s: string) => ({ metadata: { name: s }, spec: { resources: { requests: { storage: s } } } }) as unknown as KObject;
    expect(quotaUsage({ 'requests.storage': '10Gi' }, [], objs({ persistentvolumeclaims: [pvc('1Gi'), pvc('512Mi')] }), 0)).toEqual({ 'requests.storage': '1536Mi' });
  });
  it('honours BestEffort / NotBestEffort / Terminating scopes', () => {
    expect(quotaUsage({ pods: '5' }, ['BestEffort'], objs({ pods }), 0)).toEqual({ pods: '1' });
    expect(quotaUsage({ pods: '5', 'requests.cpu': '1' }, ['NotBestEffort'], objs({ pods }), 0)).toEqual({ pods: '2', 'requests.cpu': '500m' });
    const t = pod('t', {}, { activeDeadlineSeconds: 30 });
    expect(quotaUsage({ pods: '5' }, ['Terminating'], objs({ pods: [...pods, t] }), 0)).toEqual({ pods: '1' });
  });
  it('stops counting a pod being deleted once its grace period is over', () => {
    const p = { ...pod('x', {}), metadata: { name: 'x', deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 } } as KObject;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    expect(podCounts(p, t0 + 30_000)).toBe(true);
    expect(podCounts(p, t0 + 31_000)).toBe(false);
  });
});

describe('quota table cells', () => {
  it('splits limits.* into LIMIT, sorted, used 0 when missing', () => {
    expect(quotaColumns({ hard: { pods: '10', 'limits.cpu': '2', 'requests.cpu': '1', 'limits.memory': '1Gi' }, used: { pods: '2', 'limits.cpu': '500m' } })).toEqual([
      'pods: 2/10, requests.cpu: 0/1',
      'limits.cpu: 500m/2, limits.memory: 0/1Gi',
    ]);
  });
});

describe('node lease renewal grid', () => {
  it('renews every 10s from the last renewal, restarts re-anchor, nothing before the last', () => {
    expect(renewedAt(0, undefined, 0)).toBe(0);
    expect(renewedAt(0, undefined, 9_999)).toBe(0);
    expect(renewedAt(0, undefined, 25_000)).toBe(20_000);
    expect(renewedAt(20_000, 55_000, 55_000)).toBe(55_000);
    expect(renewedAt(20_000, 55_000, 70_000)).toBe(65_000);
    expect(renewedAt(20_000, 0, 20_000)).toBe(20_000);
  });
});
