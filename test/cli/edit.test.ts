// kube-lite edit with scripted editors: the edit loop's messages, streams and exit codes as kubectl's.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, runWith, tempHome, writeFile } from '../helpers/cli.js';

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
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
        image: nginx:1.25
        ports:
        - containerPort: 80
`;

let home: string;
let tmp: string;

beforeEach(async () => {
  home = tempHome();
  tmp = fs.mkdtempSync(path.join(home, 'tmp-'));
  const file = writeFile(home, 'deploy.yaml', DEPLOY);
  expect((await run(home, 'apply', '-f', file)).code).toBe(0);
});

afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

/** An editor script that keeps a copy of every file it is given (0.yaml, 1.yaml…), then runs `body`. */
function editorScript(body: string): { editor: string; seen: () => string[] } {
  const log = fs.mkdtempSync(path.join(home, 'seen-'));
  const editor = writeFile(home, `editor-${path.basename(log)}.sh`, `#!/bin/sh\nn=$(ls "${log}" | wc -l)\ncp "$1" "${log}/$n"\n${body}\n`);
  fs.chmodSync(editor, 0o755);
  const seen = () =>
    fs
      .readdirSync(log)
      .sort((a, b) => Number(a) - Number(b))
      .map((f) => fs.readFileSync(path.join(log, f), 'utf8'));
  return { editor, seen };
}

function edit(editor: string, ...argv: string[]) {
  return runWith(home, { env: { EDITOR: editor, TMPDIR: tmp } }, 'edit', ...argv);
}

const image = async () => (await run(home, 'get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout;

describe('edit', () => {
  it('patches what the editor changed', async () => {
    const r = await edit('sed -i s/nginx:1.25/nginx:1.27/', 'deployment', 'web');
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
    expect(await image()).toBe('nginx:1.27');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('shows the object as YAML under the header comment, without managedFields', async () => {
    const { editor, seen } = editorScript('true');
    await edit(editor, 'deploy/web');
    const text = seen()[0]!;
    expect(text.startsWith(
      "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
        '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
        '# reopened with the relevant failures.\n' +
        '#\n' +
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n',
    )).toBe(true);
    expect(text).not.toContain('managedFields');
    const yaml = (await run(home, 'get', 'deploy', 'web', '-o', 'yaml')).stdout;
    expect(text.slice(text.indexOf('apiVersion:'))).toBe(yaml);
  });

  it('cancels when nothing changed', async () => {
    expect(await edit('true', 'deployment', 'web')).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
  });

  it('cancels when only comments changed', async () => {
    const r = await edit('sed -i s/^#.*$/#/', 'deployment', 'web');
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
  });

  it('cancels when the file is saved empty', async () => {
    expect(await edit('truncate -s 0', 'deployment', 'web')).toEqual({ code: 0, stdout: '', stderr: 'Edit cancelled, saved file was empty.\n' });
    expect(await image()).toBe('nginx:1.25');
  });

  it('reopens an invalid edit with the errors on top, and gives up when saved unchanged', async () => {
    const { editor, seen } = editorScript(`sed -i 's/replicas: 2/replicas: -1/' "$1"`);
    const r = await edit(editor, 'deployment', 'web');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const m = /^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "(.+)"\nerror: Edit cancelled, no valid changes were saved\.\n$/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    const kept = m![1]!;
    expect(path.dirname(kept)).toBe(tmp);
    expect(path.basename(kept)).toMatch(/^kube-lite-edit-[a-z0-9]{5}\.yaml$/);
    const [, second] = seen();
    expect(second).toMatch(
      /^# Please edit the object below\.[^]*\n# reopened with the relevant failures\.\n#\n# deployments\.apps "web" was not valid:\n# \* spec\.replicas: Invalid value: -1: .+\n#\napiVersion: apps\/v1\n/,
    );
    expect(second).toContain('  replicas: -1\n');
    expect(fs.readFileSync(kept, 'utf8')).toBe(second);
    expect((await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).stdout).toBe('2');
  });

  it('accepts a fix made in the reopened file', async () => {
    // First save: invalid replicas. Second save: a valid value.
    const { editor } = editorScript(`if grep -q 'was not valid' "$1"; then sed -i 's/replicas: -1/replicas: 4/' "$1"; else sed -i 's/replicas: 2/replicas: -1/' "$1"; fi`);
    const r = await edit(editor, 'deployment', 'web');
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: 'error: deployments.apps "web" is invalid\n' });
    expect((await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).stdout).toBe('4');
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('reopens a file with a syntax error', async () => {
    const { editor, seen } = editorScript(`grep -q 'syntax error' "$1" || printf 'kind: [\\n' >> "$1"`);
    const r = await edit(editor, 'deployment', 'web');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^A copy of your changes has been stored to ".+"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(seen()[1]).toMatch(/\n#\n# The edited file had a syntax error: /);
  });

  it('refuses to change the name', async () => {
    const { editor } = editorScript(`sed -i 's/^  name: web$/  name: other/' "$1"`);
    const r = await edit(editor, 'deployment', 'web');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^A copy of your changes has been stored to ".+"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });

  it('edits several objects as a List', async () => {
    writeFile(home, 'cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: slow\n');
    await run(home, 'apply', '-f', path.join(home, 'cm.yaml'));
    const { editor, seen } = editorScript(`sed -i 's/mode: slow/mode: fast/' "$1"`);
    const r = await edit(editor, 'deployment/web', 'configmap/settings');
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web skipped\nconfigmap/settings edited\n', stderr: '' });
    expect(seen()[0]).toMatch(/\n#\napiVersion: v1\nitems:\n- apiVersion: apps\/v1\n[^]*\n- apiVersion: v1\n  data:\n    mode: slow\n[^]*\nkind: List\nmetadata: \{\}\n$/);
    expect((await run(home, 'get', 'cm', 'settings', '-o', 'jsonpath={.data.mode}')).stdout).toBe('fast');
  });

  it('edits JSON without a header with -o json, and prints the result as JSON', async () => {
    const { editor, seen } = editorScript(`sed -i 's/nginx:1.25/nginx:1.26/' "$1"`);
    const r = await edit(editor, 'deployment', 'web', '-o', 'json');
    expect(r.code).toBe(0);
    expect(seen()[0]!.startsWith('{\n    "apiVersion": "apps/v1",\n')).toBe(true);
    expect(JSON.parse(r.stdout).spec.template.spec.containers[0].image).toBe('nginx:1.26');
    expect(await image()).toBe('nginx:1.26');
  });

  it('reports errors as kubectl does', async () => {
    expect(await edit('true')).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    });
    expect(await edit('true', 'deployment', 'nope')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
    expect(await edit('/nonexistent/editor', 'deployment', 'web')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: unable to launch the editor "/nonexistent/editor"\n',
    });
    expect(await edit('false', 'deployment', 'web')).toEqual({ code: 1, stdout: '', stderr: 'error: there was a problem with the editor "false"\n' });
    expect((await edit('true', 'deployment', 'web', '-o', 'name')).stderr).toBe(
      'error: unable to match a printer suitable for the output format "name", allowed formats are: json,kyaml,yaml\n',
    );
  });

  it('prefers KUBE_EDITOR over EDITOR', async () => {
    const r = await runWith(home, { env: { KUBE_EDITOR: 'sed -i s/nginx:1.25/nginx:1.28/', EDITOR: 'false', TMPDIR: tmp } }, 'edit', 'deploy', 'web');
    expect(r).toEqual({ code: 0, stdout: 'deployment.apps/web edited\n', stderr: '' });
  });
});
