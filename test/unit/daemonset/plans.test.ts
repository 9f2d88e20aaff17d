// Pure parts of the DaemonSet controller: node eligibility, rolling-update steps, revision hash.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { goJson, revisionHash } from '../../../src/controllers/daemonset/hash.js';
import { planManage } from '../../../src/controllers/daemonset/manage.js';
import { nodeShouldRunDaemonPod } from '../../../src/controllers/daemonset/predicates.js';
import { planRollingUpdate, rollingBudget } from '../../../src/controllers/daemonset/rolling.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');

const node = (name: string, spec: Record<string, unknown> = {}, labels: Record<string, string> = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec });

function ds(podSpec: Record<string, unknown> = {}, rollingUpdate: Record<string, unknown> = { maxUnavailable: 1, maxSurge: 0 }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'ds', generation: 2, annotations: { 'deprecated.daemonset.template.generation': '2' } },
    spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate }, template: { spec: podSpec } },
  };
}

function pod(name: string, nodeName: string, updated: boolean, ready = true): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { 'controller-revision-hash': updated ? 'new' : 'old', 'pod-template-generation': updated ? '2' : '1' }, creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { nodeName },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
  };
}

const byNode = (...pods: KObject[]) => {
  const m = new Map<string, KObject[]>();
  for (const p of pods) m.set(p['spec'].nodeName, [...(m.get(p['spec'].nodeName) ?? []), p]);
  return m;
};

describe('nodeShouldRunDaemonPod', () => {
  const both = { shouldRun: true, shouldContinueRunning: true };
  const neither = { shouldRun: false, shouldContinueRunning: false };
  it.each([
    ['a plain node', node('n'), ds(), both],
    ['a cordoned node', node('n', { unschedulable: true }), ds(), both],
    ['a node under memory pressure', node('n', { taints: [{ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }] }), ds(), both],
    ['an untolerated NoSchedule taint', node('n', { taints: [{ key: 'a', effect: 'NoSchedule' }] }), ds(), { shouldRun: false, shouldContinueRunning: true }],
    ['an untolerated NoExecute taint', node('n', { taints: [{ key: 'a', effect: 'NoExecute' }] }), ds(), neither],
    ['a tolerated taint', node('n', { taints: [{ key: 'a', value: 'b', effect: 'NoSchedule' }] }), ds({ tolerations: [{ key: 'a', operator: 'Equal', value: 'b' }] }), both],
    ['a PreferNoSchedule taint', node('n', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] }), ds(), both],
    ['a non-matching nodeSelector', node('n', {}, { disk: 'hdd' }), ds({ nodeSelector: { disk: 'ssd' } }), neither],
    ['a matching nodeSelector', node('n', {}, { disk: 'ssd' }), ds({ nodeSelector: { disk: 'ssd' } }), both],
    ['another nodeName', node('n'), ds({ nodeName: 'm' }), neither],
    [
      'required node affinity',
      node('n', {}, { zone: 'a' }),
      ds({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }] } } } }),
      neither,
    ],
  ])('%s', (_, n, d, want) => expect(nodeShouldRunDaemonPod(d, n)).toEqual(want));
});

describe('manage', () => {
  it('creates on nodes without a pod, removes extra and finished pods, pending pods of vanished nodes', () => {
    const older = pod('a1', 'a', true);
    const newer = { ...pod('a2', 'a', true), metadata: { ...pod('a2', 'a', true).metadata, creationTimestamp: '2026-01-01T00:05:00Z' } };
    const failed = { ...pod('b1', 'b', true), status: { phase: 'Failed' } };
    const orphanPending = { ...pod('gone1', 'gone', true), spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['gone'] }] }] } } } } };
    const plan = planManage(ds(), [node('a'), node('b'), node('c')], new Map([['a', [newer, older]], ['b', [failed]], ['gone', [orphanPending]]]), 'new');
    expect(plan).toEqual({ createOn: ['c'], deletePods: ['a2', 'b1', 'gone1'] });
  });
});

describe('rolling update', () => {
  const nodes = [node('a'), node('b'), node('c')];

  it('resolves the budget rounding percentages up; 0/0 means one unavailable', () => {
    expect(rollingBudget(ds({}, { maxUnavailable: '10%', maxSurge: 0 }), 3)).toEqual({ maxUnavailable: 1, maxSurge: 0 });
    expect(rollingBudget(ds({}, { maxUnavailable: '50%', maxSurge: 0 }), 5)).toEqual({ maxUnavailable: 3, maxSurge: 0 });
    expect(rollingBudget(ds({}, { maxUnavailable: 0, maxSurge: '0%' }), 5)).toEqual({ maxUnavailable: 1, maxSurge: 0 });
  });

  it('maxUnavailable 1: deletes one old pod at a time, in node order', () => {
    expect(planRollingUpdate(ds(), nodes, byNode(pod('a1', 'a', false), pod('b1', 'b', false), pod('c1', 'c', false)), 'new', NOW)).toEqual({ deletePods: ['a1'], createOn: [] });
  });

  it('waits while a new pod is not yet available', () => {
    const plan = planRollingUpdate(ds(), nodes, byNode(pod('a2', 'a', true, false), pod('b1', 'b', false), pod('c1', 'c', false)), 'new', NOW);
    expect(plan).toEqual({ deletePods: [], createOn: [] });
  });

  it('replaces unavailable old pods regardless of the budget', () => {
    const plan = planRollingUpdate(ds(), nodes, byNode(pod('a1', 'a', false, false), pod('b1', 'b', false), pod('c1', 'c', false, false)), 'new', NOW);
    // As upstream, unavailable old pods do not use up the budget: b1 goes too.
    expect(plan).toEqual({ deletePods: ['a1', 'c1', 'b1'], createOn: [] });
  });

  it('a node lacking its pod counts as unavailable', () => {
    expect(planRollingUpdate(ds(), nodes, byNode(pod('b1', 'b', false), pod('c1', 'c', false)), 'new', NOW)).toEqual({ deletePods: [], createOn: [] });
  });

  it('maxSurge 1: surges onto one node, then deletes its old pod once the new one is available', () => {
    const surge = ds({}, { maxUnavailable: 0, maxSurge: 1 });
    expect(planRollingUpdate(surge, nodes, byNode(pod('a1', 'a', false), pod('b1', 'b', false), pod('c1', 'c', false)), 'new', NOW)).toEqual({ deletePods: [], createOn: ['a'] });
    expect(planRollingUpdate(surge, nodes, byNode(pod('a1', 'a', false), pod('a2', 'a', true, false), pod('b1', 'b', false)), 'new', NOW)).toEqual({ deletePods: [], createOn: [] });
    expect(planRollingUpdate(surge, nodes, byNode(pod('a1', 'a', false), pod('a2', 'a', true), pod('b1', 'b', false)), 'new', NOW)).toEqual({ deletePods: ['a1'], createOn: ['b'] });
  });
});

describe('revision hash', () => {
  it('serializes as Go: sorted keys, nulls kept, HTML characters escaped', () => {
    expect(goJson({ b: 1, a: [null, '<&>'] })).toBe('{"a":[null,"\\u003c\\u0026\\u003e"],"b":1}');
  });

  it('depends on the template and the collision count only', () => {
    const a = ds({ containers: [{ name: 'c', image: 'x' }] });
    const b = { ...a, metadata: { name: 'other' } };
    expect(revisionHash(a)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(revisionHash(b)).toBe(revisionHash(a));
    expect(revisionHash(ds({ containers: [{ name: 'c', image: 'y' }] }))).not.toBe(revisionHash(a));
    expect(revisionHash({ ...a, status: { collisionCount: 1 } })).not.toBe(revisionHash(a));
  });
});
