// The kubelet controller on a whole cluster: a pod's life in both timing profiles, with the clock
// moved step by step.

import { describe, expect, it } from 'vitest';
import { nodes, podCells, podManifest, pods, T0, testCluster } from './helpers.js';

const EVENTS = [
  'Pulling: Pulling image "nginx:1.25"',
  expect.stringMatching(/^Pulled: Successfully pulled image "nginx:1\.25" in \d+m?s \(\d+m?s including waiting\)\. Image size: \d+ bytes\.$/),
  'Created: Created container: nginx',
  'Started: Started container nginx',
];

describe('a pod on a node', () => {
  it('runs at once in instant timing', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('web'));
    c.sync();
    const pod = c.pod('web')!;
    expect(podCells(pod, c.clock.ms)).toEqual({ ready: '1/1', status: 'Running', ip: '10.244.1.2', node: 'kube-lite-worker' });
    expect(c.events('web')).toEqual(EVENTS);
    expect(c.events('web')[1]).toContain(' in 0s (0s including waiting)');
    expect(c.api.sim.nextWakeup()).toBeUndefined();
  });

  // [seconds after creation, READY, STATUS, IP]
  const timeline: [number, string, string, string][] = [
    [0, '0/1', 'ContainerCreating', '<none>'],
    [0.5, '0/1', 'ContainerCreating', '<none>'],
    [1, '0/1', 'ContainerCreating', '10.244.1.2'],
    [4.9, '0/1', 'ContainerCreating', '10.244.1.2'],
    [5, '1/1', 'Running', '10.244.1.2'],
    [60, '1/1', 'Running', '10.244.1.2'],
  ];

  it('goes through ContainerCreating in realistic timing, one stage at a time', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web'));
    for (const [s, ready, status, ip] of timeline) {
      c.clock.ms = T0 + s * 1000;
      c.sync();
      expect([s, podCells(c.pod('web')!, c.clock.ms)]).toEqual([s, { ready, status, ip, node: 'kube-lite-worker' }]);
    }
    expect(c.events('web')).toEqual(EVENTS);
    expect(c.events('web')[1]).toContain(' in 4s (4s including waiting)');
  });

  it('asks to be woken when its next stage is due', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web'));
    c.sync();
    expect(c.api.sim.nextWakeup()).toBe(T0 + 1000); // sandbox
    c.clock.ms = c.api.sim.nextWakeup()!;
    c.sync();
    expect(c.api.sim.nextWakeup()).toBe(T0 + 5000); // pull done
    c.clock.ms = c.api.sim.nextWakeup()!;
    c.sync();
    expect(c.api.sim.nextWakeup()).toBeUndefined();
    expect(podCells(c.pod('web')!, c.clock.ms).status).toBe('Running');
  });

  it('reports the status a kubelet reports', () => {
    const c = testCluster('realistic');
    c.api.create(pods, podManifest('web'));
    c.sync();
    const creating = c.pod('web')!['status'];
    expect(creating).toMatchObject({
      phase: 'Pending',
      hostIP: '172.18.0.3',
      hostIPs: [{ ip: '172.18.0.3' }],
      startTime: '2026-01-01T00:00:00Z',
      qosClass: 'BestEffort',
      observedGeneration: 1,
    });
    expect(creating.podIP).toBeUndefined();
    expect(creating.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['PodReadyToStartContainers', 'False', undefined, undefined],
      ['Initialized', 'True', undefined, undefined],
      ['Ready', 'False', 'ContainersNotReady', 'containers with unready status: [nginx]'],
      ['ContainersReady', 'False', 'ContainersNotReady', 'containers with unready status: [nginx]'],
      ['PodScheduled', 'True', undefined, undefined],
    ]);
    expect(creating.containerStatuses).toEqual([
      {
        image: 'nginx:1.25',
        imageID: '',
        lastState: {},
        name: 'nginx',
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
        volumeMounts: [
          {
            mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
            name: expect.stringMatching(/^kube-api-access-/),
            readOnly: true,
            recursiveReadOnly: 'Disabled',
          },
        ],
      },
    ]);

    c.advance(5000);
    const running = c.pod('web')!['status'];
    expect(running).toMatchObject({ phase: 'Running', podIP: '10.244.1.2', podIPs: [{ ip: '10.244.1.2' }] });
    expect(running.conditions.map((x: any) => [x.type, x.status, x.lastTransitionTime])).toEqual([
      ['PodReadyToStartContainers', 'True', '2026-01-01T00:00:01Z'],
      ['Initialized', 'True', '2026-01-01T00:00:00Z'],
      ['Ready', 'True', '2026-01-01T00:00:05Z'],
      ['ContainersReady', 'True', '2026-01-01T00:00:05Z'],
      ['PodScheduled', 'True', '2026-01-01T00:00:00Z'],
    ]);
    const cs = running.containerStatuses[0];
    expect(cs).toMatchObject({
      image: 'docker.io/library/nginx:1.25',
      imageID: expect.stringMatching(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/),
      containerID: expect.stringMatching(/^containerd:\/\/[0-9a-f]{64}$/),
      ready: true,
      started: true,
      restartCount: 0,
      resources: {},
      state: { running: { startedAt: '2026-01-01T00:00:05Z' } },
      user: { linux: { uid: 0, gid: 0, supplementalGroups: [0] } },
    });
  });

  it('keeps a scheduler-set PodScheduled transition time and non-kubelet conditions', () => {
    const c = testCluster('instant');
    const m = podManifest('web');
    c.api.create(pods, m);
    const p = c.pod('web')!;
    p['status'].conditions = [
      { type: 'DisruptionTarget', status: 'False', lastTransitionTime: '2025-12-31T23:59:00Z', lastProbeTime: null },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2025-12-31T23:59:59Z', lastProbeTime: null },
    ];
    c.api.updateStatus(pods, p);
    c.sync();
    const conditions = c.pod('web')!['status'].conditions;
    expect(conditions.map((x: any) => x.type)).toEqual([
      'DisruptionTarget',
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ]);
    expect(conditions[5]).toEqual({
      lastProbeTime: null,
      lastTransitionTime: '2025-12-31T23:59:59Z',
      observedGeneration: 1,
      status: 'True',
      type: 'PodScheduled',
    });
  });

  it('is left alone until its node is Ready', () => {
    const c = testCluster('instant');
    const node = c.api.get(nodes, undefined, 'kube-lite-worker');
    node['status'].conditions = node['status'].conditions.map((x: any) => (x.type === 'Ready' ? { ...x, status: 'Unknown' } : x));
    c.api.updateStatus(nodes, node);
    c.api.create(pods, podManifest('web'));
    c.sync();
    expect(c.pod('web')!['status']).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(podCells(c.pod('web')!, c.clock.ms).status).toBe('Pending');
  });

  it('leaves unbound pods to the scheduler', () => {
    const c = testCluster('instant');
    const m = podManifest('web');
    delete m['spec'].nodeName;
    c.api.create(pods, m);
    c.sync();
    expect(c.pod('web')!['status']).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });
});

describe('images on nodes', () => {
  it('pulls once per node and then finds the image present', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('a'));
    c.api.create(pods, podManifest('b'));
    c.api.create(pods, podManifest('d', { node: 'kube-lite-worker2' }));
    c.sync();
    expect(c.events('a')[0]).toBe('Pulling: Pulling image "nginx:1.25"');
    expect(c.events('b')).toEqual([
      'Pulled: Container image "nginx:1.25" already present on machine and can be accessed by the pod',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    expect(c.events('d')[0]).toBe('Pulling: Pulling image "nginx:1.25"');
    const images = c.api.get(nodes, undefined, 'kube-lite-worker')['status'].images;
    expect(images).toEqual([
      { names: [expect.stringMatching(/^docker\.io\/library\/nginx@sha256:/), 'docker.io/library/nginx:1.25'], sizeBytes: expect.any(Number) },
    ]);
  });

  it('pulls an Always image every time', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('a', { image: 'nginx' }));
    c.sync();
    c.api.create(pods, podManifest('b', { image: 'nginx' }));
    c.sync();
    expect(c.events('b')[0]).toBe('Pulling: Pulling image "nginx"');
    expect(c.pod('b')!['status'].containerStatuses[0].image).toBe('docker.io/library/nginx:latest');
    expect(c.api.get(nodes, undefined, 'kube-lite-worker')['status'].images).toHaveLength(1);
  });

  it('fails a Never image that is not on the node', () => {
    const c = testCluster('instant');
    c.api.create(pods, podManifest('a', { imagePullPolicy: 'Never' }));
    c.sync();
    expect(podCells(c.pod('a')!, c.clock.ms).status).toBe('ErrImageNeverPull');
    expect(c.events('a')).toEqual([
      'ErrImageNeverPull: Container image "nginx:1.25" is not present with pull policy of Never',
      'Failed: Error: ErrImageNeverPull',
    ]);
  });
});

describe('pod IPs', () => {
  it('come from each node’s podCIDR, from .2, round-robin and never reused while held', () => {
    const c = testCluster('instant');
    for (const n of ['a', 'b', 'c']) c.api.create(pods, podManifest(n));
    c.api.create(pods, podManifest('cp', { node: 'kube-lite-control-plane' }));
    c.api.create(pods, podManifest('w2', { node: 'kube-lite-worker2' }));
    c.sync();
    const ip = (n: string) => c.pod(n)!['status'].podIP;
    expect(['a', 'b', 'c', 'cp', 'w2'].map(ip)).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.0.2', '10.244.2.2']);
    c.api.delete(pods, 'default', 'a');
    c.sync();
    c.api.create(pods, podManifest('e'));
    c.sync();
    // host-local continues after the last address it gave out.
    expect(ip('e')).toBe('10.244.1.5');
    const hostIPs = ['b', 'cp', 'w2'].map((n) => c.pod(n)!['status'].hostIP);
    expect(hostIPs).toEqual(['172.18.0.3', '172.18.0.2', '172.18.0.4']);
  });
});
