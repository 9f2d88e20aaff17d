// The real executable, spawned the way a user runs it (needs `npm install`, which builds dist/).

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';

const exec = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const bin = path.join(root, 'bin/kube-lite');

function env(home: string): NodeJS.ProcessEnv {
  return { ...process.env, KUBE_LITE_HOME: home, KUBE_LITE_SEED: '7', KUBE_LITE_NOW: '2026-01-01T00:00:00Z' };
}

async function kl(home: string, ...args: string[]) {
  try {
    const r = await exec(bin, args, { env: env(home), cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('bin/kube-lite', () => {
  it('applies a manifest and reads it back on a fresh machine', async () => {
    const home = tempHome();
    expect(await kl(home, 'apply', '-f', 'manifests/nginx-deployment.yaml')).toEqual({
      code: 0,
      stdout: 'deployment.apps/nginx-deployment created\n',
      stderr: '',
    });
    const r = await kl(home, 'get', 'deploy', 'nginx-deployment', '-o', 'jsonpath={.spec.replicas}');
    expect(r).toEqual({ code: 0, stdout: '3', stderr: '' });
  });

  it('stops printing quietly when the reader of its output goes away (| head)', async () => {
    const home = tempHome();
    expect((await kl(home, 'create', 'deployment', 'web', '--image=nginx', '--replicas=300')).code).toBe(0);
    // The reader closes the pipe before the command writes: every write then fails with EPIPE.
    const r = await exec('sh', ['-c', `"${bin}" get pods -o yaml | true; echo "exit $?"`], { env: env(home), cwd: root });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('exit 0\n');
    // Output to a full disk is dropped as Go's unchecked writes drop it: no crash, no stack trace.
    const full = await exec('sh', ['-c', `"${bin}" get pods -o yaml >/dev/full; echo "exit $?"`], { env: env(home), cwd: root });
    expect(full).toEqual({ stdout: 'exit 0\n', stderr: '' });
  });

  it('spares Node reading NODE_EXTRA_CA_CERTS at start, and gives the variable back to what it runs', async () => {
    const home = tempHome();
    const seen = path.join(home, 'seen');
    expect((await kl(home, 'create', 'configmap', 'c')).code).toBe(0);
    const editor = `sh -c 'printf %s "$NODE_EXTRA_CA_CERTS,\${KUBE_LITE_SAVED_NODE_EXTRA_CA_CERTS-unset}" > ${seen}'`;
    // A file Node cannot read: Node would warn on stderr had it tried.
    const r = await exec(bin, ['edit', 'configmap/c'], {
      env: { ...env(home), NODE_EXTRA_CA_CERTS: '/nonexistent/ca.pem', KUBE_EDITOR: editor },
      cwd: root,
    });
    expect(r).toEqual({ stdout: '', stderr: 'Edit cancelled, no changes made.\n' });
    expect(fs.readFileSync(seen, 'utf8')).toBe('/nonexistent/ca.pem,unset');
  });

  it('runs when started by a relative path (the generated files are still found)', async () => {
    const home = tempHome();
    const r = await exec('bin/kube-lite', ['apply', '-f', 'manifests/nginx-deployment.yaml'], { env: env(home), cwd: root });
    expect(r).toEqual({ stdout: 'deployment.apps/nginx-deployment created\n', stderr: '' });
  });

  it('reads -f - from stdin and exits 1 with a kubectl error', async () => {
    const home = tempHome();
    const r = await kl(home, 'get', 'pods', 'missing');
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "missing" not found\n' });
  });

  it('serializes concurrent writers: 8 processes x 20 label commands, nothing lost', async () => {
    const home = tempHome();
    expect((await kl(home, 'create', 'namespace', 'race')).code).toBe(0);
    const worker = async (w: number) => {
      for (let i = 0; i < 20; i++) {
        const r = await kl(home, 'label', 'namespace', 'race', `w${w}-n${i}=v`);
        if (r.code !== 0) throw new Error(r.stderr);
      }
    };
    await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(worker));
    const r = await kl(home, 'get', 'namespace', 'race', '-o', 'json');
    const labels = JSON.parse(r.stdout).metadata.labels as Record<string, string>;
    const ours = Object.keys(labels).filter((k) => /^w\d-n\d+$/.test(k));
    expect(ours).toHaveLength(160);
    // The store is intact JSON and no lock or temporary file is left behind.
    const dir = path.join(home, 'clusters/kube-lite');
    expect(fs.readdirSync(dir).sort()).toEqual(['objects', 'state.json']);
  }, 300_000);

  describe('startup snapshot (bin/kube-lite, scripts/gen-snapshot.mjs)', () => {
    /** The launcher's shell trace: the command line it starts Node with. */
    async function launch(binPath: string, extraEnv: Record<string, string> = {}) {
      const home = tempHome();
      const r = await exec('sh', ['-x', binPath, 'get', 'ns', '-o', 'name'], { env: { ...env(home), ...extraEnv }, cwd: root });
      const execLine = r.stderr.split('\n').filter((l) => l.startsWith('+ exec ')).pop() ?? '';
      return { stdout: r.stdout, execLine };
    }
    const NAMESPACES = 'namespace/default\nnamespace/kube-node-lease\nnamespace/kube-public\nnamespace/kube-system\n';

    it('starts Node from the snapshot the build made: the small one for a command that only reads', async () => {
      const r = await launch(bin);
      expect(r.execLine).toContain(`--snapshot-blob ${root}/bin/../build/snapshot/kube-lite-read.blob `);
      expect(r.stdout).toBe(NAMESPACES);
      const home = tempHome();
      const w = await exec('sh', ['-x', bin, '-n', 'default', 'create', 'configmap', 'c'], { env: env(home), cwd: root });
      expect(w.stdout).toBe('configmap/c created\n');
      expect(w.stderr).toContain(`--snapshot-blob ${root}/bin/../build/snapshot/kube-lite.blob `);
    });

    it('loads the bundle itself, with the same result, when asked to or when the Node changed since', async () => {
      const off = await launch(bin, { KUBE_LITE_NO_SNAPSHOT: '1' });
      expect(off.execLine).not.toContain('--snapshot-blob');
      expect(off.stdout).toBe(NAMESPACES);
      // A copy of the install whose stamps say the Node was modified after the snapshot was made.
      const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-stale-'));
      for (const d of ['bin', 'dist', 'build/snapshot']) fs.cpSync(path.join(root, d), path.join(copy, d), { recursive: true, preserveTimestamps: true });
      fs.copyFileSync(path.join(root, 'package.json'), path.join(copy, 'package.json'));
      fs.symlinkSync(path.join(root, 'build/openapi'), path.join(copy, 'build/openapi'));
      fs.symlinkSync(path.join(root, 'build/schema-validators.cjs'), path.join(copy, 'build/schema-validators.cjs'));
      const past = new Date('2000-01-01T00:00:00Z');
      fs.utimesSync(path.join(copy, 'build/snapshot/after'), past, past);
      const stale = await launch(path.join(copy, 'bin/kube-lite'));
      expect(stale.execLine).not.toContain('--snapshot-blob');
      expect(stale.stdout).toBe(NAMESPACES);
      // Through a symlink, as npm installs it in node_modules/.bin: the real install is found.
      fs.symlinkSync(path.join(root, 'bin/kube-lite'), path.join(copy, 'kl-link'));
      const linked = await launch(path.join(copy, 'kl-link'));
      expect(linked.execLine).toContain('--snapshot-blob');
      expect(linked.stdout).toBe(NAMESPACES);
      fs.rmSync(copy, { recursive: true, force: true });
    });
  });
});
