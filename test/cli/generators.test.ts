// `create <generator> --dry-run=client` output, byte for byte against real kubectl v1.36.3
// (../shared/real-kubectl.md §7.1).

import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

const cases: [string[], string][] = [
  [
    ['create', 'deployment', 'x', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
  ],
  [['create', 'deployment', 'x', '--image=nginx', '--dry-run=client'], 'deployment.apps/x created (dry run)\n'],
  [['create', 'deployment', 'x', '--image=nginx', '--dry-run=client', '-o', 'name'], 'deployment.apps/x\n'],
  [
    ['create', 'deployment', 'x', '--image=nginx', '--image=redis', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
      - image: redis
        name: redis
        resources: {}
status: {}
`,
  ],
  [
    ['create', 'deployment', 'x', '--image=nginx', '-n', 'prod', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: x
  name: x
  namespace: prod
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`,
  ],
  [
    ['create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=3', '--port=80', '--dry-run=client', '-o', 'json'],
    `{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "labels": {
            "app": "web"
        }
    },
    "spec": {
        "replicas": 3,
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx:1.25",
                        "ports": [
                            {
                                "containerPort": 80
                            }
                        ],
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`,
  ],
  [
    ['create', 'service', 'clusterip', 'my-svc', '--tcp=5678:8080', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-svc
  name: my-svc
spec:
  ports:
  - name: 5678-8080
    port: 5678
    protocol: TCP
    targetPort: 8080
  selector:
    app: my-svc
  type: ClusterIP
status:
  loadBalancer: {}
`,
  ],
  [
    ['create', 'service', 'clusterip', 'my-svc', '--clusterip=None', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-svc
  name: my-svc
spec:
  clusterIP: None
  selector:
    app: my-svc
  type: ClusterIP
status:
  loadBalancer: {}
`,
  ],
  [
    ['create', 'service', 'nodeport', 'my-np', '--tcp=80:8080', '--node-port=30080', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-np
  name: my-np
spec:
  ports:
  - name: 80-8080
    nodePort: 30080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: my-np
  type: NodePort
status:
  loadBalancer: {}
`,
  ],
  [
    ['create', 'service', 'loadbalancer', 'my-lb', '--tcp=443:8443', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-lb
  name: my-lb
spec:
  ports:
  - name: 443-8443
    port: 443
    protocol: TCP
    targetPort: 8443
  selector:
    app: my-lb
  type: LoadBalancer
status:
  loadBalancer: {}
`,
  ],
  [
    ['create', 'service', 'externalname', 'my-ext', '--external-name=example.com', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Service
metadata:
  labels:
    app: my-ext
  name: my-ext
spec:
  externalName: example.com
  selector:
    app: my-ext
  type: ExternalName
status:
  loadBalancer: {}
`,
  ],
  [
    ['create', 'configmap', 'cm1', '--from-literal=a=b', '--from-literal=c=d', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
data:
  a: b
  c: d
kind: ConfigMap
metadata:
  name: cm1
`,
  ],
  [
    ['create', 'secret', 'generic', 's1', '--from-literal=user=admin', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
data:
  user: YWRtaW4=
kind: Secret
metadata:
  name: s1
`,
  ],
  [
    ['create', 'namespace', 'dev', '--dry-run=client', '-o', 'yaml'],
    `apiVersion: v1
kind: Namespace
metadata:
  name: dev
spec: {}
status: {}
`,
  ],
];

describe('create generators (--dry-run=client)', () => {
  const home = tempHome();
  it.each(cases)('kube-lite %j', async (argv, expected) => {
    const r = await run(home, ...argv);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(expected);
    expect(r.code).toBe(0);
  });

  it('does not create anything', async () => {
    const r = await run(home, 'get', 'deployments');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
  });

  it('requires --image', async () => {
    const r = await run(home, 'create', 'deployment', 'x');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: required flag(s) "image" not set\n' });
  });
});
