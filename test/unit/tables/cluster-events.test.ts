import { describe, expect, it } from 'vitest';
import { namespaces, nodes } from '../../../src/api/tables/cluster.js';
import { events } from '../../../src/api/tables/events.js';
import { DAY, HOUR, MIN, NOW, ago, obj } from './fixtures.js';

describe('namespaces', () => {
  it('columns and rows', () => {
    expect(namespaces.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    const ns = obj('v1', 'Namespace', 'kube-system', { status: { phase: 'Active' } }, { namespace: undefined, creationTimestamp: ago(5 * DAY) });
    expect(namespaces.row(ns, NOW)).toEqual(['kube-system', 'Active', '5d']);
    const dying = obj('v1', 'Namespace', 'old', { status: { phase: 'Terminating' } }, { deletionTimestamp: ago(1) });
    expect(namespaces.row(dying, NOW)).toEqual(['old', 'Terminating', '5m']);
  });
});

describe('nodes', () => {
  const node = (labels: Record<string, string>, spec: Record<string, unknown>, status: Record<string, unknown>) =>
    obj('v1', 'Node', 'node-1', { spec, status }, { namespace: undefined, labels, creationTimestamp: ago(3 * DAY + 4 * HOUR) });
  const info = {
    kubeletVersion: 'v1.36.0', osImage: 'Ubuntu 24.04.1 LTS', kernelVersion: '6.8.0-45-generic',
    containerRuntimeVersion: 'containerd://2.0.0',
  };
  const ready = (status: string) => ({ conditions: [
    { type: 'MemoryPressure', status: 'False' },
    { type: 'Ready', status },
  ], nodeInfo: info });

  it('columns', () => {
    expect(nodes.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0], ['Status', 0], ['Roles', 0], ['Age', 0], ['Version', 0], ['Internal-IP', 1], ['External-IP', 1],
      ['OS-Image', 1], ['Kernel-Version', 1], ['Container-Runtime', 1],
    ]);
  });

  it('a cordoned control-plane node with addresses', () => {
    const n = node({ 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'node-1' }, { unschedulable: true }, {
      ...ready('True'),
      addresses: [
        { type: 'Hostname', address: 'node-1' },
        { type: 'InternalIP', address: '192.168.49.2' },
        { type: 'ExternalIP', address: '203.0.113.10' },
        { type: 'InternalIP', address: '192.168.49.3' },
      ],
    });
    expect(nodes.row(n, NOW)).toEqual([
      'node-1', 'Ready,SchedulingDisabled', 'control-plane', '3d4h', 'v1.36.0', '192.168.49.2', '203.0.113.10',
      'Ubuntu 24.04.1 LTS', '6.8.0-45-generic', 'containerd://2.0.0',
    ]);
  });

  it.each([
    ['NotReady worker without roles', {}, {}, ready('False'), ['NotReady', '<none>']],
    ['Unknown readiness counts as NotReady', {}, {}, ready('Unknown'), ['NotReady', '<none>']],
    ['no Ready condition → Unknown', {}, { unschedulable: true }, { nodeInfo: info }, ['Unknown,SchedulingDisabled', '<none>']],
    ['roles: prefixes sorted and deduplicated with kubernetes.io/role', {
      'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': 'true',
      'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/': 'x',
    }, {}, ready('True'), ['Ready', 'control-plane,worker']],
    ['an empty kubernetes.io/role is ignored', { 'kubernetes.io/role': '' }, {}, ready('True'), ['Ready', '<none>']],
  ] as [string, Record<string, string>, Record<string, unknown>, Record<string, unknown>, string[]][])('%s', (_n, labels, spec, status, expected) => {
    expect(nodes.row(node(labels, spec, status), NOW).slice(1, 3)).toEqual(expected);
  });

  it('missing node info and addresses', () => {
    const n = node({}, {}, { conditions: [{ type: 'Ready', status: 'True' }] });
    expect(nodes.row(n, NOW).slice(4)).toEqual(['', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('events', () => {
  const ev = (fields: Record<string, unknown>, name = 'nginx.17a8b6c5d4e3f201') =>
    obj('v1', 'Event', name, {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set nginx-7854ff8877 from 0 to 3',
      involvedObject: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', namespace: 'default' },
      source: { component: 'deployment-controller' },
      firstTimestamp: ago(2 * MIN),
      lastTimestamp: ago(2 * MIN),
      count: 1,
      ...fields,
    });

  it('columns: only the wide NAME carries the name format', () => {
    expect(events.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Last Seen', 0], ['Type', 0], ['Reason', 0], ['Object', 0], ['Subobject', 1], ['Source', 1], ['Message', 0],
      ['First Seen', 1], ['Count', 1], ['Name', 1],
    ]);
    expect(events.columns.filter((c) => c.format === 'name').map((c) => c.name)).toEqual(['Name']);
  });

  it('a controller event', () => {
    expect(events.row(ev({}), NOW)).toEqual([
      '2m', 'Normal', 'ScalingReplicaSet', 'deployment/nginx', '', 'deployment-controller',
      'Scaled up replica set nginx-7854ff8877 from 0 to 3', '2m', 1, 'nginx.17a8b6c5d4e3f201',
    ]);
  });

  it('a repeated kubelet event with subobject and host', () => {
    const e = ev({
      type: 'Warning', reason: 'BackOff', message: '  Back-off restarting failed container app\n',
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{app}' },
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(10 * MIN), lastTimestamp: ago(30), count: 12,
    });
    expect(events.row(e, NOW)).toEqual([
      '30s', 'Warning', 'BackOff', 'pod/web', 'spec.containers{app}', 'kubelet, node-1',
      'Back-off restarting failed container app', '10m', 12, 'nginx.17a8b6c5d4e3f201',
    ]);
  });

  it('events.k8s.io-style: eventTime, reporting controller/instance, no count', () => {
    const e = ev({
      firstTimestamp: null, lastTimestamp: null, count: undefined, source: {},
      eventTime: new Date(NOW - 45_000).toISOString().replace('Z', '123Z'),
      reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-node-1',
      involvedObject: { kind: 'Pod', name: 'web-0' },
    });
    const cells = events.row(e, NOW);
    expect([cells[0], cells[3], cells[5], cells[7], cells[8]]).toEqual(['45s', 'pod/web-0', 'default-scheduler, default-scheduler-node-1', '45s', 1]);
  });

  it('series: LAST SEEN and COUNT from the series', () => {
    const e = ev({ count: 0, lastTimestamp: null, firstTimestamp: ago(HOUR), series: { count: 7, lastObservedTime: ago(5) } });
    const cells = events.row(e, NOW);
    expect([cells[0], cells[7], cells[8]]).toEqual(['5s', '60m', 7]);
  });

  it('no timestamps at all → <unknown>; an object without name is just the kind', () => {
    const e = ev({ firstTimestamp: undefined, lastTimestamp: undefined, involvedObject: { kind: 'Node' } });
    const cells = events.row(e, NOW);
    expect([cells[0], cells[3], cells[7]]).toEqual(['<unknown>', 'node', '<unknown>']);
  });

  it('kind is lower-cased without group', () => {
    const e = ev({ involvedObject: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-7854ff8877' } });
    expect(events.row(e, NOW)[3]).toBe('replicaset/nginx-7854ff8877');
  });
});

