// Each filter plugin, table-driven, with upstream's reasons and status codes.

import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/controllers/scheduler/framework.js';
import { nodeAffinity, nodeAffinityPreFilter } from '../../../src/controllers/scheduler/nodeaffinity.js';
import { nodeName } from '../../../src/controllers/scheduler/nodename.js';
import { nodePorts } from '../../../src/controllers/scheduler/nodeports.js';
import { nodeResourcesFit } from '../../../src/controllers/scheduler/noderesources.js';
import { nodeUnschedulable } from '../../../src/controllers/scheduler/nodeunschedulable.js';
import { taintToleration } from '../../../src/controllers/scheduler/tainttoleration.js';
import { toleratesTaint } from '../../../src/controllers/scheduler/tolerations.js';
import { info, node, pod, requesting } from './helpers.js';

const U = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
const UU = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

describe('toleratesTaint (v1.Toleration.ToleratesTaint)', () => {
  const taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };
  const table: [string, object, boolean][] = [
    ['Equal, same key/value/effect', { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, true],
    ['no operator means Equal', { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, true],
    ['Equal, other value', { key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoSchedule' }, false],
    ['Exists ignores the value', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, true],
    ['empty effect tolerates every effect', { key: 'dedicated', operator: 'Exists' }, true],
    ['other effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
    ['empty key with Exists tolerates everything', { operator: 'Exists' }, true],
    ['empty key with Exists and an effect', { operator: 'Exists', effect: 'NoSchedule' }, true],
    ['empty key with Exists, other effect', { operator: 'Exists', effect: 'PreferNoSchedule' }, false],
    ['other key', { key: 'zone', operator: 'Exists' }, false],
    ['unknown operator', { key: 'dedicated', operator: 'Gt', value: '1' }, false],
  ];
  for (const [name, t, want] of table) it(name, () => expect(toleratesTaint(t, taint)).toBe(want));
  it('a taint without a value matches Equal with an empty value', () => {
    expect(toleratesTaint({ key: 'k', operator: 'Equal', value: '' }, { key: 'k', effect: 'NoSchedule' })).toBe(true);
  });
});

describe('NodeName', () => {
  it('passes when the pod names no node or this node', () => {
    expect(nodeName(pod('p'), info(node('a')))).toBeUndefined();
    expect(nodeName(pod('p', { nodeName: 'a' }), info(node('a')))).toBeUndefined();
  });
  it('rejects another node, unresolvably', () => {
    expect(nodeName(pod('p', { nodeName: 'b' }), info(node('a')))).toEqual(UU("node(s) didn't match the requested node name"));
  });
});

describe('NodeUnschedulable', () => {
  const cordoned = info(node('a', { unschedulable: true }));
  it('rejects a cordoned node', () => expect(nodeUnschedulable(pod('p'), cordoned)).toEqual(UU('node(s) were unschedulable')));
  it('a pod tolerating node.kubernetes.io/unschedulable:NoSchedule passes', () => {
    const p = pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulable(p, cordoned)).toBeUndefined();
  });
  it('an uncordoned node passes', () => expect(nodeUnschedulable(pod('p'), info(node('a')))).toBeUndefined());
});

describe('TaintToleration', () => {
  const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  const notReady = node('nr', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] });
  const preferNo = node('pn', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] });
  const REASON = UU('node(s) had untolerated taint(s)');
  const table: [string, ReturnType<typeof pod>, ReturnType<typeof node>, Status | undefined][] = [
    ['control-plane taint rejects a plain pod', pod('p'), cp, REASON],
    ['tolerated by key+effect', pod('p', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }), cp, undefined],
    ['tolerate-everything toleration', pod('p', { tolerations: [{ operator: 'Exists' }] }), cp, undefined],
    // The default not-ready/unreachable NoExecute tolerations do not cover the NoSchedule taint.
    ['NotReady node: NoSchedule taint untolerated', pod('p', { tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }] }), notReady, REASON],
    ['PreferNoSchedule never filters', pod('p'), preferNo, undefined],
    ['an untainted node passes', pod('p'), node('w'), undefined],
  ];
  for (const [name, p, n, want] of table) it(name, () => expect(taintToleration(p, info(n))).toEqual(want));
});

describe('NodeAffinity', () => {
  const n = node('kube-lite-worker', { labels: { disktype: 'ssd', gen: '5', zone: 'a' } });
  const REASON = UU("node(s) didn't match Pod's node affinity/selector");
  const req = (...terms: object[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
  const expr = (key: string, operator: string, values?: string[]) => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
  const table: [string, Record<string, unknown>, boolean][] = [
    ['no selector or affinity', {}, true],
    ['nodeSelector matches', { nodeSelector: { disktype: 'ssd' } }, true],
    ['nodeSelector value differs', { nodeSelector: { disktype: 'hdd' } }, false],
    ['nodeSelector key missing', { nodeSelector: { gpu: 'true' } }, false],
    ['In', req(expr('disktype', 'In', ['hdd', 'ssd'])), true],
    ['In, no value matches', req(expr('disktype', 'In', ['hdd'])), false],
    ['NotIn', req(expr('disktype', 'NotIn', ['hdd'])), true],
    ['NotIn on a missing label matches', req(expr('gpu', 'NotIn', ['x'])), true],
    ['NotIn, value listed', req(expr('disktype', 'NotIn', ['ssd'])), false],
    ['Exists', req(expr('zone', 'Exists')), true],
    ['Exists, missing', req(expr('gpu', 'Exists')), false],
    ['DoesNotExist', req(expr('gpu', 'DoesNotExist')), true],
    ['DoesNotExist, present', req(expr('zone', 'DoesNotExist')), false],
    ['Gt', req(expr('gen', 'Gt', ['4'])), true],
    ['Gt, equal is not greater', req(expr('gen', 'Gt', ['5'])), false],
    ['Lt', req(expr('gen', 'Lt', ['6'])), true],
    ['Lt on a non-integer label', req(expr('zone', 'Lt', ['6'])), false],
    ['terms are ORed', req(expr('disktype', 'In', ['hdd']), expr('zone', 'In', ['a'])), true],
    ['expressions in a term are ANDed', req({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }, { key: 'zone', operator: 'In', values: ['b'] }] }), false],
    ['an empty term matches nothing', req({}), false],
    ['matchFields metadata.name In', req({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['kube-lite-worker'] }] }), true],
    ['matchFields metadata.name NotIn', req({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['kube-lite-worker'] }] }), false],
    ['nodeSelector and affinity both apply', { nodeSelector: { disktype: 'hdd' }, ...req(expr('zone', 'In', ['a'])) }, false],
  ];
  for (const [name, spec, fits] of table) {
    it(name, () => expect(nodeAffinity(pod('p', spec), info(n))).toEqual(fits ? undefined : REASON));
  }

  it('PreFilter narrows to the nodes named by matchFields (DaemonSet pods)', () => {
    const p = pod('p', req({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b', 'a'] }] }));
    expect(nodeAffinityPreFilter(p)).toEqual(new Set(['b', 'a']));
  });
  it('PreFilter: a term without metadata.name means all nodes', () => {
    const p = pod('p', req({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }, expr('zone', 'Exists')));
    expect(nodeAffinityPreFilter(p)).toBeUndefined();
  });
  it('PreFilter: conflicting names in one term', () => {
    const p = pod('p', req({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }));
    expect(nodeAffinityPreFilter(p)).toEqual(UU('pod affinity terms conflict'));
  });
});

describe('NodeResourcesFit', () => {
  const small = node('n', { allocatable: { cpu: '2', memory: '4Gi', pods: '3', 'ephemeral-storage': '10Gi' } });
  const table: [string, ReturnType<typeof pod>, ReturnType<typeof pod>[], Status | undefined][] = [
    ['fits', requesting('p', { cpu: '1', memory: '1Gi' }), [], undefined],
    ['no requests always fits', pod('p'), [requesting('a', { cpu: '2', memory: '4Gi' })], undefined],
    ['a request larger than the node is unresolvable', requesting('p', { cpu: '100' }), [], UU('Insufficient cpu')],
    ['a request larger than what is left is resolvable', requesting('p', { cpu: '1500m' }), [requesting('a', { cpu: '1' })], U('Insufficient cpu')],
    ['exactly what is left fits', requesting('p', { cpu: '1' }), [requesting('a', { cpu: '1' })], undefined],
    ['cpu and memory both reported', requesting('p', { cpu: '3', memory: '5Gi' }), [], UU('Insufficient cpu', 'Insufficient memory')],
    ['one unresolvable reason makes the status unresolvable', requesting('p', { cpu: '1500m', memory: '5Gi' }), [requesting('a', { cpu: '1' })], UU('Insufficient cpu', 'Insufficient memory')],
    ['ephemeral-storage', requesting('p', { 'ephemeral-storage': '20Gi' }), [], UU('Insufficient ephemeral-storage')],
    ['an extended resource the node lacks', requesting('p', { 'nvidia.com/gpu': '1' }), [], UU('Insufficient nvidia.com/gpu')],
    ['too many pods', pod('p'), [pod('a'), pod('b'), pod('c')], U('Too many pods')],
    [
      'init containers: the max of init and regular requests',
      pod('p', {
        initContainers: [{ name: 'i', image: 'busybox', resources: { requests: { cpu: '1500m' } } }],
        containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }],
      }),
      [requesting('a', { cpu: '1' })],
      U('Insufficient cpu'),
    ],
    [
      'pod overhead counts',
      pod('p', { overhead: { cpu: '600m' }, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '500m' } } }] }),
      [requesting('a', { cpu: '1' })],
      U('Insufficient cpu'),
    ],
  ];
  for (const [name, p, existing, want] of table) it(name, () => expect(nodeResourcesFit(p, info(small, ...existing))).toEqual(want));

  it('terminal pods are not counted by the snapshot (buildSnapshot), running ones are', async () => {
    const { buildSnapshot } = await import('../../../src/controllers/scheduler/framework.js');
    const done = { ...requesting('done', { cpu: '2' }), spec: { ...requesting('done', { cpu: '2' })['spec'], nodeName: 'n' }, status: { phase: 'Succeeded' } };
    const running = { ...requesting('run', { cpu: '1' }), spec: { ...requesting('run', { cpu: '1' })['spec'], nodeName: 'n' }, status: { phase: 'Running' } };
    const [ni] = buildSnapshot([small], [done, running]);
    expect(ni!.pods.map((p) => p.metadata.name)).toEqual(['run']);
    expect(ni!.requested.milliCPU).toBe(1000);
  });
});

describe('NodePorts', () => {
  const withPort = (name: string, hostPort: number, extra: Record<string, unknown> = {}) =>
    pod(name, { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort, protocol: 'TCP', ...extra }] }] });
  const REASON = U("node(s) didn't have free ports for the requested pod ports");
  const table: [string, ReturnType<typeof pod>, ReturnType<typeof pod>[], Status | undefined][] = [
    ['free port', withPort('p', 8080), [withPort('a', 8081)], undefined],
    ['same port', withPort('p', 8080), [withPort('a', 8080)], REASON],
    ['same port, other protocol', withPort('p', 8080, { protocol: 'UDP' }), [withPort('a', 8080)], undefined],
    ['0.0.0.0 clashes with a specific address', withPort('p', 8080), [withPort('a', 8080, { hostIP: '10.0.0.1' })], REASON],
    ['two different addresses do not clash', withPort('p', 8080, { hostIP: '10.0.0.2' }), [withPort('a', 8080, { hostIP: '10.0.0.1' })], undefined],
    ['containerPort alone takes no host port', pod('p', { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] }), [withPort('a', 80)], undefined],
  ];
  for (const [name, p, existing, want] of table) it(name, () => expect(nodePorts(p, info(node('n'), ...existing))).toEqual(want));
});
