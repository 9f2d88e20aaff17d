// kube-lite completion: kubectl's argument errors, and the bash script exercised in a real bash
// against a stand-in kube-lite that answers the name queries.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempHome, writeFile } from '../helpers/cli.js';

const hasZsh = spawnSync('sh', ['-c', 'command -v zsh']).status === 0;

let home: string;
let bashScript: string;
let zshScript: string;

beforeAll(async () => {
  home = tempHome();
  const bash = await run(home, 'completion', 'bash');
  expect(bash.code).toBe(0);
  bashScript = writeFile(home, 'kube-lite.bash', bash.stdout);
  const zsh = await run(home, 'completion', 'zsh');
  expect(zsh.code).toBe(0);
  zshScript = writeFile(home, '_kube_lite', zsh.stdout);
  // The stand-in: logs its arguments and prints `kind/name` lines as `get -o name` does.
  const fake = writeFile(
    home,
    'bin/kube-lite',
    `#!/bin/sh
echo "$*" >> "${home}/calls.log"
case "$*" in
  *"get namespaces -o name") printf 'namespace/default\\nnamespace/kube-system\\n' ;;
  *"get deploy -o name") printf 'deployment.apps/web\\ndeployment.apps/api\\n' ;;
  *"get pods -o name") printf 'pod/web-1\\n' ;;
  "config get-contexts -o name") printf 'kube-lite\\nstaging\\n' ;;
esac
`,
  );
  fs.chmodSync(fake, 0o755);
  writeFile(home, 'work/deploy.yaml', '');
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** Runs the bash completion for `words` (the last one is being completed) and returns the candidates, sorted. */
function complete(...words: string[]): string[] {
  const r = spawnSync(
    'bash',
    ['-c', 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kube_lite; printf "%s\\n" "${COMPREPLY[@]}"', bashScript, 'kube-lite', ...words],
    { encoding: 'utf8', cwd: path.join(home, 'work'), env: { ...process.env, PATH: `${path.join(home, 'bin')}:${process.env['PATH']}` } },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

function lastCall(): string {
  const lines = fs.readFileSync(path.join(home, 'calls.log'), 'utf8').trim().split('\n');
  return lines[lines.length - 1]!;
}

describe('completion', () => {
  it('reports a missing, extra or unknown shell as kubectl does', async () => {
    expect(await run(home, 'completion')).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: Shell not specified.\nSee 'kubectl completion -h' for help and examples\n",
    });
    expect(await run(home, 'completion', 'fish')).toEqual({
      code: 1,
      stdout: '',
      stderr: `error: Unsupported shell type "fish".\nSee 'kubectl completion -h' for help and examples\n`,
    });
    expect(await run(home, 'completion', 'bash', 'zsh')).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: Too many arguments. Expected only the shell type.\nSee 'kubectl completion -h' for help and examples\n",
    });
  });

  it('prints scripts the shells accept', () => {
    expect(spawnSync('bash', ['-n', bashScript]).status).toBe(0);
    expect(fs.readFileSync(zshScript, 'utf8').startsWith('#compdef kube-lite\n')).toBe(true);
  });

  it.skipIf(!hasZsh)('prints a zsh script that completes in zsh', () => {
    expect(spawnSync('zsh', ['-n', zshScript]).status).toBe(0);
    // compadd filters by prefix itself, so the stub lists every candidate it is given.
    const r = spawnSync(
      'zsh',
      ['-f', '-c', 'compdef() { :; }; compadd() { shift; print -l -- "$@"; }; source "$1"; words=(kube-lite "${@:2}"); CURRENT=$#words; _kube_lite', 'zsh', zshScript, '-n', 'x', 'get', 'deploy', ''],
      { encoding: 'utf8', env: { ...process.env, PATH: `${path.join(home, 'bin')}:${process.env['PATH']}` } },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('web\napi\n');
    expect(lastCall()).toBe('-n x get deploy -o name');
  });

  it('completes verbs and subcommands', () => {
    expect(complete('')).toEqual(expect.arrayContaining(['apply', 'completion', 'config', 'create', 'diff', 'edit', 'get']));
    expect(complete('ed')).toEqual(['edit']);
    expect(complete('config', 'use-')).toEqual(['use-context']);
    expect(complete('create', '')).toEqual(expect.arrayContaining(['configmap', 'deployment', 'namespace', 'secret', 'service']));
    expect(complete('create', 'service', 'n')).toEqual(['nodeport']);
  });

  it('completes resource types by plural, singular and short name', () => {
    expect(complete('get', 'deplo')).toEqual(['deploy', 'deployment', 'deployments']);
    expect(complete('describe', 'sv')).toEqual(['svc']);
  });

  it('completes object names by asking kube-lite, with the namespace given', () => {
    expect(complete('get', 'deploy', '')).toEqual(['api', 'web']);
    expect(lastCall()).toBe('get deploy -o name');
    expect(complete('-n', 'kube-system', 'edit', 'deploy', 'w')).toEqual(['web']);
    expect(lastCall()).toBe('-n kube-system get deploy -o name');
    expect(complete('get', 'deploy/')).toEqual(['deploy/api', 'deploy/web']);
    expect(complete('get', '-n', '')).toEqual(['default', 'kube-system']);
    expect(complete('config', 'use-context', '')).toEqual(['kube-lite', 'staging']);
  });

  it("completes the verb's long flags and flag values", () => {
    expect(complete('get', '--show-')).toEqual(['--show-kind', '--show-labels', '--show-managed-fields']);
    expect(complete('diff', '--show-')).toEqual(['--show-managed-fields', '--show-secret']);
    expect(complete('create', 'deployment', 'x', '--im')).toEqual(['--image']);
    expect(complete('get', 'pods', '-o', 'y')).toEqual(['yaml']);
    expect(complete('apply', '-f', 'dep')).toEqual(['deploy.yaml']);
    // A flag's value is not taken for the resource type.
    expect(complete('get', '-o', 'name', 'deploy', '')).toEqual(['api', 'web']);
  });
});
