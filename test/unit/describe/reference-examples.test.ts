// The rendered examples of kubectl-reference.md §5.1-5.4, reproduced byte for byte from
// equivalent objects (expected texts copied verbatim from the reference, trailing spaces included).
/* eslint-disable @typescript-eslint/no-explicit-any */

import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { describeObject, type DescribeContext } from '../../../src/printers/describe/index.js';

const T0 = Date.parse('2025-01-06T10:00:00Z');
const at = (sec: number): string => new Date(T0 + sec * 1000).toISOString().replace('.000Z', 'Z');

const ctx = (now: number, events: KObject[], related: Record<string, KObject[]> = {}): DescribeContext => ({
  now,
  events,
  list: (resource: string, namespace?: string) =>
    (related[resource] ?? []).filter((o) => namespace === undefined || o.metadata.namespace === namespace),
});

const ev = (reason: string, message: string, component: string, sec: number, extra: any = {}): KObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: `e-${reason}`, namespace: 'default' },
  involvedObject: {},
  reason,
  message,
  type: 'Normal',
  source: { component },
  firstTimestamp: at(sec),
  lastTimestamp: at(sec),
  count: 1,
  ...extra,
});

const nginxContainer = (ports: boolean): any => ({
  name: 'nginx',
  image: 'nginx:1.25',
  ...(ports ? { ports: [{ containerPort: 80, protocol: 'TCP' }] } : {}),
  resources: {},
  imagePullPolicy: 'IfNotPresent',
});

const template = (labels: Record<string, string>, ports: boolean): any => ({
  metadata: { labels },
  spec: { containers: [nginxContainer(ports)], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
});

const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'nginx-7854ff8877-2xkzt',
    namespace: 'default',
    uid: 'pod-uid',
    labels: { app: 'nginx', 'pod-template-hash': '7854ff8877' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'nginx-7854ff8877', uid: 'rs-uid', controller: true }],
  },
  spec: {
    containers: [
      {
        ...nginxContainer(true),
        volumeMounts: [{ name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
      },
    ],
    volumes: [
      {
        name: 'kube-api-access-abcde',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      },
    ],
    serviceAccountName: 'default',
    nodeName: 'minikube',
    priority: 0,
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
  },
  status: {
    phase: 'Running',
    conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
      lastTransitionTime: at(6),
    })),
    hostIP: '192.168.49.2',
    podIP: '10.244.0.5',
    podIPs: [{ ip: '10.244.0.5' }],
    startTime: at(0),
    containerStatuses: [
      {
        name: 'nginx',
        state: { running: { startedAt: at(5) } },
        ready: true,
        restartCount: 0,
        image: 'nginx:1.25',
        imageID: 'docker.io/library/nginx@sha256:abcd',
        containerID: 'containerd://0123abcd',
      },
    ],
    qosClass: 'BestEffort',
  },
};

const rs: KObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: {
    name: 'nginx-7854ff8877',
    namespace: 'default',
    uid: 'rs-uid',
    creationTimestamp: at(0),
    labels: { app: 'nginx', 'pod-template-hash': '7854ff8877' },
    annotations: {
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx', uid: 'deploy-uid', controller: true }],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7854ff8877' } },
    template: template({ app: 'nginx', 'pod-template-hash': '7854ff8877' }, false),
  },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
};

const runningPod = (name: string): KObject => ({ ...pod, metadata: { ...pod.metadata, name } });

const deployment: KObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'nginx',
    namespace: 'default',
    uid: 'deploy-uid',
    creationTimestamp: at(0),
    labels: { app: 'nginx' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: template({ app: 'nginx' }, true),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};
// the deployment's replica set carries its template plus the hash label
const deploymentRS: KObject = {
  ...rs,
  spec: { ...rs.spec, template: template({ app: 'nginx', 'pod-template-hash': '7854ff8877' }, true) },
};

const service: KObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'nginx', namespace: 'default', uid: 'svc-uid', labels: { app: 'nginx' } },
  spec: {
    type: 'NodePort',
    selector: { app: 'nginx' },
    ipFamilyPolicy: 'SingleStack',
    ipFamilies: ['IPv4'],
    clusterIP: '10.101.23.45',
    clusterIPs: ['10.101.23.45'],
    ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  },
};
const slice: KObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'nginx-abc12', namespace: 'default', labels: { 'kubernetes.io/service-name': 'nginx' } },
  addressType: 'IPv4',
  ports: [{ name: '', port: 80, protocol: 'TCP' }],
  endpoints: ['10.244.0.5', '10.244.0.6', '10.244.0.7'].map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
};

const EXPECTED_POD = [
  "Name:             nginx-7854ff8877-2xkzt",
  "Namespace:        default",
  "Priority:         0",
  "Service Account:  default",
  "Node:             minikube/192.168.49.2",
  "Start Time:       Mon, 06 Jan 2025 10:00:00 +0000",
  "Labels:           app=nginx",
  "                  pod-template-hash=7854ff8877",
  "Annotations:      <none>",
  "Status:           Running",
  "IP:               10.244.0.5",
  "IPs:",
  "  IP:           10.244.0.5",
  "Controlled By:  ReplicaSet/nginx-7854ff8877",
  "Containers:",
  "  nginx:",
  "    Container ID:   containerd://0123abcd",
  "    Image:          nginx:1.25",
  "    Image ID:       docker.io/library/nginx@sha256:abcd",
  "    Port:           80/TCP",
  "    Host Port:      0/TCP",
  "    State:          Running",
  "      Started:      Mon, 06 Jan 2025 10:00:05 +0000",
  "    Ready:          True",
  "    Restart Count:  0",
  "    Environment:    <none>",
  "    Mounts:",
  "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-abcde (ro)",
  "Conditions:",
  "  Type                        Status",
  "  PodReadyToStartContainers   True ",
  "  Initialized                 True ",
  "  Ready                       True ",
  "  ContainersReady             True ",
  "  PodScheduled                True ",
  "Volumes:",
  "  kube-api-access-abcde:",
  "    Type:                    Projected (a volume that contains injected data from multiple sources)",
  "    TokenExpirationSeconds:  3607",
  "    ConfigMapName:           kube-root-ca.crt",
  "    Optional:                false",
  "    DownwardAPI:             true",
  "QoS Class:                   BestEffort",
  "Node-Selectors:              <none>",
  "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
  "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
  "Events:",
  "  Type    Reason     Age   From               Message",
  "  ----    ------     ----  ----               -------",
  "  Normal  Scheduled  12s   default-scheduler  Successfully assigned default/nginx-7854ff8877-2xkzt to minikube",
  "  Normal  Pulling    11s   kubelet            Pulling image \"nginx:1.25\"",
  "  Normal  Pulled     7s    kubelet            Successfully pulled image \"nginx:1.25\" in 4.2s (4.2s including waiting). Image size: 72099501 bytes.",
  "  Normal  Created    7s    kubelet            Created container: nginx",
  "  Normal  Started    7s    kubelet            Started container nginx",
].join('\n') + '\n';

const EXPECTED_RS = [
  "Name:           nginx-7854ff8877",
  "Namespace:      default",
  "Selector:       app=nginx,pod-template-hash=7854ff8877",
  "Labels:         app=nginx",
  "                pod-template-hash=7854ff8877",
  "Annotations:    deployment.kubernetes.io/desired-replicas: 3",
  "                deployment.kubernetes.io/max-replicas: 4",
  "                deployment.kubernetes.io/revision: 1",
  "Controlled By:  Deployment/nginx",
  "Replicas:       3 current / 3 desired",
  "Pods Status:    3 Running / 0 Waiting / 0 Succeeded / 0 Failed",
  "Pod Template:",
  "  Labels:  app=nginx",
  "           pod-template-hash=7854ff8877",
  "  Containers:",
  "   nginx:",
  "    Image:         nginx:1.25",
  "    Port:          <none>",
  "    Host Port:     <none>",
  "    Environment:   <none>",
  "    Mounts:        <none>",
  "  Volumes:         <none>",
  "  Node-Selectors:  <none>",
  "  Tolerations:     <none>",
  "Events:",
  "  Type    Reason            Age   From                   Message",
  "  ----    ------            ----  ----                   -------",
  "  Normal  SuccessfulCreate  2m    replicaset-controller  Created pod: nginx-7854ff8877-2xkzt",
].join('\n') + '\n';

const EXPECTED_DEPLOY = [
  "Name:                   nginx",
  "Namespace:              default",
  "CreationTimestamp:      Mon, 06 Jan 2025 10:00:00 +0000",
  "Labels:                 app=nginx",
  "Annotations:            deployment.kubernetes.io/revision: 1",
  "Selector:               app=nginx",
  "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
  "StrategyType:           RollingUpdate",
  "MinReadySeconds:        0",
  "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
  "Pod Template:",
  "  Labels:  app=nginx",
  "  Containers:",
  "   nginx:",
  "    Image:         nginx:1.25",
  "    Port:          80/TCP",
  "    Host Port:     0/TCP",
  "    Environment:   <none>",
  "    Mounts:        <none>",
  "  Volumes:         <none>",
  "  Node-Selectors:  <none>",
  "  Tolerations:     <none>",
  "Conditions:",
  "  Type           Status  Reason",
  "  ----           ------  ------",
  "  Available      True    MinimumReplicasAvailable",
  "  Progressing    True    NewReplicaSetAvailable",
  "OldReplicaSets:  <none>",
  "NewReplicaSet:   nginx-7854ff8877 (3/3 replicas created)",
  "Events:",
  "  Type    Reason             Age   From                   Message",
  "  ----    ------             ----  ----                   -------",
  "  Normal  ScalingReplicaSet  2m    deployment-controller  Scaled up replica set nginx-7854ff8877 from 0 to 3",
].join('\n') + '\n';

const EXPECTED_SVC = [
  "Name:                     nginx",
  "Namespace:                default",
  "Labels:                   app=nginx",
  "Annotations:              <none>",
  "Selector:                 app=nginx",
  "Type:                     NodePort",
  "IP Family Policy:         SingleStack",
  "IP Families:              IPv4",
  "IP:                       10.101.23.45",
  "IPs:                      10.101.23.45",
  "Port:                     <unset>  80/TCP",
  "TargetPort:               80/TCP",
  "NodePort:                 <unset>  30080/TCP",
  "Endpoints:                10.244.0.5:80,10.244.0.6:80,10.244.0.7:80",
  "Session Affinity:         None",
  "External Traffic Policy:  Cluster",
  "Internal Traffic Policy:  Cluster",
  "Events:                   <none>",
].join('\n') + '\n';

describe('kubectl-reference.md rendered examples', () => {
  it('§5.1 Pod', () => {
    const events = [
      ev('Scheduled', 'Successfully assigned default/nginx-7854ff8877-2xkzt to minikube', 'default-scheduler', 0),
      ev('Pulling', 'Pulling image "nginx:1.25"', 'kubelet', 1),
      ev('Pulled', 'Successfully pulled image "nginx:1.25" in 4.2s (4.2s including waiting). Image size: 72099501 bytes.', 'kubelet', 5),
      ev('Created', 'Created container: nginx', 'kubelet', 5),
      ev('Started', 'Started container nginx', 'kubelet', 5),
    ];
    expect(describeObject(pod, ctx(T0 + 12_000, events))).toBe(EXPECTED_POD);
  });

  it('§5.2 ReplicaSet', () => {
    const events = [ev('SuccessfulCreate', 'Created pod: nginx-7854ff8877-2xkzt', 'replicaset-controller', 0)];
    const pods = ['nginx-7854ff8877-2xkzt', 'nginx-7854ff8877-9bqcd', 'nginx-7854ff8877-zz7tq'].map(runningPod);
    expect(describeObject(rs, ctx(T0 + 120_000, events, { pods }))).toBe(EXPECTED_RS);
  });

  it('§5.3 Deployment', () => {
    const events = [ev('ScalingReplicaSet', 'Scaled up replica set nginx-7854ff8877 from 0 to 3', 'deployment-controller', 0)];
    expect(describeObject(deployment, ctx(T0 + 120_000, events, { replicasets: [deploymentRS] }))).toBe(EXPECTED_DEPLOY);
  });

  it('§5.4 Service', () => {
    expect(describeObject(service, ctx(T0 + 60_000, [], { endpointslices: [slice] }))).toBe(EXPECTED_SVC);
  });
});
