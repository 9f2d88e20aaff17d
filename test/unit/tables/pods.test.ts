import { describe, expect, it } from 'vitest';
import { pods } from '../../../src/api/tables/pods.js';
import type { KObject } from '../../../src/api/types.js';
import { DAY, MIN, NOW, ago, obj } from './fixtures.js';

const running = (name = 'app', restartCount = 0, extra: Record<string, unknown> = {}) => ({
  name,
  ready: true,
  started: true,
  restartCount,
  state: { running: { startedAt: ago(4 * MIN) } },
  ...extra,
});

function pod(spec: Record<string, unknown>, status: Record<string, unknown>, meta = {}): KObject {
  return obj('v1', 'Pod', 'p', { spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec }, status }, meta);
}

const readyConditions = [
  { type: 'Initialized', status: 'True' },
  { type: 'Ready', status: 'True' },
  { type: 'ContainersReady', status: 'True' },
  { type: 'PodScheduled', status: 'True' },
];

/** [READY, STATUS, RESTARTS] of a pod. */
const summary = (p: KObject) => pods.row(p, NOW).slice(1, 4);

describe('pods columns', () => {
  it('has the upstream names, priorities and the name format', () => {
    expect(pods.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Ready', 0], ['Status', 0], ['Restarts', 0], ['Age', 0],
      ['IP', 1], ['Node', 1], ['Nominated Node', 1], ['Readiness Gates', 1],
    ]);
    expect(pods.columns[0]!.format).toBe('name');
  });
});

describe('pod row', () => {
  it('a running pod owned by a ReplicaSet', () => {
    const p = obj('v1', 'Pod', 'nginx-7854ff8877-2xkzt', {
      spec: { nodeName: 'minikube', containers: [{ name: 'nginx', image: 'nginx' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.0.5',
        podIPs: [{ ip: '10.244.0.5' }],
        conditions: readyConditions,
        containerStatuses: [running('nginx')],
      },
    }, {
      creationTimestamp: ago(5),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-7854ff8877', uid: 'u', controller: true }],
    });
    expect(pods.row(p, NOW)).toEqual([
      'nginx-7854ff8877-2xkzt', '1/1', 'Running', '0', '5s', '10.244.0.5', 'minikube', '<none>', '<none>',
    ]);
  });

  const cases: [string, KObject, string[]][] = [
    ['pending, not scheduled', pod({}, { phase: 'Pending' }), ['0/1', 'Pending', '0']],
    ['container creating', pod({ nodeName: 'n1' }, {
      phase: 'Pending',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }],
    }), ['0/1', 'ContainerCreating', '0']],
    ['crash loop with restarts', pod({}, {
      phase: 'Running',
      containerStatuses: [{
        name: 'app', ready: false, restartCount: 5,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } },
      }],
    }), ['0/1', 'CrashLoopBackOff', '5 (30s ago)']],
    ['restarts without a lastState date', pod({}, {
      phase: 'Running', containerStatuses: [running('app', 2)],
    }), ['1/1', 'Running', '2']],
    ['restarts summed over containers, newest finish wins', pod({
      containers: [{ name: 'a' }, { name: 'b' }],
    }, {
      phase: 'Running',
      containerStatuses: [
        running('a', 1, { lastState: { terminated: { exitCode: 1, finishedAt: ago(2 * DAY) } } }),
        running('b', 2, { lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * MIN + 2) } } }),
      ],
    }), ['2/2', 'Running', '3 (3m2s ago)']],
    ['terminated with a reason', pod({}, {
      phase: 'Failed',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } }],
    }), ['0/1', 'OOMKilled', '0']],
    ['terminated without a reason: exit code', pod({}, {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }],
    }), ['0/1', 'ExitCode:2', '0']],
    ['terminated without a reason: signal', pod({}, {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }],
    }), ['0/1', 'Signal:9', '0']],
    ['completed (restartPolicy Never, exit 0)', pod({ restartPolicy: 'Never' }, {
      phase: 'Succeeded',
      conditions: [{ type: 'Ready', status: 'False', reason: 'PodCompleted' }],
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    }), ['0/1', 'Completed', '0']],
    ['first container reason wins (statuses walked last to first)', pod({
      containers: [{ name: 'a' }, { name: 'b' }],
    }, {
      phase: 'Pending',
      containerStatuses: [
        { name: 'a', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } },
        { name: 'b', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
    }), ['0/2', 'ErrImagePull', '0']],
    ['Completed with a running container and Ready=True → Running', pod({
      containers: [{ name: 'job' }, { name: 'proxy' }],
    }, {
      phase: 'Running',
      conditions: readyConditions,
      containerStatuses: [
        { name: 'job', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        running('proxy'),
      ],
    }), ['1/2', 'Running', '0']],
    ['Completed with a running container, not Ready → NotReady', pod({
      containers: [{ name: 'job' }, { name: 'proxy' }],
    }, {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'False' }],
      containerStatuses: [
        { name: 'job', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        running('proxy'),
      ],
    }), ['1/2', 'NotReady', '0']],
    ['running but not ready', pod({}, {
      phase: 'Running',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { running: {} } }],
    }), ['0/1', 'Running', '0']],
    ['status.reason overrides the phase (Evicted)', pod({}, {
      phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.',
    }), ['0/1', 'Evicted', '0']],
    ['scheduling gated', pod({ schedulingGates: [{ name: 'example.com/gate' }] }, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    }), ['0/1', 'SchedulingGated', '0']],
    ['terminating', pod({}, {
      phase: 'Running', conditions: readyConditions, containerStatuses: [running()],
    }, { deletionTimestamp: ago(3), deletionGracePeriodSeconds: 30 }), ['1/1', 'Terminating', '0']],
    ['terminating on a lost node → Unknown', pod({}, {
      phase: 'Running', reason: 'NodeLost', containerStatuses: [running()],
    }, { deletionTimestamp: ago(3) }), ['1/1', 'Unknown', '0']],
    ['deleted but already Succeeded stays Completed', pod({}, {
      phase: 'Succeeded',
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
    }, { deletionTimestamp: ago(3) }), ['0/1', 'Completed', '0']],
  ];
  it.each(cases)('%s', (_name, p, expected) => {
    expect(summary(p)).toEqual(expected);
  });
});

describe('pod init containers', () => {
  const initSpec = { initContainers: [{ name: 'init-a', image: 'busybox' }, { name: 'init-b', image: 'busybox' }] };
  const done = { name: 'init-a', ready: true, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };

  const cases: [string, KObject, string[]][] = [
    ['no statuses yet: plain phase', pod(initSpec, { phase: 'Pending' }), ['0/1', 'Pending', '0']],
    ['second init running → Init:1/2', pod(initSpec, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'False' }],
      initContainerStatuses: [done, { name: 'init-b', ready: false, restartCount: 0, state: { running: {} } }],
      containerStatuses: [{ name: 'app', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    }), ['0/1', 'Init:1/2', '0']],
    ['waiting PodInitializing counts as in progress', pod(initSpec, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'init-a', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    }), ['0/1', 'Init:0/2', '0']],
    ['waiting with a reason', pod(initSpec, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'init-a', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }],
    }), ['0/1', 'Init:ErrImagePull', '0']],
    ['init crash loop: init restarts are shown', pod(initSpec, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'False' }],
      initContainerStatuses: [{
        name: 'init-a', ready: false, restartCount: 3,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(10) } },
      }],
    }), ['0/1', 'Init:CrashLoopBackOff', '3 (10s ago)']],
    ['init failed with a reason', pod(initSpec, {
      phase: 'Failed',
      initContainerStatuses: [{ name: 'init-a', ready: false, restartCount: 0, state: { terminated: { exitCode: 1, reason: 'Error' } } }],
    }), ['0/1', 'Init:Error', '0']],
    ['init failed by signal', pod(initSpec, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'init-a', ready: false, restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } }],
    }), ['0/1', 'Init:Signal:9', '0']],
    ['init failed with exit code', pod(initSpec, {
      phase: 'Pending',
      initContainerStatuses: [{ name: 'init-a', ready: false, restartCount: 0, state: { terminated: { exitCode: 3 } } }],
    }), ['0/1', 'Init:ExitCode:3', '0']],
    ['all init done → container statuses decide', pod(initSpec, {
      phase: 'Running',
      conditions: readyConditions,
      initContainerStatuses: [done, { ...done, name: 'init-b' }],
      containerStatuses: [running()],
    }), ['1/1', 'Running', '0']],
  ];
  it.each(cases)('%s', (_name, p, expected) => {
    expect(summary(p)).toEqual(expected);
  });
});

describe('pod sidecars (restartable init containers)', () => {
  const spec = {
    initContainers: [
      { name: 'setup', image: 'busybox' },
      { name: 'proxy', image: 'envoy', restartPolicy: 'Always' },
    ],
  };
  const setupDone = {
    name: 'setup', ready: false, restartCount: 1, state: { terminated: { exitCode: 0, reason: 'Completed' } },
    lastState: { terminated: { exitCode: 1, finishedAt: ago(10) } },
  };

  it('counts the sidecar in READY and only sidecar restarts once initialized', () => {
    const p = pod(spec, {
      phase: 'Running',
      conditions: readyConditions,
      initContainerStatuses: [
        setupDone,
        { name: 'proxy', ready: true, started: true, restartCount: 2, state: { running: {} },
          lastState: { terminated: { exitCode: 1, finishedAt: ago(2 * MIN) } } },
      ],
      containerStatuses: [running('app', 1, { lastState: { terminated: { exitCode: 1, finishedAt: ago(5 * MIN) } } })],
    });
    // setup's restart (10s ago) is dropped once the pod is initialized: 2 (proxy) + 1 (app).
    expect(summary(p)).toEqual(['2/2', 'Running', '3 (2m ago)']);
  });

  it('a started but unready sidecar still lets initialization proceed', () => {
    const p = pod(spec, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [
        { ...setupDone, restartCount: 0, lastState: {} },
        { name: 'proxy', ready: false, started: true, restartCount: 0, state: { running: {} } },
      ],
      containerStatuses: [running()],
    });
    expect(summary(p)).toEqual(['1/2', 'Running', '0']);
  });

  it('a sidecar that has not started blocks as Init:1/2', () => {
    const p = pod(spec, {
      phase: 'Pending',
      conditions: [{ type: 'Initialized', status: 'False' }],
      initContainerStatuses: [
        { ...setupDone, restartCount: 0, lastState: {} },
        { name: 'proxy', ready: false, started: false, restartCount: 0, state: { running: {} } },
      ],
    });
    expect(summary(p)).toEqual(['0/2', 'Init:1/2', '0']);
  });
});

describe('pod wide cells', () => {
  it('defaults to <none>', () => {
    expect(pods.row(pod({}, { phase: 'Pending' }), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
  });

  it('IP from podIPs, nominated node, readiness gates true/total', () => {
    const p = pod({
      nodeName: 'node-2',
      readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }],
    }, {
      phase: 'Running',
      podIPs: [{ ip: 'fd00::5' }, { ip: '10.0.0.5' }],
      nominatedNodeName: 'node-3',
      conditions: [
        { type: 'example.com/lb', status: 'True' },
        { type: 'example.com/dns', status: 'False' },
      ],
    });
    expect(pods.row(p, NOW).slice(5)).toEqual(['fd00::5', 'node-2', 'node-3', '1/2']);
  });

  it('status.podIP is authoritative over podIPs (v1 → internal conversion)', () => {
    const p = pod({}, { phase: 'Running', podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.8' }] });
    expect(pods.row(p, NOW)[5]).toBe('10.0.0.9');
  });
});
