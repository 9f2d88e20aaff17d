// kubectl get -w / --watch-only / --output-watch-events (kubectl get.go watch()). The watcher runs as
// the real executable (it holds the cluster lock across awaits, so it cannot share a process with the
// commands that change the cluster); changes are made in process; SIGINT ends it as it ends kubectl.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../../src/api/types.js';
import { WatchTablePrinter } from '../../src/printers/table.js';
import { FIXED_NOW, run, tempHome, type Result } from '../helpers/cli.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bin = path.join(root, 'bin/kube-lite');

beforeAll(() => {
  // The watcher is the built executable: build it from the sources under test.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
}, 120_000);

interface Watcher {
  /** Resolves once the watcher has read its initial state. */
  ready: Promise<void>;
  stdout: () => string;
  /** Waits until stdout ends with `tail` (or contains it). */
  waitFor: (text: string) => Promise<void>;
  /** SIGINT, then the result. */
  stop: () => Promise<Result>;
  done: Promise<Result>;
}

async function until(cond: () => boolean, what: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function watch(home: string, ...args: string[]): Watcher {
  const readyFile = path.join(home, `ready-${Math.random().toString(36).slice(2)}`);
  const child = spawn(bin, args, {
    env: {
      ...process.env,
      KUBE_LITE_HOME: home,
      KUBE_LITE_SEED: '1',
      KUBE_LITE_NOW: FIXED_NOW,
      TZ: 'UTC',
      KUBE_LITE_WATCH_INTERVAL_MS: '10',
      KUBE_LITE_WATCH_READY: readyFile,
    },
    cwd: root,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Result>((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
  let exited = false;
  void done.then(() => (exited = true));
  const ready = until(() => fs.existsSync(readyFile) || exited, () => `ready (stderr: ${stderr})`);
  return {
    ready,
    stdout: () => stdout,
    waitFor: (text) => until(() => stdout.includes(text), () => `${JSON.stringify(text)} in ${JSON.stringify(stdout)}`),
    stop: async () => {
      // One more poll interval: nothing else may come out.
      await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGINT');
      return done;
    },
    done,
  };
}

async function ok(home: string, ...argv: string[]): Promise<string> {
  const r = await run(home, ...argv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function withDeployment(replicas = 2): Promise<string> {
  const home = tempHome();
  await ok(home, 'create', 'deployment', 'web', '--image=nginx:1.25', `--replicas=${replicas}`);
  return home;
}

const podNames = async (home: string) => (await ok(home, 'get', 'pods', '-o', 'name')).trim().split('\n').map((n) => n.replace('pod/', ''));

describe('get --watch', () => {
  it('prints the list, then each change as a row without a header; SIGINT exits 1 quietly', async () => {
    const home = await withDeployment();
    const [a, b] = await podNames(home);
    const w = watch(home, 'get', 'pods', '-w');
    await w.ready;
    const initial = `NAME                   READY   STATUS    RESTARTS   AGE\n${a}   1/1     Running   0          0s\n${b}   1/1     Running   0          0s\n`;
    expect(w.stdout()).toBe(initial);

    await ok(home, 'scale', 'deploy/web', '--replicas=3');
    const c = (await podNames(home)).find((n) => n !== a && n !== b)!;
    await w.waitFor(c);
    await ok(home, 'delete', 'pod', a!);
    const after = await podNames(home);
    const replacement = after.find((n) => ![a, b, c].includes(n))!;
    await w.waitFor(replacement);
    const r = await w.stop();
    // Rows for new pods; the deleted pod's row is its last state. Rows keep the initial widths.
    expect(r).toEqual({
      code: 1,
      stdout:
        initial +
        `${c}   1/1     Running   0          0s\n` +
        `${replacement}   1/1     Running   0          0s\n` +
        `${a}   1/1     Running   0          0s\n`,
      stderr: '',
    });
  });

  it('--watch-only prints only changes, the first one with the header', async () => {
    const home = await withDeployment(1);
    const w = watch(home, 'get', 'deploy', '--watch-only');
    await w.ready;
    expect(w.stdout()).toBe('');
    await ok(home, 'scale', 'deploy/web', '--replicas=2');
    await w.waitFor('2/2');
    expect(await w.stop()).toEqual({
      code: 1,
      stdout: 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           0s\n',
      stderr: '',
    });
  });

  it('--output-watch-events adds EVENT: the existing objects as ADDED, then MODIFIED and DELETED', async () => {
    const home = await withDeployment(1);
    await ok(home, 'create', 'deployment', 'db', '--image=postgres');
    const w = watch(home, 'get', 'deployments', '-w', '--output-watch-events');
    await w.ready;
    await ok(home, 'scale', 'deploy/web', '--replicas=2');
    await w.waitFor('2/2');
    await ok(home, 'delete', 'deploy', 'db');
    await w.waitFor('DELETED');
    expect(await w.stop()).toEqual({
      code: 1,
      stdout:
        'EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'ADDED      db     1/1     1            1           0s\n' +
        'ADDED      web    1/1     1            1           0s\n' +
        'MODIFIED   web    2/2     2            2           0s\n' +
        'DELETED    db     1/1     1            1           0s\n',
      stderr: '',
    });
  });

  it('watches one object by name: a deletion and a re-creation', async () => {
    const home = await withDeployment(1);
    await ok(home, 'create', 'deployment', 'other', '--image=nginx');
    const w = watch(home, 'get', 'deploy', 'web', '-w', '--output-watch-events');
    await w.ready;
    await ok(home, 'scale', 'deploy/other', '--replicas=3');
    await ok(home, 'delete', 'deploy', 'web');
    await w.waitFor('DELETED');
    await ok(home, 'create', 'deployment', 'web', '--image=nginx', '--replicas=4');
    await w.waitFor('4/4');
    expect(await w.stop()).toEqual({
      code: 1,
      stdout:
        'EVENT      NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'ADDED      web    1/1     1            1           0s\n' +
        'DELETED    web    1/1     1            1           0s\n' +
        'ADDED      web    4/4     4            4           0s\n',
      stderr: '',
    });
  });

  it('-A adds NAMESPACE and -l selects; later rows keep the widest widths seen', async () => {
    const home = tempHome();
    await ok(home, 'create', 'namespace', 'production');
    await ok(home, 'create', 'deployment', 'api', '--image=nginx', '-n', 'production');
    await ok(home, 'create', 'deployment', 'web', '--image=nginx');
    const w = watch(home, 'get', 'deploy', '-A', '-l', 'app', '-w');
    await w.ready;
    await ok(home, 'create', 'deployment', 'x', '--image=nginx');
    await w.waitFor('x ');
    await ok(home, 'label', 'deploy', 'web', 'app-');
    await until(() => w.stdout().split('\n').length === 6, () => w.stdout());
    await ok(home, 'scale', 'deploy/x', '--replicas=2');
    await w.waitFor('2/2');
    expect(await w.stop()).toEqual({
      code: 1,
      stdout:
        'NAMESPACE    NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n' +
        'default      web    1/1     1            1           0s\n' +
        'production   api    1/1     1            1           0s\n' +
        'default      x      1/1     1            1           0s\n' +
        // web lost its app label: no longer matched, as a watch with a selector reports it.
        'default      web    1/1     1            1           0s\n' +
        'default      x      2/2     2            2           0s\n',
      stderr: '',
    });
  });

  it('-o name and -o yaml print each object alone (YAML documents separated by ---)', async () => {
    const home = await withDeployment(1);
    const w = watch(home, 'get', 'deploy', '-w', '-o', 'name');
    const y = watch(home, 'get', 'deploy', 'web', '-w', '-o', 'yaml');
    await Promise.all([w.ready, y.ready]);
    await ok(home, 'scale', 'deploy/web', '--replicas=2');
    await w.waitFor('\ndeployment.apps/web\n');
    await y.waitFor('---\n');
    expect(await w.stop()).toEqual({ code: 1, stdout: 'deployment.apps/web\ndeployment.apps/web\n', stderr: '' });
    const yaml = (await y.stop()).stdout;
    const docs = yaml.split('---\n');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\n/);
    expect(docs[0]).toMatch(/\n  replicas: 1\n/);
    expect(docs[1]).toMatch(/\n  replicas: 2\n/);
    expect(yaml).not.toContain('managedFields');
  });

  it('--request-timeout ends the watch quietly with exit 0', async () => {
    const home = await withDeployment(1);
    const w = watch(home, 'get', 'deploy', '-w', '--request-timeout=1s');
    expect(await w.done).toEqual({
      code: 0,
      stdout: 'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    1/1     1            1           0s\n',
      stderr: '',
    });
  });

  it('follows a realistic-timing cluster as its clock moves', async () => {
    const home = tempHome();
    await ok(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await ok(home, 'create', 'deployment', 'web', '--image=nginx:1.25');
    const w = watch(home, 'get', 'pods', '-w');
    await w.ready;
    const [pod] = await podNames(home);
    expect(w.stdout()).toBe(`NAME                   READY   STATUS    RESTARTS   AGE\n${pod}   0/1     Pending   0          0s\n`);
    await ok(home, 'cluster', 'advance', '1s');
    await w.waitFor('ContainerCreating');
    await ok(home, 'cluster', 'advance', '10s');
    await w.waitFor('Running');
    // STATUS widens with ContainerCreating and stays that wide (the tabwriter remembers widths).
    expect(await w.stop()).toEqual({
      code: 1,
      stdout:
        `NAME                   READY   STATUS    RESTARTS   AGE\n` +
        `${pod}   0/1     Pending   0          0s\n` +
        `${pod}   0/1     ContainerCreating   0          1s\n` +
        `${pod}   1/1     Running             0          11s\n`,
      stderr: '',
    });
  });

  it('reports errors as kubectl does', async () => {
    const home = await withDeployment(1);
    expect(await run(home, 'get', 'foos', '-w')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: the server doesn\'t have a resource type "foos"\n',
    });
    expect(await run(home, 'get', 'pods', '--output-watch-events')).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples\n",
    });
    expect(await run(home, 'get', 'pods,svc', '-w')).toEqual({ code: 1, stdout: '', stderr: 'error: you may only specify a single resource type\n' });
    expect(await run(home, 'get', 'deploy', 'nope', '-w')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
    expect((await run(home, 'get', '-w')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
  });
});

describe('WatchTablePrinter', () => {
  const table = (rows: string[][]): Table => ({
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', priority: 0 },
      { name: 'Status', type: 'string', priority: 0 },
      { name: 'Age', type: 'string', priority: 0 },
    ],
    rows: rows.map((cells) => ({ cells, object: { metadata: {} } as never })),
  });
  const opts = { wide: false, noHeaders: false, namespaceColumn: false, showLabels: false, labelColumns: [] };

  it('prints the header once, with the first rows, and remembers column widths across flushes', () => {
    const p = new WatchTablePrinter(opts);
    expect(p.flush([{ table: table([]) }])).toBe('');
    expect(p.flush([{ table: table([['a-long-name', 'Running', '1s']]) }])).toBe('NAME          STATUS    AGE\na-long-name   Running   1s\n');
    // Narrower cells keep the remembered widths; a wider one widens its column from then on.
    expect(p.flush([{ table: table([['b', 'Pending', '2s']]) }])).toBe('b             Pending   2s\n');
    expect(p.flush([{ table: table([['c', 'ContainerCreating', '3s']]) }])).toBe('c             ContainerCreating   3s\n');
    expect(p.flush([{ table: table([['d', 'Running', '4s']]) }])).toBe('d             Running             4s\n');
  });

  it('pads event types to one width (ADDED, MODIFIED, DELETED)', () => {
    const p = new WatchTablePrinter(opts);
    expect(p.flush([{ table: table([['x', 'Running', '1s']]), eventType: 'DELETED' }])).toBe('EVENT      NAME   STATUS    AGE\nDELETED    x      Running   1s\n');
    expect(p.flush([{ table: table([['x', 'Running', '1s']]), eventType: 'ADDED' }])).toBe('ADDED      x      Running   1s\n');
  });
});
