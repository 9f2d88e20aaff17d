// kubectl expose and create service: objects byte-identical to kubectl 1.36.3 for
// `--dry-run=client -o yaml|json` (goldens recorded from the real binary), errors, and creation
// through the API (allocation, AlreadyExists).

import { describe, expect, it } from 'vitest';
import { run, tempHome, writeFile } from '../helpers/cli.js';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns
  labels:
    app: dns
    tier: backend
spec:
  selector:
    matchLabels:
      app: dns
  template:
    metadata:
      labels:
        app: dns
    spec:
      containers:
      - name: a
        image: coredns
        ports:
        - containerPort: 53
          protocol: UDP
        - containerPort: 8080
      - name: b
        image: x
        ports:
        - containerPort: 9090
          name: metrics
`;

const DUP_POD = `apiVersion: v1
kind: Pod
metadata:
  name: dup
  labels:
    run: dup
spec:
  containers:
  - name: a
    image: coredns
    ports:
    - containerPort: 53
      protocol: UDP
    - containerPort: 53
      protocol: TCP
`;

const EXPR_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: rs1
spec:
  selector:
    matchLabels:
      app: rs1
    matchExpressions:
    - key: tier
      operator: In
      values: [a, b]
  template:
    metadata:
      labels:
        app: rs1
        tier: a
    spec:
      containers:
      - name: a
        image: nginx
`;

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: websvc
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
  - port: 443
    protocol: TCP
`;

const files = (home: string) => ({
  deploy: writeFile(home, 'multi.yaml', DEPLOY),
  dup: writeFile(home, 'dup.yaml', DUP_POD),
  expr: writeFile(home, 'expr.yaml', EXPR_RS),
  svc: writeFile(home, 'svc.yaml', SVC),
  bare: writeFile(home, 'bare.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bare\nspec:\n  containers:\n  - name: a\n    image: nginx\n'),
  nosel: writeFile(home, 'nosel.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nosel\nspec:\n  ports:\n  - port: 80\n'),
  node: writeFile(home, 'node.yaml', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n'),
  ds: writeFile(home, 'ds.yaml', 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\nspec:\n  selector:\n    matchLabels: {app: ds}\n  template:\n    metadata:\n      labels: {app: ds}\n    spec:\n      containers:\n      - name: a\n        image: nginx\n'),
});

const ok = (stdout: string) => ({ code: 0, stdout, stderr: '' });
const fail = (stderr: string) => ({ code: 1, stdout: '', stderr });

describe('expose --dry-run=client (no cluster needed)', () => {
  it('names several inferred ports port-N and takes protocols from the containers', async () => {
    const home = tempHome();
    const f = files(home);
    expect(await run(home, 'expose', '-f', f.deploy, '--dry-run=client', '-o', 'yaml')).toEqual(
      ok(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: dns
    tier: backend
  name: dns
spec:
  ports:
  - name: port-1
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-2
    port: 8080
    protocol: TCP
    targetPort: 8080
  - name: port-3
    port: 9090
    protocol: TCP
    targetPort: 9090
  selector:
    app: dns
status:
  loadBalancer: {}
`),
    );
    // --port matching a UDP container port inherits UDP; --protocol overrides it.
    expect((await run(home, 'expose', '-f', f.deploy, '--port=53', '--dry-run=client', '-o', 'yaml')).stdout).toContain('  - port: 53\n    protocol: UDP\n    targetPort: 53\n');
    expect((await run(home, 'expose', '-f', f.deploy, '--port=53', '--protocol=TCP', '--dry-run=client', '-o', 'yaml')).stdout).toContain('  - port: 53\n    protocol: TCP\n');
  });

  it('splits one port number served over two protocols', async () => {
    const home = tempHome();
    expect((await run(home, 'expose', '-f', files(home).dup, '--dry-run=client', '-o', 'yaml')).stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    run: dup
  name: dup
spec:
  ports:
  - name: port-1-udp
    port: 53
    protocol: UDP
    targetPort: 53
  - name: port-1-tcp
    port: 53
    protocol: TCP
    targetPort: 53
  selector:
    run: dup
status:
  loadBalancer: {}
`);
  });

  it('applies every service flag, in kubectl struct order for -o json', async () => {
    const home = tempHome();
    const flags = ['--name=web2', '--type=LoadBalancer', '--load-balancer-ip=1.2.3.4', '--external-ip=5.6.7.8', '--session-affinity=ClientIP', '--cluster-ip=10.96.0.50', '-l', 'a=b,c=d', '--target-port=http'];
    expect(await run(home, 'expose', '-f', files(home).svc, '--dry-run=client', '-o', 'yaml', ...flags)).toEqual(
      ok(`apiVersion: v1
kind: Service
metadata:
  labels:
    a: b
    c: d
  name: web2
spec:
  clusterIP: 10.96.0.50
  externalIPs:
  - 5.6.7.8
  loadBalancerIP: 1.2.3.4
  ports:
  - name: port-1
    port: 80
    protocol: TCP
    targetPort: http
  - name: port-2
    port: 443
    protocol: TCP
    targetPort: http
  selector:
    app: web
  sessionAffinity: ClientIP
  type: LoadBalancer
status:
  loadBalancer: {}
`),
    );
    const json = (await run(home, 'expose', '-f', files(home).svc, '--dry-run=client', '-o', 'json', ...flags)).stdout;
    expect(json.indexOf('"kind"')).toBeLessThan(json.indexOf('"apiVersion"'));
    expect(json).toContain('"ports": [\n            {\n                "name": "port-1",\n                "protocol": "TCP",\n                "port": 80,\n                "targetPort": "http"\n            },');
    expect(json).toMatch(/"clusterIP": "10\.96\.0\.50",\n\s+"type": "LoadBalancer",\n\s+"externalIPs": \[\n\s+"5\.6\.7\.8"\n\s+\],\n\s+"sessionAffinity": "ClientIP",\n\s+"loadBalancerIP": "1\.2\.3\.4"/);
  });

  it('headless without ports; explicit selector; -n; name printer', async () => {
    const home = tempHome();
    const f = files(home);
    expect((await run(home, 'expose', '-f', f.bare, '--port=80', '--selector=a=b', '--dry-run=client', '-o', 'yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: bare\nspec:\n  ports:\n  - port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    a: b\nstatus:\n  loadBalancer: {}\n',
    );
    expect((await run(home, 'expose', '-f', f.bare, '--selector=a=b', '--cluster-ip=None', '--dry-run=client', '-o', 'yaml')).stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: bare\nspec:\n  clusterIP: None\n  selector:\n    a: b\nstatus:\n  loadBalancer: {}\n',
    );
    expect((await run(home, '-n', 'prod', 'expose', '-f', f.bare, '--port=80', '--selector=a=b', '--dry-run=client', '-o', 'yaml')).stdout).toContain('  name: bare\n  namespace: prod\n');
    expect(await run(home, 'expose', '-f', f.bare, '--port=80,81', '--selector=a=b', '--name=UPPER', '--dry-run=client', '-o', 'name')).toEqual(ok('service/UPPER\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--port=80', '--selector=a=b', '--dry-run=client')).toEqual(ok('service/bare exposed (dry run)\n'));
  });

  it('reports kubectl errors', async () => {
    const home = tempHome();
    const f = files(home);
    const dry = ['--dry-run=client'];
    expect(await run(home, 'expose', '-f', f.bare, '--port=80', ...dry)).toEqual(
      fail("error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"),
    );
    expect(await run(home, 'expose', '-f', f.expr, '--port=80', ...dry)).toEqual(
      fail('error: couldn\'t retrieve selectors via --selector flag or introspection: couldn\'t convert expressions - "[{Key:tier Operator:In Values:[a b]}]" to map-based selector format\n'),
    );
    expect(await run(home, 'expose', '-f', f.nosel, ...dry)).toEqual(fail("error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set\n"));
    expect(await run(home, 'expose', '-f', f.node, '--port=80', ...dry)).toEqual(fail('error: cannot expose a Node\n'));
    expect(await run(home, 'expose', '-f', f.ds, '--port=80', ...dry)).toEqual(fail('error: cannot expose a DaemonSet.apps\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--selector=a=b', ...dry)).toEqual(fail("error: couldn't find port via --port flag or introspection\n"));
    expect(await run(home, 'expose', '-f', f.bare, '--selector=a=b', '--port=abc', ...dry)).toEqual(fail('error: strconv.Atoi: parsing "abc": invalid syntax\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--selector=a=b=c', '--port=80', ...dry)).toEqual(fail('error: unexpected label spec: a=b=c\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--selector==b', '--port=80', ...dry)).toEqual(fail('error: unexpected empty label key\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--selector=a=b', '-l', 'foo', '--port=80', ...dry)).toEqual(fail('error: unexpected label spec: foo\n'));
    expect(await run(home, 'expose', '-f', f.bare, '--selector=a=b', '--port=80', '--session-affinity=Foo', ...dry)).toEqual(fail('error: unknown session affinity: Foo\n'));
    expect((await run(home, 'expose', '--port=80')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('expose against the cluster', () => {
  it('creates the service through the API and refuses a duplicate', async () => {
    const home = tempHome();
    expect((await run(home, 'create', 'deployment', 'web', '--image=nginx', '--port=80')).code).toBe(0);
    expect(await run(home, 'expose', 'deployment', 'web', '--type=NodePort')).toEqual(ok('service/web exposed\n'));
    const svc = JSON.parse((await run(home, 'get', 'svc', 'web', '-o', 'json')).stdout);
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
    expect(svc.spec.clusterIP).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(svc.spec.ports[0]).toMatchObject({ port: 80, targetPort: 80, protocol: 'TCP' });
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(await run(home, 'expose', 'deploy/web')).toEqual(fail('Error from server (AlreadyExists): services "web" already exists\n'));
    expect(await run(home, 'expose', 'deploy', 'nope', '--port=80')).toEqual(fail('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(await run(home, 'expose', 'deploy', '--port=80')).toEqual(fail('error: resource(s) were provided, but no name was specified\n'));
    expect(await run(home, 'expose', 'node', 'kube-lite-control-plane', '--port=80')).toEqual(fail('error: cannot expose a Node\n'));
    expect(await run(home, 'expose', 'svc', 'web', '--name=web-lb', '--type=LoadBalancer', '--port=8080', '--dry-run=server')).toEqual(ok('service/web-lb exposed (server dry run)\n'));
    expect((await run(home, 'get', 'svc', 'web-lb')).code).toBe(1);
  });

  it('truncates a long object name to 63 characters', async () => {
    const home = tempHome();
    const long = 'a'.repeat(70);
    const pod = writeFile(home, 'long.yaml', `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${long}\n  labels:\n    app: x\nspec:\n  containers:\n  - name: c\n    image: nginx\n`);
    expect((await run(home, 'apply', '-f', pod)).code).toBe(0);
    expect(await run(home, 'expose', 'pod', long, '--port=80')).toEqual(ok(`service/${'a'.repeat(63)} exposed\n`));
  });
});

describe('create service', () => {
  it('validates --tcp as create_service.go does', async () => {
    const home = tempHome();
    const c = (...a: string[]) => run(home, 'create', 'service', ...a, '--dry-run=client', '-o', 'yaml');
    expect(await c('clusterip', 'a')).toEqual(fail('error: at least one tcp port specifier must be provided\n'));
    expect(await c('nodeport', 'a')).toEqual(fail('error: at least one tcp port specifier must be provided\n'));
    expect(await c('loadbalancer', 'a')).toEqual(fail('error: at least one tcp port specifier must be provided\n'));
    expect(await c('clusterip', 'a', '--tcp=abc')).toEqual(fail('error: strconv.ParseUint: parsing "abc": invalid syntax\n'));
    expect(await c('clusterip', 'a', '--tcp=70000')).toEqual(fail('error: strconv.ParseUint: parsing "70000": value out of range\n'));
    expect(await c('clusterip', 'a', '--tcp=:80')).toEqual(fail('error: strconv.ParseUint: parsing "": invalid syntax\n'));
    expect(await c('clusterip', 'a', '--tcp=80:0')).toEqual(fail('error: must be between 1 and 65535, inclusive\n'));
    expect(await c('clusterip', 'a', '--tcp=80:Bad_Name')).toEqual(fail('error: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)\n'));
    expect(await c('clusterip', 'a', '--tcp=80:-a--b-verylongname1234')).toEqual(
      fail('error: must be no more than 15 characters,must not contain consecutive hyphens,must not begin or end with a hyphen\n'),
    );
    expect(await c('externalname', 'a')).toEqual(fail('error: required flag(s) "external-name" not set\n'));
    expect(await c('externalname', 'a', '--external-name=Bad_Name')).toEqual(fail('error: invalid service external name Bad_Name\n'));
  });

  it('names ports after the --tcp spec and gives --node-port to every port', async () => {
    const home = tempHome();
    expect((await run(home, 'create', 'service', 'nodeport', 'a', '--tcp=80', '--tcp=81:http', '--node-port=30001', '--dry-run=client', '-o', 'yaml')).stdout).toBe(`apiVersion: v1
kind: Service
metadata:
  labels:
    app: a
  name: a
spec:
  ports:
  - name: "80"
    nodePort: 30001
    port: 80
    protocol: TCP
    targetPort: 80
  - name: 81-http
    nodePort: 30001
    port: 81
    protocol: TCP
    targetPort: http
  selector:
    app: a
  type: NodePort
status:
  loadBalancer: {}
`);
    expect((await run(home, 'create', 'service', 'clusterip', 'h', '--clusterip=None', '--tcp=80', '--dry-run=client', '-o', 'yaml')).stdout).toContain('spec:\n  clusterIP: None\n  ports:\n  - name: "80"\n');
  });

  it('creates every type through the API and wraps AlreadyExists', async () => {
    const home = tempHome();
    expect(await run(home, 'create', 'service', 'clusterip', 'x', '--tcp=80')).toEqual(ok('service/x created\n'));
    expect(await run(home, 'create', 'service', 'clusterip', 'x', '--tcp=80')).toEqual(fail('error: failed to create ClusterIP service: services "x" already exists\n'));
    expect(await run(home, 'create', 'service', 'nodeport', 'x', '--tcp=80')).toEqual(fail('error: failed to create NodePort service: services "x" already exists\n'));
    expect(await run(home, 'create', 'service', 'clusterip', 'h', '--clusterip=None')).toEqual(ok('service/h created\n'));
    expect(await run(home, 'create', 'service', 'loadbalancer', 'lb', '--tcp=443:8443')).toEqual(ok('service/lb created\n'));
    expect(await run(home, 'create', 'service', 'externalname', 'ext', '--external-name=example.com')).toEqual(ok('service/ext created\n'));
    expect(await run(home, 'get', 'svc', 'h', '-o', 'jsonpath={.spec.clusterIP}')).toEqual(ok('None'));
  });
});
