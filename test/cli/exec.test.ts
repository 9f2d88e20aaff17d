// kubectl exec against simulated containers: the supported commands, exit codes and kubectl's errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome, writeFile } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: nginx:1.25
    env:
    - name: FOO
      value: bar
  - name: b
    image: busybox:1.36
`;

async function withPod(): Promise<string> {
  const home = tempHome();
  expect((await run(home, 'apply', '-f', writeFile(home, 'pod.yaml', POD))).code).toBe(0);
  return home;
}

describe('exec', () => {
  it('defaults to the first container with kubectl\'s note, and runs printenv', async () => {
    const home = await withPod();
    expect(await run(home, 'exec', 'two', '--', 'printenv', 'FOO')).toEqual({ code: 0, stdout: 'bar\n', stderr: 'Defaulted container "a" out of: a, b\n' });
    expect(await run(home, 'exec', 'two', '-c', 'b', '--', 'printenv', 'FOO')).toEqual({ code: 1, stdout: '', stderr: 'command terminated with exit code 1\n' });
    expect(await run(home, 'exec', 'pod/two', '-c', 'b', '--', 'hostname')).toEqual({ code: 0, stdout: 'two\n', stderr: '' });
  });

  it('lists and reads the simulated files', async () => {
    const home = await withPod();
    expect((await run(home, 'exec', 'two', '-c', 'a', '--', 'cat', '/etc/hostname')).stdout).toBe('two\n');
    expect(await run(home, 'exec', 'two', '-c', 'a', '--', 'ls', '/nope')).toEqual({
      code: 2,
      stdout: '',
      stderr: "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n",
    });
    expect(await run(home, 'exec', 'two', '-c', 'a', '--', 'cat', '/etc')).toMatchObject({ code: 1, stderr: 'cat: /etc: Is a directory\ncommand terminated with exit code 1\n' });
  });

  it('answers unsupported commands as a shell does for a missing one (127)', async () => {
    const home = await withPod();
    const r = await run(home, 'exec', 'two', '-c', 'a', '--', 'ps', 'aux');
    expect(r.code).toBe(127);
    expect(r.stderr).toMatch(/^kube-lite: ps: command not found in the simulated container .*\ncommand terminated with exit code 127\n$/);
  });

  it("gives kubectl's and the apiserver's errors", async () => {
    const home = await withPod();
    expect(await run(home, 'exec', 'nope', '--', 'env')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    expect(await run(home, 'exec', 'two', '-c', 'x', '--', 'env')).toMatchObject({ code: 1, stderr: 'Error from server (BadRequest): container x is not valid for pod two\n' });
    expect(await run(home, 'exec', 'two', '-c', 'a')).toMatchObject({ code: 1, stderr: 'error: you must specify at least one command for the container\n' });
    expect(await run(home, 'exec', '--', 'env')).toMatchObject({ code: 1, stderr: 'error: pod, type/name or --filename must be specified\n' });
  });

  it('refuses completed pods and containers not running', async () => {
    const home = tempHome();
    const job = `apiVersion: v1
kind: Pod
metadata:
  name: done
  annotations:
    kube-lite.dev/run-duration: 1s
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: busybox:1.36
    command: ["true"]
`;
    expect((await run(home, 'apply', '-f', writeFile(home, 'job.yaml', job))).code).toBe(0);
    await run(home, 'cluster', 'advance', '5s');
    expect(await run(home, 'exec', 'done', '--', 'env')).toMatchObject({ code: 1, stderr: 'error: cannot exec into a container in a completed pod; current phase is Succeeded\n' });
    const bad = `apiVersion: v1
kind: Pod
metadata:
  name: bad
spec:
  containers:
  - name: c
    image: nginx:1.25
    envFrom:
    - configMapRef:
        name: missing
`;
    expect((await run(home, 'apply', '-f', writeFile(home, 'bad.yaml', bad))).code).toBe(0);
    expect(await run(home, 'exec', 'bad', '--', 'env')).toMatchObject({ code: 1, stderr: 'error: unable to upgrade connection: container not found ("c")\n' });
  });
});
