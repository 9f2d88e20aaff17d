// kubectl set image: messages, no-op silence and errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

async function withDeployment(): Promise<string> {
  const home = tempHome();
  expect((await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25')).code).toBe(0);
  return home;
}

const image = async (home: string) => (await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}')).stdout;

describe('set image', () => {
  it('updates, and prints nothing when the image is already set', async () => {
    const home = await withDeployment();
    expect(await run(home, 'set', 'image', 'deployment/web', 'nginx=nginx:1.27')).toEqual({ code: 0, stdout: 'deployment.apps/web image updated\n', stderr: '' });
    expect(await image(home)).toBe('nginx:1.27');
    expect(await run(home, 'set', 'image', 'deployment/web', 'nginx=nginx:1.27')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await run(home, 'set', 'image', 'deploy', '-l', 'app=web', '*=nginx:1.28', '-o', 'name')).toEqual({ code: 0, stdout: 'deployment.apps/web\n', stderr: '' });
    expect(await image(home)).toBe('nginx:1.28');
  });

  it('updates pods and records the change cause', async () => {
    const home = await withDeployment();
    expect((await run(home, 'run', 'p', '--image=nginx')).code).toBe(0);
    expect(await run(home, 'set', 'image', 'pod/p', 'p=nginx:1.27')).toMatchObject({ code: 0, stdout: 'pod/p image updated\n' });
    await run(home, 'set', 'image', 'deployment/web', 'nginx=nginx:1.27', '--record');
    expect((await run(home, 'get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}')).stdout).toBe(
      'kubectl set image deployment/web nginx=nginx:1.27 --record=true',
    );
  });

  it('errors', async () => {
    const home = await withDeployment();
    expect(await run(home, 'set', 'image', 'deployment/web', 'foo=bar')).toEqual({ code: 1, stdout: '', stderr: 'error: unable to find container named "foo"\n' });
    expect((await run(home, 'set', 'image', 'deployment/web')).stderr).toBe('error: at least one image update is required\n');
    expect((await run(home, 'set', 'image', 'deployment/web', 'a=b', '*=c')).stderr).toBe(
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
    );
    expect((await run(home, 'set', 'image', 'deploy', '--all', '-l', 'a=b', 'a=b')).stderr).toBe('error: cannot set --all and --selector at the same time\n');
    expect((await run(home, 'set', 'image', 'deployment/nope', 'a=b')).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect((await run(home, 'set', 'image', 'svc/kubernetes', 'a=b')).stderr).toBe(
      'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
    );
  });
});
