// What the kubelet writes of a pod's status: one write per instant (its status manager reports what
// one sync did at once), the accepted pod's ContainerCreating first.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { podStatus } from '../../../src/controllers/kubelet/status.js';
import type { MemoryStore } from '../../../src/store/memory-store.js';
import { podManifest, pods, testCluster, type TestCluster } from './helpers.js';

/** The pod as each write of it left it: [status cell, pod IP] per write. */
function writesOf(c: TestCluster, name: string, act: () => void): [string, string][] {
  const store = c.api.store as MemoryStore;
  const seen: [string, string][] = [];
  const update = store.update.bind(store);
  const create = store.create.bind(store);
  const note = (o: KObject) => {
    if (o.kind === 'Pod' && o.metadata.name === name) {
      const s = o['status']?.containerStatuses?.[0]?.state ?? {};
      const cell = s.running ? 'Running' : s.terminated ? s.terminated.reason : (s.waiting?.reason ?? o['status']?.phase ?? 'Pending');
      seen.push([cell, o['status']?.podIP ?? '']);
    }
  };
  store.update = (k, o, rv) => {
    const out = update(k, o, rv);
    note(out);
    return out;
  };
  store.create = (k, o) => {
    const out = create(k, o);
    note(out);
    return out;
  };
  act();
  return seen;
}

describe('kubelet status writes', () => {
  it('instant: ContainerCreating, then Running with its IP in one write', () => {
    const c = testCluster('instant');
    const writes = writesOf(c, 'web', () => {
      c.api.create(pods, podManifest('web'));
      c.sync();
    });
    expect(writes).toEqual([
      ['Pending', ''],
      ['ContainerCreating', ''],
      ['Running', '10.244.1.2'],
    ]);
  });

  it('instant: a short-lived container goes from ContainerCreating to Completed', () => {
    const c = testCluster('instant');
    const writes = writesOf(c, 'job', () => {
      c.api.create(pods, podManifest('job', { image: 'busybox:1.36', restartPolicy: 'Never', command: ['true'] }));
      c.sync();
    });
    expect(writes.map(([cell]) => cell)).toEqual(['Pending', 'ContainerCreating', 'Completed']);
  });

  it('realistic: each stage at its own time is its own write, in order, also when caught up at once', () => {
    const c = testCluster('realistic');
    const writes = writesOf(c, 'web', () => {
      c.api.create(pods, podManifest('web', { image: 'nginx:1.27' })); // not on the node: pulled (4 s)
      c.advance(60_000); // one pass replays every stage that fell due
    });
    expect(writes).toEqual([
      ['Pending', ''],
      ['ContainerCreating', ''],
      ['ContainerCreating', '10.244.1.2'],
      ['Running', '10.244.1.2'],
    ]);
  });
});

describe('what statuses share', () => {
  it('pods of one node share one hostIPs list (the store shares parts only among recent ones)', () => {
    const status = (name: string, hostIP: string) =>
      podStatus({ metadata: { name }, spec: { containers: [] } }, { init: [], containers: [], sandboxReady: true, hostIP, podIP: `10.244.1.${name.length}`, now: '2026-01-01T00:00:00Z' });
    const [a, b, other] = [status('a', '172.18.0.2'), status('bb', '172.18.0.2'), status('c', '172.18.0.3')];
    expect(a.hostIPs).toEqual([{ ip: '172.18.0.2' }]);
    expect(b.hostIPs).toBe(a.hostIPs);
    expect(other.hostIPs).toEqual([{ ip: '172.18.0.3' }]);
    expect(b.podIPs).toEqual([{ ip: '10.244.1.2' }]);
  });
});
