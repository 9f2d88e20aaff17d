// A small cluster used by the describe golden tests. Every timestamp is relative to T (ms), so
// the same objects can be served to real kubectl (to record the goldens in ./golden) and fed to
// describeObject with the recorded clock. Ages are whole minutes or more, so a few seconds of
// kubectl start-up never change them.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../../src/api/types.js';

export interface Target {
  /** golden file name (without .txt) */
  id: string;
  /** kubectl resource argument */
  resource: string;
  name: string;
  namespace?: string;
}

export const TARGETS: Target[] = [
  { id: 'pod-nginx', resource: 'pods', name: 'nginx-7854ff8877-2xkzt', namespace: 'default' },
  { id: 'pod-complex', resource: 'pods', name: 'complex', namespace: 'default' },
  { id: 'pod-terminating', resource: 'pods', name: 'terminating', namespace: 'default' },
  { id: 'pod-guaranteed', resource: 'pods', name: 'guaranteed', namespace: 'default' },
  { id: 'pod-pending', resource: 'pods', name: 'pending', namespace: 'default' },
  { id: 'pod-podlevel', resource: 'pods', name: 'podlevel', namespace: 'default' },
  { id: 'pod-failed', resource: 'pods', name: 'failed', namespace: 'default' },
  { id: 'rs-nginx', resource: 'replicasets', name: 'nginx-7854ff8877', namespace: 'default' },
  { id: 'deploy-nginx', resource: 'deployments', name: 'nginx', namespace: 'default' },
  { id: 'deploy-web2', resource: 'deployments', name: 'web2', namespace: 'default' },
  { id: 'svc-nginx', resource: 'services', name: 'nginx', namespace: 'default' },
  { id: 'svc-multi', resource: 'services', name: 'multi', namespace: 'default' },
  { id: 'svc-lb', resource: 'services', name: 'lb', namespace: 'default' },
  { id: 'svc-external', resource: 'services', name: 'external', namespace: 'default' },
  { id: 'svc-headless', resource: 'services', name: 'headless', namespace: 'default' },
  { id: 'endpoints-multi', resource: 'endpoints', name: 'multi', namespace: 'default' },
  { id: 'endpointslice-multi', resource: 'endpointslices', name: 'multi-abcde', namespace: 'default' },
  { id: 'ns-default', resource: 'namespaces', name: 'default' },
  { id: 'ns-team-a', resource: 'namespaces', name: 'team-a' },
  { id: 'node-1', resource: 'nodes', name: 'node-1' },
  { id: 'node-2', resource: 'nodes', name: 'node-2' },
  { id: 'cm-app', resource: 'configmaps', name: 'app-config', namespace: 'default' },
  { id: 'secret-opaque', resource: 'secrets', name: 'creds', namespace: 'default' },
  { id: 'secret-token', resource: 'secrets', name: 'builder-token', namespace: 'default' },
  { id: 'sa-builder', resource: 'serviceaccounts', name: 'builder', namespace: 'default' },
  { id: 'sa-default', resource: 'serviceaccounts', name: 'default', namespace: 'default' },
  { id: 'pv-local', resource: 'persistentvolumes', name: 'pv-local' },
  { id: 'pv-csi', resource: 'persistentvolumes', name: 'pv-csi' },
  { id: 'pvc-data', resource: 'persistentvolumeclaims', name: 'data', namespace: 'default' },
  { id: 'pvc-pending', resource: 'persistentvolumeclaims', name: 'waiting', namespace: 'default' },
  { id: 'ingress-web', resource: 'ingresses', name: 'web', namespace: 'default' },
  { id: 'ingress-default', resource: 'ingresses', name: 'catchall', namespace: 'default' },
  { id: 'sc-standard', resource: 'storageclasses', name: 'standard' },
  { id: 'ds-agent', resource: 'daemonsets', name: 'agent', namespace: 'kube-system' },
  { id: 'sts-db', resource: 'statefulsets', name: 'db', namespace: 'default' },
  { id: 'job-pi', resource: 'jobs', name: 'pi', namespace: 'default' },
  { id: 'job-indexed', resource: 'jobs', name: 'indexed', namespace: 'default' },
  { id: 'cronjob-hello', resource: 'cronjobs', name: 'hello', namespace: 'default' },
  { id: 'rc-legacy', resource: 'replicationcontrollers', name: 'legacy', namespace: 'default' },
  { id: 'event-scheduled', resource: 'events', name: 'nginx-7854ff8877-2xkzt.1', namespace: 'default' },
  { id: 'widget', resource: 'widgets', name: 'w1', namespace: 'default' },
  { id: 'quota', resource: 'resourcequotas', name: 'compute', namespace: 'team-a' },
  { id: 'limitrange', resource: 'limitranges', name: 'limits', namespace: 'team-a' },
  { id: 'pdb', resource: 'poddisruptionbudgets', name: 'nginx-pdb', namespace: 'default' },
  { id: 'priorityclass', resource: 'priorityclasses', name: 'high' },
  { id: 'rolebinding', resource: 'rolebindings', name: 'readers', namespace: 'default' },
  { id: 'ingressclass', resource: 'ingressclasses', name: 'nginx' },
  { id: 'node-3', resource: 'nodes', name: 'node-3' },
  { id: 'deploy-many', resource: 'deployments', name: 'many', namespace: 'default' },
  { id: 'svc-noports', resource: 'services', name: 'noports', namespace: 'default' },
  { id: 'pod-debug', resource: 'pods', name: 'debug', namespace: 'team-a' },
  { id: 'pvc-terminating', resource: 'persistentvolumeclaims', name: 'gone', namespace: 'team-a' },
  { id: 'hpa-full', resource: 'horizontalpodautoscalers', name: 'full', namespace: 'default' },
  { id: 'hpa-simple', resource: 'horizontalpodautoscalers', name: 'nginx', namespace: 'default' },
  { id: 'role', resource: 'roles', name: 'pod-reader', namespace: 'default' },
  { id: 'clusterrole', resource: 'clusterroles', name: 'viewer' },
  { id: 'clusterrolebinding', resource: 'clusterrolebindings', name: 'viewers' },
  { id: 'netpol-db', resource: 'networkpolicies', name: 'db', namespace: 'default' },
  { id: 'netpol-deny', resource: 'networkpolicies', name: 'deny-all', namespace: 'default' },
];

export function buildFixtures(T: number): KObject[] {
  const at = (minAgo: number): string => new Date(T - minAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const micro = (minAgo: number): string => new Date(T - minAgo * 60_000).toISOString().replace(/Z$/, '000Z');
  const objs: any[] = [];
  const add = (o: any): void => void objs.push(o);
  const meta = (name: string, namespace: string | undefined, minAgo: number, extra: any = {}): any => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: `uid-${namespace ?? 'cluster'}-${name}`,
    resourceVersion: '42',
    creationTimestamp: at(minAgo),
    ...extra,
  });
  const owner = (kind: string, name: string, ns: string, apiVersion = 'apps/v1'): any => ({
    apiVersion,
    kind,
    name,
    uid: `uid-${ns}-${name}`,
    controller: true,
    blockOwnerDeletion: true,
  });
  const evn: Record<string, number> = {};
  const event = (o: any, type: string, reason: string, message: string, src: string, first: number, last = first, count = 1, extra: any = {}): void => {
    const n = (evn[o.metadata.name] = (evn[o.metadata.name] ?? 0) + 1);
    add({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: meta(`${o.metadata.name}.${n}`, o.metadata.namespace ?? 'default', first),
      involvedObject: {
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: o.metadata.name,
        namespace: o.metadata.namespace,
        uid: o.metadata.uid,
        ...(extra.fieldPath ? { fieldPath: extra.fieldPath } : {}),
      },
      reason,
      message,
      source: src ? { component: src, ...(extra.host ? { host: extra.host } : {}) } : {},
      firstTimestamp: extra.noTimestamps ? null : at(first),
      lastTimestamp: extra.noTimestamps ? null : at(last),
      count,
      type,
      eventTime: extra.eventTime ?? null,
      reportingComponent: extra.reportingController ?? '',
      reportingInstance: '',
      ...(extra.series ? { series: extra.series } : {}),
    });
  };

  const tmplSpec = (image: string, extra: any = {}): any => ({
    containers: [
      {
        name: 'nginx',
        image,
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    ...extra,
  });
  const saVolume = {
    name: 'kube-api-access-abcde',
    projected: {
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
      defaultMode: 420,
    },
  };
  const defaultTolerations = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ];
  const readyConditions = (min: number): any[] =>
    ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map((type) => ({
      type,
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: at(min),
    }));

  // ---- namespaces
  add({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta('default', undefined, 3000, { labels: { 'kubernetes.io/metadata.name': 'default' } }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta('team-a', undefined, 2000, {
      labels: { 'kubernetes.io/metadata.name': 'team-a', team: 'a' },
      annotations: { owner: 'alice' },
    }),
    spec: { finalizers: ['kubernetes'] },
    status: {
      phase: 'Active',
      conditions: [
        { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: at(100), reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      ],
    },
  });
  add({
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: meta('compute', 'team-a', 900),
    spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', pods: '10' }, scopes: ['NotTerminating', 'BestEffort'] },
    status: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', pods: '10' }, used: { 'requests.cpu': '500m', 'requests.memory': '1Gi', pods: '2' } },
  });
  add({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: meta('limits', 'team-a', 900),
    spec: { limits: [{ type: 'Container', max: { cpu: '2' }, default: { cpu: '500m' }, defaultRequest: { cpu: '250m' } }] },
  });

  // ---- nodes, leases
  const node1: any = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('node-1', undefined, 4320, {
      labels: {
        'kubernetes.io/hostname': 'node-1',
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/control-plane': '',
        'node.kubernetes.io/exclude-from-external-load-balancers': '',
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    }),
    spec: {
      podCIDR: '10.244.0.0/24',
      podCIDRs: ['10.244.0.0/24'],
      providerID: 'kind://docker/kind/node-1',
      taints: [
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        { key: 'dedicated', value: 'infra', effect: 'NoExecute' },
      ],
    },
    status: {
      capacity: { cpu: '4', 'ephemeral-storage': '102400Mi', 'hugepages-2Mi': '0', memory: '16384Mi', pods: '110', 'example.com/gpu': '2' },
      allocatable: { cpu: '3800m', 'ephemeral-storage': '100Gi', 'hugepages-2Mi': '0', memory: '15Gi', pods: '110', 'example.com/gpu': '2' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: at(1), lastTransitionTime: at(4320), reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
        { type: 'DiskPressure', status: 'False', lastHeartbeatTime: at(1), lastTransitionTime: at(4320), reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
        { type: 'PIDPressure', status: 'False', lastHeartbeatTime: at(1), lastTransitionTime: at(4320), reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
        { type: 'Ready', status: 'True', lastHeartbeatTime: at(1), lastTransitionTime: at(4300), reason: 'KubeletReady', message: 'kubelet is posting ready status' },
      ],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: 'node-1' },
      ],
      nodeInfo: {
        machineID: 'a1b2c3',
        systemUUID: 'd4e5f6',
        bootID: 'boot-1',
        kernelVersion: '6.1.0-18-amd64',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        containerRuntimeVersion: 'containerd://1.7.13',
        kubeletVersion: 'v1.36.0',
        kubeProxyVersion: 'v1.36.0',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
  add(node1);
  add({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('node-2', undefined, 60, { labels: { 'kubernetes.io/role': 'worker' } }),
    spec: { unschedulable: true },
    status: {
      capacity: { cpu: '2', memory: '4Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'Unknown', lastHeartbeatTime: at(30), lastTransitionTime: at(20), reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      nodeInfo: { operatingSystem: 'linux', architecture: 'arm64', kubeletVersion: 'v1.35.1' },
    },
  });
  event(node1, 'Normal', 'Starting', 'Starting kubelet.', 'kubelet', 4320, 4320, 1, { host: 'node-1' });
  event(node1, 'Normal', 'NodeReady', 'Node node-1 status is now: NodeReady', 'kubelet', 4300);
  event(node1, 'Normal', 'RegisteredNode', 'Node node-1 event: Registered Node node-1 in Controller', 'node-controller', 4310);
  add({
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: meta('node-1', 'kube-node-lease', 4320),
    spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: micro(1) },
  });

  // ---- deployment nginx, its replica sets and pods
  const tmplLabels = { app: 'nginx' };
  const deploy: any = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('nginx', 'default', 120, {
      generation: 2,
      labels: { app: 'nginx' },
      annotations: {
        'deployment.kubernetes.io/revision': '2',
        'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment"}\n',
      },
    }),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: { metadata: { labels: tmplLabels }, spec: tmplSpec('nginx:1.25') },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: 2,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: 'Available', status: 'True', lastUpdateTime: at(100), lastTransitionTime: at(100), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
        { type: 'Progressing', status: 'True', lastUpdateTime: at(60), lastTransitionTime: at(120), reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "nginx-7854ff8877" has successfully progressed.' },
      ],
    },
  };
  add(deploy);
  event(deploy, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set nginx-6d5b8c9f7 from 0 to 3', 'deployment-controller', 120);
  event(deploy, 'Normal', 'ScalingReplicaSet', 'Scaled up replica set nginx-7854ff8877 from 0 to 1', 'deployment-controller', 62);
  event(deploy, 'Normal', 'ScalingReplicaSet', 'Scaled down replica set nginx-6d5b8c9f7 from 3 to 0', 'deployment-controller', 61, 60, 3);
  const rsTemplate = (hash: string, image: string): any => ({
    metadata: { labels: { ...tmplLabels, 'pod-template-hash': hash } },
    spec: tmplSpec(image),
  });
  add({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('nginx-6d5b8c9f7', 'default', 120, {
      labels: { app: 'nginx', 'pod-template-hash': '6d5b8c9f7' },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' },
      ownerReferences: [owner('Deployment', 'nginx', 'default')],
    }),
    spec: { replicas: 0, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '6d5b8c9f7' } }, template: rsTemplate('6d5b8c9f7', 'nginx:1.24') },
    status: { replicas: 0, observedGeneration: 3 },
  });
  const rs: any = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta('nginx-7854ff8877', 'default', 62, {
      labels: { app: 'nginx', 'pod-template-hash': '7854ff8877' },
      annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '2' },
      ownerReferences: [owner('Deployment', 'nginx', 'default')],
    }),
    spec: { replicas: 3, selector: { matchLabels: { app: 'nginx', 'pod-template-hash': '7854ff8877' } }, template: rsTemplate('7854ff8877', 'nginx:1.25') },
    status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 },
  };
  add(rs);
  event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: nginx-7854ff8877-2xkzt', 'replicaset-controller', 62);
  event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: nginx-7854ff8877-9bqcd', 'replicaset-controller', 61);
  const nginxPod = (name: string, phase: string, ip: string): any => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, 'default', 62, {
      generateName: 'nginx-7854ff8877-',
      labels: { app: 'nginx', 'pod-template-hash': '7854ff8877' },
      ownerReferences: [owner('ReplicaSet', 'nginx-7854ff8877', 'default')],
    }),
    spec: {
      ...tmplSpec('nginx:1.25'),
      containers: [
        {
          ...tmplSpec('nginx:1.25').containers[0],
          volumeMounts: [{ name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        },
      ],
      volumes: [saVolume],
      serviceAccountName: 'default',
      serviceAccount: 'default',
      nodeName: 'node-1',
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: defaultTolerations,
    },
    status: {
      phase,
      conditions: readyConditions(61),
      hostIP: '172.18.0.2',
      hostIPs: [{ ip: '172.18.0.2' }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: at(62),
      containerStatuses: [
        {
          name: 'nginx',
          state: { running: { startedAt: at(61) } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'docker.io/library/nginx:1.25',
          imageID: 'docker.io/library/nginx@sha256:abcd',
          containerID: 'containerd://0123abcd',
          started: true,
        },
      ],
      qosClass: 'BestEffort',
    },
  });
  const p1 = nginxPod('nginx-7854ff8877-2xkzt', 'Running', '10.244.0.5');
  add(p1);
  add(nginxPod('nginx-7854ff8877-9bqcd', 'Running', '10.244.0.6'));
  add(nginxPod('nginx-7854ff8877-zz7tq', 'Pending', '10.244.0.7'));
  event(p1, 'Normal', 'Scheduled', 'Successfully assigned default/nginx-7854ff8877-2xkzt to node-1', '', 62, 62, 1, {
    eventTime: micro(62),
    reportingController: 'default-scheduler',
    noTimestamps: true,
  });
  event(p1, 'Normal', 'Pulling', 'Pulling image "nginx:1.25"', 'kubelet', 61, 61, 1, { fieldPath: 'spec.containers{nginx}' });
  event(p1, 'Normal', 'Pulled', 'Successfully pulled image "nginx:1.25" in 4.2s (4.2s including waiting). Image size: 72099501 bytes.', 'kubelet', 61);
  event(p1, 'Warning', 'BackOff', 'Back-off pulling image "nginx:1.25"  ', 'kubelet', 50, 20, 4);
  event(p1, 'Normal', 'Started', 'Started container nginx', 'kubelet', 30, 30, 1, {
    series: { count: 5, lastObservedTime: micro(15) },
    eventTime: micro(30),
  });

  // ---- a deployment without replica sets, with a rich template
  add({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('web2', 'default', 30, { labels: { app: 'web2', tier: 'frontend' } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web2' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend', 'edge'] }] },
      template: {
        metadata: { labels: { app: 'web2', tier: 'frontend' }, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          ...tmplSpec('nginx:1.27'),
          serviceAccountName: 'builder',
          priorityClassName: 'high',
          initContainers: [{ name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'echo hi'], resources: {} }],
          volumes: [
            { name: 'cache', emptyDir: {} },
            { name: 'cfg', configMap: { name: 'app-config', optional: true } },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux', disktype: 'ssd' },
          tolerations: [{ operator: 'Exists' }],
          topologySpreadConstraints: [
            { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web2' } } },
            { maxSkew: 2, topologyKey: 'node', whenUnsatisfiable: 'ScheduleAnyway' },
          ],
        },
      },
      strategy: { type: 'Recreate' },
      minReadySeconds: 5,
    },
    status: { replicas: 0, unavailableReplicas: 2 },
  });

  // ---- a complex pod
  const complex: any = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('complex', 'default', 45, {
      labels: { app: 'complex', version: 'v2' },
      annotations: {
        'example.com/long': 'x'.repeat(150),
        'example.com/multi': 'line one\nline two\n',
        'example.com/short': 'yes',
      },
    }),
    spec: {
      priority: 1000,
      priorityClassName: 'high',
      runtimeClassName: 'gvisor',
      serviceAccountName: 'builder',
      nodeName: 'node-1',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [
        {
          name: 'setup',
          image: 'busybox:1.36',
          command: ['sh', '-c', 'echo one\necho two'],
          resources: { requests: { cpu: '1', memory: '256Mi' } },
          volumeMounts: [{ name: 'work', mountPath: '/work' }],
        },
      ],
      containers: [
        {
          name: 'app',
          image: 'example/app:2.0',
          args: ['--port=8080', '--verbose'],
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, hostPort: 19090, protocol: 'TCP' },
          ],
          resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '250m', memory: '128Mi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          readinessProbe: { tcpSocket: { port: 'http' }, timeoutSeconds: 2, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 },
          startupProbe: { exec: { command: ['cat', '/tmp/ready'] }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 30 },
          envFrom: [{ configMapRef: { name: 'app-config' }, prefix: 'CFG_' }, { secretRef: { name: 'creds', optional: true } }],
          env: [
            { name: 'PLAIN', value: 'hello' },
            { name: 'MULTI', value: 'first\nsecond' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
            { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
            { name: 'APP_LABEL', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } },
            { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.cpu', divisor: '1m' } } },
            { name: 'MEM_REQ', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'requests.memory', divisor: '1Mi' } } },
            { name: 'EPH', valueFrom: { resourceFieldRef: { containerName: 'app', resource: 'limits.ephemeral-storage', divisor: '0' } } },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
            { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode', optional: true } } },
          ],
          volumeMounts: [
            { name: 'work', mountPath: '/work', readOnly: true },
            { name: 'cfg', mountPath: '/etc/app/config.yaml', subPath: 'config.yaml' },
            { name: 'data', mountPath: '/data' },
          ],
          securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/app.json' } },
        },
        {
          name: 'sidecar',
          image: 'example/sidecar:1',
          readinessProbe: { grpc: { port: 9000, service: '' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          resources: { requests: { cpu: '100m' } },
        },
      ],
      volumes: [
        { name: 'work', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
        { name: 'cfg', configMap: { name: 'app-config', defaultMode: 420 } },
        { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
        { name: 'host2', hostPath: { path: '/tmp' } },
        { name: 'sec', secret: { secretName: 'creds', optional: false } },
        { name: 'podinfo', downwardAPI: { items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }, { path: 'cpu', resourceFieldRef: { containerName: 'app', resource: 'limits.cpu' } }] } },
        { name: 'mixed', projected: { sources: [{ secret: { name: 'creds', optional: true } }, { configMap: { name: 'app-config' } }] } },
        { name: 'inline', csi: { driver: 'inline.storage.example.com', volumeAttributes: { foo: 'bar', size: '1Gi' } } },
        {
          name: 'scratch',
          ephemeral: {
            volumeClaimTemplate: {
              metadata: { labels: { type: 'scratch', tier: 'tmp' }, annotations: { note: 'ephemeral' } },
              spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '1Gi' } } },
            },
          },
        },
        { name: 'img', image: { reference: 'example/data:1', pullPolicy: 'IfNotPresent' } },
        { name: 'nfs', nfs: { server: 'nfs.example.com', path: '/exports', readOnly: true } },
      ],
      nodeSelector: { disktype: 'ssd' },
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' },
        { operator: 'Exists' },
        { key: 'a-key', operator: 'Exists' },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      readinessGates: [{ conditionType: 'example.com/feature-ready' }, { conditionType: 'example.com/other' }],
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
      ],
    },
    status: {
      phase: 'Running',
      reason: 'SomeReason',
      message: 'some message',
      nominatedNodeName: 'node-9',
      hostIP: '172.18.0.2',
      podIP: '10.244.0.9',
      podIPs: [{ ip: '10.244.0.9' }, { ip: 'fd00::9' }],
      startTime: at(44),
      conditions: [
        { type: 'example.com/feature-ready', status: 'False', lastTransitionTime: at(40) },
        { type: 'Initialized', status: 'True', lastTransitionTime: at(43) },
        { type: 'Ready', status: 'False', lastTransitionTime: at(40), reason: 'ContainersNotReady' },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: at(45) },
      ],
      initContainerStatuses: [
        {
          name: 'setup',
          state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(44), finishedAt: at(43), containerID: 'containerd://init1' } },
          lastState: {},
          ready: true,
          restartCount: 0,
          image: 'busybox:1.36',
          imageID: 'docker.io/library/busybox@sha256:1111',
          containerID: 'containerd://init1',
        },
      ],
      containerStatuses: [
        {
          name: 'app',
          state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s' } },
          lastState: { terminated: { exitCode: 137, signal: 9, reason: 'Error', message: 'killed', startedAt: at(12), finishedAt: at(11) } },
          ready: false,
          restartCount: 7,
          image: 'example/app:2.0',
          imageID: 'example/app@sha256:2222',
          containerID: 'containerd://app1',
        },
        {
          name: 'sidecar',
          state: {},
          lastState: {},
          ready: false,
          restartCount: 0,
          image: 'example/sidecar:1',
          imageID: '',
        },
      ],
    },
  };
  add(complex);

  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('terminating', 'default', 20, {
      deletionTimestamp: new Date(T + 30_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      deletionGracePeriodSeconds: 30,
      finalizers: ['example.com/hold'],
    }),
    spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }], nodeName: 'node-1', priority: 0 },
    status: {
      phase: 'Running',
      hostIP: '172.18.0.2',
      podIP: '10.244.0.20',
      podIPs: [{ ip: '10.244.0.20' }],
      containerStatuses: [{ name: 'c', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(19), finishedAt: at(1) } }, ready: false, restartCount: 0, image: 'busybox', imageID: '' }],
    },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('guaranteed', 'kube-system', 600, { labels: { component: 'etcd' } }),
    spec: {
      nodeName: 'node-1',
      containers: [
        { name: 'etcd', image: 'registry.k8s.io/etcd:3.5', resources: { limits: { cpu: '1', memory: '1Gi', 'ephemeral-storage': '2Gi' }, requests: { cpu: '1000m', memory: '1024Mi', 'ephemeral-storage': '1Gi' } } },
      ],
    },
    status: { phase: 'Running', hostIP: '172.18.0.2' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('guaranteed', 'default', 600),
    spec: {
      nodeName: 'node-1',
      containers: [
        { name: 'a', image: 'a', resources: { limits: { cpu: '200m', memory: '100Mi' } , requests: { cpu: '200m', memory: '100Mi' } } },
        { name: 'b', image: 'b', resources: { limits: { cpu: '0.3', memory: '0.5Gi' }, requests: { cpu: '300m', memory: '512Mi' } } },
      ],
    },
    status: { phase: 'Running', hostIP: '172.18.0.2' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('pending', 'default', 15, { labels: { app: 'pending' } }),
    spec: { containers: [{ name: 'c', image: 'busybox', resources: { requests: { memory: '64Mi' } } }], schedulerName: 'default-scheduler' },
    status: { phase: 'Pending' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('podlevel', 'default', 15),
    spec: {
      nodeName: 'node-1',
      resources: { limits: { cpu: '2', memory: '2Gi' }, requests: { cpu: '1', memory: '1Gi' } },
      containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '100m' } } }],
    },
    status: { phase: 'Running' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('failed', 'default', 300, { deletionTimestamp: at(1), deletionGracePeriodSeconds: 0 }),
    spec: { nodeName: 'node-1', restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', resources: { requests: { cpu: '2' } } }] },
    status: { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' },
  });

  // ---- services and endpoints
  const svc = (name: string, spec: any, extra: any = {}): any => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name, 'default', 90, extra.meta ?? {}),
    spec: { sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ...spec },
    status: extra.status ?? { loadBalancer: {} },
  });
  add(
    svc(
      'nginx',
      {
        type: 'NodePort',
        selector: { app: 'nginx' },
        clusterIP: '10.101.23.45',
        clusterIPs: ['10.101.23.45'],
        ports: [{ protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }],
        externalTrafficPolicy: 'Cluster',
      },
      { meta: { labels: { app: 'nginx' } } },
    ),
  );
  const slice = (name: string, service: string, ports: any[], endpoints: any[]): any => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(name, 'default', 80, {
      labels: { 'kubernetes.io/service-name': service, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    }),
    addressType: 'IPv4',
    ports,
    endpoints,
  });
  const ep = (ip: string, ready: boolean | null, extra: any = {}): any => ({
    addresses: [ip],
    conditions: ready === null ? {} : { ready, serving: ready, terminating: false },
    ...extra,
  });
  add(
    slice('nginx-x1y2z', 'nginx', [{ name: '', port: 80, protocol: 'TCP' }], [
      ep('10.244.0.5', true, { nodeName: 'node-1', targetRef: { kind: 'Pod', name: 'nginx-7854ff8877-2xkzt', namespace: 'default' } }),
      ep('10.244.0.6', true),
      ep('10.244.0.7', true),
    ]),
  );
  add(
    svc('multi', {
      type: 'ClusterIP',
      selector: { app: 'multi', tier: 'be' },
      clusterIP: '10.96.5.5',
      clusterIPs: ['10.96.5.5'],
      ports: [
        { name: 'http', protocol: 'TCP', port: 80, targetPort: 'web', appProtocol: 'http' },
        { name: 'grpc', protocol: 'TCP', port: 9000, targetPort: 9000 },
      ],
    }),
  );
  add(
    slice('multi-abcde', 'multi', [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'grpc', port: 9000, protocol: 'TCP' }], [
      ep('10.244.1.1', true, { hostname: 'm1', nodeName: 'node-1', zone: 'zone-a', targetRef: { kind: 'Pod', name: 'multi-1', namespace: 'default' } }),
      ep('10.244.1.2', false),
      ep('10.244.1.3', null),
      ep('10.244.1.4', true),
      ep('10.244.1.5', true),
    ]),
  );
  add(slice('multi-fghij', 'multi', [{ name: 'http', port: 8080, protocol: 'TCP' }], [ep('10.244.2.1', true)]));
  add({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: meta('multi', 'default', 80, { labels: { app: 'multi' } }),
    subsets: [
      {
        addresses: [{ ip: '10.244.1.1' }, { ip: '10.244.1.4' }],
        notReadyAddresses: [{ ip: '10.244.1.2' }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { port: 9000, protocol: 'TCP' }],
      },
      { notReadyAddresses: [{ ip: '10.244.3.3' }] },
    ],
  });
  add(
    svc(
      'lb',
      {
        type: 'LoadBalancer',
        selector: { app: 'lb' },
        clusterIP: '10.96.7.7',
        clusterIPs: ['10.96.7.7'],
        externalIPs: ['192.0.2.10', '192.0.2.11'],
        loadBalancerIP: '203.0.113.5',
        loadBalancerSourceRanges: ['10.0.0.0/8', '192.168.0.0/16'],
        ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 8443, nodePort: 31443 }],
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 32000,
        trafficDistribution: 'PreferClose',
        sessionAffinity: 'ClientIP',
        ipFamilyPolicy: 'PreferDualStack',
        ipFamilies: ['IPv4', 'IPv6'],
      },
      { status: { loadBalancer: { ingress: [{ ip: '203.0.113.5', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] } } },
    ),
  );
  event(objs[objs.length - 1], 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller', 89);
  add({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('external', 'default', 90),
    spec: { type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' },
    status: { loadBalancer: {} },
  });
  add(
    svc('headless', {
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      selector: { app: 'db' },
      ports: [{ protocol: 'UDP', port: 53, targetPort: 53 }],
    }),
  );

  // ---- config
  const cm: any = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta('app-config', 'default', 200, { labels: { app: 'complex' } }),
    data: { mode: 'fast', 'config.yaml': 'a: 1\nb: 2\n', empty: '' },
    binaryData: { 'logo.png': Buffer.from([1, 2, 3, 4, 5, 6, 7]).toString('base64') },
  };
  add(cm);
  add({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('creds', 'default', 200),
    type: 'Opaque',
    data: { username: Buffer.from('admin').toString('base64'), password: Buffer.from('s3cr3t!!').toString('base64'), empty: '' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta('builder-token', 'default', 200, { annotations: { 'kubernetes.io/service-account.name': 'builder', 'kubernetes.io/service-account.uid': 'uid-default-builder' } }),
    type: 'kubernetes.io/service-account-token',
    data: { token: Buffer.from('eyJhbGciOi.fake.token').toString('base64'), 'ca.crt': Buffer.from('-----BEGIN CERTIFICATE-----\n').toString('base64'), namespace: Buffer.from('default').toString('base64') },
  });
  add({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta('builder', 'default', 200, { labels: { team: 'ci' } }),
    imagePullSecrets: [{ name: 'regcred' }, { name: 'missing-cred' }],
    secrets: [{ name: 'builder-token' }],
  });
  add({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('default', 'default', 3000) });

  // ---- storage
  add({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta('pv-local', undefined, 500, {
      labels: { type: 'local' },
      annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' },
      finalizers: ['kubernetes.io/pv-protection'],
    }),
    spec: {
      capacity: { storage: '10Gi' },
      hostPath: { path: '/mnt/data', type: '' },
      accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
      claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'uid-default-data' },
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1', 'node-2'] }, { key: 'disk', operator: 'Exists' }] },
            { matchExpressions: [] },
          ],
        },
      },
    },
    status: { phase: 'Bound', lastPhaseTransitionTime: at(400) },
  });
  add({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: meta('pv-csi', undefined, 500, { finalizers: [] }),
    spec: {
      capacity: { storage: '5368709120' },
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-123', fsType: 'ext4', volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': 'abc' } },
      accessModes: ['ReadWriteMany', 'ReadOnlyMany'],
      persistentVolumeReclaimPolicy: 'Delete',
    },
    status: { phase: 'Available', message: 'waiting' },
  });
  const pvc: any = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('data', 'default', 450, {
      annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } }, volumeName: 'pv-local', storageClassName: 'standard', volumeMode: 'Filesystem' },
    status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '10Gi' } },
  };
  add(pvc);
  const waiting: any = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('waiting', 'default', 40, { annotations: { 'volume.beta.kubernetes.io/storage-class': 'fast' } }),
    spec: {
      accessModes: ['ReadWriteMany'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'standard',
      dataSource: { apiGroup: 'snapshot.storage.k8s.io', kind: 'VolumeSnapshot', name: 'snap-1' },
    },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'Resizing', status: 'True', lastTransitionTime: at(30), reason: 'Waiting', message: 'waiting for it' }],
    },
  };
  add(waiting);
  event(waiting, 'Normal', 'ExternalProvisioning', "Waiting for a volume to be created either by the external provisioner 'x' or manually by the system administrator.", 'persistentvolume-controller', 40, 10, 42);
  add({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: meta('standard', undefined, 3000, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
    provisioner: 'rancher.io/local-path',
    parameters: { type: 'gp3', iops: '3000' },
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: true,
    mountOptions: ['debug', 'noatime'],
    allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['us-east-1a', 'us-east-1b'] }, { key: 'disk', values: ['ssd'] }] }],
  });

  // ---- ingress
  add({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('web', 'default', 70, { labels: { app: 'web' }, annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } }),
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'nginx', port: { number: 80 } } },
      tls: [{ hosts: ['foo.example.com', 'bar.example.com'], secretName: 'tls-secret' }, { hosts: ['sni.example.com'] }],
      rules: [
        {
          host: 'foo.example.com',
          http: {
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: { name: 'multi', port: { name: 'http' } } } },
              { path: '/missing', pathType: 'Exact', backend: { service: { name: 'nope', port: { number: 8080 } } } },
            ],
          },
        },
        { http: { paths: [{ path: '/static', pathType: 'Prefix', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static-assets' } } }] } },
        { host: 'nohttp.example.com' },
      ],
    },
    status: { loadBalancer: { ingress: [{ ip: '172.18.0.10' }, { hostname: 'a.example.com' }, { ip: '172.18.0.10' }] } },
  });
  add({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('catchall', 'default', 70),
    spec: { defaultBackend: { service: { name: 'multi', port: { number: 9000 } } } },
    status: { loadBalancer: {} },
  });
  add({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: meta('nginx', undefined, 3000, { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }),
    spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Cluster' } },
  });

  // ---- other workloads
  const ds: any = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: meta('agent', 'kube-system', 3000, { labels: { app: 'agent' }, annotations: { 'deprecated.daemonset.template.generation': '1' } }),
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { ...tmplSpec('agent:1'), nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }] } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
    status: { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1, numberUnavailable: 1 },
  };
  add(ds);
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('agent-abcde', 'kube-system', 3000, { labels: { app: 'agent' }, ownerReferences: [owner('DaemonSet', 'agent', 'kube-system')] }),
    spec: { nodeName: 'node-1', containers: [{ name: 'agent', image: 'agent:1', resources: { requests: { cpu: '50m', memory: '50Mi' }, limits: { memory: '100Mi' } } }] },
    status: { phase: 'Running' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('agent-fghij', 'kube-system', 3000, { labels: { app: 'agent' }, ownerReferences: [owner('DaemonSet', 'agent', 'kube-system')] }),
    spec: { nodeName: 'node-2', containers: [{ name: 'agent', image: 'agent:1' }] },
    status: { phase: 'Pending' },
  });
  add({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta('db', 'default', 1000, { labels: { app: 'db' } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'db' } },
      serviceName: 'headless',
      template: { metadata: { labels: { app: 'db' } }, spec: tmplSpec('postgres:16') },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1, maxUnavailable: '50%' } },
      volumeClaimTemplates: [
        {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { name: 'pgdata', labels: { app: 'db' }, annotations: { note: 'x' } },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem' },
        },
        { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], resources: {} } },
      ],
    },
    status: { replicas: 2, readyReplicas: 2, currentReplicas: 2, updatedReplicas: 2 },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('db-0', 'default', 1000, { labels: { app: 'db' }, ownerReferences: [owner('StatefulSet', 'db', 'default')] }),
    spec: { nodeName: 'node-2', containers: [{ name: 'nginx', image: 'postgres:16' }] },
    status: { phase: 'Running' },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('db-1', 'default', 1000, { labels: { app: 'db' }, ownerReferences: [owner('StatefulSet', 'db', 'default')] }),
    spec: { nodeName: 'node-2', containers: [{ name: 'nginx', image: 'postgres:16' }] },
    status: { phase: 'Succeeded' },
  });
  const job: any = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('pi', 'default', 100, {
      labels: { 'batch.kubernetes.io/controller-uid': 'uid-default-pi', 'batch.kubernetes.io/job-name': 'pi' },
      ownerReferences: [owner('CronJob', 'hello', 'default', 'batch/v1')],
    }),
    spec: {
      parallelism: 1,
      completions: 1,
      completionMode: 'NonIndexed',
      suspend: false,
      backoffLimit: 4,
      ttlSecondsAfterFinished: 100,
      activeDeadlineSeconds: 600,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-default-pi' } },
      template: {
        metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' } },
        spec: { containers: [{ name: 'pi', image: 'perl:5.34', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)'] }], restartPolicy: 'Never' },
      },
    },
    status: { startTime: at(100), completionTime: at(97), succeeded: 1, ready: 0, terminating: 0 },
  };
  add(job);
  event(job, 'Normal', 'SuccessfulCreate', 'Created pod: pi-xxxxx', 'job-controller', 100);
  event(job, 'Normal', 'Completed', 'Job completed', 'job-controller', 97);
  add({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta('indexed', 'default', 50),
    spec: {
      completions: 100,
      parallelism: 10,
      completionMode: 'Indexed',
      selector: { matchLabels: { x: 'y' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod', 'dev'] }, { key: 'gone', operator: 'DoesNotExist' }] },
      template: { metadata: { labels: { x: 'y' } }, spec: { containers: [{ name: 'w', image: 'busybox' }], restartPolicy: 'OnFailure' } },
    },
    status: { active: 10, failed: 2, succeeded: 30, completedIndexes: '0-9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,43,45,47,49,51' },
  });
  add({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: meta('hello', 'default', 400),
    spec: {
      schedule: '*/5 * * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: {},
        spec: { template: { metadata: {}, spec: { containers: [{ name: 'hello', image: 'busybox:1.28', args: ['/bin/sh', '-c', 'date; echo Hello'] }], restartPolicy: 'OnFailure' } } },
      },
    },
    status: { lastScheduleTime: at(3), active: [{ kind: 'Job', namespace: 'default', name: 'hello-1' }, { kind: 'Job', namespace: 'default', name: 'hello-2' }] },
  });
  add({
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: meta('legacy', 'default', 700, { labels: { app: 'legacy' } }),
    spec: { replicas: 2, selector: { app: 'legacy' }, template: { metadata: { labels: { app: 'legacy' } }, spec: tmplSpec('nginx:1.10') } },
    status: {
      replicas: 1,
      conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota exceeded' }],
    },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('legacy-1', 'default', 700, { labels: { app: 'legacy' }, ownerReferences: [owner('ReplicationController', 'legacy', 'default', 'v1')] }),
    spec: { nodeName: 'node-2', containers: [{ name: 'nginx', image: 'nginx:1.10' }] },
    status: { phase: 'Failed' },
  });

  // ---- misc kinds
  add({
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: meta('w1', 'default', 25, { labels: { a: 'b' }, generation: 3, managedFields: [{ manager: 'kubectl' }] }),
    spec: {
      size: 3,
      ratio: 0.25,
      big: 1234567.5,
      tiny: 0.00001,
      enabled: true,
      nothing: null,
      podCIDRs: ['10.0.0.0/24'],
      nested: { someURL: 'http://x', items: [{ name: 'a', count: 1 }, { name: 'b', count: 2 }], matrix: [[1, 2], ['x']] },
      'weird_key': 'v',
      'dash-key': 'v',
    },
    status: { phase: 'Ready', observedGeneration: 3 },
  });
  add({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta('nginx-pdb', 'default', 80),
    spec: { minAvailable: '50%', selector: { matchLabels: { app: 'nginx' } } },
    status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3, observedGeneration: 1 },
  });
  add({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: meta('high', undefined, 3000, { annotations: { owner: 'ops' } }),
    value: 1000000,
    globalDefault: false,
    description: 'High priority',
    preemptionPolicy: 'PreemptLowerPriority',
  });
  add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: meta('readers', 'default', 3000),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'builder', namespace: 'default' },
    ],
  });

  // ---- edge cases: event ordering, odd quantities, several old replica sets, no ports
  const pending = objs.find((o) => o.metadata.name === 'pending');
  event(pending, 'Warning', 'FailedScheduling', '0/3 nodes are available: 3 Insufficient memory.', '', 11, 11, 1, {
    eventTime: micro(11),
    reportingController: 'default-scheduler',
    noTimestamps: true,
  });
  event(pending, 'Normal', 'Older', 'an older event with timestamps', 'kubelet', 14, 12, 2);
  add({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: meta('node-3', undefined, 600, { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/gpu': 'true', 'kubernetes.io/role': 'edge' } }),
    spec: { taints: [{ key: 'only-key' }, { key: 'k', value: 'v' }] },
    status: {
      capacity: { cpu: '1500m', memory: '1.5Gi', 'ephemeral-storage': '20e9', pods: '110', 'example.com/foo': '1k', 'hugepages-1Gi': '2Gi' },
      allocatable: { cpu: '0.5', memory: '1000000000', 'ephemeral-storage': '10G', pods: '110', 'example.com/foo': '1000', 'hugepages-1Gi': '2Gi' },
      addresses: [],
      nodeInfo: {},
    },
  });
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('on-node-3', 'team-a', 25),
    spec: {
      nodeName: 'node-3',
      initContainers: [
        { name: 'init-big', image: 'x', resources: { requests: { cpu: '400m', memory: '300M' } } },
        { name: 'sidecar', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '50m' }, limits: { cpu: '100m' } } },
      ],
      containers: [
        { name: 'c', image: 'x', resources: { requests: { cpu: '100m', memory: '100M', 'hugepages-1Gi': '1Gi', 'example.com/foo': '3' }, limits: { memory: '200M', 'hugepages-1Gi': '1Gi', 'example.com/foo': '3' } } },
      ],
      overhead: { cpu: '10m', memory: '1Mi' },
    },
    status: { phase: 'Pending' },
  });
  const many: any = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('many', 'default', 300, { labels: { app: 'many' } }),
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'many' } },
      template: { metadata: { labels: { app: 'many' } }, spec: tmplSpec('app:3', { containers: [{ ...tmplSpec('app:3').containers[0], resources: { limits: { cpu: '1' } } }] }) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    },
    status: { replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 },
  };
  add(many);
  const manyRS = (name: string, minAgo: number, image: string, replicas: number, ownerName = 'many', extraSpec: any = {}): any => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, 'default', minAgo, {
      labels: { app: 'many', 'pod-template-hash': name.split('-')[1] },
      ownerReferences: [owner('Deployment', ownerName, 'default')],
    }),
    spec: {
      replicas,
      selector: { matchLabels: { app: 'many', 'pod-template-hash': name.split('-')[1] } },
      template: {
        metadata: { labels: { app: 'many', 'pod-template-hash': name.split('-')[1] } },
        spec: tmplSpec(image, { containers: [{ ...tmplSpec(image).containers[0], resources: { limits: { cpu: '1000m' } } }], ...extraSpec }),
      },
    },
    status: { replicas },
  });
  add(manyRS('many-bbbb', 200, 'app:2', 1));
  add(manyRS('many-aaaa', 200, 'app:1', 0));
  add(manyRS('many-cccc', 100, 'app:3', 1));
  add(manyRS('many-dddd', 50, 'app:3', 1));
  add(manyRS('many-eeee', 40, 'app:3', 1, 'someone-else'));
  add(
    svc('noports', {
      type: 'ClusterIP',
      clusterIP: 'None',
      clusterIPs: ['None'],
      selector: { app: 'noports' },
      sessionAffinity: 'None',
    }),
  );
  add(slice('noports-1', 'noports', [], [ep('10.244.9.1', true), ep('10.244.9.2', false)]));
  add({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('debug', 'team-a', 28, { labels: { 'ünïcode': 'välue' } }),
    spec: {
      nodeName: 'node-3',
      containers: [{ name: 'main', image: 'busybox', resources: { limits: { cpu: '100m', memory: '64Mi' } } }],
      ephemeralContainers: [{ name: 'debugger', image: 'busybox', command: ['sh'], stdin: true, tty: true, targetContainerName: 'main' }],
    },
    status: {
      phase: 'Running',
      podIP: '',
      ephemeralContainerStatuses: [{ name: 'debugger', state: { running: { startedAt: at(27) } }, ready: false, restartCount: 0, image: 'busybox', imageID: '' }],
    },
  });
  add({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta('gone', 'team-a', 40, { deletionTimestamp: at(15), deletionGracePeriodSeconds: 0, finalizers: ['kubernetes.io/pvc-protection'], ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'debug', uid: 'uid-team-a-debug' }] }),
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
    status: { phase: 'Bound' },
  });

  // ---- autoscaling and rbac
  const hpa: any = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('full', 'default', 70),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
        { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } } },
        {
          type: 'Object',
          object: { metric: { name: 'requests-per-second' }, describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main-route' }, target: { type: 'Value', value: '10k' } },
        },
        { type: 'External', external: { metric: { name: 'queue_messages_ready' }, target: { type: 'AverageValue', averageValue: '30' } } },
        { type: 'External', external: { metric: { name: 'queue_depth' }, target: { type: 'Value', value: '100' } } },
        { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } },
      ],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    },
    status: {
      currentReplicas: 3,
      desiredReplicas: 4,
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 85, averageValue: '170m' } } },
        { type: 'Resource', resource: { name: 'memory', current: { averageValue: '400Mi' } } },
        { type: 'Pods', pods: { metric: { name: 'packets-per-second' }, current: { averageValue: '1500m' } } },
      ],
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: at(60), reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
        { type: 'ScalingActive', status: 'True', lastTransitionTime: at(60), reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
      ],
    },
  };
  add(hpa);
  event(hpa, 'Normal', 'SuccessfulRescale', 'New size: 4; reason: cpu resource utilization (percentage of request) above target', 'horizontal-pod-autoscaler', 30);
  add({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta('nginx', 'default', 70),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'nginx' },
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
    status: { currentReplicas: 0, desiredReplicas: 0 },
  });
  add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta('pod-reader', 'default', 3000, { labels: { a: 'b' } }),
    rules: [
      { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'watch', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'], resourceNames: ['web', 'api'] },
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['update'], resourceNames: ['web'] },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
    ],
  });
  add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: meta('viewer', undefined, 3000),
    rules: [
      { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] },
      { apiGroups: ['', 'apps'], resources: ['*'], verbs: ['list', 'get'] },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['*'] },
    ],
  });
  add({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: meta('viewers', undefined, 3000),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'viewer' },
    subjects: [{ kind: 'Group', name: 'system:authenticated', apiGroup: 'rbac.authorization.k8s.io' }],
  });

  add({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('db', 'default', 500, { labels: { app: 'db' } }),
    spec: {
      podSelector: { matchLabels: { role: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [
        {
          from: [
            { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24', '172.17.2.0/24'] } },
            { namespaceSelector: { matchLabels: { project: 'myproject' } } },
            { podSelector: { matchLabels: { role: 'frontend' } } },
            { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] } },
          ],
          ports: [{ protocol: 'TCP', port: 6379 }, { protocol: 'UDP', port: 'dns' }, { port: 32000, endPort: 32768 }],
        },
        {},
      ],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
    },
  });
  add({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('deny-all', 'default', 500),
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });

  return objs as KObject[];
}

/** The events kubectl would find for `o` (searchEvents' field selector, plus the node-name twin). */
export function eventsFor(o: KObject, all: KObject[]): KObject[] {
  const ns = o.metadata.namespace ?? '';
  const isPod = o.kind === 'Pod';
  const match = (e: KObject, uid: string): boolean => {
    const io = e.involvedObject ?? {};
    return (
      (ns === '' || e.metadata.namespace === ns) &&
      io.name === o.metadata.name &&
      (io.namespace ?? '') === ns &&
      (isPod || io.kind === o.kind) &&
      io.uid === uid
    );
  };
  const events = all.filter((e) => e.kind === 'Event');
  const found = events.filter((e) => match(e, o.metadata.uid ?? ''));
  if (o.kind === 'Node') found.push(...events.filter((e) => match(e, o.metadata.name ?? '')));
  return found;
}

/** A DescribeContext `list` over fixtures. */
export function lister(all: KObject[]) {
  const kinds: Record<string, string> = {
    pods: 'Pod',
    replicasets: 'ReplicaSet',
    endpointslices: 'EndpointSlice',
    services: 'Service',
    leases: 'Lease',
    'leases.coordination.k8s.io': 'Lease',
    resourcequotas: 'ResourceQuota',
    limitranges: 'LimitRange',
    secrets: 'Secret',
    resourceslices: 'ResourceSlice',
  };
  return (resource: string, namespace?: string): KObject[] =>
    all.filter((o) => o.kind === kinds[resource] && (namespace === undefined || o.metadata.namespace === namespace));
}
