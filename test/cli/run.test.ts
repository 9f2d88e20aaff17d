// kubectl run: the generated Pod byte for byte against real kubectl v1.36.3 (real-kubectl.md §7.4
// and checks recorded with it), creation, and the errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

describe('run', () => {
  it('matches kubectl --dry-run=client -o yaml', async () => {
    const home = tempHome();
    expect((await run(home, 'run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml')).stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`);
    const r = await run(home, 'run', 'nginx', '--image=nginx', '--port=80', '--labels=app=web,tier=fe', '--env=A=1', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sh', '-c', 'echo hi');
    expect(r.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    app: web
    tier: fe
  name: nginx
spec:
  containers:
  - args:
    - sh
    - -c
    - echo hi
    env:
    - name: A
      value: "1"
    image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
    expect((await run(home, 'run', 'nginx', '--image=nginx', '--dry-run=client')).stdout).toBe('pod/nginx created (dry run)\n');
  });

  it('puts --command arguments in command, and prints JSON in struct order', async () => {
    const home = tempHome();
    const yaml = (await run(home, 'run', 'nginx', '--image=nginx:1.25', '--dry-run=client', '-o', 'yaml', '--command', '--', 'sh', '-c', 'echo hi')).stdout;
    expect(yaml).toContain('  - command:\n    - sh\n    - -c\n    - echo hi\n    image: nginx:1.25\n');
    const json = (await run(home, 'run', 'nginx', '--image=nginx', '--restart=OnFailure', '--env=A=1', '-l', 'app=x', '--port=8080', '--dry-run=client', '-o', 'json')).stdout;
    expect(json).toBe(`{
    "kind": "Pod",
    "apiVersion": "v1",
    "metadata": {
        "name": "nginx",
        "labels": {
            "app": "x"
        }
    },
    "spec": {
        "containers": [
            {
                "name": "nginx",
                "image": "nginx",
                "ports": [
                    {
                        "containerPort": 8080
                    }
                ],
                "env": [
                    {
                        "name": "A",
                        "value": "1"
                    }
                ],
                "resources": {}
            }
        ],
        "restartPolicy": "OnFailure",
        "dnsPolicy": "ClusterFirst"
    },
    "status": {}
}
`);
  });

  it('creates the pod', async () => {
    const home = tempHome();
    expect(await run(home, 'run', 'nginx', '--image=nginx')).toEqual({ code: 0, stdout: 'pod/nginx created\n', stderr: '' });
    expect((await run(home, 'get', 'pod', 'nginx', '-o', 'jsonpath={.metadata.labels.run}')).stdout).toBe('nginx');
    expect((await run(home, 'run', 'nginx', '--image=nginx')).stderr).toBe('Error from server (AlreadyExists): pods "nginx" already exists\n');
  });

  it('errors as kubectl does', async () => {
    const home = tempHome();
    const err = async (...argv: string[]) => (await run(home, 'run', ...argv)).stderr;
    expect(await err('nginx')).toBe('error: required flag(s) "image" not set\n');
    expect(await err('--image=nginx')).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('--image=nginx', '--', 'sh')).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('nginx', '--image=nginx', '--restart=Bad')).toBe("error: invalid restart policy: Bad\nSee 'kubectl run -h' for help and examples\n");
    expect(await err('nginx', '--image=nginx', '--labels=bad')).toBe('error: unexpected label spec: bad\n');
    expect(await err('nginx', '--image=nginx', '--env=BAD')).toBe('error: invalid env: BAD\n');
    expect(await err('nginx', '--image=nginx', '--port=abc')).toBe('error: strconv.Atoi: parsing "abc": invalid syntax\n');
    expect(await err('nginx', '--image=Bad Image')).toBe('error: Invalid image name "Bad Image": invalid reference format\n');
    expect(await err('nginx', '--image=nginx', '--expose')).toBe("error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n");
  });
});
