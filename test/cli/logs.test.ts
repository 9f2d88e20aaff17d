// kubectl logs against simulated containers: the simulated log format, --tail/--since/--previous and errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome, writeFile } from '../helpers/cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
  labels:
    app: two
spec:
  containers:
  - name: web
    image: nginx:1.25
    ports:
    - containerPort: 80
  - name: tool
    image: busybox:1.36
---
apiVersion: v1
kind: Service
metadata:
  name: two
spec:
  selector:
    app: two
  ports:
  - port: 80
`;

async function withPod(): Promise<string> {
  const home = tempHome();
  expect((await run(home, 'apply', '-f', writeFile(home, 'pod.yaml', POD))).code).toBe(0);
  return home;
}

describe('logs', () => {
  it('prints the start lines and one access-log line per served request', async () => {
    const home = await withPod();
    await run(home, 'cluster', 'advance', '1m');
    expect((await run(home, 'cluster', 'request', 'svc/two', '--count', '3')).code).toBe(0);
    const r = await run(home, 'logs', 'two');
    expect(r.stderr).toBe('Defaulted container "web" out of: web, tool\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual(['/docker-entrypoint.sh: Configuration complete; ready for start up', '2026/01/01 00:00:00 [notice] 1#1: start worker processes']);
    expect(lines.slice(2)).toHaveLength(3);
    expect(lines[2]).toMatch(/^\S+ - - \[01\/Jan\/2026:00:01:00 \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.5\.0" "-"$/);
    expect((await run(home, 'logs', 'two', '-c', 'web', '--tail', '1')).stdout.split('\n')).toHaveLength(2);
    expect((await run(home, 'logs', 'two', '-c', 'web', '--since', '30s', '-f')).stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(await run(home, 'logs', 'two', '-c', 'tool')).toEqual({ code: 0, stdout: '2026-01-01T00:00:00Z container tool started (image busybox:1.36)\n', stderr: '' });
  });

  it("gives kubectl's and the kubelet's errors", async () => {
    const home = await withPod();
    expect(await run(home, 'logs', 'nope')).toEqual({ code: 1, stdout: '', stderr: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n' });
    expect(await run(home, 'logs', 'two', '-c', 'x')).toMatchObject({ code: 1, stderr: 'Error from server (BadRequest): container x is not valid for pod two\n' });
    expect(await run(home, 'logs', 'two', '-c', 'web', '-p')).toMatchObject({
      code: 1,
      stderr: 'Error from server (BadRequest): previous terminated container "web" in pod "two" not found\n',
    });
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: nginx:1.25\n    envFrom:\n    - configMapRef:\n        name: missing\n';
    expect((await run(home, 'apply', '-f', writeFile(home, 'bad.yaml', bad))).code).toBe(0);
    expect(await run(home, 'logs', 'bad')).toMatchObject({
      code: 1,
      stderr: 'Error from server (BadRequest): container "c" in pod "bad" is waiting to start: CreateContainerConfigError\n',
    });
  });
});
