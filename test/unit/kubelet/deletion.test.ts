// Graceful pod deletion: the API server's half (deletionTimestamp, grace periods) and the kubelet's
// (Killing events, removal once the grace period is over).

import { describe, expect, it } from 'vitest';
import { podCells, podManifest, pods, T0, testCluster } from './helpers.js';

function runningPod(profile: 'instant' | 'realistic', name = 'web') {
  const c = testCluster(profile);
  c.api.create(pods, podManifest(name));
  c.advance(10_000);
  expect(podCells(c.pod(name)!, c.clock.ms).status).toBe('Running');
  return c;
}

describe('graceful deletion', () => {
  it('keeps a bound pod Terminating for its grace period in realistic timing', () => {
    const c = runningPod('realistic');
    const deleted = c.api.delete(pods, 'default', 'web');
    expect(deleted.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z');
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(30);
    c.sync();
    expect(podCells(c.pod('web')!, c.clock.ms).status).toBe('Terminating');
    expect(c.events('web').at(-1)).toBe('Killing: Stopping container nginx');
    expect(c.api.sim.nextWakeup()).toBe(T0 + 40_000);
    c.advance(29_000);
    expect(c.pod('web')).toBeDefined();
    expect(c.events('web').filter((e) => e.startsWith('Killing'))).toHaveLength(1);
    c.advance(1_000);
    expect(c.pod('web')).toBeUndefined();
    // Events outlive the pod, as on a cluster.
    expect(c.events('web').at(-1)).toBe('Killing: Stopping container nginx');
  });

  it('removes the pod within the same reconcile in instant timing', () => {
    const c = runningPod('instant');
    const deleted = c.api.delete(pods, 'default', 'web');
    expect(deleted.metadata.deletionGracePeriodSeconds).toBe(30);
    c.sync();
    expect(c.pod('web')).toBeUndefined();
    expect(c.events('web').at(-1)).toBe('Killing: Stopping container nginx');
  });

  it.each([
    ['the pod’s terminationGracePeriodSeconds', undefined, 5, 5],
    ['the request’s grace period over the pod’s', 3, 60, 3],
    ['--now (1s)', 1, undefined, 1],
  ])('uses %s', (_name, requested, podGrace, expected) => {
    const c = testCluster('realistic');
    const m = podManifest('web');
    if (podGrace !== undefined) m['spec'].terminationGracePeriodSeconds = podGrace;
    c.api.create(pods, m);
    c.advance(10_000);
    const d = c.api.delete(pods, 'default', 'web', requested === undefined ? {} : { gracePeriodSeconds: requested });
    expect(d.metadata.deletionGracePeriodSeconds).toBe(expected);
    c.advance(expected * 1000 - 1);
    expect(c.pod('web')).toBeDefined();
    c.advance(1);
    expect(c.pod('web')).toBeUndefined();
  });

  it('removes at once with grace period 0 (--grace-period=0 --force)', () => {
    const c = runningPod('realistic');
    c.api.delete(pods, 'default', 'web', { gracePeriodSeconds: 0 });
    expect(c.pod('web')).toBeUndefined();
  });

  it('removes unbound and finished pods at once', () => {
    const c = testCluster('realistic');
    const unbound = podManifest('pending');
    delete unbound['spec'].nodeName;
    c.api.create(pods, unbound);
    c.api.create(pods, podManifest('job', { image: 'busybox:1.36', restartPolicy: 'Never', command: ['true'] }));
    c.advance(60_000);
    expect(podCells(c.pod('job')!, c.clock.ms).status).toBe('Completed');
    c.api.delete(pods, 'default', 'pending');
    c.api.delete(pods, 'default', 'job');
    expect(c.pod('pending')).toBeUndefined();
    expect(c.pod('job')).toBeUndefined();
  });

  it('only shortens a deletion under way, counting from when it began', () => {
    const c = runningPod('realistic');
    c.api.delete(pods, 'default', 'web');
    c.advance(5_000);
    const again = c.api.delete(pods, 'default', 'web');
    expect(again.metadata.deletionTimestamp).toBe('2026-01-01T00:00:40Z');
    const longer = c.api.delete(pods, 'default', 'web', { gracePeriodSeconds: 100 });
    expect(longer.metadata.deletionGracePeriodSeconds).toBe(30);
    const shorter = c.api.delete(pods, 'default', 'web', { gracePeriodSeconds: 10 });
    expect(shorter.metadata).toMatchObject({ deletionTimestamp: '2026-01-01T00:00:20Z', deletionGracePeriodSeconds: 10 });
    c.advance(4_999);
    expect(c.pod('web')).toBeDefined();
    c.advance(1);
    expect(c.pod('web')).toBeUndefined();
    expect(c.events('web').filter((e) => e.startsWith('Killing'))).toEqual(['Killing: Stopping container nginx']);
  });

  it('keeps a Terminating pod through status and label updates', () => {
    const c = runningPod('realistic');
    c.api.delete(pods, 'default', 'web');
    const p = c.pod('web')!;
    p.metadata.labels = { app: 'other' };
    c.api.update(pods, p);
    c.api.updateStatus(pods, c.pod('web')!);
    expect(c.pod('web')!.metadata.labels).toEqual({ app: 'other' });
  });

  it('leaves a pod with finalizers in place until they are removed', () => {
    const c = testCluster('realistic');
    const m = podManifest('web');
    m.metadata.finalizers = ['example.com/keep'];
    c.api.create(pods, m);
    c.advance(10_000);
    c.api.delete(pods, 'default', 'web');
    c.advance(30_000);
    const held = c.pod('web')!;
    expect(held.metadata.deletionGracePeriodSeconds).toBe(0);
    expect(podCells(held, c.clock.ms).status).toBe('Terminating');
    held.metadata.finalizers = [];
    c.api.update(pods, held);
    expect(c.pod('web')).toBeUndefined();
  });

  it('does not stop what never started', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web'));
    c.advance(2_000); // pulling
    c.api.delete(pods, 'default', 'web');
    c.advance(30_000);
    expect(c.pod('web')).toBeUndefined();
    expect(c.events('web').some((e) => e.startsWith('Killing'))).toBe(false);
  });

  it('leaves pods on a NotReady node Terminating', () => {
    const c = runningPod('instant');
    const nodes = c.api.resource('nodes');
    const node = c.api.get(nodes, undefined, 'kube-lite-worker');
    node['status'].conditions = node['status'].conditions.map((x: any) => (x.type === 'Ready' ? { ...x, status: 'Unknown' } : x));
    c.api.updateStatus(nodes, node);
    c.api.delete(pods, 'default', 'web');
    c.advance(60_000);
    expect(podCells(c.pod('web')!, c.clock.ms).status).toBe('Terminating');
  });

  it('empties a namespace being deleted (its Killing events refused, as the API server does)', () => {
    const c = testCluster('instant');
    const ns = c.api.resource('namespaces');
    c.api.create(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    c.sync();
    const m = podManifest('web');
    m.metadata.namespace = 'team';
    c.api.create(pods, m);
    c.sync();
    c.api.delete(ns, undefined, 'team');
    c.sync();
    expect(c.api.list(pods, 'team')).toEqual([]);
    expect(c.api.tryGet(ns, undefined, 'team')).toBeUndefined();
  });
});
