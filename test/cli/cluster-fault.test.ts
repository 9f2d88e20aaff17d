// `cluster fault crash|probe-fail|image-unpullable|clear|list`: confirmations, errors, and the effect
// on pods in instant timing.

import { describe, expect, it } from 'vitest';
import { run, runWith, tempHome } from '../helpers/cli.js';

const jsonpath = async (home: string, pod: string, path: string) => (await run(home, 'get', 'pod', pod, '-o', `jsonpath=${path}`)).stdout;

describe('cluster fault: errors', () => {
  it.each([
    [['crash', 'x'], 'Error from server (NotFound): pods "x" not found\n'],
    [['probe-fail', 'x'], 'Error from server (NotFound): pods "x" not found\n'],
    [['crash', 'web', '-n', 'kube-system'], 'Error from server (NotFound): pods "web" not found\n'],
    [['crash'], "error: missing required argument 'pod'\nSee 'kube-lite cluster --help' for usage.\n"],
    [['image-unpullable'], "error: missing required argument 'image'\nSee 'kube-lite cluster --help' for usage.\n"],
    [['crash', 'web', '--exit-code', 'abc'], 'error: invalid argument "abc" for "--exit-code" flag: strconv.ParseInt: parsing "abc": invalid syntax\n'],
    [['crash', 'web', '--exit-code', '300'], 'error: invalid argument "300" for "--exit-code" flag: must be between 0 and 255\n'],
    [['crash', 'web', '-c', 'nope'], 'error: container "nope" not found in pod "web"\n'],
    [['probe-fail', 'web', '--probe', 'sideways'], 'error: invalid argument "sideways" for "--probe" flag: must be one of: liveness, readiness, startup\n'],
    [['probe-fail', 'web'], 'error: container "web" in pod "web" has no liveness probe\n'],
    [['probe-fail', 'web', '--probe', 'readiness'], 'error: container "web" in pod "web" has no readiness probe\n'],
    [['bogus'], 'error: unknown command "bogus" for "kube-lite cluster"\n'],
  ])('cluster fault %j', async (argv, stderr) => {
    const home = tempHome();
    await run(home, 'run', 'web', '--image=nginx:1.25');
    expect(await run(home, 'cluster', 'fault', ...argv)).toEqual({ code: 1, stdout: '', stderr });
    // Nothing was set.
    expect((await run(home, 'cluster', 'fault', 'list')).stderr).toBe('No faults were set.\n');
  });
});

describe('cluster fault: effects in instant timing', () => {
  it('crash: CrashLoopBackOff with restartPolicy Always, Error/Failed with Never; clear recovers', async () => {
    const home = tempHome();
    await run(home, 'run', 'web', '--image=nginx:1.25');
    await run(home, 'run', 'once', '--image=nginx:1.25', '--restart=Never');
    expect(await run(home, 'cluster', 'fault', 'crash', 'pod/web')).toEqual({
      code: 0,
      stdout: 'Fault "crash" set on pod default/web (container web, exit code 1).\n',
      stderr: '',
    });
    expect((await run(home, 'cluster', 'fault', 'crash', 'once', '--exit-code', '3')).stdout).toBe('Fault "crash" set on pod default/once (container once, exit code 3).\n');
    expect((await run(home, 'get', 'pods')).stdout).toBe(
      'NAME   READY   STATUS             RESTARTS     AGE\nonce   0/1     Error              0            0s\nweb    0/1     CrashLoopBackOff   1 (0s ago)   0s\n',
    );
    expect(await jsonpath(home, 'once', '{.status.phase} {.status.containerStatuses[0].state.terminated.exitCode}')).toBe('Failed 3');
    expect(await jsonpath(home, 'web', '{.status.phase} {.status.containerStatuses[0].lastState.terminated.exitCode}')).toBe('Running 1');
    expect((await run(home, 'logs', 'web', '--previous')).stdout).toBe(
      '/docker-entrypoint.sh: Configuration complete; ready for start up\n2026/01/01 00:00:00 [notice] 1#1: start worker processes\n',
    );
    expect((await run(home, 'cluster', 'fault', 'list')).stdout).toBe(
      'FAULT   TARGET             DETAIL\ncrash   pod/default/web    container web, exit code 1\ncrash   pod/default/once   container once, exit code 3\n',
    );
    expect((await run(home, 'cluster', 'fault', 'clear')).stdout).toBe('Cleared 2 faults.\n');
    await run(home, 'cluster', 'advance', '10s');
    expect((await run(home, 'get', 'pod', 'web')).stdout).toBe('NAME   READY   STATUS    RESTARTS      AGE\nweb    1/1     Running   2 (10s ago)   10s\n');
  });

  it('probe-fail liveness: killed at once, restarted once, then CrashLoopBackOff', async () => {
    const home = tempHome();
    const pod = JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'live' },
      spec: { containers: [{ name: 'app', image: 'nginx:1.25', livenessProbe: { tcpSocket: { port: 80 } } }] },
    });
    await runWith(home, { stdin: pod }, 'apply', '-f', '-');
    expect((await run(home, 'cluster', 'fault', 'probe-fail', 'live')).stdout).toBe('Fault "probe-fail" set on pod default/live (container app, liveness probe).\n');
    expect(await jsonpath(home, 'live', '{.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.waiting.reason} {.status.containerStatuses[0].lastState.terminated.exitCode}')).toBe(
      '1 CrashLoopBackOff 137',
    );
  });

  it('image-unpullable: new pulls fail until cleared', async () => {
    const home = tempHome();
    expect((await run(home, 'cluster', 'fault', 'image-unpullable', 'redis:7')).stdout).toBe('Fault "image-unpullable" set on image redis:7.\n');
    await run(home, 'run', 'cache', '--image=redis:7');
    expect(await jsonpath(home, 'cache', '{.status.containerStatuses[0].state.waiting.reason}')).toBe('ImagePullBackOff');
    expect((await run(home, 'cluster', 'fault', 'clear')).stdout).toBe('Cleared 1 fault.\n');
    expect((await run(home, 'cluster', 'fault', 'clear')).stdout).toBe('No faults were set.\n');
    await run(home, 'cluster', 'advance', '10s');
    expect(await jsonpath(home, 'cache', '{.status.phase}')).toBe('Running');
  });
});
