// kubectl exec POD -- nslookup / curl / wget over the simulated cluster network: exact output, exit
// codes, search-list resolution from the exec'ed pod, and the answering pod's access log.

import { beforeAll, describe, expect, it } from 'vitest';
import { NGINX_WELCOME } from '../../src/sim/traffic/http.js';
import { run, tempHome, writeFile } from '../helpers/cli.js';

const WORLD = `apiVersion: v1
kind: Namespace
metadata:
  name: other
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.25.3
    ports:
    - containerPort: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: box
    image: busybox:1.36
    command: [sleep, "3600"]
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  clusterIP: 10.96.12.34
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web-headless
spec:
  clusterIP: None
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: empty
spec:
  clusterIP: 10.96.12.40
  selector: {app: nothing}
  ports:
  - port: 80
---
apiVersion: v1
kind: Pod
metadata:
  name: echo
  namespace: other
  labels: {app: echo}
spec:
  containers:
  - name: echo
    image: hashicorp/http-echo:1.0
    ports:
    - containerPort: 5678
---
apiVersion: v1
kind: Service
metadata:
  name: echo
  namespace: other
spec:
  clusterIP: 10.96.12.50
  selector: {app: echo}
  ports:
  - port: 80
    targetPort: 5678
`;

const HEAD = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';

let home: string;
let webIP: string;
let clientIP: string;

beforeAll(async () => {
  home = tempHome();
  expect((await run(home, 'apply', '-f', writeFile(home, 'world.yaml', WORLD))).code).toBe(0);
  webIP = (await run(home, 'get', 'pod', 'web', '-o', 'jsonpath={.status.podIP}')).stdout;
  clientIP = (await run(home, 'get', 'pod', 'client', '-o', 'jsonpath={.status.podIP}')).stdout;
  expect(webIP).toMatch(/^10\.244\./);
  expect(clientIP).toMatch(/^10\.244\./);
});

const exec = (...cmd: string[]) => run(home, 'exec', 'client', '--', ...cmd);

describe('exec nslookup', () => {
  it('resolves a short name through the pod\'s search list, as busybox prints it', async () => {
    expect(await exec('nslookup', 'web')).toEqual({ code: 0, stderr: '', stdout: `${HEAD}Name:\tweb.default.svc.cluster.local\nAddress: 10.96.12.34\n\n` });
  });

  it('resolves another namespace by its full name; busybox searches only dot-less names', async () => {
    expect(await exec('nslookup', 'echo.other.svc.cluster.local')).toEqual({
      code: 0,
      stderr: '',
      stdout: `${HEAD}Name:\techo.other.svc.cluster.local\nAddress: 10.96.12.50\n\n`,
    });
    expect(await exec('nslookup', 'echo.other')).toEqual({
      code: 1,
      stdout: `${HEAD}** server can't find echo.other: NXDOMAIN\n\n`,
      stderr: 'command terminated with exit code 1\n',
    });
    // From a pod in `other`, the short name is searched in `other`.
    expect((await run(home, 'exec', '-n', 'other', 'echo', '--', 'nslookup', 'echo')).stdout).toBe(`${HEAD}Name:\techo.other.svc.cluster.local\nAddress: 10.96.12.50\n\n`);
  });

  it('answers NXDOMAIN with the first searched name, exit 1', async () => {
    expect(await exec('nslookup', 'nosuch')).toEqual({
      code: 1,
      stdout: `${HEAD}** server can't find nosuch.default.svc.cluster.local: NXDOMAIN\n\n`,
      stderr: 'command terminated with exit code 1\n',
    });
  });

  it('returns the pod addresses of a headless Service, and PTR for a ClusterIP', async () => {
    expect(await exec('nslookup', 'web-headless')).toEqual({ code: 0, stderr: '', stdout: `${HEAD}Name:\tweb-headless.default.svc.cluster.local\nAddress: ${webIP}\n\n` });
    expect((await exec('nslookup', '10.96.12.34')).stdout).toBe(`${HEAD}34.12.96.10.in-addr.arpa\tname = web.default.svc.cluster.local\n\n`);
  });
});

describe('exec curl', () => {
  it('gets nginx\'s welcome page through the Service, and the pod logs the request from the client pod', async () => {
    expect(await exec('curl', 'http://web/')).toEqual({ code: 0, stderr: '', stdout: NGINX_WELCOME });
    expect(Buffer.byteLength(NGINX_WELCOME)).toBe(615);
    const logs = await run(home, 'logs', 'web', '--tail', '1');
    expect(logs.stdout).toBe(`${clientIP} - - [01/Jan/2026:00:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n`);
  });

  it('prints the response headers with -i (CRLF, cluster time)', async () => {
    const r = await exec('curl', '-si', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.25.3\r\nDate: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\n' +
        'Connection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\n' +
        NGINX_WELCOME,
    );
  });

  it('reaches another namespace with the resolver\'s search list (ndots:5), and a pod by its address', async () => {
    expect(await exec('curl', '-s', 'http://echo.other/x?y=1')).toEqual({ code: 0, stderr: '', stdout: 'Hello from echo\n' });
    expect(await run(home, 'logs', '-n', 'other', 'echo', '--tail', '1')).toMatchObject({ stdout: `2026-01-01T00:00:00Z GET /x?y=1 from ${clientIP}\n` });
    expect((await exec('curl', '-s', 'web-headless')).stdout).toBe(NGINX_WELCOME);
    expect((await exec('curl', '-s', `${webIP}:8080`)).code).toBe(7);
  });

  it('fails as curl does: no endpoints (7), unknown host (6), dropped (28); -s hides the message, -S shows it', async () => {
    expect(await exec('curl', 'http://empty')).toEqual({
      code: 7,
      stdout: '',
      stderr: "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\ncommand terminated with exit code 7\n",
    });
    expect(await exec('curl', 'http://nosuch')).toEqual({ code: 6, stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch\ncommand terminated with exit code 6\n' });
    expect(await exec('curl', '-s', 'http://nosuch')).toEqual({ code: 6, stdout: '', stderr: 'command terminated with exit code 6\n' });
    expect(await exec('curl', '-sS', 'http://nosuch')).toEqual({ code: 6, stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch\ncommand terminated with exit code 6\n' });
    expect(await exec('curl', '-m', '2', '10.1.2.3')).toEqual({ code: 28, stdout: '', stderr: 'curl: (28) Connection timed out after 2000 milliseconds\ncommand terminated with exit code 28\n' });
    expect(await exec('curl', 'web:81')).toMatchObject({ code: 7 });
    expect(await exec('curl')).toEqual({ code: 2, stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\ncommand terminated with exit code 2\n" });
  });
});

describe('exec wget', () => {
  it('prints the body with -qO- (and -q -O-, -O- -q)', async () => {
    expect(await exec('wget', '-qO-', 'http://web')).toEqual({ code: 0, stderr: '', stdout: NGINX_WELCOME });
    // busybox wget says who it is: the nginx access log shows its User-Agent, not curl's.
    expect((await run(home, 'logs', 'web', '--tail', '1')).stdout).toMatch(/"GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"\n$/);
    expect(await exec('wget', '-q', '-O-', 'echo.other')).toEqual({ code: 0, stderr: '', stdout: 'Hello from echo\n' });
    expect(await exec('wget', '-O-', '-q', 'echo.other')).toEqual({ code: 0, stderr: '', stdout: 'Hello from echo\n' });
  });

  it('fails as busybox wget does', async () => {
    expect(await exec('wget', '-qO-', 'http://nosuch')).toEqual({ code: 1, stdout: '', stderr: "wget: bad address 'nosuch'\ncommand terminated with exit code 1\n" });
    expect(await exec('wget', '-qO-', 'http://empty')).toEqual({
      code: 1,
      stdout: '',
      stderr: "wget: can't connect to remote host (10.96.12.40): Connection refused\ncommand terminated with exit code 1\n",
    });
    expect(await exec('wget', 'http://web')).toMatchObject({ code: 127 });
  });
});

describe('exec network errors', () => {
  it('keeps kubectl\'s error for a container that is not running', async () => {
    const h = tempHome();
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
    expect((await run(h, 'apply', '-f', writeFile(h, 'bad.yaml', bad))).code).toBe(0);
    expect(await run(h, 'exec', 'bad', '--', 'curl', 'http://web')).toEqual({ code: 1, stdout: '', stderr: 'error: unable to upgrade connection: container not found ("c")\n' });
  });
});
