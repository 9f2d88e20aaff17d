// cordon, uncordon and drain: messages, warnings and the refusals of kubectl's drain filters.

import { describe, expect, it } from 'vitest';
import { run, runWith, tempHome } from '../helpers/cli.js';

describe('cordon and uncordon', () => {
  it('marks the node', async () => {
    const home = tempHome();
    expect(await run(home, 'cordon', 'kube-lite-worker')).toEqual({ code: 0, stdout: 'node/kube-lite-worker cordoned\n', stderr: '' });
    expect((await run(home, 'get', 'node', 'kube-lite-worker', '-o', 'jsonpath={.spec.unschedulable}')).stdout).toBe('true');
    expect((await run(home, 'cordon', 'kube-lite-worker')).stdout).toBe('node/kube-lite-worker already cordoned\n');
    expect((await run(home, 'uncordon', 'kube-lite-worker')).stdout).toBe('node/kube-lite-worker uncordoned\n');
    expect((await run(home, 'uncordon', 'kube-lite-worker')).stdout).toBe('node/kube-lite-worker already uncordoned\n');
    expect((await run(home, 'get', 'node', 'kube-lite-worker', '-o', 'jsonpath={.spec}')).stdout).not.toContain('unschedulable');
    expect((await run(home, 'cordon', '-l', 'node-role.kubernetes.io/control-plane', '--dry-run=client')).stdout).toBe(
      'node/kube-lite-control-plane cordoned (dry run)\n',
    );
  });

  it('errors', async () => {
    const home = tempHome();
    expect((await run(home, 'cordon')).stderr).toBe("error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n");
    expect((await run(home, 'cordon', 'x', '-l', 'a=b')).stderr).toBe(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n",
    );
    expect((await run(home, 'uncordon', 'nope')).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});

describe('drain', () => {
  it('refuses a pod without a controller, then evicts with --force', async () => {
    const home = tempHome();
    expect((await run(home, 'run', 'bare', '--image=nginx')).code).toBe(0);
    const node = (await run(home, 'get', 'pod', 'bare', '-o', 'jsonpath={.spec.nodeName}')).stdout;
    expect(node).not.toBe('');
    expect(await run(home, 'drain', node)).toEqual({
      code: 1,
      stdout: `node/${node} cordoned\n`,
      stderr:
        `error: unable to drain node "${node}" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n` +
        `There are pending nodes to be drained:\n ${node}\n` +
        'cannot delete Pods that declare no controller (use --force to override): default/bare\n',
    });
    expect(await run(home, 'drain', node, '--force')).toEqual({
      code: 0,
      stdout: `node/${node} already cordoned\nevicting pod default/bare\npod/bare evicted\nnode/${node} drained\n`,
      stderr: 'Warning: deleting Pods that declare no controller: default/bare\n',
    });
    expect((await run(home, 'get', 'pods')).stderr).toBe('No resources found in default namespace.\n');
  });

  it('refuses emptyDir pods without --delete-emptydir-data, and lists a client dry run', async () => {
    const home = tempHome();
    const pod = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'cache' },
      spec: { nodeName: 'kube-lite-worker', containers: [{ name: 'c', image: 'nginx' }], volumes: [{ name: 'tmp', emptyDir: {} }] },
    });
    expect((await runWith(home, { stdin: pod }, 'create', '-f', '-')).code).toBe(0);
    expect((await run(home, 'drain', 'kube-lite-worker', '--force')).stderr).toContain(
      'cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
    );
    expect(await run(home, 'drain', 'kube-lite-worker', '--force', '--delete-emptydir-data', '--dry-run=client')).toEqual({
      code: 0,
      stdout: 'node/kube-lite-worker already cordoned (dry run)\nevicting pod default/cache (dry run)\nnode/kube-lite-worker drained (dry run)\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/cache\n',
    });
  });

  it('errors', async () => {
    const home = tempHome();
    expect((await run(home, 'drain')).stderr).toBe("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
    expect((await run(home, 'drain', 'nope')).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});
