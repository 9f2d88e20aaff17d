// kubectl wait: conditions, jsonpath, delete, timeouts (in simulated time) and errors.

import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';

describe('wait', () => {
  it('prints condition met', async () => {
    const home = tempHome();
    await run(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2');
    expect(await run(home, 'wait', '--for=condition=Available', 'deployment/web')).toEqual({ code: 0, stdout: 'deployment.apps/web condition met\n', stderr: '' });
    expect((await run(home, 'wait', '--for=jsonpath={.spec.replicas}=2', 'deployment/web')).stdout).toBe('deployment.apps/web condition met\n');
    expect((await run(home, 'wait', '--for', 'condition=Available=True', 'deploy', '--all', '-o', 'name')).stdout).toBe('deployment.apps/web\n');
  });

  it('waits in simulated time, and times out with kubectl error', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await run(home, 'run', 'p', '--image=nginx');
    expect((await run(home, 'get', 'pod', 'p', '-o', 'jsonpath={.status.phase}')).stdout).toBe('Pending');
    expect(await run(home, 'wait', '--for=jsonpath={.status.phase}=Running', 'pod/p')).toEqual({ code: 0, stdout: 'pod/p condition met\n', stderr: '' });
    expect(await run(home, 'wait', '--for=condition=Ready=false', 'pod/p', '--timeout=10s')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'error: timed out waiting for the condition on pods/p\n',
    });
    expect((await run(home, 'wait', '--for=condition=Ready=false', 'pod/p', '--timeout=0')).stderr).toBe('error: condition not met for pods/p\n');
  });

  it('waits for deletion through the grace period', async () => {
    const home = tempHome();
    await run(home, 'cluster', 'create', 'slow', '--timing', 'realistic');
    await run(home, 'run', 'p', '--image=nginx');
    await run(home, 'cluster', 'advance', '1m');
    await run(home, 'delete', 'pod', 'p');
    expect(await run(home, 'wait', '--for=delete', 'pod/p', '--timeout=1m')).toEqual({ code: 0, stdout: 'pod/p condition met\n', stderr: '' });
    // Already gone: nothing to wait for, nothing printed.
    expect(await run(home, 'wait', '--for=delete', 'pod/p')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('errors', async () => {
    const home = tempHome();
    expect((await run(home, 'wait', 'pod/x')).stderr).toBe('error: unrecognized condition: []\n');
    expect((await run(home, 'wait', '--for=foo', 'pod/x')).stderr).toBe('error: unrecognized condition: "foo"\n');
    expect((await run(home, 'wait', '--for=condition=Ready', 'pod/x')).stderr).toBe('Error from server (NotFound): pods "x" not found\n');
    expect((await run(home, 'wait', '--for=condition=Ready', 'pods')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await run(home, 'wait', '--for=condition=Ready', 'pods', '-l', 'app=none')).stderr).toBe('error: no matching resources found\n');
  });
});
