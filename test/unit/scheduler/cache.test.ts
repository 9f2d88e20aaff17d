// The scheduler cache: NodeInfos kept from pass to pass must always be what a snapshot built afresh
// from the same listing has, and a pod that did not change what it takes from its node must not be
// counted again.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { diffSnapshots, SchedulerCache } from '../../../src/controllers/scheduler/cache.js';
import { buildSnapshot, type NodeInfo } from '../../../src/controllers/scheduler/framework.js';
import { spreadScores } from '../../../src/controllers/scheduler/podtopologyspread.js';
import { node, requesting } from './helpers.js';

/** The cluster as listed in one pass: nodes and pods, changed between passes as the store would (new objects). */
interface World {
  nodes: KObject[];
  pods: KObject[];
}

const bound = (name: string, nodeName: string, labels: Record<string, string> = { app: 'web' }, cpu = '100m'): KObject => {
  const p = requesting(name, { cpu });
  return { ...p, metadata: { ...p.metadata, labels }, spec: { ...p['spec'], nodeName }, status: { phase: 'Running' } };
};
const ports = (name: string, nodeName: string, hostPort: number): KObject => {
  const p = bound(name, nodeName);
  return { ...p, spec: { ...p['spec'], containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort }] }] } };
};

/** Replaces a pod as a write would: a new object, sharing what `change` does not replace. */
const update = (w: World, name: string, change: (p: KObject) => KObject): World => ({ ...w, pods: w.pods.map((p) => (p.metadata.name === name ? change(p) : p)) });
const status = (phase: string) => (p: KObject) => ({ ...p, metadata: { ...p.metadata }, status: { phase } });

/** Asks "pods matching app=web" of every node, so that the counts kept on NodeInfos are checked too. */
const countWeb = (infos: NodeInfo[]) => {
  const asking = { ...bound('asking', ''), spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] } };
  spreadScores(undefined as never, asking, infos, infos);
};

const start: World = {
  nodes: [node('b'), node('a')],
  pods: [bound('p1', 'a'), bound('p2', 'b'), bound('p3', 'a', { app: 'other' }), requesting('pending', { cpu: '1' }), ports('hp', 'b', 8080)],
};

type Step = [string, (w: World) => World];

const steps: Step[] = [
  ['nothing changed', (w) => w],
  ['a status update (same spec and labels)', (w) => update(w, 'p1', status('Running'))],
  ['a pending pod is bound', (w) => update(w, 'pending', (p) => ({ ...p, spec: { ...p['spec'], nodeName: 'b' }, status: { phase: 'Pending' } }))],
  ['a new pod appears bound', (w) => ({ ...w, pods: [...w.pods, bound('p4', 'b')] })],
  ['labels change', (w) => update(w, 'p3', (p) => ({ ...p, metadata: { ...p.metadata, labels: { app: 'web' } } }))],
  ['deletion starts (deletionTimestamp)', (w) => update(w, 'p2', (p) => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } }))],
  ['requests change (a resize: a new spec)', (w) => update(w, 'p4', (p) => bound('p4', 'b', p.metadata.labels, '2'))],
  ['a pod finishes (Succeeded)', (w) => update(w, 'p1', status('Succeeded'))],
  ['a pod is deleted', (w) => ({ ...w, pods: w.pods.filter((p) => p.metadata.name !== 'p2') })],
  ['a pod with a host port is deleted', (w) => ({ ...w, pods: w.pods.filter((p) => p.metadata.name !== 'hp') })],
  ['a node changes (allocatable)', (w) => ({ ...w, nodes: [node('b', { allocatable: { cpu: '2', memory: '1Gi', pods: '5' } }), w.nodes[1]!] })],
  ['a node is added', (w) => ({ ...w, nodes: [...w.nodes, node('c')], pods: [...w.pods, bound('c1', 'c')] })],
  ['a node is removed (its pods stay, counted nowhere)', (w) => ({ ...w, nodes: w.nodes.filter((n) => n.metadata.name !== 'a') })],
  ['all pods are deleted', (w) => ({ ...w, pods: [] })],
];

describe('SchedulerCache.update', () => {
  it('after every change, has what a snapshot built afresh has', () => {
    const cache = SchedulerCache.of({ sim: { memo: new Map() } } as never);
    let w = start;
    for (const [name, change] of steps) {
      w = change(w);
      const { nodeInfos, uncounted } = cache.update(w.nodes, w.pods);
      const fresh = buildSnapshot(w.nodes, w.pods);
      expect(diffSnapshots(nodeInfos, fresh), name).toBeUndefined();
      const counted = new Set(fresh.flatMap((ni) => ni.pods));
      expect(uncounted.map((p) => p.metadata.name), name).toEqual(w.pods.filter((p) => !counted.has(p)).map((p) => p.metadata.name));
      countWeb(nodeInfos);
    }
  });

  it('keeps a node as it is when its pods only had their status updated', () => {
    const cache = SchedulerCache.of({ sim: { memo: new Map() } } as never);
    const first = cache.update(start.nodes, start.pods).nodeInfos;
    countWeb(first);
    const a = first[0]!;
    const counts = a.matchCounts;
    const requested = a.requested.milliCPU;
    const w = update(start, 'p1', status('Running'));
    const next = cache.update(w.nodes, w.pods).nodeInfos;
    expect(next[0]).toBe(a);
    expect(a.matchCounts).toBe(counts); // not rebuilt
    expect(a.requested.milliCPU).toBe(requested); // not counted twice
    expect(a.pods).toContain(w.pods[0]);
    expect(a.pods).not.toContain(start.pods[0]);
  });

  it('a pod the pass bound (assume) is not counted again when listed', () => {
    const cache = SchedulerCache.of({ sim: { memo: new Map() } } as never);
    const { nodeInfos } = cache.update(start.nodes, start.pods);
    const b = nodeInfos.find((ni) => ni.name === 'b')!;
    const before = b.requested.milliCPU;
    const boundPod = { ...start.pods[3]!, spec: { ...start.pods[3]!['spec'], nodeName: 'b' } };
    cache.assume(b, boundPod);
    const w = { ...start, pods: start.pods.map((p) => (p === start.pods[3] ? boundPod : p)) };
    const after = cache.update(w.nodes, w.pods);
    expect(b.requested.milliCPU).toBe(before + 1000);
    expect(diffSnapshots(after.nodeInfos, buildSnapshot(w.nodes, w.pods))).toBeUndefined();
    expect(after.uncounted).toEqual([]);
  });

  it('is kept per command (api.sim.memo)', () => {
    const api = { sim: { memo: new Map() } } as never;
    expect(SchedulerCache.of(api)).toBe(SchedulerCache.of(api));
    expect(SchedulerCache.of({ sim: { memo: new Map() } } as never)).not.toBe(SchedulerCache.of(api));
  });
});

describe('diffSnapshots', () => {
  const a = () => buildSnapshot(start.nodes, start.pods);
  const table: [string, (infos: NodeInfo[]) => void, string][] = [
    ['a pod missing', (infos) => infos[0]!.pods.pop(), 'node a: pods'],
    ['requests off', (infos) => (infos[1]!.requested.milliCPU += 1), 'node b: requests'],
    ['a host port missing', (infos) => infos[1]!.usedPorts.pop(), 'node b: host ports'],
    ['a count off', (infos) => infos[0]!.matchCounts!.forEach((e) => e.count++), 'node a: count of'],
  ];
  for (const [name, spoil, want] of table) {
    it(name, () => {
      const got = a();
      countWeb(got);
      spoil(got);
      expect(diffSnapshots(got, a())).toContain(want);
    });
  }
});
