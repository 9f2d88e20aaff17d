// kube-lite's simulation controls: `cluster advance`, `cluster node-down|node-up`, and the node
// lifecycle controller's reaction (conditions, taints, evictions, events).

import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

const jsonpath = async (home: string, ...argv: string[]) => (await run(home, 'get', ...argv.slice(0, -1), '-o', `jsonpath=${argv[argv.length - 1]}`)).stdout;

describe('cluster advance', () => {
  it('moves the clock and reports it as Go prints durations', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await run(home, 'run', 'p', '--image=nginx');
    expect(await run(home, 'cluster', 'advance', '5m')).toEqual({ code: 0, stdout: 'Advanced the clock of cluster "slow" by 5m0s.\n', stderr: '' });
    expect((await run(home, 'get', 'pods')).stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\np      1/1     Running   0          5m\n');
    expect((await run(home, 'cluster', 'advance', '90s')).stdout).toBe('Advanced the clock of cluster "slow" by 1m30s.\n');
    expect((await run(home, 'cluster', 'advance', '5')).stderr).toBe('error: time: missing unit in duration "5"\n');
  });
});

describe('cluster create --nodes 1', () => {
  it('leaves the lone control-plane node untainted, as kind does, so pods run on it', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'one', '--nodes', '1');
    expect(await jsonpath(home, 'node', 'one-control-plane', '{.spec.taints}')).toBe('');
    await run(home, 'run', 'p', '--image=nginx');
    expect(await jsonpath(home, 'pod', 'p', '{.status.phase} {.spec.nodeName}')).toBe('Running one-control-plane');
  });
});

describe('node-down and node-up', () => {
  it('in instant timing: NotReady, tainted, pods evicted and replaced at once', async () => {
    const home = tempHome();
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    expect(await run(home, 'cluster', 'node-down', 'kube-lite-worker')).toEqual({ code: 0, stdout: 'Stopped the kubelet of node "kube-lite-worker".\n', stderr: '' });
    expect((await run(home, 'cluster', 'node-down', 'kube-lite-worker')).stdout).toBe('The kubelet of node "kube-lite-worker" is already stopped.\n');
    expect(await jsonpath(home, 'node', 'kube-lite-worker', '{.status.conditions[?(@.type=="Ready")].reason}')).toBe('NodeStatusUnknown');
    expect(await jsonpath(home, 'node', 'kube-lite-worker', '{.spec.taints[*].effect}')).toBe('NoSchedule NoExecute');
    // Evicted pods stay Terminating on the unreachable node; the replacements run elsewhere.
    const pods = (await run(home, 'get', 'pods', '-o', 'custom-columns=NODE:.spec.nodeName,DEL:.metadata.deletionTimestamp', '--no-headers')).stdout;
    for (const line of pods.trim().split('\n')) {
      expect(line.startsWith('kube-lite-worker ') ? line.endsWith('Z') : line.endsWith('<none>')).toBe(true);
    }
    const events = (await run(home, 'get', 'events', '--field-selector', 'reason=TaintManagerEviction', '-o', 'jsonpath={.items[*].message}')).stdout;
    expect(events).toMatch(/^Marking for deletion Pod default\/web-\w+-\w+/);
    expect((await run(home, 'get', 'events', '--field-selector', 'involvedObject.name=kube-lite-worker', '-o', 'jsonpath={.items[*].message}')).stdout).toBe(
      'Node kube-lite-worker status is now: NodeNotReady',
    );

    expect((await run(home, 'cluster', 'node-up', 'kube-lite-worker')).stdout).toBe('Started the kubelet of node "kube-lite-worker".\n');
    expect(await jsonpath(home, 'node', 'kube-lite-worker', '{.status.conditions[?(@.type=="Ready")].status}')).toBe('True');
    expect(await jsonpath(home, 'node', 'kube-lite-worker', '{.spec.taints}')).toBe('');
    expect((await run(home, 'cluster', 'node-up', 'kube-lite-worker')).stdout).toBe('The kubelet of node "kube-lite-worker" is already running.\n');
  });

  it('in realistic timing: NotReady after 40s, evictions after the 300s toleration', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    await run(home, 'cluster', 'advance', '1m');
    const ready = () => jsonpath(home, 'node', 'slow-worker', '{.status.conditions[?(@.type=="Ready")].status}');
    const terminatingOnWorker = async () =>
      (await run(home, 'get', 'pods', '-o', 'custom-columns=NODE:.spec.nodeName,DEL:.metadata.deletionTimestamp', '--no-headers')).stdout
        .split('\n')
        .filter((l) => l.startsWith('slow-worker ') && l.endsWith('Z')).length;
    expect(await jsonpath(home, 'pods', '{.items[*].spec.nodeName}')).toMatch(/(^| )slow-worker( |$)/);
    await run(home, 'cluster', 'node-down', 'slow-worker');
    await run(home, 'cluster', 'advance', '39s');
    expect(await ready()).toBe('True');
    await run(home, 'cluster', 'advance', '1s');
    expect(await ready()).toBe('Unknown');
    await run(home, 'cluster', 'advance', '299s');
    expect(await terminatingOnWorker()).toBe(0);
    await run(home, 'cluster', 'advance', '1s');
    expect(await terminatingOnWorker()).toBe(1);
  });

  it('rejects an unknown node', async () => {
    const home = tempHome();
    expect((await run(home, 'cluster', 'node-down', 'nope')).stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
  });
});
