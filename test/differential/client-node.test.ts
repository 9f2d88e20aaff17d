// issue #7: a real client library against `kube-lite serve`. @kubernetes/client-node lists namespaces,
// creates a ConfigMap, merge-patches it, and watches pods while a Deployment scales up and down.
// Skips while `kube-lite serve` is not implemented.

import * as k8s from '@kubernetes/client-node';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENABLED, freshCluster, kubeLite, serveAvailability, snapshotBuild, startServe, type Served } from './harness.js';

const skipReason = ENABLED ? (snapshotBuild(), serveAvailability().reason) : 'run through `npm run test:differential`';
if (ENABLED && skipReason) console.warn(`[client-node] SKIPPED: ${skipReason}`);

/** Waits until `pred` holds, polling every 50 ms, for at most `ms`. */
async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

describe.skipIf(!!skipReason)('@kubernetes/client-node against kube-lite serve', () => {
  let served: Served;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  const mergePatch = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);

  beforeAll(async () => {
    const { home } = await freshCluster('client-node', [{ argv: ['get', 'ns', '-o', 'name'] }]);
    served = await startServe(home);
    kc = new k8s.KubeConfig();
    kc.loadFromFile(served.kubeconfig);
    // client-node refuses a plain-HTTP server unless the cluster says insecure-skip-tls-verify (checked
    // on its own below); set it here so the other checks exercise the API either way.
    kc.clusters = kc.clusters.map((c) => ({ ...c, skipTLSVerify: true }));
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
  });

  afterAll(async () => {
    if (!served) return;
    expect(await served.stop()).toBe(0);
    fs.rmSync(served.home, { recursive: true, force: true });
  });

  it('can use the kubeconfig serve wrote as it is (plain HTTP needs insecure-skip-tls-verify: true)', () => {
    const asWritten = new k8s.KubeConfig();
    asWritten.loadFromFile(served.kubeconfig);
    const cluster = asWritten.getCurrentCluster();
    expect(cluster?.server).toBe(served.url);
    if (cluster?.server.startsWith('http:')) expect(cluster.skipTLSVerify, 'kubeconfig cluster entry lacks insecure-skip-tls-verify: true').toBe(true);
  });

  it('lists namespaces', async () => {
    const list = await core.listNamespace();
    const names = list.items.map((n) => n.metadata?.name);
    expect(names).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    for (const ns of list.items) expect(ns.status?.phase).toBe('Active');
  });

  it('creates a ConfigMap and merge-patches it', async () => {
    const created = await core.createNamespacedConfigMap({
      namespace: 'default',
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', labels: { app: 'demo' } }, data: { color: 'blue', size: 'L' } },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toBeTruthy();
    expect(created.data).toEqual({ color: 'blue', size: 'L' });

    // JSON merge patch: change one key, delete one (null), add one, add a label.
    const patched = await core.patchNamespacedConfigMap(
      { name: 'settings', namespace: 'default', body: { metadata: { labels: { tier: 'fe' } }, data: { color: 'green', size: null, shape: 'round' } } },
      mergePatch,
    );
    expect(patched.data).toEqual({ color: 'green', shape: 'round' });
    expect(patched.metadata?.labels).toEqual({ app: 'demo', tier: 'fe' });
    expect(Number(patched.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));

    const read = await core.readNamespacedConfigMap({ name: 'settings', namespace: 'default' });
    expect(read.data).toEqual({ color: 'green', shape: 'round' });

    // An error comes back as a Status the client surfaces with its code.
    await expect(core.readNamespacedConfigMap({ name: 'nope', namespace: 'default' })).rejects.toMatchObject({ code: 404 });

    // kube-lite's own CLI sees the object the library wrote.
    const r = await kubeLite(served.home, { argv: ['get', 'cm', 'settings', '-o', 'jsonpath={.data.color},{.data.shape},{.metadata.labels.tier}'] });
    expect(r).toMatchObject({ code: 0, stdout: 'green,round,fe', stderr: '' });
  });

  it('creates from a body without apiVersion and kind (the apiserver takes them from the URL)', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'bare' }, data: { a: 'b' } } });
    expect(created).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bare' }, data: { a: 'b' } });
  });

  it('watches pods while a Deployment scales up and down', async () => {
    const events: { type: string; name: string }[] = [];
    let watchError: unknown;
    const watch = new k8s.Watch(kc);
    const ctl = await watch.watch(
      '/api/v1/namespaces/default/pods',
      { labelSelector: 'app=watched' },
      (type, obj: k8s.V1Pod) => events.push({ type, name: obj.metadata?.name ?? '' }),
      (err) => (watchError = err),
    );
    try {
      await apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'watched' },
          spec: {
            replicas: 1,
            selector: { matchLabels: { app: 'watched' } },
            template: { metadata: { labels: { app: 'watched' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } },
          },
        },
      });
      const added = (): Set<string> => new Set(events.filter((e) => e.type === 'ADDED').map((e) => e.name));
      expect(await until(() => added().size >= 1, 10_000)).toBe(true);

      const scale = await apps.patchNamespacedDeploymentScale({ name: 'watched', namespace: 'default', body: { spec: { replicas: 3 } } }, mergePatch);
      expect(scale.spec?.replicas).toBe(3);
      expect(await until(() => added().size >= 3, 10_000)).toBe(true);

      await apps.patchNamespacedDeploymentScale({ name: 'watched', namespace: 'default', body: { spec: { replicas: 1 } } }, mergePatch);
      const deleted = (): Set<string> => new Set(events.filter((e) => e.type === 'DELETED').map((e) => e.name));
      expect(await until(() => deleted().size >= 2, 10_000)).toBe(true);
      expect(watchError).toBeUndefined();

      // Every pod the watch saw belongs to the Deployment's ReplicaSet; one is left, and the API agrees.
      for (const name of added()) expect(name).toMatch(/^watched-[0-9a-z]+-[0-9a-z]{5}$/);
      const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=watched' });
      const live = pods.items.filter((p) => !p.metadata?.deletionTimestamp).map((p) => p.metadata?.name);
      expect(live).toHaveLength(1);
      expect([...added()].filter((n) => !deleted().has(n))).toEqual(live);
      const dep = await apps.readNamespacedDeployment({ name: 'watched', namespace: 'default' });
      expect(dep.status?.readyReplicas).toBe(1);
    } finally {
      ctl.abort();
    }
  });
});
