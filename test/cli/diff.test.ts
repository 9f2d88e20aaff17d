// kube-lite diff: LIVE/MERGED directories through diff -u -N, exit codes 0/1/2, and no writes.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, runWith, tempHome, writeFile } from '../helpers/cli.js';

const deploy = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

let home: string;
/** Manifests, scripts and TMPDIR live outside the home, so the home holds only the cluster. */
let files: string;
let tmp: string;

beforeEach(async () => {
  home = tempHome();
  files = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-files-'));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-tmp-'));
  expect((await run(home, 'apply', '-f', writeFile(files, 'deploy.yaml', deploy(2, 'nginx:1.25')))).code).toBe(0);
});

afterEach(() => {
  for (const d of [home, files, tmp]) fs.rmSync(d, { recursive: true, force: true });
});

function diff(env: Record<string, string>, ...argv: string[]) {
  return runWith(home, { env: { TMPDIR: tmp, ...env } }, 'diff', ...argv);
}

/** Temp directory names and file times vary from run to run. */
function normalize(out: string): string {
  return out
    .replaceAll(tmp, '/tmp')
    .replace(/(LIVE|MERGED)-[A-Za-z0-9]+/g, '$1-X')
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4}$/gm, '\tTIME');
}

/** Every file under the cluster's home, hashed: what "the store did not change" means. */
function snapshot(): string {
  const h = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(p).update(fs.readFileSync(p));
    }
  };
  walk(home);
  return h.digest('hex');
}

describe('diff', () => {
  it('exits 0 and prints nothing when the manifest is applied as is', async () => {
    expect(await diff({}, '-f', path.join(files, 'deploy.yaml'))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('shows what apply would change and exits 1', async () => {
    const file = writeFile(files, 'changed.yaml', deploy(3, 'nginx:1.27'));
    const before = snapshot();
    const r = await diff({}, '-f', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    // The generation moves with the spec, as on a real server; managedFields stay out. The merged
    // object keeps the live last-applied-configuration: diff patches without it (kubectl's diff.go).
    expect(normalize(r.stdout)).toBe(`diff -u -N /tmp/LIVE-X/apps.v1.Deployment.default.web /tmp/MERGED-X/apps.v1.Deployment.default.web
--- /tmp/LIVE-X/apps.v1.Deployment.default.web\tTIME
+++ /tmp/MERGED-X/apps.v1.Deployment.default.web\tTIME
@@ -6,7 +6,7 @@
     kubectl.kubernetes.io/last-applied-configuration: |
       {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx"}]}}}}
   creationTimestamp: "2026-01-01T00:00:00Z"
-  generation: 1
+  generation: 2
   labels:
     app: web
   name: web
@@ -15,7 +15,7 @@
   uid: 589f50b0-2dec-4f0b-8283-9d5f108aa509
 spec:
   progressDeadlineSeconds: 600
-  replicas: 2
+  replicas: 3
   revisionHistoryLimit: 10
   selector:
     matchLabels:
@@ -31,7 +31,7 @@
         app: web
     spec:
       containers:
-      - image: nginx:1.25
+      - image: nginx:1.27
         imagePullPolicy: IfNotPresent
         name: nginx
         resources: {}
`);
    expect(snapshot()).toBe(before);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('shows an object that does not exist yet as all added, without creating it', async () => {
    const file = writeFile(files, 'cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
    const before = snapshot();
    const r = await diff({}, '-f', file);
    expect(r.code).toBe(1);
    const out = normalize(r.stdout);
    expect(out).toMatch(/^diff -u -N \/tmp\/LIVE-X\/v1\.ConfigMap\.default\.settings \/tmp\/MERGED-X\/v1\.ConfigMap\.default\.settings\n/);
    expect(out).toContain('\n@@ -0,0 +1,');
    expect(out).toContain('\n+apiVersion: v1\n+data:\n+  mode: fast\n+kind: ConfigMap\n+metadata:\n');
    expect(out).toContain('\n+  name: settings\n+  namespace: default\n');
    expect(out).not.toContain('last-applied-configuration');
    expect(snapshot()).toBe(before);
    expect((await run(home, 'get', 'configmap', 'settings')).stderr).toBe('Error from server (NotFound): configmaps "settings" not found\n');
  });

  it('masks Secret data unless --show-secret', async () => {
    const secret = (v: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  user: YWRtaW4=\n  pass: ${v}\n`;
    await run(home, 'apply', '-f', writeFile(files, 's1.yaml', secret('b2xk')));
    const file = writeFile(files, 's2.yaml', secret('bmV3'));
    const masked = normalize((await diff({}, '-f', file)).stdout);
    expect(masked).toContain('\n-  pass: \'*** (before)\'\n+  pass: \'*** (after)\'\n   user: \'***\'\n');
    expect(masked).not.toContain('pass: bmV3');
    const shown = normalize((await diff({}, '-f', file, '--show-secret')).stdout);
    expect(shown).toContain('\n-  pass: b2xk\n+  pass: bmV3\n');
  });

  it('runs KUBECTL_EXTERNAL_DIFF with the two directories first and its safe arguments after', async () => {
    const r = await diff({ KUBECTL_EXTERNAL_DIFF: 'echo --flag x;y' }, '-f', path.join(files, 'deploy.yaml'));
    expect(r.code).toBe(0);
    expect(normalize(r.stdout)).toBe('/tmp/LIVE-X /tmp/MERGED-X --flag\n');
  });

  it('exits 2 when the diff program fails', async () => {
    const prog = writeFile(files, 'bin-fail.sh', '#!/bin/sh\necho broken >&2\nexit 3\n');
    fs.chmodSync(prog, 0o755);
    expect(await diff({ KUBECTL_EXTERNAL_DIFF: prog }, '-f', path.join(files, 'deploy.yaml'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `broken\nerror: failed to run "${prog}": exit status 3\n`,
    });
    expect(await diff({ KUBECTL_EXTERNAL_DIFF: 'no-such-diff-program' }, '-f', path.join(files, 'deploy.yaml'))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: failed to run "no-such-diff-program": exec: "no-such-diff-program": executable file not found in $PATH\n',
    });
  });

  it('reports usage and server errors with exit code 2', async () => {
    expect(await diff({})).toEqual({ code: 2, stdout: '', stderr: 'error: must specify one of -f and -k\n' });
    expect(await diff({}, 'extra', '-f', path.join(files, 'deploy.yaml'))).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: Unexpected args: [extra]\nSee 'kubectl diff -h' for help and examples\n",
    });
    expect(await diff({}, '-f', path.join(files, 'missing.yaml'))).toEqual({
      code: 2,
      stdout: '',
      stderr: `error: the path "${path.join(files, 'missing.yaml')}" does not exist\n`,
    });
    const bad = writeFile(files, 'bad.yaml', deploy(-1, 'nginx:1.25'));
    const r = await diff({}, '-f', bad);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^The Deployment "web" is invalid: spec\.replicas: Invalid value: -1: /);
  });

  it('reads the manifest from stdin and honours -l', async () => {
    const r = await runWith(home, { stdin: deploy(5, 'nginx:1.25'), env: { TMPDIR: tmp } }, 'diff', '-f', '-');
    expect(r.code).toBe(1);
    expect(normalize(r.stdout)).toContain('\n-  replicas: 2\n+  replicas: 5\n');
    const skipped = await runWith(home, { stdin: deploy(5, 'nginx:1.25'), env: { TMPDIR: tmp } }, 'diff', '-f', '-', '-l', 'app=other');
    expect(skipped).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
