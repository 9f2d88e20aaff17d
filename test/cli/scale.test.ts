// kubectl scale: messages, preconditions and errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome, writeFile } from '../helpers/cli.js';

async function withDeployment(): Promise<string> {
  const home = tempHome();
  expect((await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2')).code).toBe(0);
  return home;
}

const replicas = async (home: string) => (await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}')).stdout;

describe('scale', () => {
  it('scales and prints the name printer line', async () => {
    const home = await withDeployment();
    expect(await run(home, 'scale', 'deployment', 'web', '--replicas=3')).toEqual({ code: 0, stdout: 'deployment.apps/web scaled\n', stderr: '' });
    expect(await replicas(home)).toBe('3');
    expect(await run(home, 'scale', 'deploy/web', '--replicas=1', '-o', 'name')).toEqual({ code: 0, stdout: 'deployment.apps/web\n', stderr: '' });
    expect(await run(home, 'scale', 'deploy', '-l', 'app=web', '--replicas=4')).toMatchObject({ code: 0, stdout: 'deployment.apps/web scaled\n' });
    expect(await run(home, 'scale', 'deploy', '--all', '--replicas=2')).toMatchObject({ code: 0, stdout: 'deployment.apps/web scaled\n' });
    expect(await replicas(home)).toBe('2');
  });

  it('checks --current-replicas', async () => {
    const home = await withDeployment();
    expect(await run(home, 'scale', 'deploy/web', '--current-replicas=3', '--replicas=5')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: Expected replicas to be 3, was 2\n',
    });
    expect(await run(home, 'scale', 'deploy/web', '--current-replicas=2', '--replicas=5')).toMatchObject({ code: 0, stdout: 'deployment.apps/web scaled\n' });
  });

  it('client dry run changes nothing', async () => {
    const home = await withDeployment();
    expect(await run(home, 'scale', 'deploy/web', '--replicas=9', '--dry-run=client')).toMatchObject({ code: 0, stdout: 'deployment.apps/web scaled (dry run)\n' });
    expect(await replicas(home)).toBe('2');
  });

  it('scales the objects named in a file without reading the cluster for a client dry run', async () => {
    const home = tempHome();
    const file = writeFile(home, 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n');
    expect(await run(home, 'scale', '--dry-run=client', '-f', file, '--replicas=3')).toMatchObject({ code: 0, stdout: 'deployment.apps/web scaled (dry run)\n' });
  });

  it('reports errors as kubectl does', async () => {
    const home = await withDeployment();
    expect(await run(home, 'scale', 'deploy/web')).toEqual({ code: 1, stdout: '', stderr: 'error: required flag(s) "replicas" not set\n' });
    expect((await run(home, 'scale', '--replicas=2')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\.\n/);
    expect((await run(home, 'scale', 'deploy', '--replicas=2')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await run(home, 'scale', 'deploy/web', '--replicas=-1')).stderr).toBe(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
    expect(await run(home, 'scale', 'deploy/nope', 'deploy/web', '--replicas=3')).toEqual({
      code: 1,
      stdout: 'deployment.apps/web scaled\n',
      stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    });
    expect((await run(home, 'scale', 'svc/kubernetes', '--replicas=2')).stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });
});
