// `cluster request` and `cluster dns` in process: exact output, exit codes, and what they remember.

import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readClusterState } from '../../src/store/file-store.js';
import { run, tempHome, writeFile } from '../helpers/cli.js';

// A selector-less Service with a hand-written EndpointSlice: the model reads slices as they are.
const MANUAL = `apiVersion: v1
kind: Service
metadata:
  name: legacy
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 30090
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: legacy-1
  labels:
    kubernetes.io/service-name: legacy
addressType: IPv4
ports:
- name: ""
  port: 9090
  protocol: TCP
endpoints:
- addresses: ["10.244.2.50"]
  conditions: {ready: true}
  nodeName: kube-lite-worker2
- addresses: ["10.244.1.50"]
  conditions: {ready: false}
  nodeName: kube-lite-worker
`;

let home: string;
beforeEach(async () => {
  home = tempHome();
  expect((await run(home, 'apply', '-f', writeFile(home, 'legacy.yaml', MANUAL))).code).toBe(0);
});

describe('cluster request', () => {
  it('prints each request, the counts per pod and a totals line; unready endpoints get nothing', async () => {
    const r = await run(home, 'cluster', 'request', 'node/kube-lite-worker:30090', '--count', '2', '--path', '/healthz');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: `REQUEST   POD           NODE                SOURCE IP    HOPS
1         10.244.2.50   kube-lite-worker2   172.18.0.3   203.0.113.10 -> node/kube-lite-worker:30090 -> node/kube-lite-worker2 -> 10.244.2.50:9090
2         10.244.2.50   kube-lite-worker2   172.18.0.3   203.0.113.10 -> node/kube-lite-worker:30090 -> node/kube-lite-worker2 -> 10.244.2.50:9090

POD           NODE                REQUESTS
10.244.2.50   kube-lite-worker2   2
2 requests: 2 answered, 0 refused, 0 timed out
`,
    });
  });

  it('drops traffic at a node without a local endpoint under Local policy (curl exit 28)', async () => {
    await run(home, 'patch', 'svc', 'legacy', '-p', '{"spec":{"externalTrafficPolicy":"Local"}}');
    const r = await run(home, 'cluster', 'request', '172.18.0.3:30090', '--client-ip', '198.51.100.7');
    expect(r.code).toBe(28);
    expect(r.stdout).toBe(`REQUEST   POD      NODE     SOURCE IP   HOPS
1         <none>   <none>   <none>      198.51.100.7 -> node/kube-lite-worker:30090 -> dropped
1 request: 0 answered, 0 refused, 1 timed out
`);
    expect(r.stderr).toBe('curl: (28) Failed to connect to 172.18.0.3 port 30090 after 10000 ms: Connection timed out\n');
    const ok = await run(home, 'cluster', 'request', 'node/kube-lite-worker2:30090', '--client-ip', '198.51.100.7');
    expect(ok.stdout.split('\n')[1]).toBe('1         10.244.2.50   kube-lite-worker2   198.51.100.7   198.51.100.7 -> node/kube-lite-worker2:30090 -> 10.244.2.50:9090');
  });

  it('refuses a Service without ready endpoints (curl exit 7)', async () => {
    await run(home, 'create', 'service', 'clusterip', 'empty', '--tcp=80:80');
    const r = await run(home, 'cluster', 'request', 'svc/empty');
    expect(r.code).toBe(7);
    expect(r.stdout).toContain('node/kube-lite-control-plane -> svc/empty:80 -> refused\n');
    expect(r.stderr).toMatch(/^curl: \(7\) Failed to connect to 10\.\d+\.\d+\.\d+ port 80 after 0 ms: Connection refused\n$/);
  });

  it.each([
    [['svc/legacy:81'], 'error: service "legacy" has no port 81\n'],
    [['svc/legacy:80', '--port', '80'], 'error: give the port of "svc/legacy:80" once: in the target or with --port\n'],
    [['deploy/web'], 'error: unknown target "deploy/web": use svc/NAME[:PORT], node/NAME:NODEPORT, an address IP[:PORT] or ingress/NAME\n'],
    [['svc/nope'], 'Error from server (NotFound): services "nope" not found\n'],
    [['svc/legacy', '--from', 'pod/nope'], 'Error from server (NotFound): pods "nope" not found\n'],
    [['svc/legacy', '--from', 'node/kube-lite-worker', '--client-ip', '1.2.3.4'], 'error: --client-ip applies only to --from external\n'],
    [['svc/legacy', '--count', '0'], 'error: --count must be between 1 and 1000\n'],
  ])('rejects %j', async (args, stderr) => {
    expect(await run(home, 'cluster', 'request', ...args)).toEqual({ code: 1, stdout: '', stderr });
  });

  it('records served requests per pod in the store, bounded to the last 100', async () => {
    await run(home, 'create', 'deployment', 'web', '--image=nginx', '--replicas=1');
    await run(home, 'create', 'service', 'clusterip', 'web', '--tcp=80:80');
    for (let i = 0; i < 2; i++) expect((await run(home, 'cluster', 'request', 'svc/web', '--count', '60', '--path', '/x')).code).toBe(0);
    const state = readClusterState(path.join(home, 'clusters', 'kube-lite'));
    const log = JSON.stringify(state).match(/"traffic\.log":(\{.*?\]\})/);
    expect(log).not.toBeNull();
    const entries = Object.values(JSON.parse(log![1]!)) as unknown[][];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toHaveLength(100);
    expect(entries[0]![0]).toEqual({ time: '2026-01-01T00:00:00Z', client: '172.18.0.2', path: '/x' });
  });
});

describe('cluster dns', () => {
  it('prints nslookup-like answers and NXDOMAIN on stderr with exit 1', async () => {
    const r = await run(home, 'cluster', 'dns', '10-244-2-50.default.pod.cluster.local');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\t10-244-2-50.default.pod.cluster.local\nAddress: 10.244.2.50\n',
    });
    expect(await run(home, 'cluster', 'dns', 'legacy', '-n', 'kube-system')).toEqual({
      code: 1,
      stdout: 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n',
      stderr: "** server can't find legacy: NXDOMAIN\n",
    });
  });
});
