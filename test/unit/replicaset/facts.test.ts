// What the ReplicaSet controller reads of a pod, kept per stored pod object (src/controllers/replicaset/facts.ts),
// and the counts it derives from them in one walk.

import { describe, expect, it } from 'vitest';
import { selectorFromSet, type Selector } from '../../../src/api/labels.js';
import type { KObject } from '../../../src/api/types.js';
import { availableFromFacts, labelMatcher, podFacts, type PodFacts } from '../../../src/controllers/replicaset/facts.js';
import { availableFrom } from '../../../src/controllers/replicaset/podutil.js';
import { countReplicas, nextAvailabilityCheck } from '../../../src/controllers/replicaset/status.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface PodSpec {
  refs?: { uid: string; controller?: boolean }[];
  phase?: string;
  deleting?: boolean;
  ready?: boolean;
  since?: number;
  labels?: Record<string, string>;
}

function pod(s: PodSpec): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      ...(s.labels ? { labels: s.labels } : {}),
      ...(s.refs ? { ownerReferences: s.refs.map((r) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', ...r })) } : {}),
      ...(s.deleting ? { deletionTimestamp: iso(NOW) } : {}),
    },
    spec: {},
    status: {
      phase: s.phase ?? 'Running',
      conditions: s.ready === undefined ? [] : [{ type: 'Ready', status: s.ready ? 'True' : 'False', ...(s.since !== undefined ? { lastTransitionTime: iso(s.since) } : {}) }],
    },
  };
}

type Facts = Omit<PodFacts, 'pod' | 'labels' | 'labelsKey'>;
const facts = (f: PodFacts): Facts => ({
  controlled: f.controlled,
  controllerUid: f.controllerUid,
  active: f.active,
  terminating: f.terminating,
  ready: f.ready,
  readySince: f.readySince,
});

describe('podFacts', () => {
  const base: Facts = { controlled: false, controllerUid: undefined, active: true, terminating: false, ready: false, readySince: undefined };
  const cases: [string, PodSpec, Partial<Facts>][] = [
    ['an orphan', {}, {}],
    ['an owner that is not its controller', { refs: [{ uid: 'a' }] }, {}],
    ['a controller after another owner', { refs: [{ uid: 'a' }, { uid: 'b', controller: true }] }, { controlled: true, controllerUid: 'b' }],
    ['Pending', { phase: 'Pending' }, {}],
    ['Succeeded', { phase: 'Succeeded' }, { active: false }],
    ['Failed and being deleted', { phase: 'Failed', deleting: true }, { active: false }],
    ['Running and being deleted', { deleting: true }, { active: false, terminating: true }],
    ['ready, with a transition time', { ready: true, since: NOW - 5000 }, { ready: true, readySince: NOW - 5000 }],
    ['ready, without a transition time', { ready: true }, { ready: true }],
    ['not ready', { ready: false, since: NOW - 5000 }, {}],
  ];
  it.each(cases)('%s', (_name, spec, want) => {
    expect(facts(podFacts(pod(spec)))).toEqual({ ...base, ...want });
  });

  it('works a pod out once, and its copy afresh', () => {
    const p = pod({ ready: true });
    expect(podFacts(p)).toBe(podFacts(p));
    expect(podFacts(structuredClone(p))).not.toBe(podFacts(p));
  });

  it('fails under the tests when a pod it read is changed in place', () => {
    const p = pod({ phase: 'Pending' });
    podFacts(p);
    p['status'].phase = 'Failed';
    expect(() => podFacts(p)).toThrow(/changed in place/);
  });
});

describe('labelMatcher', () => {
  function counting(sel: Selector): { sel: Selector; calls: () => number } {
    let n = 0;
    return { sel: { ...sel, matches: (ls) => (n++, sel.matches(ls)) }, calls: () => n };
  }

  it('matches each distinct label map once per matcher, with the selector’s answer', () => {
    const { sel, calls } = counting(selectorFromSet({ app: 'web' }));
    const matches = labelMatcher(sel);
    const pods = [
      pod({ labels: { app: 'web', hash: '1' } }),
      pod({ labels: { app: 'web', hash: '1' } }),
      pod({ labels: { app: 'db' } }),
      pod({ labels: { hash: '1', app: 'web' } }),
      pod({}),
      pod({ labels: { app: 'db' } }),
    ];
    expect(pods.map((p) => matches(podFacts(p)))).toEqual([true, true, false, true, false, false]);
    // Same maps (in key order) share an answer; the reordered one and the empty one are asked.
    expect(calls()).toBe(4);
    // A new matcher (another pass, perhaps another selector) asks again.
    labelMatcher(sel)(podFacts(pods[0]!));
    expect(calls()).toBe(5);
  });
});

describe('countReplicas', () => {
  const owner = (minReadySeconds: number): KObject => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'rs', namespace: 'default', uid: 'rs' },
    spec: { replicas: 3, minReadySeconds, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'a' } } } },
  });
  const pods = [
    pod({ labels: { app: 'web', tier: 'a' }, ready: true, since: NOW - 20_000 }),
    pod({ labels: { app: 'web' }, ready: true, since: NOW - 4000 }),
    pod({ labels: { app: 'web', tier: 'a' }, ready: true, since: NOW - 7000 }),
    pod({ labels: { app: 'web', tier: 'a' }, ready: true }),
    pod({ labels: { app: 'web', tier: 'a' }, ready: false, since: NOW - 60_000 }),
  ];
  const cases: [number, { fullyLabeled: number; ready: number; available: number; nextAvailable: number | undefined }][] = [
    [0, { fullyLabeled: 4, ready: 4, available: 4, nextAvailable: undefined }],
    [10, { fullyLabeled: 4, ready: 4, available: 1, nextAvailable: NOW + 3001 }],
    [30, { fullyLabeled: 4, ready: 4, available: 0, nextAvailable: NOW + 10_001 }],
  ];
  it.each(cases)('minReadySeconds %i', (minReady, want) => {
    const o = owner(minReady);
    const counts = countReplicas(o, pods.map(podFacts), NOW);
    expect(counts).toEqual({ replicas: 5, ...want });
    // The same as the pod-by-pod helpers say.
    expect(counts.nextAvailable).toBe(nextAvailabilityCheck(o, pods, NOW));
    expect(pods.map((p) => availableFromFacts(podFacts(p), minReady))).toEqual(pods.map((p) => availableFrom(p, minReady)));
  });
});
