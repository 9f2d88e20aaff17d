// coordination.k8s.io/v1 Leases (the kubelets' node leases), v1 ResourceQuotas and v1 LimitRanges:
// get and describe as kubectl 1.36 prints them, and the node Lease in `describe node`.

import { describe, expect, it } from 'vitest';
import { run, runWith, tempHome } from '../helpers/cli.js';

const QUOTA = `apiVersion: v1
kind: ResourceQuota
metadata: {name: q}
spec:
  hard: {pods: "2", requests.cpu: "1", limits.memory: 1Gi, configmaps: "5"}
`;
const LIMITS = `apiVersion: v1
kind: LimitRange
metadata: {name: lr}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 256Mi}
    defaultRequest: {cpu: 100m}
    max: {cpu: "2"}
`;

describe('node leases', () => {
  it('one per node in kube-node-lease, renewed every 10s while the kubelet runs', async () => {
    const home = tempHome();
    expect((await run(home, 'get', 'leases', '-n', 'kube-node-lease')).stdout).toBe(
      'NAME                      HOLDER                    AGE\n' +
        'kube-lite-control-plane   kube-lite-control-plane   0s\n' +
        'kube-lite-worker          kube-lite-worker          0s\n' +
        'kube-lite-worker2         kube-lite-worker2         0s\n',
    );
    const lease = async () => (await run(home, 'describe', 'node', 'kube-lite-worker')).stdout.match(/^Lease:\n(.*\n){3}/m)![0];
    expect(await lease()).toBe('Lease:\n  HolderIdentity:  kube-lite-worker\n  AcquireTime:     <unset>\n  RenewTime:       Thu, 01 Jan 2026 00:00:00 +0000\n');
    await run(home, 'cluster', 'advance', '25s');
    expect(await lease()).toContain('RenewTime:       Thu, 01 Jan 2026 00:00:20 +0000\n');
    await run(home, 'cluster', 'node-down', 'kube-lite-worker');
    await run(home, 'cluster', 'advance', '30s');
    expect(await lease()).toContain('RenewTime:       Thu, 01 Jan 2026 00:00:20 +0000\n');
    await run(home, 'cluster', 'node-up', 'kube-lite-worker');
    expect(await lease()).toContain('RenewTime:       Thu, 01 Jan 2026 00:00:55 +0000\n');
    expect((await run(home, 'get', 'lease', 'kube-lite-worker', '-n', 'kube-node-lease', '-o', 'jsonpath={.spec.leaseDurationSeconds} {.spec.renewTime}')).stdout).toBe(
      '40 2026-01-01T00:00:55.000000Z',
    );
  });
});

describe('resource quotas and limit ranges', () => {
  it('get and describe with the controller-computed usage', async () => {
    const home = tempHome();
    expect((await run(home, 'describe', 'ns', 'default')).stdout).toContain('Status:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n');
    await runWith(home, { stdin: QUOTA + '---\n' + LIMITS }, 'apply', '-f', '-');
    await run(home, 'create', 'deployment', 'web', '--image=nginx', '--replicas=2');
    expect((await run(home, 'get', 'quota')).stdout).toBe(
      'NAME   AGE   REQUEST                                         LIMIT\n' + 'q      0s    configmaps: 1/5, pods: 2/2, requests.cpu: 0/1   limits.memory: 0/1Gi\n',
    );
    expect((await run(home, 'get', 'limits')).stdout).toBe('NAME   CREATED AT\nlr     2026-01-01T00:00:00Z\n');
    expect((await run(home, 'describe', 'quota', 'q')).stdout).toBe(
      'Name:          q\nNamespace:     default\nResource       Used  Hard\n--------       ----  ----\nconfigmaps     1     5\nlimits.memory  0     1Gi\npods           2     2\nrequests.cpu   0     1\n',
    );
    expect((await run(home, 'describe', 'limitrange', 'lr')).stdout).toBe(
      'Name:       lr\nNamespace:  default\n' +
        'Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio\n' +
        '----        --------  ---  ---  ---------------  -------------  -----------------------\n' +
        'Container   cpu       -    2    100m             500m           -\n' +
        'Container   memory    -    -    -                256Mi          -\n',
    );
    const ns = (await run(home, 'describe', 'ns', 'default')).stdout;
    expect(ns).toContain('Resource Quotas\n  Name:          q\n  Resource       Used  Hard\n  --------       ---   ---\n  configmaps     1     5\n');
    expect(ns).toContain('\nResource Limits\n Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio\n');
  });

  it('validates as the apiserver does', async () => {
    const home = tempHome();
    const bad = 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: bad}\nspec:\n  hard: {pods: "-1", foo: "1"}\n';
    const r = await runWith(home, { stdin: bad }, 'apply', '-f', '-');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified');
    expect(r.stderr).toContain('spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota');
    expect(r.stderr).toContain('spec.hard[pods]: Invalid value: "-1": must be greater than or equal to 0');
  });
});
