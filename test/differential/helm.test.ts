// issue #7: `helm install` of a small chart (test/differential/chart: a Deployment, a Service and a
// ConfigMap, with values) against `kube-lite serve`; kube-lite's own CLI must then show the objects.
// Helm stores each release as a Secret (sh.helm.release.v1.<name>.v<revision>). Skips while `kube-lite
// serve` is not implemented or helm is not installed (scripts/install-kubectl.sh).

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseEnv,
  ENABLED,
  exec,
  freshCluster,
  HELM,
  helmAvailability,
  kubeLite,
  serveAvailability,
  snapshotBuild,
  startServe,
  tempDir,
  type Result,
  type Served,
} from './harness.js';

const CHART = path.join(import.meta.dirname, 'chart');

function skipReasonFor(): string {
  if (!ENABLED) return 'run through `npm run test:differential`';
  snapshotBuild();
  const s = serveAvailability();
  if (!s.ok) return s.reason;
  const h = helmAvailability();
  return h.ok ? '' : h.reason;
}
const skipReason = skipReasonFor();
if (ENABLED && skipReason) console.warn(`[helm] SKIPPED: ${skipReason}`);

describe.skipIf(!!skipReason)('helm against kube-lite serve', () => {
  let served: Served;
  let helmHome: string;

  const helm = (...argv: string[]): Promise<Result> =>
    exec(HELM, [...argv, '--kubeconfig', served.kubeconfig], {
      env: baseEnv(helmHome, {
        HELM_CACHE_HOME: path.join(helmHome, 'cache'),
        HELM_CONFIG_HOME: path.join(helmHome, 'config'),
        HELM_DATA_HOME: path.join(helmHome, 'data'),
        KUBECONFIG: served.kubeconfig,
      }),
      timeoutMs: 60_000,
    });
  const show = (r: Result): string => `exit ${r.code}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;

  beforeAll(async () => {
    const { home } = await freshCluster('helm', [{ argv: ['get', 'ns', '-o', 'name'] }]);
    served = await startServe(home);
    helmHome = tempDir('helm-home');
  });

  afterAll(async () => {
    if (!served) return;
    expect(await served.stop()).toBe(0);
    fs.rmSync(served.home, { recursive: true, force: true });
    fs.rmSync(helmHome, { recursive: true, force: true });
  });

  it('installs the chart', async () => {
    const r = await helm('install', 'demo', CHART, '--set', 'replicaCount=3', '--set', 'greeting=hi there', '--wait', '--timeout', '30s');
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toContain('NAME: demo');
    expect(r.stdout).toContain('STATUS: deployed');
    expect(r.stdout).toContain('REVISION: 1');
  });

  it('kube-lite get deploy,svc,cm shows what helm installed', async () => {
    const r = await kubeLite(served.home, { argv: ['get', 'deploy,svc,cm'] });
    expect(r.code, show(r)).toBe(0);
    expect(r.stdout).toMatch(/^deployment\.apps\/demo-greeter +3\/3 +3 +3 /m);
    expect(r.stdout).toMatch(/^service\/demo-greeter +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80\/TCP /m);
    expect(r.stdout).toMatch(/^configmap\/demo-greeter +1 /m);

    const cm = await kubeLite(served.home, { argv: ['get', 'cm', 'demo-greeter', '-o', 'jsonpath={.data.greeting}'] });
    expect(cm.stdout).toBe('hi there');
    const labels = await kubeLite(served.home, { argv: ['get', 'deploy', 'demo-greeter', '-o', 'jsonpath={.metadata.labels.app\\.kubernetes\\.io/managed-by}'] });
    expect(labels.stdout).toBe('Helm');
    // The release record: a Secret of type helm.sh/release.v1.
    const sec = await kubeLite(served.home, { argv: ['get', 'secrets', '-l', 'owner=helm', '-o', 'custom-columns=NAME:.metadata.name,TYPE:.type', '--no-headers'] });
    expect(sec.stdout).toMatch(/^sh\.helm\.release\.v1\.demo\.v1 +helm\.sh\/release\.v1$/m);
  });

  it('lists, upgrades and uninstalls the release', async () => {
    const list = await helm('list', '-o', 'json');
    expect(list.code, show(list)).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'demo', namespace: 'default', revision: '1', status: 'deployed', chart: 'greeter-0.1.0' }]);

    const up = await helm('upgrade', 'demo', CHART, '--set', 'replicaCount=1');
    expect(up.code, show(up)).toBe(0);
    const d = await kubeLite(served.home, { argv: ['get', 'deploy', 'demo-greeter', '-o', 'jsonpath={.spec.replicas}'] });
    expect(d.stdout).toBe('1');

    const un = await helm('uninstall', 'demo');
    expect(un.code, show(un)).toBe(0);
    expect(un.stdout).toContain('release "demo" uninstalled');
    const after = await kubeLite(served.home, { argv: ['get', 'deploy,svc,cm', '-l', 'app.kubernetes.io/instance=demo'] });
    expect(after).toMatchObject({ code: 0, stdout: '' });
  });
});
