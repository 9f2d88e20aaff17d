import { describe, expect, it } from 'vitest';
import {
  daemonsets, deployments, replicasets, replicationcontrollers, statefulsets,
} from '../../../src/api/tables/workloads.js';
import { cronjobs, jobs } from '../../../src/api/tables/batch.js';
import type { TableHandler } from '../../../src/api/tables/common.js';
import { DAY, HOUR, MIN, NOW, ago, obj } from './fixtures.js';

const template = (containers: [string, string][], extra: Record<string, unknown> = {}) => ({
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: containers.map(([name, image]) => ({ name, image })), ...extra },
});

const headers = (h: TableHandler) => h.columns.map((c) => `${c.name}${c.priority ? '*' : ''}`);

describe('workload columns', () => {
  it.each([
    [replicasets, ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']],
    [replicationcontrollers, ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']],
    [deployments, ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*']],
    [daemonsets, ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age',
      'Containers*', 'Images*', 'Selector*']],
    [statefulsets, ['Name', 'Ready', 'Age', 'Containers*', 'Images*']],
    [jobs, ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers*', 'Images*', 'Selector*']],
    [cronjobs, ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age',
      'Containers*', 'Images*', 'Selector*']],
  ])('%#', (h, expected) => {
    expect(headers(h)).toEqual(expected);
  });

  it('types follow upstream', () => {
    expect(replicasets.columns.slice(1, 4).map((c) => c.type)).toEqual(['integer', 'integer', 'integer']);
    expect(deployments.columns.slice(1, 4).map((c) => c.type)).toEqual(['string', 'string', 'string']);
    expect(cronjobs.columns[3]!.type).toBe('boolean');
  });
});

describe('replicasets / replicationcontrollers', () => {
  it('a ready ReplicaSet with two containers', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'nginx-7854ff8877', {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7854ff8877' } },
        template: template([['nginx', 'nginx:1.25'], ['sidecar', 'busybox']]),
      },
      status: { replicas: 3, readyReplicas: 2, availableReplicas: 2 },
    }, { creationTimestamp: ago(10 * MIN) });
    expect(replicasets.row(rs, NOW)).toEqual([
      'nginx-7854ff8877', 3, 3, 2, '10m', 'nginx,sidecar', 'nginx:1.25,busybox', 'app=nginx,pod-template-hash=7854ff8877',
    ]);
  });

  it('a scaled-down ReplicaSet has no status counts', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'old', {
      spec: { replicas: 0, selector: { matchLabels: { app: 'x' } }, template: template([['c', 'i']]) },
      status: { replicas: 0, observedGeneration: 2 },
    });
    expect(replicasets.row(rs, NOW).slice(1, 4)).toEqual([0, 0, 0]);
  });

  it('an RC selector is a label map', () => {
    const rc = obj('v1', 'ReplicationController', 'legacy', {
      spec: { replicas: 2, selector: { b: '2', a: '1' }, template: template([['c', 'i']]) },
      status: { replicas: 2, readyReplicas: 2 },
    });
    expect(replicationcontrollers.row(rc, NOW)).toEqual(['legacy', 2, 2, 2, '5m', 'c', 'i', 'a=1,b=2']);
  });
});

describe('deployments', () => {
  const deploy = (spec: Record<string, unknown>, status: Record<string, unknown>) =>
    obj('apps/v1', 'Deployment', 'web', { spec: { template: template([['nginx', 'nginx:1.25']]), ...spec }, status },
      { creationTimestamp: ago(19) });

  it('matches the real 1.36 server row', () => {
    const d = deploy({ replicas: 2, selector: { matchLabels: { app: 'web' } } },
      { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 });
    expect(deployments.row(d, NOW)).toEqual(['web', '2/2', 2, 2, '19s', 'nginx', 'nginx:1.25', 'app=web']);
  });

  it('a fresh deployment without status', () => {
    const d = deploy({ replicas: 3, selector: { matchLabels: { app: 'web' } } }, {});
    expect(deployments.row(d, NOW).slice(1, 4)).toEqual(['0/3', 0, 0]);
  });

  it('replicas missing → API default 1', () => {
    expect(deployments.row(deploy({ selector: { matchLabels: { app: 'web' } } }, {}), NOW)[1]).toBe('0/1');
  });

  it('set-based selectors: sorted by key, values sorted', () => {
    const d = deploy({
      replicas: 1,
      selector: {
        matchLabels: { tier: 'web' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'canary'] },
          { key: 'zone', operator: 'NotIn', values: ['b'] },
          { key: 'app', operator: 'Exists' },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
    }, {});
    expect(deployments.row(d, NOW)[7]).toBe('app,env in (canary,prod),!legacy,tier=web,zone notin (b)');
  });

  it('an empty selector prints "" (not <none>); an invalid one <invalid>', () => {
    expect(deployments.row(deploy({ replicas: 1, selector: {} }, {}), NOW)[7]).toBe('');
    const bad = deploy({ replicas: 1, selector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] } }, {});
    expect(deployments.row(bad, NOW)[7]).toBe('<invalid>');
  });
});

describe('daemonsets / statefulsets', () => {
  it('a DaemonSet with a node selector', () => {
    const ds = obj('apps/v1', 'DaemonSet', 'kube-proxy', {
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
        template: template([['kube-proxy', 'registry.k8s.io/kube-proxy:v1.36.0']],
          { nodeSelector: { 'kubernetes.io/os': 'linux' } }),
      },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    }, { namespace: 'kube-system', creationTimestamp: ago(5 * DAY) });
    expect(daemonsets.row(ds, NOW)).toEqual([
      'kube-proxy', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5d', 'kube-proxy',
      'registry.k8s.io/kube-proxy:v1.36.0', 'k8s-app=kube-proxy',
    ]);
  });

  it('no node selector → <none>; zero status', () => {
    const ds = obj('apps/v1', 'DaemonSet', 'ds', { spec: { template: template([['c', 'i']]), selector: { matchLabels: { a: 'b' } } } });
    expect(daemonsets.row(ds, NOW).slice(1, 8)).toEqual([0, 0, 0, 0, 0, '<none>', '5m']);
  });

  it('a StatefulSet READY is ready/desired', () => {
    const sts = obj('apps/v1', 'StatefulSet', 'db', {
      spec: { replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template: template([['pg', 'postgres:16']]) },
      status: { replicas: 2, readyReplicas: 1 },
    }, { creationTimestamp: ago(2 * HOUR + 5 * MIN) });
    expect(statefulsets.row(sts, NOW)).toEqual(['db', '1/3', '125m', 'pg', 'postgres:16']);
  });
});

describe('jobs', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta = {}) =>
    obj('batch/v1', 'Job', 'pi', {
      spec: {
        selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } },
        template: template([['pi', 'perl:5.34']], { restartPolicy: 'Never' }),
        ...spec,
      },
      status,
    }, { creationTimestamp: ago(10 * MIN), ...meta });
  const cond = (type: string, status = 'True') => ({ type, status });

  it('a complete job: STATUS, COMPLETIONS, DURATION from start to completion', () => {
    const j = job({ completions: 1, parallelism: 1 }, {
      startTime: ago(10 * MIN), completionTime: ago(10 * MIN - 37), succeeded: 1,
      conditions: [cond('SuccessCriteriaMet'), cond('Complete')],
    });
    expect(jobs.row(j, NOW)).toEqual([
      'pi', 'Complete', '1/1', '37s', '10m', 'pi', 'perl:5.34', 'batch.kubernetes.io/controller-uid=abc',
    ]);
  });

  const cases: [string, Record<string, unknown>, Record<string, unknown>, object, string[]][] = [
    ['running: duration until now', { completions: 3 }, { startTime: ago(3 * MIN + 2), active: 1, succeeded: 1 }, {},
      ['Running', '1/3', '3m2s']],
    ['not started: empty duration', { completions: 1 }, {}, {}, ['Running', '0/1', '']],
    ['failed', { completions: 1 }, { startTime: ago(MIN), failed: 1, conditions: [cond('FailureTarget'), cond('Failed')] }, {},
      ['Failed', '0/1', '60s']],
    ['failure target only', { completions: 1 }, { startTime: ago(MIN), conditions: [cond('FailureTarget')] }, {},
      ['FailureTarget', '0/1', '60s']],
    ['suspended', { completions: 1, suspend: true }, { conditions: [cond('Suspended')] }, {}, ['Suspended', '0/1', '']],
    ['a False condition does not count', { completions: 1 }, { conditions: [cond('Suspended', 'False')] }, {}, ['Running', '0/1', '']],
    ['terminating beats suspended', { completions: 1 }, { conditions: [cond('Suspended')] }, { deletionTimestamp: ago(1) },
      ['Terminating', '0/1', '']],
    ['complete beats terminating', { completions: 1 }, { conditions: [cond('Complete')], succeeded: 1 }, { deletionTimestamp: ago(1) },
      ['Complete', '1/1', '']],
    ['work queue: no completions, parallelism 4', { parallelism: 4 }, { succeeded: 2 }, {}, ['Running', '2/1 of 4', '']],
    ['no completions, parallelism 1', { parallelism: 1 }, {}, {}, ['Running', '0/1', '']],
  ];
  it.each(cases)('%s', (_n, spec, status, meta, expected) => {
    expect(jobs.row(job(spec, status, meta), NOW).slice(1, 4)).toEqual(expected);
  });
});

describe('cronjobs', () => {
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) =>
    obj('batch/v1', 'CronJob', 'hello', {
      spec: {
        schedule: '*/5 * * * *',
        jobTemplate: { spec: { template: template([['hello', 'busybox:1.36']]) } },
        ...spec,
      },
      status,
    }, { creationTimestamp: ago(DAY) });

  it('a defaulted cronjob that ran', () => {
    const c = cj({ suspend: false }, { active: [{ kind: 'Job', name: 'hello-1' }], lastScheduleTime: ago(2 * MIN + 1) });
    expect(cronjobs.row(c, NOW)).toEqual(['hello', '*/5 * * * *', '<none>', 'False', 1, '2m1s', '24h', 'hello', 'busybox:1.36', '<none>']);
  });

  it('time zone, suspended, never scheduled', () => {
    const c = cj({ timeZone: 'Etc/UTC', suspend: true });
    expect(cronjobs.row(c, NOW).slice(1, 6)).toEqual(['*/5 * * * *', 'Etc/UTC', 'True', 0, '<none>']);
  });

  it('suspend unset prints <unset>', () => {
    expect(cronjobs.row(cj({}), NOW)[3]).toBe('<unset>');
  });
});
