// The command tree a startup snapshot holds (src/entry.ts): built ahead with every verb registered and
// bound to the command's streams when it runs, it must behave as the tree main() builds per command.

import { describe, expect, it } from 'vitest';
import { main, prepareProgram } from '../../src/cli/main.js';
import { FIXED_NOW, run, tempHome, type Result } from '../helpers/cli.js';
import { VERBS } from '../../src/cli/program.js';

async function runPrepared(home: string, verbs: string[], ...argv: string[]): Promise<Result> {
  const prepared = await prepareProgram(verbs);
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      readStdin: () => '',
      env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: FIXED_NOW, TZ: 'UTC' },
      cwd: process.cwd(),
    },
    prepared,
  );
  return { code, stdout, stderr };
}

describe('a command tree prepared ahead (startup snapshot)', () => {
  const cases: string[][] = [
    ['-n', 'kube-system', 'get', 'pods'],
    ['create', 'deployment', 'web', '--image=nginx', '--replicas=2'],
    ['get', 'pods', '--bogus'],
    ['scale', 'deployment/web', '--replicas'],
    ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
    ['rollout', 'history', 'deployment/web'],
    ['frobnicate'],
    ['get', '--help'],
  ];

  it('gives each command the same output and exit code as a tree built for it', async () => {
    const a = tempHome();
    const b = tempHome();
    for (const argv of cases) {
      const want = await run(a, ...argv);
      const got = await runPrepared(b, Object.keys(VERBS), ...argv);
      expect({ argv, ...got }).toEqual({ argv, ...want });
    }
  });

  it('is not used for a verb it does not hold', async () => {
    const home = tempHome();
    const got = await runPrepared(home, ['get'], 'create', 'namespace', 'x');
    expect(got).toEqual({ code: 0, stdout: 'namespace/x created\n', stderr: '' });
  });
});
