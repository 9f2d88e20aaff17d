// Ordinal/ordering logic of the StatefulSet controller (plan.ts) and the shared revision history.

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { fnv132, hashRevision, nextRevision, revisionName, sortRevisions, templatePatch } from '../../../src/controllers/history/index.js';
import { claimsFor, newPod, parentAndOrdinal } from '../../../src/controllers/statefulset/kind.js';
import { countPods, maxUnavailable, planSync, revisionForNewPod } from '../../../src/controllers/statefulset/plan.js';

const NOW = Date.parse('2026-01-01T00:01:00Z');
const READY_AT = '2026-01-01T00:00:00Z';

function sts(spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', generation: 1 },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } },
      template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      ...spec,
    },
    status,
  };
}

function pod(ord: number, opts: { ready?: boolean; rev?: string; deleting?: boolean; phase?: string } = {}): KObject {
  const ready = opts.ready ?? true;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-${ord}`,
      namespace: 'default',
      labels: { app: 'nginx', 'controller-revision-hash': opts.rev ?? 'web-new' },
      ...(opts.deleting ? { deletionTimestamp: READY_AT } : {}),
    },
    spec: {},
    status: {
      phase: opts.phase ?? (ready ? 'Running' : 'Pending'),
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: READY_AT }],
    },
  };
}

const summary = (steps: ReturnType<typeof planSync>) =>
  steps.map((s) => (s.type === 'create' ? `create ${s.ordinal}` : `delete ${s.pod.metadata.name}`));

describe('StatefulSet ordinals', () => {
  it('parses names into parent and ordinal', () => {
    expect(parentAndOrdinal('web-12')).toEqual(['web', 12]);
    expect(parentAndOrdinal('my-db-0')).toEqual(['my-db', 0]);
    expect(parentAndOrdinal('web')).toBeUndefined();
  });

  it('builds the pod identity and claims', () => {
    const set = sts();
    const p = newPod(set, set['spec'].template, 2, 'web-abc');
    expect(p.metadata.name).toBe('web-2');
    expect(p.metadata.labels).toEqual({
      app: 'nginx',
      'controller-revision-hash': 'web-abc',
      'statefulset.kubernetes.io/pod-name': 'web-2',
      'apps.kubernetes.io/pod-index': '2',
    });
    expect(p['spec'].hostname).toBe('web-2');
    expect(p['spec'].subdomain).toBe('nginx');
    expect(p['spec'].volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }]);
    expect(claimsFor(set, 2).map((c) => [c.metadata.name, c.metadata.labels])).toEqual([['www-web-2', { app: 'nginx' }]]);
  });
});

describe('planSync', () => {
  it('OrderedReady creates one pod at a time, each after its predecessor is ready', () => {
    expect(summary(planSync(sts(), [], 'web-new', NOW))).toEqual(['create 0']);
    expect(summary(planSync(sts(), [pod(0, { ready: false })], 'web-new', NOW))).toEqual([]);
    expect(summary(planSync(sts(), [pod(0)], 'web-new', NOW))).toEqual(['create 1']);
  });

  it('OrderedReady waits for minReadySeconds', () => {
    const set = sts({ minReadySeconds: 120 });
    expect(summary(planSync(set, [pod(0)], 'web-new', NOW))).toEqual([]);
  });

  it('Parallel creates every missing ordinal and deletes every condemned pod at once', () => {
    expect(summary(planSync(sts({ podManagementPolicy: 'Parallel' }), [pod(1, { ready: false })], 'web-new', NOW))).toEqual(['create 0', 'create 2']);
    const down = sts({ podManagementPolicy: 'Parallel', replicas: 1 });
    expect(summary(planSync(down, [pod(0), pod(1), pod(2)], 'web-new', NOW))).toEqual(['delete web-2', 'delete web-1']);
  });

  it('scales down in reverse ordinal order, one at a time', () => {
    const set = sts({ replicas: 1 });
    expect(summary(planSync(set, [pod(0), pod(1), pod(2)], 'web-new', NOW))).toEqual(['delete web-2']);
    expect(summary(planSync(set, [pod(0), pod(1), pod(2, { deleting: true })], 'web-new', NOW))).toEqual([]);
  });

  it('rolls out from the highest ordinal down to the partition', () => {
    const pods = [pod(0, { rev: 'old' }), pod(1, { rev: 'old' }), pod(2, { rev: 'old' })];
    expect(summary(planSync(sts(), pods, 'web-new', NOW))).toEqual(['delete web-2']);
    const part = sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(summary(planSync(part, [pod(0, { rev: 'old' }), pod(1, { rev: 'old' }), pod(2)], 'web-new', NOW))).toEqual([]);
    // An unhealthy pod uses up maxUnavailable.
    expect(summary(planSync(sts({ podManagementPolicy: 'Parallel' }), [pod(0, { rev: 'old' }), pod(1, { rev: 'old', ready: false }), pod(2, { rev: 'old' })], 'web-new', NOW))).toEqual([]);
    // maxUnavailable 2 deletes two at once.
    const two = sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 2 } } });
    expect(maxUnavailable(two)).toBe(2);
    expect(summary(planSync(two, pods, 'web-new', NOW))).toEqual(['delete web-2', 'delete web-1']);
  });

  it('OnDelete never deletes for an update; new pods use the update revision', () => {
    const set = sts({ updateStrategy: { type: 'OnDelete' } });
    expect(summary(planSync(set, [pod(0, { rev: 'old' }), pod(1, { rev: 'old' }), pod(2, { rev: 'old' })], 'web-new', NOW))).toEqual([]);
    expect(revisionForNewPod(set, 0)).toBe('update');
    expect(revisionForNewPod(sts({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } }), 1)).toBe('current');
  });

  it('replaces a failed pod under the same name', () => {
    expect(summary(planSync(sts(), [pod(0, { phase: 'Failed', ready: false })], 'web-new', NOW))).toEqual(['delete web-0']);
  });

  it('counts status over the pods', () => {
    const c = countPods([pod(0, { rev: 'a' }), pod(1, { rev: 'b', ready: false }), pod(2, { rev: 'b', deleting: true })], 0, NOW, 'a', 'b');
    expect(c).toEqual({ replicas: 3, readyReplicas: 2, availableReplicas: 2, currentReplicas: 1, updatedReplicas: 1 });
  });
});

describe('revision history', () => {
  it('hashes with FNV-1 and the collision count as decimal text', () => {
    // FNV-1 32 of "a" is 0x050c5d7e.
    expect(fnv132(new TextEncoder().encode('a'))).toBe(0x050c5d7e);
    const data = templatePatch(sts());
    expect(hashRevision(data, 0)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(hashRevision(data, 0)).not.toBe(hashRevision(data, 1));
    expect(hashRevision(data, 0)).toBe(hashRevision(templatePatch(sts({ replicas: 7 })), 0));
    expect(revisionName('web', 'abc')).toBe('web-abc');
  });

  it('numbers and sorts revisions', () => {
    const r = (name: string, revision: number): KObject => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name }, revision });
    expect(nextRevision([])).toBe(1);
    expect(nextRevision([r('a', 3), r('b', 1)])).toBe(4);
    expect(sortRevisions([r('b', 2), r('a', 2), r('c', 1)]).map((x) => x.metadata.name)).toEqual(['c', 'a', 'b']);
  });
});
