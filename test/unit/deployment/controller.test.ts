// The deployment controller over an in-memory API server, with a stand-in for the ReplicaSet
// controller/scheduler/kubelet that makes every ReplicaSet's pods available at once.

import { describe, expect, it } from 'vitest';
import { deploymentController } from '../../../src/controllers/deployment/index.js';
import { computeHash } from '../../../src/controllers/deployment/hash.js';
import type { KObject } from '../../../src/api/types.js';
import {
  cluster,
  deployments,
  replicaSets,
  rsSizes,
  run,
  scalingEvents,
  setImage,
  T0,
  TestClock,
  webDeployment,
} from './helpers.js';

const REV = 'deployment.kubernetes.io/revision';
const web = (api: ReturnType<typeof cluster>) => api.get(deployments(api), 'default', 'web');
const rsByImage = (api: ReturnType<typeof cluster>, image: string): KObject =>
  api.list(replicaSets(api), 'default').find((r) => r['spec'].template.spec.containers[0].image === image)!;
const conds = (d: KObject) => (d['status'].conditions ?? []).map((c: { type: string; status: string; reason: string }) => `${c.type}=${c.status}/${c.reason}`);

describe('deployment controller', () => {
  it('creates the first ReplicaSet as a real cluster names and annotates it', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment());
    run(api);
    const d = web(api);
    const [r] = api.list(replicaSets(api), 'default');
    const hash = computeHash(d['spec'].template);
    expect(r!.metadata.name).toBe(`web-${hash}`);
    expect(r!.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(r!['spec'].selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(r!['spec'].template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(r!['spec'].replicas).toBe(3);
    expect(r!['spec']).not.toHaveProperty('minReadySeconds');
    expect(r!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      [REV]: '1',
    });
    expect(r!.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(d.metadata.annotations).toEqual({ [REV]: '1' });
    expect(scalingEvents(api)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);
    const msg = (type: string) => d['status'].conditions.find((c: { type: string }) => c.type === type).message;
    expect(conds(d)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
    expect(msg('Progressing')).toBe(`ReplicaSet "web-${hash}" has successfully progressed.`);
    expect(msg('Available')).toBe('Deployment has minimum availability.');
    const { conditions: _c, ...counts } = d['status'];
    expect(counts).toEqual({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    // Converged: another pass writes nothing.
    const rev = api.store.revision();
    deploymentController(api);
    expect(api.store.revision()).toBe(rev);
  });

  it('rolls out a new template one step per pass, with the events a cluster records', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment());
    run(api);
    const oldName = rsByImage(api, 'nginx:1.25').metadata.name;
    setImage(api, 'nginx:1.27');
    run(api);
    const newName = rsByImage(api, 'nginx:1.27').metadata.name;
    expect(scalingEvents(api)).toEqual([
      `Scaled up replica set ${oldName} from 0 to 3`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
    expect(rsSizes(api)).toEqual({ [oldName!]: 0, [newName!]: 3 });
    const d = web(api);
    expect(d.metadata.annotations![REV]).toBe('2');
    expect(rsByImage(api, 'nginx:1.27').metadata.annotations![REV]).toBe('2');
    expect(d['status'].observedGeneration).toBe(2);
    expect(d['status'].updatedReplicas).toBe(3);
    expect(conds(d)).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('maxUnavailable lets old pods go first (replicas 4, 25%/25%: surge 1, unavailable 1)', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment('nginx:1.25', { replicas: 4 }));
    run(api);
    const oldName = rsByImage(api, 'nginx:1.25').metadata.name;
    setImage(api, 'nginx:1.27');
    run(api);
    const newName = rsByImage(api, 'nginx:1.27').metadata.name;
    expect(scalingEvents(api).slice(1)).toEqual([
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 4 to 3`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 3 to 1`,
      `Scaled up replica set ${newName} from 2 to 4`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
  });

  it('reverting the template reuses the old ReplicaSet with a new revision and revision-history', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment());
    run(api);
    setImage(api, 'nginx:1.27');
    run(api);
    setImage(api, 'nginx:1.25');
    run(api);
    expect(api.list(replicaSets(api), 'default')).toHaveLength(2);
    const first = rsByImage(api, 'nginx:1.25');
    expect(first.metadata.annotations![REV]).toBe('3');
    expect(first.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(first['spec'].replicas).toBe(3);
    expect(rsByImage(api, 'nginx:1.27')['spec'].replicas).toBe(0);
    expect(web(api).metadata.annotations![REV]).toBe('3');
  });

  it('copies change-cause onto the new ReplicaSet, not last-applied-configuration', () => {
    const api = cluster();
    const d = webDeployment();
    d.metadata.annotations = { 'kubernetes.io/change-cause': 'first', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
    api.create(deployments(api), d);
    run(api);
    const r = rsByImage(api, 'nginx:1.25');
    expect(r.metadata.annotations!['kubernetes.io/change-cause']).toBe('first');
    expect(r.metadata.annotations).not.toHaveProperty('kubectl.kubernetes.io/last-applied-configuration');
  });

  it('keeps revisionHistoryLimit old ReplicaSets, deleting the lowest revisions', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment('v1', { revisionHistoryLimit: 1 }));
    run(api);
    for (const image of ['v2', 'v3', 'v4']) {
      setImage(api, image);
      run(api);
    }
    const left = api.list(replicaSets(api), 'default').map((r) => [r['spec'].template.spec.containers[0].image, r.metadata.annotations![REV]]);
    expect(left.sort()).toEqual([
      ['v3', '3'],
      ['v4', '4'],
    ]);
  });

  it('Recreate empties the old ReplicaSet, waits for its pods, then fills the new one', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment('nginx:1.25', { strategy: { type: 'Recreate' } }));
    run(api);
    const oldRS = rsByImage(api, 'nginx:1.25');
    // A pod of the old ReplicaSet that is still shutting down.
    if (!api.tryGet(api.resource('serviceaccounts'), 'default', 'default')) {
      api.create(api.resource('serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } });
    }
    api.create(api.resource('pods'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-old-pod',
        namespace: 'default',
        labels: { ...oldRS.metadata.labels },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: oldRS.metadata.name!, uid: oldRS.metadata.uid!, controller: true }],
      },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
    });
    setImage(api, 'nginx:1.27');
    run(api);
    expect(rsByImage(api, 'nginx:1.27')).toBeUndefined();
    expect(rsSizes(api)).toEqual({ [oldRS.metadata.name!]: 0 });
    api.delete(api.resource('pods'), 'default', 'web-old-pod');
    run(api);
    const newName = rsByImage(api, 'nginx:1.27').metadata.name;
    expect(scalingEvents(api).slice(1)).toEqual([
      `Scaled down replica set ${oldRS.metadata.name} from 3 to 0`,
      `Scaled up replica set ${newName} from 0 to 3`,
    ]);
    expect(conds(web(api))).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('a paused deployment only scales; resuming rolls out', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment());
    run(api);
    const d = structuredClone(web(api));
    d['spec'].paused = true;
    d['spec'].template.spec.containers[0].image = 'nginx:1.27';
    d['spec'].replicas = 5;
    api.update(deployments(api), d);
    run(api);
    expect(rsByImage(api, 'nginx:1.27')).toBeUndefined();
    expect(rsByImage(api, 'nginx:1.25')['spec'].replicas).toBe(5);
    const paused = web(api);
    expect(conds(paused)).toContain('Progressing=Unknown/DeploymentPaused');
    expect(paused['status'].conditions.find((c: { type: string }) => c.type === 'Progressing').message).toBe('Deployment is paused');
    const resumed = structuredClone(paused);
    resumed['spec'].paused = false;
    api.update(deployments(api), resumed);
    run(api);
    expect(rsByImage(api, 'nginx:1.27')['spec'].replicas).toBe(5);
    expect(rsByImage(api, 'nginx:1.25')['spec'].replicas).toBe(0);
    expect(conds(web(api))).toEqual(['Available=True/MinimumReplicasAvailable', 'Progressing=True/NewReplicaSetAvailable']);
  });

  it('scales proportionally when resized during a stuck rollout', () => {
    const api = cluster();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } };
    api.create(deployments(api), webDeployment('good', { replicas: 10, strategy }));
    const broken = new Set(['bad']);
    run(api, broken);
    setImage(api, 'bad');
    run(api, broken);
    const oldName = rsByImage(api, 'good').metadata.name!;
    const newName = rsByImage(api, 'bad').metadata.name!;
    // 13 - 8 - 5 = 0: the unavailable new pods stop further scale-down (rolling.go, case 1).
    expect(rsSizes(api)).toEqual({ [oldName]: 8, [newName]: 5 });
    const d = structuredClone(web(api));
    d['spec'].replicas = 20;
    api.update(deployments(api), d);
    run(api, broken);
    // +10 over 13 annotated max-replicas: old 8*23/13 → 14, new 5*23/13 → 9.
    expect(rsSizes(api)).toEqual({ [oldName]: 14, [newName]: 9 });
    expect(scalingEvents(api).slice(-2)).toEqual([
      `Scaled up replica set ${oldName} from 8 to 14`,
      `Scaled up replica set ${newName} from 5 to 9`,
    ]);
    for (const r of api.list(replicaSets(api), 'default')) {
      expect(r.metadata.annotations!['deployment.kubernetes.io/desired-replicas']).toBe('20');
      expect(r.metadata.annotations!['deployment.kubernetes.io/max-replicas']).toBe('23');
    }
  });

  it('reports ProgressDeadlineExceeded once the deadline passes without progress', () => {
    const clock = new TestClock(T0);
    const api = cluster(clock);
    api.create(deployments(api), webDeployment('good', { progressDeadlineSeconds: 60 }));
    const broken = new Set(['bad']);
    run(api, broken);
    setImage(api, 'bad');
    run(api, broken);
    const newName = rsByImage(api, 'bad').metadata.name;
    expect(conds(web(api))).toContain('Progressing=True/ReplicaSetUpdated');
    expect(api.sim.nextWakeup()).toBe(T0 + 61_000);
    clock.ms = T0 + 61_000;
    run(api, broken);
    const d = web(api);
    const p = d['status'].conditions.find((c: { type: string }) => c.type === 'Progressing');
    expect(p).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newName}" has timed out progressing.`,
      lastUpdateTime: '2026-01-01T00:01:01Z',
    });
    expect(p.lastTransitionTime).toBe('2026-01-01T00:01:01Z');
    expect(api.sim.nextWakeup()).toBeUndefined();
  });

  it('adopts a matching orphan ReplicaSet and releases one that stops matching', () => {
    const api = cluster();
    const d = webDeployment();
    api.create(replicaSets(api), {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'orphan', namespace: 'default', labels: { app: 'web' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: structuredClone(d['spec'].template) },
    });
    api.create(deployments(api), d);
    run(api);
    const rss = api.list(replicaSets(api), 'default');
    expect(rss.map((r) => r.metadata.name)).toEqual(['orphan']);
    expect(rss[0]!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', name: 'web', controller: true });
    expect(rss[0]!.metadata.annotations![REV]).toBe('1');
    // Relabel it out of the selector: released, and a new ReplicaSet takes over.
    const relabeled = structuredClone(rss[0]!);
    relabeled.metadata.labels = { app: 'other' };
    api.update(replicaSets(api), relabeled);
    run(api);
    const orphan = api.get(replicaSets(api), 'default', 'orphan');
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    expect(api.list(replicaSets(api), 'default')).toHaveLength(2);
  });

  it('bumps collisionCount when the hashed name is taken by another ReplicaSet', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment('nginx:1.25', { paused: true }));
    run(api);
    const template = web(api)['spec'].template;
    const taken = `web-${computeHash(template)}`;
    api.create(replicaSets(api), {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: taken, namespace: 'default', labels: { app: 'other' } },
      spec: { replicas: 0, selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } }, spec: template.spec } },
    });
    const d = structuredClone(web(api));
    d['spec'].paused = false;
    api.update(deployments(api), d);
    run(api);
    expect(web(api)['status'].collisionCount).toBe(1);
    expect(rsByImage(api, 'nginx:1.25').metadata.name).toBe(taken); // the squatter
    const mine = api.list(replicaSets(api), 'default').find((r) => r.metadata.name !== taken)!;
    expect(mine.metadata.name).toBe(`web-${computeHash(template, 1)}`);
    expect(mine['spec'].replicas).toBe(3);
  });

  it('gives the ReplicaSet the deployment minReadySeconds and keeps it in step', () => {
    const api = cluster();
    api.create(deployments(api), webDeployment('nginx:1.25', { minReadySeconds: 5 }));
    run(api);
    expect(rsByImage(api, 'nginx:1.25')['spec'].minReadySeconds).toBe(5);
    const d = structuredClone(web(api));
    d['spec'].minReadySeconds = 0;
    api.update(deployments(api), d);
    run(api);
    expect(rsByImage(api, 'nginx:1.25')['spec']).not.toHaveProperty('minReadySeconds');
  });

  it('reports a ReplicaSet it cannot create once, and settles', () => {
    const api = cluster();
    const d = webDeployment();
    d.metadata.name = 'x'.repeat(250); // the ReplicaSet name would pass 253 characters
    api.create(deployments(api), d);
    run(api);
    run(api);
    const stored = api.get(deployments(api), 'default', d.metadata.name);
    const p = stored['status'].conditions.find((c: { type: string }) => c.type === 'Progressing');
    expect(p).toMatchObject({ status: 'False', reason: 'ReplicaSetCreateError' });
    expect(p.message).toMatch(/^Failed to create new replica set "x{250}-[4-9b-df]+": /);
    const warnings = api.list(api.resource('events'), 'default').filter((e) => e['type'] === 'Warning');
    expect(warnings.map((e) => [e['reason'], e['count'], e['source'].component])).toEqual([['ReplicaSetCreateError', 1, 'deployment-controller']]);
  });

  it('only updates the status of a deployment being deleted', () => {
    const api = cluster();
    const d = webDeployment();
    d.metadata.finalizers = ['example.com/hold'];
    api.create(deployments(api), d);
    api.delete(deployments(api), 'default', 'web');
    run(api);
    expect(api.list(replicaSets(api), 'default')).toEqual([]);
    expect(conds(web(api))).toEqual(['Available=False/MinimumReplicasUnavailable']);
  });
});
