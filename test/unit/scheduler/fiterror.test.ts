// The FailedScheduling message: counting and ordering of reasons (FitError.Error), the preemption
// tail, and pod request arithmetic.

import { describe, expect, it } from 'vitest';
import { failedSchedulingMessage, fitErrorMessage, preemptionMessage, type Diagnosis } from '../../../src/controllers/scheduler/fiterror.js';
import type { Status } from '../../../src/controllers/scheduler/framework.js';
import { runFilters } from '../../../src/controllers/scheduler/index.js';
import { podRequests } from '../../../src/controllers/scheduler/resources.js';
import { info, node, pod, requesting } from './helpers.js';

const U = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
const UU = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
const diag = (n: number, statuses: [string, Status][], extra: Partial<Diagnosis> = {}): Diagnosis => ({ numAllNodes: n, nodeStatuses: new Map(statuses), ...extra });

describe('fitErrorMessage (framework.FitError.Error)', () => {
  const table: [string, Diagnosis, string][] = [
    ['one reason', diag(1, [['a', UU('Insufficient cpu')]]), '0/1 nodes are available: 1 Insufficient cpu.'],
    [
      'counted and sorted as "<n> <reason>" strings',
      diag(3, [
        ['cp', UU('node(s) had untolerated taint(s)')],
        ['w1', U('Insufficient cpu')],
        ['w2', U('Insufficient cpu')],
      ]),
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
    ],
    [
      'sorting is by the whole string, count first',
      diag(3, [
        ['a', UU("node(s) didn't match Pod's node affinity/selector")],
        ['b', UU("node(s) didn't match Pod's node affinity/selector")],
        ['c', U('Insufficient cpu')],
      ]),
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.",
    ],
    [
      'byte order: "10 …" sorts before "2 …", upper case before lower case',
      diag(12, [
        ...Array.from({ length: 10 }, (_, i): [string, Status] => [`n${i}`, U('node(s) were unschedulable')]),
        ['x', U('Too many pods')],
        ['y', U('Too many pods')],
      ]),
      '0/12 nodes are available: 10 node(s) were unschedulable, 2 Too many pods.',
    ],
    [
      'every reason of a status counts',
      diag(2, [
        ['a', U('Insufficient cpu', 'Insufficient memory')],
        ['b', U('Insufficient memory')],
      ]),
      '0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.',
    ],
    [
      'nodes left out by a PreFilter result take its status',
      diag(3, [['a', UU('Too many pods')]], { absentStatus: UU("node(s) didn't satisfy plugin(s) [NodeAffinity]") }),
      "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    ],
    [
      'a PreFilter failure replaces the per-node reasons',
      diag(3, [], { preFilterMsg: 'persistentvolumeclaim "data" not found', absentStatus: UU('persistentvolumeclaim "data" not found') }),
      '0/3 nodes are available: persistentvolumeclaim "data" not found.',
    ],
  ];
  for (const [name, d, want] of table) it(name, () => expect(fitErrorMessage(d)).toBe(want));
});

describe('preemption tail', () => {
  const cp = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  const w1 = node('w1', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } });
  const w2 = node('w2', { allocatable: { cpu: '1', memory: '1Gi', pods: '110' } });

  it('resolvable failures look for victims; with no lower-priority pods there are none', () => {
    const p = requesting('p', { cpu: '600m' });
    const nodes = [info(cp), info(w1, requesting('a', { cpu: '500m' })), info(w2, requesting('b', { cpu: '500m' }))];
    const d = diag(3, [
      ['cp', UU('node(s) had untolerated taint(s)')],
      ['w1', U('Insufficient cpu')],
      ['w2', U('Insufficient cpu')],
    ]);
    expect(failedSchedulingMessage(p, nodes, d, runFilters)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
  });

  it('a request larger than any node: preemption is not helpful anywhere', () => {
    const p = requesting('p', { cpu: '100' });
    const nodes = [info(cp), info(w1), info(w2)];
    const d = diag(3, [
      ['cp', UU('node(s) had untolerated taint(s)')],
      ['w1', UU('Insufficient cpu')],
      ['w2', UU('Insufficient cpu')],
    ]);
    expect(failedSchedulingMessage(p, nodes, d, runFilters)).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, ' +
        'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it('preemptionPolicy Never', () => {
    const p = requesting('p', { cpu: '600m' }, { preemptionPolicy: 'Never' });
    const d = diag(1, [['w1', U('Insufficient cpu')]]);
    expect(preemptionMessage(p, [info(w1)], d, runFilters)).toBe('preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('lower-priority pods whose removal still does not help: the filter reason', () => {
    const p = requesting('p', { cpu: '2' }, { priority: 1000 });
    const low = requesting('low', { cpu: '100m' }, { priority: 0 });
    const nodes = [info(w1, low)];
    // Not unresolvable here only because the diagnosis says so; the dry run re-runs the filters.
    const d = diag(1, [['w1', U('Insufficient cpu')]]);
    expect(preemptionMessage(p, nodes, d, runFilters)).toBe('preemption: 0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('when evicting lower-priority pods would make room, PostFilter succeeds: no tail', () => {
    const p = requesting('p', { cpu: '800m' }, { priority: 1000 });
    const low = requesting('low', { cpu: '500m' }, { priority: 0 });
    const d = diag(1, [['w1', U('Insufficient cpu')]]);
    expect(failedSchedulingMessage(p, [info(w1, low)], d, runFilters)).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });
});

describe('podRequests (resource.PodRequests)', () => {
  const c = (cpu: string, extra: Record<string, unknown> = {}) => ({ name: `c${cpu}`, image: 'x', resources: { requests: { cpu } }, ...extra });
  const table: [string, Record<string, unknown>, number][] = [
    ['sum of containers', { containers: [c('100m'), c('200m')] }, 300],
    ['init container larger than the sum', { containers: [c('100m')], initContainers: [c('500m')] }, 500],
    ['init containers run one at a time: the max', { containers: [c('100m')], initContainers: [c('300m'), c('400m')] }, 400],
    // Sidecars run for the pod's life: 100+200+50 = 350 steady, 50+400 = 450 during the later init.
    ['sidecar then init container', { containers: [c('100m'), c('200m')], initContainers: [c('50m', { restartPolicy: 'Always' }), c('400m')] }, 450],
    ['overhead is added', { containers: [c('100m')], overhead: { cpu: '250m' } }, 350],
    ['pod-level requests replace the aggregate', { containers: [c('100m')], resources: { requests: { cpu: '2' } } }, 2000],
  ];
  for (const [name, spec, milli] of table) it(name, () => expect(podRequests(pod('p', spec)).milliCPU).toBe(milli));

  it('non-zero requests for scoring: 100m and 200Mi per container without requests', () => {
    const r = podRequests(pod('p', { containers: [{ name: 'a', image: 'x' }, c('50m')] }), { nonZero: true });
    expect(r.milliCPU).toBe(150);
    expect(r.memory).toBe(2 * 200 * 1024 * 1024);
  });
});
