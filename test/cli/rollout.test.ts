// kubectl rollout through the CLI: status, history, undo, pause/resume/restart and their errors.
// The ReplicaSets behind history come from the deployment controller.

import { describe, expect, it } from 'vitest';
import { FIXED_NOW, run, tempHome } from '../helpers/cli.js';

async function withRollout(): Promise<string> {
  const home = tempHome();
  expect((await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2')).code).toBe(0);
  expect((await run(home, 'set', 'image', 'deployment/web', 'nginx=nginx:1.27')).code).toBe(0);
  return home;
}

describe('rollout status', () => {
  it('reports a finished rollout (instant timing converges in each command)', async () => {
    const home = await withRollout();
    expect(await run(home, 'rollout', 'status', 'deployment/web')).toEqual({ code: 0, stdout: 'deployment "web" successfully rolled out\n', stderr: '' });
    expect((await run(home, 'rollout', 'status', 'deploy', 'web', '--watch=false')).stdout).toBe('deployment "web" successfully rolled out\n');
    expect((await run(home, 'rollout', 'status', 'deploy/web', '--revision=1')).stderr).toBe(
      'error: desired revision (1) is different from the running revision (2)\n',
    );
  });

  it('errors', async () => {
    const home = tempHome();
    expect((await run(home, 'rollout', 'status')).stderr).toBe('error: required resource not specified\n');
    expect((await run(home, 'rollout', 'status', 'svc/kubernetes')).stderr).toBe('error: no status viewer has been implemented for Service\n');
    expect((await run(home, 'rollout', 'status', 'deploy/nope')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('waits in simulated time in realistic timing', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    const r = await run(home, 'rollout', 'status', 'deployment/web');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).slice(-1)).toEqual(['deployment "web" successfully rolled out']);
    expect(r.stdout).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    // The clock moved: the pods are older than when the rollout started.
    expect((await run(home, 'get', 'pods', '--no-headers')).stdout).not.toMatch(/ 0s\n/);
  });

  it('times out when the rollout cannot finish', async () => {
    const home = tempHome();
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    await run(home, 'rollout', 'pause', 'deployment/web');
    await run(home, 'set', 'image', 'deployment/web', 'nginx=nginx:1.27');
    const r = await run(home, 'rollout', 'status', 'deployment/web', '--timeout=90s');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: timed out waiting for the condition\n');
  });
});

describe('rollout history and undo', () => {
  it('lists revisions and shows one', async () => {
    const home = await withRollout();
    expect((await run(home, 'rollout', 'history', 'deployment/web')).stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    const one = (await run(home, 'rollout', 'history', 'deployment/web', '--revision=2')).stdout;
    expect(one).toMatch(/^deployment\.apps\/web with revision #2\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=\w+\n  Containers:\n   nginx:\n    Image:\tnginx:1\.27\n/);
    expect(one.endsWith('  Tolerations:\t<none>\n\n')).toBe(true);
    expect((await run(home, 'rollout', 'history', 'deployment/web', '--revision=9')).stderr).toBe('error: unable to find the specified revision\n');
    expect((await run(home, 'rollout', 'history', 'deployment/web', '--revision=-1')).stderr).toBe('error: revision must be a positive integer: -1\n');
  });

  it('undoes to the previous revision and to a given one', async () => {
    const home = await withRollout();
    expect(await run(home, 'rollout', 'undo', 'deployment/web')).toEqual({ code: 0, stdout: 'deployment.apps/web rolled back\n', stderr: '' });
    expect((await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('nginx:1.25');
    // Revision 1 became revision 3.
    expect((await run(home, 'rollout', 'history', 'deployment/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
    expect((await run(home, 'rollout', 'undo', 'deployment/web', '--to-revision=3')).stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 3)\n',
    );
    expect((await run(home, 'rollout', 'undo', 'deployment/web', '--to-revision=2')).stdout).toBe('deployment.apps/web rolled back\n');
    expect((await run(home, 'rollout', 'undo', 'deployment/web', '--to-revision=7')).stderr).toBe('error: unable to find specified revision 7 in history\n');
  });

  it('has no history before a second revision', async () => {
    const home = tempHome();
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25');
    expect((await run(home, 'rollout', 'undo', 'deployment/web')).stderr).toBe('error: no rollout history found for deployment "web"\n');
    expect((await run(home, 'rollout', 'history', 'svc/kubernetes')).stderr).toBe('error: no history viewer has been implemented for "Service"\n');
  });
});

describe('rollout pause, resume, restart', () => {
  it('prints kubectl messages and errors', async () => {
    const home = await withRollout();
    expect((await run(home, 'rollout', 'pause', 'deployment/web')).stdout).toBe('deployment.apps/web paused\n');
    expect(await run(home, 'rollout', 'pause', 'deployment/web')).toEqual({ code: 1, stdout: '', stderr: 'error: deployments.apps "web" is already paused\n' });
    expect((await run(home, 'rollout', 'restart', 'deployment/web')).stderr).toBe(
      'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    );
    expect((await run(home, 'rollout', 'undo', 'deployment/web')).stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
    expect((await run(home, 'rollout', 'resume', 'deployment/web')).stdout).toBe('deployment.apps/web resumed\n');
    expect((await run(home, 'rollout', 'resume', 'deployment/web')).stderr).toBe('error: deployments.apps "web" is not paused\n');
    expect((await run(home, 'rollout', 'restart', 'deployment/web')).stdout).toBe('deployment.apps/web restarted\n');
    expect((await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}')).stdout).toBe(FIXED_NOW);
    expect((await run(home, 'rollout', 'pause', 'svc/kubernetes')).stderr).toBe('error: services "kubernetes" pausing is not supported\n');
  });
});
