// Typical objects of the kinds writing commands and the controllers send through strict decoding.
// preload (src/entry.ts) validates each once while the startup snapshot is built: V8 compiles a
// generated validator function only when it first runs, so the functions these objects reach are
// then in the snapshot compiled, instead of being compiled by every command that writes.

import type { KObject } from '../types.js';
import { validateSchemaSync } from './schema.js';

const meta = (extra: object = {}) => ({
  name: 'x-1',
  namespace: 'default',
  labels: { app: 'x' },
  annotations: { a: 'b' },
  ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'u', controller: true, blockOwnerDeletion: true }],
  uid: 'u',
  creationTimestamp: '2024-01-01T00:00:00Z',
  generation: 1,
  resourceVersion: '1',
  ...extra,
});

const podSpec = {
  containers: [
    {
      name: 'c',
      image: 'nginx',
      command: ['sh'],
      args: ['-c'],
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      env: [{ name: 'A', value: 'b' }, { name: 'B', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      resources: { limits: { cpu: '1' }, requests: { memory: '64Mi' } },
      volumeMounts: [{ name: 'v', mountPath: '/v', readOnly: true }],
      readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 10 },
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ],
  volumes: [
    { name: 'e', emptyDir: {} },
    { name: 'c', configMap: { name: 'c' } },
    {
      name: 'v',
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    },
  ],
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  dnsPolicy: 'ClusterFirst',
  serviceAccountName: 'default',
  nodeName: 'n',
  securityContext: {},
  schedulerName: 'default-scheduler',
  tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
  priority: 0,
  enableServiceLinks: true,
  preemptionPolicy: 'PreemptLowerPriority',
};

const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };
const selector = { matchLabels: { app: 'x' } };
const obj = (apiVersion: string, kind: string, rest: object): KObject => ({ apiVersion, kind, metadata: meta(), ...rest }) as KObject;

export const WARMUP_OBJECTS: readonly KObject[] = [
  obj('v1', 'Pod', { spec: podSpec }),
  obj('apps/v1', 'Deployment', {
    spec: { replicas: 1, selector, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
  }),
  obj('apps/v1', 'ReplicaSet', { spec: { replicas: 1, selector, template } }),
  obj('apps/v1', 'StatefulSet', { spec: { replicas: 1, selector, template, serviceName: 's' } }),
  obj('apps/v1', 'DaemonSet', { spec: { selector, template, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } } } }),
  obj('batch/v1', 'Job', { spec: { backoffLimit: 6, completions: 1, template } }),
  obj('batch/v1', 'CronJob', { spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } }),
  obj('v1', 'Service', {
    spec: { type: 'ClusterIP', selector: { app: 'x' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], sessionAffinity: 'None' },
  }),
  obj('v1', 'ConfigMap', { data: { a: 'b' } }),
  obj('v1', 'Secret', { type: 'Opaque', data: { a: 'Yg==' } }),
  obj('v1', 'Namespace', { spec: { finalizers: ['kubernetes'] } }),
  obj('v1', 'Event', {
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'x', namespace: 'default', uid: 'u', resourceVersion: '1', fieldPath: 'spec.containers{c}' },
    reason: 'Started',
    message: 'Started container c',
    source: { component: 'kubelet', host: 'n' },
    firstTimestamp: '2024-01-01T00:00:00Z',
    lastTimestamp: '2024-01-01T00:00:00Z',
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'kubelet',
    reportingInstance: 'n',
  }),
  obj('v1', 'Endpoints', {
    subsets: [{ addresses: [{ ip: '10.244.1.2', nodeName: 'n', targetRef: { kind: 'Pod', namespace: 'default', name: 'x', uid: 'u' } }], ports: [{ port: 80, protocol: 'TCP' }] }],
  }),
  obj('discovery.k8s.io/v1', 'EndpointSlice', {
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'n', targetRef: { kind: 'Pod', namespace: 'default', name: 'x', uid: 'u' } }],
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
  }),
];

/** Validates each object of WARMUP_OBJECTS once (see above). Pure: no environment, clock or files. */
export function warmUpValidators(): void {
  for (const o of WARMUP_OBJECTS) validateSchemaSync(o);
}
