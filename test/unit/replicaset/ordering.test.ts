// Scale-down victim order, against upstream's cases (controller_utils_test.go TestSortingActivePods,
// TestSortingActivePodsWithRanks; replica_set_test.go TestGetPodsToDelete).

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { deleteBefore, deletionCost, getPodsToDelete, POD_DELETION_COST, rankByRelatedPodsOnSameNode, type RankedPod } from '../../../src/controllers/replicaset/ordering.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const HOUR = 3_600_000;
const now = iso(NOW);
const then1Month = iso(Date.UTC(2025, 11, 1)); // now.AddDate(0, -1, 0)
const then2Hours = iso(NOW - 2 * HOUR);
const then5Hours = iso(NOW - 5 * HOUR);
const then8Hours = iso(NOW - 8 * HOUR);

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: string;
  restarts?: number[];
  created?: string;
  annotations?: Record<string, string>;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): KObject {
  const conditions = o.ready ? [{ type: 'Ready', status: 'True', ...(o.readySince ? { lastTransitionTime: o.readySince } : {}) }] : [];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: o.uid ?? '',
      ...(o.created ? { creationTimestamp: o.created } : {}),
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: { nodeName: o.node ?? '' },
    status: {
      phase: o.phase ?? '',
      conditions,
      containerStatuses: (o.restarts ?? []).map((restartCount) => ({ restartCount })),
    },
  };
}

/** A deterministic stand-in for upstream's rand.Perm shuffles. */
function permutations<T>(xs: T[], count: number): T[][] {
  const out: T[][] = [];
  let seed = 7;
  for (let n = 0; n < count; n++) {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    out.push(a);
  }
  return out;
}

describe('ActivePods order (equal ranks)', () => {
  const pods = [
    pod('unscheduled', { phase: 'Pending' }),
    pod('scheduledButPending', { node: 'bar', phase: 'Pending' }),
    pod('unknownPhase', { node: 'foo', phase: 'Unknown' }),
    pod('runningButNotReady', { node: 'foo', phase: 'Running' }),
    pod('runningNoLastTransitionTime', { node: 'foo', phase: 'Running', ready: true, restarts: [3, 0] }),
    pod('runningWithLastTransitionTime', { node: 'foo', phase: 'Running', ready: true, readySince: now, restarts: [3, 0] }),
    pod('runningLongerTime', { node: 'foo', phase: 'Running', ready: true, readySince: then1Month, restarts: [3, 0] }),
    pod('lowerContainerRestartCount', { node: 'foo', phase: 'Running', ready: true, readySince: then1Month, restarts: [2, 1], created: now }),
    pod('oldest', { node: 'foo', phase: 'Running', ready: true, readySince: then1Month, restarts: [2, 1], created: then1Month }),
  ];
  const want = pods.map((p) => p.metadata.name);
  it.each(permutations(pods, 20).map((p, i) => [i, p] as const))('shuffle %i sorts to the upstream order', (_i, shuffled) => {
    const ranked: RankedPod[] = shuffled.map((p) => ({ pod: p, rank: 0 }));
    ranked.sort((a, b) => (deleteBefore(a, b, NOW) ? -1 : deleteBefore(b, a, NOW) ? 1 : 0));
    expect(ranked.map((r) => r.pod.metadata.name)).toEqual(want);
  });
});

describe('ActivePodsWithRanks.Less', () => {
  const P = {
    unscheduled: pod('unscheduled', { phase: 'Pending' }),
    scheduledPending: pod('pending', { node: 'node', phase: 'Pending' }),
    unknownPhase: pod('unknown-phase', { node: 'node', phase: 'Unknown' }),
    runningNotReady: pod('not-ready', { node: 'node', phase: 'Running' }),
    readyNoLTT: pod('ready-no-last-transition-time', { node: 'node', phase: 'Running', ready: true, restarts: [0] }),
    readyNow: pod('ready-now', { node: 'node', phase: 'Running', ready: true, restarts: [0], readySince: now, created: now }),
    readyThen: pod('ready-then', { node: 'node', phase: 'Running', ready: true, restarts: [0], readySince: then1Month, created: then1Month }),
    readyNowHighRestarts: pod('ready-high-restarts', { node: 'node', phase: 'Running', ready: true, restarts: [9001], readySince: now, created: now }),
    readyNowCreatedThen: pod('ready-now-created-then', { node: 'node', phase: 'Running', ready: true, restarts: [0], readySince: now, created: then1Month }),
    lowCost: pod('low-deletion-cost', { node: 'node', phase: 'Running', ready: true, restarts: [0], readySince: now, created: then1Month, annotations: { [POD_DELETION_COST]: '10' } }),
    highCost: pod('high-deletion-cost', { node: 'node', phase: 'Running', ready: true, restarts: [0], readySince: now, created: then1Month, annotations: { [POD_DELETION_COST]: '100' } }),
    unscheduled5h: pod('unscheduled-5-hours', { phase: 'Pending', readySince: then5Hours, created: then5Hours }),
    unscheduled8h: pod('unscheduled-10-hours', { phase: 'Pending', readySince: then8Hours, created: then8Hours }),
    ready2h: pod('ready-2-hours', { phase: 'Running', ready: true, restarts: [0], readySince: then2Hours, created: then1Month }),
    ready5h: pod('ready-5-hours', { phase: 'Running', ready: true, restarts: [0], readySince: then5Hours, created: then1Month }),
    ready8h: pod('ready-10-hours', { phase: 'Running', ready: true, restarts: [0], readySince: then8Hours, created: then1Month }),
  };

  const equal: [KObject, KObject][] = [
    [P.unscheduled, P.unscheduled],
    [P.scheduledPending, P.scheduledPending],
    [P.unknownPhase, P.unknownPhase],
    [P.runningNotReady, P.runningNotReady],
    [P.readyNowCreatedThen, P.readyNowCreatedThen],
    [P.readyNow, P.readyNow],
    [P.readyThen, P.readyThen],
    [P.readyNowHighRestarts, P.readyNowHighRestarts],
    // Same log2 bucket of age (and equal UIDs): equivalent.
    [P.unscheduled5h, P.unscheduled8h],
    [P.ready5h, P.ready8h],
  ];
  it.each(equal.map(([a, b]) => [a.metadata.name, b.metadata.name, a, b] as const))('%s ≡ %s', (_a, _b, a, b) => {
    expect(deleteBefore({ pod: a, rank: 1 }, { pod: b, rank: 1 }, NOW)).toBe(false);
    expect(deleteBefore({ pod: b, rank: 1 }, { pod: a, rank: 1 }, NOW)).toBe(false);
  });

  const lesser: [KObject, number, KObject, number][] = [
    [P.unscheduled, 1, P.scheduledPending, 2],
    [P.unscheduled, 2, P.scheduledPending, 1],
    [P.scheduledPending, 1, P.unknownPhase, 2],
    [P.unknownPhase, 1, P.runningNotReady, 2],
    [P.runningNotReady, 1, P.readyNoLTT, 1],
    [P.readyNoLTT, 1, P.readyNow, 1],
    [P.readyNow, 2, P.readyNoLTT, 1],
    [P.readyNow, 1, P.readyThen, 1],
    [P.readyNow, 2, P.readyThen, 1],
    [P.readyNowHighRestarts, 1, P.readyNow, 1],
    [P.readyNow, 2, P.readyNowHighRestarts, 1],
    [P.readyNow, 1, P.readyNowCreatedThen, 1],
    [P.readyNowCreatedThen, 2, P.readyNow, 1],
    [P.lowCost, 2, P.highCost, 1],
    [P.ready2h, 1, P.ready5h, 1],
  ];
  it.each(lesser.map(([a, ra, b, rb]) => [a.metadata.name, ra, b.metadata.name, rb, a, b] as const))(
    '%s (rank %i) before %s (rank %i)',
    (_a, ra, _b, rb, a, b) => {
      expect(deleteBefore({ pod: a, rank: ra }, { pod: b, rank: rb }, NOW)).toBe(true);
      expect(deleteBefore({ pod: b, rank: rb }, { pod: a, rank: ra }, NOW)).toBe(false);
    },
  );

  it('breaks a same-bucket tie by UID', () => {
    const a = pod('a', { phase: 'Running', node: 'n', created: then5Hours, uid: 'aaa' });
    const b = pod('b', { phase: 'Running', node: 'n', created: then8Hours, uid: 'bbb' });
    expect(deleteBefore({ pod: a, rank: 0 }, { pod: b, rank: 0 }, NOW)).toBe(true);
    expect(deleteBefore({ pod: b, rank: 0 }, { pod: a, rank: 0 }, NOW)).toBe(false);
  });

  it('compares sidecar restarts after regular ones', () => {
    const withSidecar = (name: string, restarts: number): KObject => {
      const p = pod(name, { phase: 'Running', node: 'n' });
      p['spec'].initContainers = [{ name: 'proxy', restartPolicy: 'Always' }, { name: 'init' }];
      p['status'].initContainerStatuses = [{ name: 'proxy', restartCount: restarts }, { name: 'init', restartCount: 50 }];
      return p;
    };
    expect(deleteBefore({ pod: withSidecar('x', 3), rank: 0 }, { pod: withSidecar('y', 1), rank: 0 }, NOW)).toBe(true);
    expect(deleteBefore({ pod: withSidecar('y', 1), rank: 0 }, { pod: withSidecar('x', 3), rank: 0 }, NOW)).toBe(false);
  });
});

describe('pod-deletion-cost annotation', () => {
  it.each([
    ['10', 10],
    ['-5', -5],
    ['-007', -7],
    ['0', 0],
    ['+10', 0],
    ['007', 0],
    ['abc', 0],
    ['', 0],
    ['2147483647', 2147483647],
    ['2147483648', 0],
  ])('%j → %i', (v, want) => {
    expect(deletionCost(pod('p', { annotations: { [POD_DELETION_COST]: v } }))).toBe(want);
  });
});

describe('getPodsToDelete (replica_set_test.go TestGetPodsToDelete)', () => {
  const unscheduledPending = pod('unscheduled-pending-pod', { phase: 'Pending' });
  const scheduledPending = pod('scheduled-pending-pod', { phase: 'Pending', node: 'fake-node' });
  const runningNotReady = pod('scheduled-running-not-ready-pod', { phase: 'Running', node: 'fake-node' });
  runningNotReady['status'].conditions = [{ type: 'Ready', status: 'False' }];
  const readyOnNode1 = pod('scheduled-running-ready-pod-on-node-1', { phase: 'Running', node: 'fake-node-1', ready: true });
  const readyOnNode2 = pod('scheduled-running-ready-pod-on-node-2', { phase: 'Running', node: 'fake-node-2', ready: true });

  const cases: { name: string; pods: KObject[]; related?: KObject[]; diff: number; want: KObject[] }[] = [
    { name: 'len(pods) = 0', pods: [], diff: 0, want: [] },
    { name: 'diff = len(pods)', pods: [runningNotReady, readyOnNode1], diff: 2, want: [runningNotReady, readyOnNode1] },
    { name: 'diff < len(pods)', pods: [readyOnNode1, runningNotReady], diff: 1, want: [runningNotReady] },
    {
      name: 'various phases, diff = len(pods): no sorting',
      pods: [readyOnNode1, readyOnNode1, readyOnNode2, runningNotReady, scheduledPending, unscheduledPending],
      diff: 6,
      want: [readyOnNode1, readyOnNode1, readyOnNode2, runningNotReady, scheduledPending, unscheduledPending],
    },
    {
      name: 'various phases, diff = len(pods), related empty',
      pods: [readyOnNode1, readyOnNode1, readyOnNode2, runningNotReady, scheduledPending, unscheduledPending],
      related: [],
      diff: 6,
      want: [readyOnNode1, readyOnNode1, readyOnNode2, runningNotReady, scheduledPending, unscheduledPending],
    },
    { name: 'scheduled vs unscheduled', pods: [scheduledPending, unscheduledPending], diff: 1, want: [unscheduledPending] },
    { name: 'ready vs not-ready', pods: [readyOnNode1, runningNotReady, runningNotReady], diff: 2, want: [runningNotReady, runningNotReady] },
    {
      name: 'ready and colocated with another ready pod vs not colocated',
      pods: [readyOnNode1, readyOnNode2],
      related: [readyOnNode1, readyOnNode2, readyOnNode2],
      diff: 1,
      want: [readyOnNode2],
    },
    { name: 'pending vs running', pods: [scheduledPending, runningNotReady], diff: 1, want: [scheduledPending] },
    {
      name: 'various phases, diff < len(pods)',
      pods: [readyOnNode1, readyOnNode2, runningNotReady, scheduledPending, unscheduledPending],
      diff: 3,
      want: [unscheduledPending, scheduledPending, runningNotReady],
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const got = getPodsToDelete(c.pods, c.related ?? c.pods, c.diff, NOW);
    expect(got.map((p) => p.metadata.name)).toEqual(c.want.map((p) => p.metadata.name));
  });

  it('ranks count only active related pods on the same node', () => {
    const gone = pod('gone', { phase: 'Succeeded', node: 'fake-node-1' });
    const ranks = rankByRelatedPodsOnSameNode([readyOnNode1, readyOnNode2], [readyOnNode1, gone, readyOnNode2, readyOnNode2]);
    expect(ranks.map((r) => r.rank)).toEqual([1, 2]);
  });
});
