// Full `kubectl get` renderings: tableFor (server half) + printTable (client half), compared byte for
// byte with kubectl-reference.md §2.4 and the kubectl 1.36.3 captures in real-kubectl.md §6.2.

import { describe, expect, it } from 'vitest';
import { columnsFor, handlerFor, tableFor } from '../../../src/api/tables/index.js';
import { cellText, escapeCell, printTable, type PrintTableOptions } from '../../../src/printers/table.js';
import type { KObject, Table } from '../../../src/api/types.js';
import { DAY, MIN, NOW, ago, obj } from './fixtures.js';

const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');

const base: PrintTableOptions = { wide: false, noHeaders: false, namespaceColumn: false, showLabels: false, labelColumns: [] };
const print = (t: Table, o: Partial<PrintTableOptions> = {}): string => printTable(t, { ...base, ...o });

/** get.go: one table per kind, a blank line before each later group. */
const multi = (...parts: string[]): string => parts.filter((p) => p !== '').join('\n');

// ---- fixtures matching the reference renderings ----

const nginxTemplate = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
};

const deployment = obj('apps/v1', 'Deployment', 'nginx', {
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx' } }, template: nginxTemplate },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
}, { creationTimestamp: ago(10 * MIN), labels: { app: 'nginx' } });

const replicaSet = obj('apps/v1', 'ReplicaSet', 'nginx-7854ff8877', {
  spec: { replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7854ff8877' } }, template: nginxTemplate },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
}, { creationTimestamp: ago(10 * MIN) });

const kubernetesSvc = obj('v1', 'Service', 'kubernetes', {
  spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] },
}, { creationTimestamp: ago(5 * DAY) });

const nginxSvc = obj('v1', 'Service', 'nginx', {
  spec: { type: 'NodePort', clusterIPs: ['10.101.23.45'], selector: { app: 'nginx' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] },
}, { creationTimestamp: ago(2 * MIN) });

const readyPod = (name: string, namespace: string, created: number, restarts = 0, finished?: number): KObject =>
  obj('v1', 'Pod', name, {
    spec: { nodeName: 'minikube', containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: '10.244.0.5',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{
        name: 'c', ready: true, started: true, restartCount: restarts, state: { running: {} },
        ...(finished !== undefined ? { lastState: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ago(finished) } } } : {}),
      }],
    },
  }, { namespace, creationTimestamp: ago(created) });

const crashingPod = obj('v1', 'Pod', 'web', {
  spec: { containers: [{ name: 'web', image: 'web:broken' }] },
  status: {
    phase: 'Running',
    containerStatuses: [{
      name: 'web', ready: false, restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(30) } },
    }],
  },
}, { creationTimestamp: ago(10 * MIN) });

const event = (name: string, reason: string, kind: string, objName: string, message: string): KObject =>
  obj('v1', 'Event', name, {
    type: 'Normal', reason, message, count: 1,
    involvedObject: { kind, name: objName, namespace: 'default' },
    source: { component: `${kind.toLowerCase()}-controller` },
    firstTimestamp: ago(2 * MIN), lastTimestamp: ago(2 * MIN),
  });

describe('kubectl-reference.md §2.4 renderings', () => {
  it('kubectl get deploy,rs,svc', () => {
    const out = multi(
      print(tableFor('Deployment', [deployment], NOW), { kindPrefix: 'deployment.apps' }),
      print(tableFor('ReplicaSet', [replicaSet], NOW), { kindPrefix: 'replicaset.apps' }),
      print(tableFor('Service', [kubernetesSvc, nginxSvc], NOW), { kindPrefix: 'service' }),
    );
    expect(out).toBe(lines(
      'NAME                    READY   UP-TO-DATE   AVAILABLE   AGE',
      'deployment.apps/nginx   3/3     3            3           10m',
      '',
      'NAME                               DESIRED   CURRENT   READY   AGE',
      'replicaset.apps/nginx-7854ff8877   3         3         3       10m',
      '',
      'NAME                 TYPE        CLUSTER-IP     EXTERNAL-IP   PORT(S)        AGE',
      'service/kubernetes   ClusterIP   10.96.0.1      <none>        443/TCP        5d',
      'service/nginx        NodePort    10.101.23.45   <none>        80:30080/TCP   2m',
    ));
  });

  it('kubectl get pods (running + crash loop)', () => {
    const out = print(tableFor('Pod', [readyPod('nginx-7854ff8877-2xkzt', 'default', 5), crashingPod], NOW));
    expect(out).toBe(lines(
      'NAME                     READY   STATUS             RESTARTS      AGE',
      'nginx-7854ff8877-2xkzt   1/1     Running            0             5s',
      'web                      0/1     CrashLoopBackOff   5 (30s ago)   10m',
    ));
  });

  it('kubectl get pods -A', () => {
    const pods = [
      readyPod('nginx', 'default', 3 * MIN + 2),
      readyPod('coredns-7db6d8ff4d-abcde', 'kube-system', 5 * DAY, 1, 5 * DAY),
    ];
    expect(print(tableFor('Pod', pods, NOW), { namespaceColumn: true })).toBe(lines(
      'NAMESPACE     NAME                       READY   STATUS    RESTARTS     AGE',
      'default       nginx                      1/1     Running   0            3m2s',
      'kube-system   coredns-7db6d8ff4d-abcde   1/1     Running   1 (5d ago)   5d',
    ));
  });

  it('kubectl get pods -o wide', () => {
    const out = print(tableFor('Pod', [readyPod('nginx-7854ff8877-2xkzt', 'default', 5 * MIN)], NOW), { wide: true });
    expect(out).toBe(lines(
      'NAME                     READY   STATUS    RESTARTS   AGE   IP           NODE       NOMINATED NODE   READINESS GATES',
      'nginx-7854ff8877-2xkzt   1/1     Running   0          5m    10.244.0.5   minikube   <none>           <none>',
    ));
  });

  it('kubectl get events', () => {
    const evs = [
      event('nginx.17a1', 'ScalingReplicaSet', 'Deployment', 'nginx', 'Scaled up replica set nginx-7854ff8877 from 0 to 3'),
      event('nginx-7854ff8877.17a2', 'SuccessfulCreate', 'ReplicaSet', 'nginx-7854ff8877', 'Created pod: nginx-7854ff8877-2xkzt'),
    ];
    expect(print(tableFor('Event', evs, NOW))).toBe(lines(
      'LAST SEEN   TYPE     REASON              OBJECT                        MESSAGE',
      '2m          Normal   ScalingReplicaSet   deployment/nginx              Scaled up replica set nginx-7854ff8877 from 0 to 3',
      '2m          Normal   SuccessfulCreate    replicaset/nginx-7854ff8877   Created pod: nginx-7854ff8877-2xkzt',
    ));
  });

  it('kubectl get namespaces', () => {
    const nss = ['default', 'kube-node-lease'].map((n) =>
      obj('v1', 'Namespace', n, { status: { phase: 'Active' } }, { namespace: undefined, creationTimestamp: ago(5 * DAY) }));
    expect(print(tableFor('Namespace', nss, NOW))).toBe(lines(
      'NAME              STATUS   AGE',
      'default           Active   5d',
      'kube-node-lease   Active   5d',
    ));
  });

  it('kubectl get configmaps', () => {
    const cm = obj('v1', 'ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': 'x' } }, { creationTimestamp: ago(5 * DAY) });
    expect(print(tableFor('ConfigMap', [cm], NOW))).toBe(lines(
      'NAME               DATA   AGE',
      'kube-root-ca.crt   1      5d',
    ));
  });
});

// The deliberately odd ConfigMap Table served to real kubectl 1.36.3 (real-kubectl.md §5.1, §6.2).
function oddTable(): Table {
  const cm = (name: string, ns: string, labels?: Record<string, string>): KObject =>
    obj('v1', 'ConfigMap', name, {}, { namespace: ns, labels });
  return {
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', priority: 0 },
      { name: 'Foo Bar', type: 'string', priority: 0 },
      { name: 'count', type: 'integer', priority: 0 },
      { name: 'Flag', type: 'boolean', priority: 0 },
      { name: 'Ratio', type: 'number', priority: 0 },
      { name: 'Nothing', type: 'string', priority: 0 },
      { name: 'Obj', type: 'string', priority: 0 },
      { name: 'Created At', type: 'date', priority: 0 },
      { name: 'Hidden Wide', type: 'string', priority: 1 },
    ],
    rows: [
      // `null` and a pre-rendered Go map stand in for cells TableCell cannot carry.
      { cells: ['cm1', 'server says: hello', 42, true, 3.5, null as unknown as string, 'map[nested:[1 2]]', '2026-11-22T20:48:06Z', 'only-in-wide'],
        object: cm('cm1', 'default', { team: 'a' }) },
    ],
  };
}

describe('kubectl 1.36.3 captures (real-kubectl.md §6.2)', () => {
  it('get configmaps', () => {
    expect(print(oddTable())).toBe(lines(
      'NAME   FOO BAR              COUNT   FLAG   RATIO   NOTHING   OBJ                 CREATED AT',
      'cm1    server says: hello   42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z',
    ));
  });

  it('-o wide', () => {
    expect(print(oddTable(), { wide: true })).toBe(lines(
      'NAME   FOO BAR              COUNT   FLAG   RATIO   NOTHING   OBJ                 CREATED AT             HIDDEN WIDE',
      'cm1    server says: hello   42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z   only-in-wide',
    ));
  });

  it('--show-labels', () => {
    expect(print(oddTable(), { showLabels: true })).toBe(lines(
      'NAME   FOO BAR              COUNT   FLAG   RATIO   NOTHING   OBJ                 CREATED AT             LABELS',
      'cm1    server says: hello   42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z   team=a',
    ));
  });

  it('-A', () => {
    const t = oddTable();
    const row2 = { ...t.rows[0]!, cells: [...t.rows[0]!.cells], object: obj('v1', 'ConfigMap', 'cm2', {}, { namespace: 'kube-system' }) };
    row2.cells[0] = 'cm2';
    row2.cells[1] = 'server says: <none>';
    t.rows.push(row2);
    expect(print(t, { namespaceColumn: true })).toBe(lines(
      'NAMESPACE     NAME   FOO BAR               COUNT   FLAG   RATIO   NOTHING   OBJ                 CREATED AT',
      'default       cm1    server says: hello    42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z',
      'kube-system   cm2    server says: <none>   42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z',
    ));
  });

  it('--no-headers', () => {
    expect(print(oddTable(), { noHeaders: true })).toBe(lines(
      'cm1   server says: hello   42    true   3.5         map[nested:[1 2]]   2026-11-22T20:48:06Z',
    ));
  });

  it('--show-kind', () => {
    expect(print(oddTable(), { kindPrefix: 'configmap' })).toBe(lines(
      'NAME            FOO BAR              COUNT   FLAG   RATIO   NOTHING   OBJ                 CREATED AT',
      'configmap/cm1   server says: hello   42      true   3.5               map[nested:[1 2]]   2026-11-22T20:48:06Z',
    ));
  });

  it('get deploy -A (real server row)', () => {
    const d = obj('apps/v1', 'Deployment', 'web', {
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
    }, { creationTimestamp: ago(6) });
    expect(print(tableFor('Deployment', [d], NOW), { namespaceColumn: true })).toBe(lines(
      'NAMESPACE   NAME   READY   UP-TO-DATE   AVAILABLE   AGE',
      'default     web    2/2     2            2           6s',
    ));
  });
});

describe('printTable decorations', () => {
  const labelled = [
    obj('v1', 'ConfigMap', 'a', { data: { x: '1' } }, { labels: { 'app.kubernetes.io/name': 'web', tier: 'fe' } }),
    obj('v1', 'ConfigMap', 'bb', {}, { labels: {} }),
  ];

  it('-L columns: header is the last path segment; missing labels are empty (trailing padding)', () => {
    const out = print(tableFor('ConfigMap', labelled, NOW), { labelColumns: ['tier', 'app.kubernetes.io/name'] });
    expect(out).toBe(lines(
      'NAME   DATA   AGE   TIER   NAME',
      'a      1      5m    fe     web',
      'bb     0      5m           ',
    ));
  });

  it('-L plus --show-labels plus -A: NAMESPACE first, LABELS last', () => {
    const out = print(tableFor('ConfigMap', labelled, NOW), { labelColumns: ['tier'], showLabels: true, namespaceColumn: true });
    expect(out).toBe(lines(
      'NAMESPACE   NAME   DATA   AGE   TIER   LABELS',
      'default     a      1      5m    fe     app.kubernetes.io/name=web,tier=fe',
      'default     bb     0      5m           <none>',
    ));
  });

  it('cluster-scoped objects get an empty NAMESPACE cell', () => {
    const n = obj('v1', 'Namespace', 'default', { status: { phase: 'Active' } }, { namespace: undefined });
    expect(print(tableFor('Namespace', [n], NOW), { namespaceColumn: true })).toBe(lines(
      'NAMESPACE   NAME      STATUS   AGE',
      '            default   Active   5m',
    ));
  });

  it('the kind prefix lands on the name-format column: the wide NAME of events', () => {
    const evs = [event('nginx.17a1', 'ScalingReplicaSet', 'Deployment', 'nginx', 'Scaled up')];
    const narrow = print(tableFor('Event', evs, NOW), { kindPrefix: 'event' });
    expect(narrow).toBe(lines(
      'LAST SEEN   TYPE     REASON              OBJECT             MESSAGE',
      '2m          Normal   ScalingReplicaSet   deployment/nginx   Scaled up',
    ));
    const wide = print(tableFor('Event', evs, NOW), { kindPrefix: 'event', wide: true });
    expect(wide).toBe(lines(
      'LAST SEEN   TYPE     REASON              OBJECT             SUBOBJECT   SOURCE                  MESSAGE     FIRST SEEN   COUNT   NAME',
      '2m          Normal   ScalingReplicaSet   deployment/nginx               deployment-controller   Scaled up   2m           1       event/nginx.17a1',
    ));
  });

  it('wide LoadBalancer service with a long hostname', () => {
    const lb = obj('v1', 'Service', 'web', {
      spec: { type: 'LoadBalancer', clusterIPs: ['10.0.0.7'], selector: { app: 'web' }, ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] },
      status: { loadBalancer: { ingress: [{ hostname: 'abc123.us-east-1.elb.amazonaws.com' }] } },
    });
    expect(print(tableFor('Service', [lb], NOW), { wide: true })).toBe(lines(
      'NAME   TYPE           CLUSTER-IP   EXTERNAL-IP                          PORT(S)        AGE   SELECTOR',
      'web    LoadBalancer   10.0.0.7     abc123.us-east-1.elb.amazonaws.com   80:31000/TCP   5m    app=web',
    ));
  });

  it('nodes with roles, cordoned', () => {
    const node = (name: string, labels: Record<string, string>, unschedulable: boolean, ready: string) =>
      obj('v1', 'Node', name, {
        spec: unschedulable ? { unschedulable } : {},
        status: { conditions: [{ type: 'Ready', status: ready }], nodeInfo: { kubeletVersion: 'v1.36.0' } },
      }, { namespace: undefined, labels, creationTimestamp: ago(5 * DAY) });
    const out = print(tableFor('Node', [
      node('control-plane', { 'node-role.kubernetes.io/control-plane': '' }, false, 'True'),
      node('worker-1', {}, true, 'True'),
      node('worker-2', {}, false, 'False'),
    ], NOW));
    expect(out).toBe(lines(
      'NAME            STATUS                     ROLES           AGE   VERSION',
      'control-plane   Ready                      control-plane   5d    v1.36.0',
      'worker-1        Ready,SchedulingDisabled   <none>          5d    v1.36.0',
      'worker-2        NotReady                   <none>          5d    v1.36.0',
    ));
  });

  it('no rows → empty output (with or without headers)', () => {
    expect(print(tableFor('Pod', [], NOW))).toBe('');
    expect(print(tableFor('Pod', [], NOW), { noHeaders: true })).toBe('');
  });

  it('cells beyond the column definitions are dropped', () => {
    const t: Table = { columnDefinitions: [{ name: 'Name', type: 'string', priority: 0 }], rows: [{ cells: ['x', 'extra'], object: obj('v1', 'X', 'x') }] };
    expect(print(t)).toBe(lines('NAME', 'x'));
  });

  it('multi-line and escape characters in cells', () => {
    const t: Table = {
      columnDefinitions: [{ name: 'Name', type: 'string', format: 'name', priority: 0 }, { name: 'Msg', type: 'string', priority: 0 }],
      rows: [
        { cells: ['a', 'first line\nsecond line'], object: obj('v1', 'X', 'a') },
        { cells: ['b', 'red \x1b[31mtext'], object: obj('v1', 'X', 'b') },
      ],
    };
    expect(print(t)).toBe(lines(
      'NAME   MSG',
      'a      first line...',
      'b      red ^[[31mtext',
    ));
  });
});

describe('cell helpers', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb', 'a...'],
    ['a\rb', 'a...'],
    ['a\fb', 'a...'],
    ['\nstarts with newline', '...'],
    ['esc \x1b here', 'esc ^[ here'],
    ['esc \x1b then\nbreak', 'esc ^[ then...'],
  ])('escapeCell(%j)', (input, expected) => {
    expect(escapeCell(input)).toBe(expected);
  });

  it.each([
    [42, '42'], [0, '0'], [-3, '-3'], [true, 'true'], [false, 'false'], [3.5, '3.5'], [0.25, '0.25'],
    [1234567.5, '1.2345675e+06'], [0.00001, '1e-05'], [null, ''], [undefined, ''], ['s', 's'],
  ])('cellText(%j)', (input, expected) => {
    expect(cellText(input as never)).toBe(expected);
  });
});

describe('tableFor / columnsFor', () => {
  it('resolves kinds case-insensitively and by plural, falling back to NAME/AGE', () => {
    expect(handlerFor('Pod')).toBe(handlerFor('pods'));
    expect(handlerFor('INGRESS')).toBe(handlerFor('ingresses'));
    expect(columnsFor('Widget').map((c) => c.name)).toEqual(['Name', 'Age']);
    const w = obj('example.com/v1', 'Widget', 'w', {}, { creationTimestamp: ago(90) });
    expect(print(tableFor('Widget', [w], NOW))).toBe(lines('NAME   AGE', 'w      90s'));
  });

  it('columnsFor returns copies', () => {
    const cols = columnsFor('Pod');
    cols[0]!.name = 'changed';
    expect(columnsFor('Pod')[0]!.name).toBe('Name');
  });

  it('keeps the given row order and the source objects', () => {
    const a = obj('v1', 'ConfigMap', 'z');
    const b = obj('v1', 'ConfigMap', 'a');
    const t = tableFor('ConfigMap', [a, b], NOW);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['z', 'a']);
    expect(t.rows[0]!.object).toBe(a);
  });

  it('storage classes: only the effective default keeps "(default)"', () => {
    const sc = (name: string, created: number) => obj('storage.k8s.io/v1', 'StorageClass', name, { provisioner: 'p' }, {
      namespace: undefined, creationTimestamp: ago(created), annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    });
    const older = sc('standard', 10 * DAY);
    const newer = sc('nfs-client', 4);
    const t = tableFor('StorageClass', [newer, older], NOW);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['nfs-client (default)', 'standard']);
    expect(print(t)).toBe(lines(
      'NAME                   PROVISIONER   RECLAIMPOLICY   VOLUMEBINDINGMODE   ALLOWVOLUMEEXPANSION   AGE',
      'nfs-client (default)   p             Delete          Immediate           false                  4s',
      'standard               p             Delete          Immediate           false                  10d',
    ));
    // `get sc standard`: the effective default is computed over all classes.
    expect(tableFor('storageclasses', [older], NOW, { allObjects: [older, newer] }).rows[0]!.cells[0]).toBe('standard');
    expect(tableFor('storageclasses', [older], NOW).rows[0]!.cells[0]).toBe('standard (default)');
  });
});
