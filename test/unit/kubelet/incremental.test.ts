// The kubelet looks only at pods that may have something due (src/controllers/kubelet/settled.ts):
// the same commands on a store that cannot say what changed (so every pass looks at every pod) must
// leave exactly the same cluster.

import { describe, expect, it } from 'vitest';
import { findResource } from '../../../src/api/registry.js';
import type { KObject } from '../../../src/api/types.js';
import { kubeletController } from '../../../src/controllers/kubelet/index.js';
import { kubeletState, podsToVisit } from '../../../src/controllers/kubelet/settled.js';
import { loadFaults } from '../../../src/sim/faults.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { nodes, podManifest, pods, testCluster, type TestCluster } from './helpers.js';

/** A store without a change log: the kubelet falls back to looking at every pod in every pass. */
class NoHistoryStore extends MemoryStore {
  override changesSince(): undefined {
    return undefined;
  }
}

const configMaps = findResource('configmaps')!;

function setReady(c: TestCluster, node: string, status: string): void {
  const n = c.api.get(nodes, undefined, node);
  n['status'].conditions = n['status'].conditions.map((x: KObject) => (x['type'] === 'Ready' ? { ...x, status } : x));
  c.api.updateStatus(nodes, n);
}

/** A mix of pods that settle, wait on a ConfigMap, crash-loop, fail pulls and get deleted, with time passing. */
function story(c: TestCluster): void {
  const withConfig = podManifest('cfg');
  withConfig['spec'].containers[0].env = [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }];
  c.api.create(pods, withConfig);
  const crash = podManifest('crash', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'], restartPolicy: 'OnFailure' });
  crash.metadata.annotations = { 'kube-lite.dev/exit-code': '1', 'kube-lite.dev/run-duration': '2s' };
  c.api.create(pods, crash);
  c.api.create(pods, podManifest('pullfail', { image: 'no-such-registry.invalid/app:1' }));
  for (let i = 0; i < 6; i++) c.api.create(pods, podManifest(`web-${i}`, { node: i % 2 ? 'kube-lite-worker' : 'kube-lite-worker2' }));
  c.advance(3_000);
  c.api.create(pods, podManifest('late', { initImage: 'busybox:1.36' }));
  c.advance(12_000);
  setReady(c, 'kube-lite-worker2', 'Unknown');
  c.api.delete(pods, 'default', 'web-0');
  c.advance(20_000);
  c.api.create(configMaps, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { k: 'v' } });
  c.advance(5_000);
  setReady(c, 'kube-lite-worker2', 'True');
  c.api.delete(pods, 'default', 'web-1');
  c.advance(1_000);
  for (let i = 0; i < 10; i++) c.advance(7_000);
  c.api.create(pods, podManifest('web-1'));
  c.advance(60_000);
}

describe('the kubelet between passes', () => {
  for (const profile of ['realistic', 'instant'] as const) {
    it(`leaves the same cluster as looking at every pod every pass (${profile})`, () => {
      const incremental = testCluster(profile);
      const full = testCluster(profile, new NoHistoryStore());
      story(incremental);
      story(full);
      // Every object and meta value the same (named when one is not: the whole dump is long).
      const entries = (c: TestCluster) => {
        const { objects, meta, revision } = (c.api.store as MemoryStore).snapshot();
        const out = new Map<string, string>([['revision', String(revision)]]);
        for (const [r, bucket] of Object.entries(objects)) for (const [k, o] of Object.entries(bucket)) out.set(`${r} ${k}`, JSON.stringify(o));
        for (const [k, v] of Object.entries(meta)) out.set(`meta ${k}`, JSON.stringify(v));
        return out;
      };
      const a = entries(incremental);
      const b = entries(full);
      expect([...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k))).toEqual([]);
      expect(a.size).toBeGreaterThan(50);
      // (and the story did what it says)
      expect(incremental.pod('cfg')!['status'].containerStatuses[0].state.running).toBeDefined();
      expect(incremental.pod('crash')!['status'].containerStatuses[0].restartCount).toBeGreaterThan(1);
      expect(incremental.pod('web-0')).toBeUndefined();
    });
  }
});

describe('the pods a pass looks at', () => {
  it('not those it wrote last itself, settled as written; those written by another since, and those on a changed node', () => {
    const c = testCluster('instant');
    for (const name of ['a', 'b', 'c']) c.api.create(pods, podManifest(name, { node: name === 'c' ? 'kube-lite-worker2' : 'kube-lite-worker' }));
    kubeletController(c.api); // starts them: the last write of each is its own
    const state = kubeletState(c.api);
    const faultsKey = JSON.stringify(loadFaults(c.api.store));
    const visit = () => podsToVisit(c.api, state, faultsKey, () => {}).map((p) => p.metadata.name);
    expect(visit()).toEqual([]);
    const b = c.api.get(pods, 'default', 'b');
    c.api.update(pods, { ...b, metadata: { ...b.metadata, labels: { x: 'y' } } });
    expect(visit()).toEqual(['b']);
    const node = c.api.get(nodes, undefined, 'kube-lite-worker2');
    c.api.update(nodes, { ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, x: 'y' } } });
    expect(visit()).toEqual(['c']);
  });
});
