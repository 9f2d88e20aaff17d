/* eslint-disable @typescript-eslint/no-explicit-any */
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/api/types.js';
import { errorString, formatInvalidForKubectl } from '../../../src/api/validation/field.js';
import {
  UPDATABLE_POD_SPEC_FIELDS, checkNodePorts, cronParseError, isNamespacedKind, prepareServiceForUpdate,
  validateCreate, validateUpdate,
} from '../../../src/api/validation/kinds.js';

// ---- builders for already-defaulted objects ---------------------------------------------------

const ctr = (o: any = {}) => ({
  name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log',
  terminationMessagePolicy: 'File', resources: {}, ...o,
});
const podSpec = (o: any = {}) => ({
  containers: [ctr()], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30,
  schedulerName: 'default-scheduler', securityContext: {}, ...o,
});
const meta = (name: string, o: any = {}) => ({ name, namespace: 'default', ...o });
const stored = (o: KObject): KObject => ({
  ...o, metadata: { ...o.metadata, uid: 'uid-1', resourceVersion: '7', creationTimestamp: '2024-01-01T00:00:00Z' },
});
const pod = (spec: any = {}, m: any = {}): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: meta('p', m), spec: podSpec(spec) });
const template = (labels: any = { app: 'web' }, spec: any = {}) => ({ metadata: { labels }, spec: podSpec(spec) });
const deployment = (spec: any = {}): KObject => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('nginx'),
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template(),
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    revisionHistoryLimit: 10, progressDeadlineSeconds: 600, ...spec,
  },
});
const service = (spec: any = {}): KObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: meta('web'),
  spec: {
    type: 'ClusterIP', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], selector: { app: 'web' },
    sessionAffinity: 'None', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster', ...spec,
  },
});
const job = (spec: any = {}, labels: any = {}): KObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: meta('pi', { uid: 'u1' }),
  spec: {
    parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed',
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } },
    template: template({ 'batch.kubernetes.io/controller-uid': 'u1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u1', 'job-name': 'pi', ...labels }, { restartPolicy: 'Never' }),
    ...spec,
  },
});
const cronJob = (spec: any = {}, name = 'backup'): KObject => ({
  apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta(name),
  spec: {
    schedule: '*/5 * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
    jobTemplate: { spec: { template: { spec: podSpec({ restartPolicy: 'OnFailure' }) } } }, ...spec,
  },
});

const errs = (e: ReturnType<typeof validateCreate>) => e.map(errorString);
const uniq = (e: ReturnType<typeof validateCreate>) => [...new Set(errs(e))];

const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const MISMATCH = '`selector` does not match template `labels`';

// ---- Pods -------------------------------------------------------------------------------------

describe('Pod create', () => {
  it.each<[string, KObject, string[]]>([
    ['valid', pod(), []],
    ['containers required', pod({ containers: [] }), ['spec.containers: Required value']],
    ['image required', pod({ containers: [ctr({ image: '' })] }), ['spec.containers[0].image: Required value']],
    ['image whitespace', pod({ containers: [ctr({ image: ' nginx' })] }), ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']],
    ['container name', pod({ containers: [ctr({ name: 'Web_1' })] }), [`spec.containers[0].name: Invalid value: "Web_1": ${LABEL_MSG}`]],
    ['container name required', pod({ containers: [ctr({ name: '' })] }), ['spec.containers[0].name: Required value']],
    ['duplicate containers', pod({ containers: [ctr(), ctr()] }), ['spec.containers[1].name: Duplicate value: "nginx"']],
    [
      'ports',
      pod({ containers: [ctr({ ports: [{ containerPort: 0, protocol: 'TCP' }, { containerPort: 70000, protocol: 'ICMP', name: 'HTTP' }, { containerPort: 80, hostPort: 99999, protocol: 'TCP' }] })] }),
      [
        'spec.containers[0].ports[0].containerPort: Required value',
        'spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[1].name: Invalid value: "HTTP": must contain at least one letter (a-z)',
        'spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
        'spec.containers[0].ports[2].hostPort: Invalid value: 99999: must be between 1 and 65535, inclusive',
      ],
    ],
    [
      'duplicate port names',
      pod({ containers: [ctr({ ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'http', containerPort: 81, protocol: 'TCP' }] })] }),
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'host port conflicts across containers',
      pod({ containers: [ctr({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] }), ctr({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] })] }),
      ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"'],
    ],
    ['restartPolicy', pod({ restartPolicy: 'Sometimes' }), ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"']],
    [
      'dnsPolicy',
      pod({ dnsPolicy: 'Google' }),
      ['spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    ],
    ['imagePullPolicy', pod({ containers: [ctr({ imagePullPolicy: 'Maybe' })] }), ['spec.containers[0].imagePullPolicy: Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never"']],
    [
      'requests above limits',
      pod({ containers: [ctr({ resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '1', memory: '256Mi' } } })] }),
      [
        'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
        'spec.containers[0].resources.requests: Invalid value: "256Mi": must be less than or equal to memory limit of 128Mi',
      ],
    ],
    [
      'resource names and negative quantities',
      pod({ containers: [ctr({ resources: { limits: { foo: '1' }, requests: { cpu: '-1' } } })] }),
      [
        'spec.containers[0].resources.limits[foo]: Invalid value: "foo": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[foo]: Invalid value: "foo": must be a standard resource for containers',
        'spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    ],
    [
      'env',
      pod({ containers: [ctr({ env: [{ name: '' }, { name: 'A=B' }, { name: 'OK', value: 'v', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }, { name: 'X', valueFrom: {} }] })] }),
      [
        'spec.containers[0].env[0].name: Required value',
        "spec.containers[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
        'spec.containers[0].env[2].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[3].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    ],
    [
      'env valueFrom keys and field paths',
      pod({ containers: [ctr({ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'a b' } } }, { name: 'B', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.phase' } } }] })] }),
      [
        "spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
      ],
    ],
    [
      'volumes and mounts',
      pod({
        volumes: [{ name: 'Data', emptyDir: {} }, { name: 'cfg', configMap: {} }, { name: 'two', emptyDir: {}, hostPath: { path: '/x' } }, { name: 'cfg', emptyDir: {} }],
        containers: [ctr({ volumeMounts: [{ name: 'Data', mountPath: '/data' }, { name: 'missing', mountPath: '/data' }, { name: 'cfg', mountPath: '/c', subPath: '../x' }] })],
      }),
      [
        `spec.volumes[0].name: Invalid value: "Data": ${LABEL_MSG}`,
        'spec.volumes[1].configMap.name: Required value',
        'spec.volumes[2].hostPath: Forbidden: may not specify more than 1 volume type',
        'spec.containers[0].volumeMounts[0].name: Not found: "Data"',
        'spec.containers[0].volumeMounts[1].name: Not found: "missing"',
        // The second "cfg" volume is registered because the first one was invalid.
        'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
        'spec.containers[0].volumeMounts.subPath: Invalid value: "../x": must not contain \'..\'',
      ],
    ],
    ['duplicate volume', pod({ volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }] }), ['spec.volumes[1].name: Duplicate value: "v"']],
    ['no volume source', pod({ volumes: [{ name: 'v' }] }), ['spec.volumes[0]: Required value: must specify a volume type']],
    [
      'probes and init containers',
      pod({
        initContainers: [ctr({ name: 'init', restartPolicy: 'OnFailure', livenessProbe: { exec: { command: ['true'] } } })],
        containers: [ctr({ livenessProbe: { periodSeconds: 10, successThreshold: 1 }, readinessProbe: { httpGet: { path: '/', port: 'HTTP', scheme: 'HTTP' }, successThreshold: 1 } })],
      }),
      [
        'spec.containers[0].livenessProbe: Required value: must specify a handler type',
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "HTTP": must contain at least one letter (a-z)',
        'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
        'spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      ],
    ],
    ['init container name clash', pod({ initContainers: [ctr()] }), ['spec.initContainers[0].name: Duplicate value: "nginx"']],
    ['terminationGracePeriodSeconds required', pod({ terminationGracePeriodSeconds: undefined }), ['spec.terminationGracePeriodSeconds: Required value']],
    ['activeDeadlineSeconds', pod({ activeDeadlineSeconds: 0 }), ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']],
    [
      'tolerations',
      pod({ tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', value: 'v' }, { key: 'k', operator: 'Maybe', effect: 'Never' }] }),
      [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        "spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
        'spec.tolerations[2].operator: Unsupported value: "Maybe": supported values: "Equal", "Exists"',
        'spec.tolerations[2].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    ['serviceAccountName', pod({ serviceAccountName: 'My_SA' }), [`spec.serviceAccountName: Invalid value: "My_SA": ${SUBDOMAIN_MSG}`]],
    ['hostNetwork ports', pod({ hostNetwork: true, containers: [ctr({ ports: [{ containerPort: 80, hostPort: 8080, protocol: 'TCP' }] })] }), ['spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true']],
    ['ephemeral containers on create', pod({ ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }), ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
    ['pod name', pod({}, { name: 'My.Pod' }), [`metadata.name: Invalid value: "My.Pod": ${SUBDOMAIN_MSG}`]],
  ])('%s', (_n, obj, want) => {
    expect(errs(validateCreate(obj))).toEqual(want);
  });
});

describe('Pod update', () => {
  const old = stored(pod({ tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoSchedule' }], activeDeadlineSeconds: 50 }));
  const upd = (spec: any) => ({ ...old, metadata: { name: 'p', namespace: 'default' }, spec: { ...old['spec'], ...spec } });

  it('allows image, tolerations additions and lowering activeDeadlineSeconds', () => {
    expect(errs(validateUpdate(upd({ containers: [ctr({ image: 'nginx:1.27' })] }), old))).toEqual([]);
    expect(errs(validateUpdate(upd({ tolerations: [...old['spec'].tolerations, { key: 'b', operator: 'Exists' }] }), old))).toEqual([]);
    expect(errs(validateUpdate(upd({ activeDeadlineSeconds: 10 }), old))).toEqual([]);
  });
  it('rejects other spec changes with the upstream message', () => {
    const out = errs(validateUpdate(upd({ restartPolicy: 'Never' }), old));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than /);
    expect(out[0]).toContain(UPDATABLE_POD_SPEC_FIELDS + '\n  core.PodSpec{\n');
    expect(out[0]).toContain('- \tRestartPolicy: "Always",\n+ \tRestartPolicy: "Never",\n');
    expect(UPDATABLE_POD_SPEC_FIELDS).toBe(
      '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  });
  it.each<[string, any, string[]]>([
    ['add a container', { containers: [ctr(), ctr({ name: 'b' })] }, ['spec.containers: Forbidden: pod updates may not add or remove containers']],
    ['raise activeDeadlineSeconds', { activeDeadlineSeconds: 100 }, ['spec.activeDeadlineSeconds: Invalid value: 100: must be less than or equal to previous value']],
    ['drop activeDeadlineSeconds', { activeDeadlineSeconds: undefined }, ['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value']],
    ['remove a toleration', { tolerations: [] }, ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']],
  ])('%s', (_n, spec, want) => {
    expect(errs(validateUpdate(upd(spec), old))).toEqual(want);
  });
  it('name and namespace are immutable', () => {
    const out = uniq(validateUpdate({ ...old, metadata: { ...old.metadata, name: 'q' } }, old));
    expect(out).toEqual(['metadata.name: Invalid value: "q": field is immutable']);
  });
});

// ---- workloads --------------------------------------------------------------------------------

describe('Deployment', () => {
  it('selector/template mismatch renders the labels map as JSON', () => {
    const d = deployment({ selector: { matchLabels: { app: 'nginx' } } });
    expect(formatInvalidForKubectl('Deployment', 'nginx', validateCreate(d))).toBe(
      'The Deployment "nginx" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`\n',
    );
  });
  it.each<[string, any, string[]]>([
    ['valid', {}, []],
    ['selector required (nil selects nothing)', { selector: undefined }, ['spec.selector: Required value', `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ['empty selector', { selector: {} }, ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['template without labels', { template: { metadata: {}, spec: podSpec() } }, [`spec.template.metadata.labels: Invalid value: null: ${MISMATCH}`]],
    ['negative replicas', { replicas: -1 }, ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['template restartPolicy', { template: template({ app: 'web' }, { restartPolicy: 'Never' }) }, ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['template activeDeadlineSeconds', { template: template({ app: 'web' }, { activeDeadlineSeconds: 5 }) }, ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported']],
    ['template label paths', { selector: { matchLabels: { app: '-x' } }, template: template({ app: '-x' }) }, [
      "spec.selector.matchLabels: Invalid value: \"-x\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
      'spec.selector: Invalid value: {"matchLabels":{"app":"-x"}}: invalid label selector',
    ]],
    ['template containers', { template: template({ app: 'web' }, { containers: [ctr({ image: '' })] }) }, ['spec.template.spec.containers[0].image: Required value']],
    ['unknown strategy', { strategy: { type: 'BlueGreen' } }, ['spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"']],
    ['Recreate with rollingUpdate', { strategy: { type: 'Recreate', rollingUpdate: {} } }, ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"]],
    ['both zero', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } } }, ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0']],
    ['bad percentages', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%', maxSurge: 'abc' } } }, [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]],
    ['negative maxSurge', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: -1 } } }, ['spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0']],
    ['progressDeadlineSeconds', { minReadySeconds: 10, progressDeadlineSeconds: 10 }, ['spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds']],
    ['revisionHistoryLimit', { revisionHistoryLimit: -2 }, ['spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0']],
  ])('%s', (_n, spec, want) => {
    expect(errs(validateCreate(deployment(spec)))).toEqual(want);
  });

  it('the selector is immutable on update (apps/v1)', () => {
    const old = stored(deployment());
    const d = deployment({ selector: { matchLabels: { app: 'web', tier: 'fe' } }, template: template({ app: 'web', tier: 'fe' }) });
    expect(errs(validateUpdate(d, old))).toEqual(['spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"fe"}}: field is immutable']);
    const mismatch = deployment({ selector: { matchLabels: { app: 'api' } } });
    expect(formatInvalidForKubectl('Deployment', 'nginx', validateUpdate(mismatch, old))).toBe(
      'The Deployment "nginx" is invalid: \n' +
        `* spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}\n` +
        '* spec.selector: Invalid value: {"matchLabels":{"app":"api"}}: field is immutable\n',
    );
  });
  it('template and replica changes are fine on update', () => {
    const old = stored(deployment());
    expect(errs(validateUpdate(deployment({ replicas: 5, template: template({ app: 'web' }, { containers: [ctr({ image: 'nginx:2' })] }) }), old))).toEqual([]);
  });
});

describe('ReplicaSet, DaemonSet, StatefulSet, ReplicationController', () => {
  const rs = (spec: any = {}): KObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: meta('rs'), spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template(), ...spec } });
  const ds = (spec: any = {}): KObject => ({
    apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: meta('ds'),
    spec: { selector: { matchLabels: { app: 'web' } }, template: template(), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10, ...spec },
  });
  const sts = (spec: any = {}, name = 'db'): KObject => ({
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta(name),
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template(), serviceName: 'db', podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, revisionHistoryLimit: 10, ...spec },
  });
  const rc = (spec: any = {}): KObject => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: meta('rc'), spec: { replicas: 1, selector: { app: 'web' }, template: template(), ...spec } });

  it.each<[string, KObject, string[]]>([
    ['rs valid', rs(), []],
    ['rs empty selector (upstream says "deployment")', rs({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['rs mismatch', rs({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] } }), [`spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ['ds valid', ds(), []],
    ['ds nil selector', ds({ selector: undefined }), [`spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ['ds empty selector', ds({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset']],
    ['ds both zero', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }), ['spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0']],
    ['ds both set', ds({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '10%' } } }), ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "10%": may not be set when maxUnavailable is non-zero']],
    ['ds strategy', ds({ updateStrategy: { type: 'Never' } }), ['spec.updateStrategy: Unsupported value: {"Type":"Never","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"']],
    ['ds restartPolicy', ds({ template: template({ app: 'web' }, { restartPolicy: 'OnFailure' }) }), ['spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"']],
    ['sts valid', sts(), []],
    ['sts names are DNS labels', sts({}, 'db.v1'), ['metadata.name: Invalid value: "db.v1": must not contain dots']],
    ['sts policy', sts({ podManagementPolicy: 'Random' }), ["spec.podManagementPolicy: Invalid value: \"Random\": must be 'OrderedReady' or 'Parallel'"]],
    ['sts selector required', sts({ selector: undefined }), ['spec.selector: Required value', `spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ['sts empty selector', sts({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for statefulset']],
    ['sts template pod spec is not validated', sts({ template: template({ app: 'web' }, { containers: [] }) }), []],
    ['sts restartPolicy', sts({ template: template({ app: 'web' }, { restartPolicy: 'Never' }) }), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']],
    ['rc valid', rc(), []],
    ['rc selector required', rc({ selector: {} }), ['spec.selector: Required value']],
    ['rc template required', rc({ template: undefined }), ['spec.template: Required value']],
    ['rc mismatch', rc({ selector: { app: 'api' } }), [`spec.template.metadata.labels: Invalid value: {"app":"web"}: ${MISMATCH}`]],
    ['rc activeDeadlineSeconds', rc({ template: template({ app: 'web' }, { activeDeadlineSeconds: 3 }) }), ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported']],
  ])('%s', (_n, obj, want) => {
    expect(errs(validateCreate(obj))).toEqual(want);
  });

  it('ReplicaSet/DaemonSet selectors are immutable', () => {
    expect(uniq(validateUpdate(rs({ selector: { matchLabels: { app: 'web', x: 'y' } }, template: template({ app: 'web', x: 'y' }) }), stored(rs())))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","x":"y"}}: field is immutable',
    ]);
    expect(uniq(validateUpdate(ds({ selector: { matchLabels: { app: 'web', x: 'y' } }, template: template({ app: 'web', x: 'y' }) }), stored(ds())))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","x":"y"}}: field is immutable',
    ]);
  });
  it('StatefulSet forbids most spec updates', () => {
    expect(errs(validateUpdate(sts({ replicas: 3, template: template({ app: 'web' }, { containers: [ctr({ image: 'x' })] }) }), stored(sts())))).toEqual([]);
    expect(errs(validateUpdate(sts({ serviceName: 'other' }), stored(sts())))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
  });
});

// ---- batch ------------------------------------------------------------------------------------

describe('Job and CronJob', () => {
  it.each<[string, KObject, string[]]>([
    ['valid job', job(), []],
    ['restartPolicy Always', job({ template: template({ 'batch.kubernetes.io/controller-uid': 'u1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u1', 'job-name': 'pi' }, { restartPolicy: 'Always' }) }), [
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]],
    ['negative fields', job({ parallelism: -1, backoffLimit: -1 }), [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    ]],
    ['selector required', job({ selector: undefined }), ['spec.selector: Required value', `spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"u1","batch.kubernetes.io/job-name":"pi","controller-uid":"u1","job-name":"pi"}: ${MISMATCH}`]],
    ['generated labels missing', { ...job(), spec: { ...job()['spec'], template: template({ app: 'pi' }, { restartPolicy: 'Never' }) } }, [
      "spec.template.metadata.labels[controller-uid]: Required value: must be 'u1'",
      "spec.template.metadata.labels[job-name]: Required value: must be 'pi'",
      "spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Required value: must be 'u1'",
      "spec.template.metadata.labels[batch.kubernetes.io/job-name]: Required value: must be 'pi'",
      `spec.template.metadata.labels: Invalid value: {"app":"pi"}: ${MISMATCH}`,
    ]],
    ['manual selector skips generated-label checks', job({ manualSelector: true, selector: { matchLabels: { app: 'pi' } }, template: template({ app: 'pi' }, { restartPolicy: 'OnFailure' }) }), []],
    ['valid cronjob', cronJob(), []],
    ['schedule required', cronJob({ schedule: '' }), ['spec.schedule: Required value']],
    ['schedule fields', cronJob({ schedule: '*/5 * * *' }), ['spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]']],
    ['schedule range', cronJob({ schedule: '61 * * * *' }), ['spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61']],
    ['schedule TZ', cronJob({ schedule: 'TZ=UTC 0 * * * *' }), ['spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead']],
    ['timeZone', cronJob({ timeZone: 'Mars/Base' }), ['spec.timeZone: Invalid value: "Mars/Base": unknown time zone Mars/Base']],
    ['timeZone ok', cronJob({ timeZone: 'Europe/Berlin' }), []],
    ['concurrencyPolicy', cronJob({ concurrencyPolicy: 'Sometimes' }), ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']],
    ['job template restartPolicy', cronJob({ jobTemplate: { spec: { template: { spec: podSpec() } } } }), ['spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['job template selector', cronJob({ jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } }, template: { spec: podSpec({ restartPolicy: 'Never' }) } } } }), ['spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated']],
    ['name over 52 characters', cronJob({}, 'c'.repeat(53)), [`metadata.name: Invalid value: "${'c'.repeat(53)}": must be no more than 52 characters`]],
  ])('%s', (_n, obj, want) => {
    expect(errs(validateCreate(obj))).toEqual(want);
  });

  it('job template and selector are immutable', () => {
    const old = { ...job(), metadata: { ...job().metadata, resourceVersion: '7' } };
    const changed = job({ template: template({ 'batch.kubernetes.io/controller-uid': 'u1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u1', 'job-name': 'pi' }, { restartPolicy: 'Never', containers: [ctr({ image: 'perl' })] }) });
    const out = uniq(validateUpdate(changed, old));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^spec\.template: Invalid value: \{.*\}: field is immutable$/);
    expect(uniq(validateUpdate(job({ completions: 3 }), old))).toEqual(['spec.completions: Invalid value: 3: field is immutable']);
  });

  it.each<[string, string | null]>([
    ['* * * * *', null],
    ['0 0 1 jan,Jul sun-sat', null],
    ['@daily', null],
    ['@every 1h30m', null],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
  ])('cron %j', (spec, want) => {
    expect(cronParseError(spec)).toBe(want);
  });
});

// ---- services ---------------------------------------------------------------------------------

describe('Service', () => {
  it.each<[string, any, string[]]>([
    ['valid', {}, []],
    ['ports required', { ports: [] }, ['spec.ports: Required value']],
    ['headless needs no ports', { ports: [], clusterIP: 'None', clusterIPs: ['None'] }, []],
    ['port range', { ports: [{ port: 0, targetPort: 0, protocol: 'TCP' }] }, [
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
    ]],
    ['protocol', { ports: [{ port: 80, targetPort: 80, protocol: 'HTTP' }] }, ['spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['named targetPort', { ports: [{ port: 80, targetPort: 'Web', protocol: 'TCP' }] }, [
      'spec.ports[0].targetPort: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ]],
    ['names required with several ports', { ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }, { port: 80, targetPort: 81, protocol: 'TCP', name: 'Bad' }] }, [
      'spec.ports[0].name: Required value',
      `spec.ports[1].name: Invalid value: "Bad": ${LABEL_MSG}`,
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]],
    ['type', { type: 'Internal' }, ['spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['nodePort on ClusterIP', { ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 30001 }] }, ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['sessionAffinity', { sessionAffinity: 'Cookie' }, ['spec.sessionAffinity: Unsupported value: "Cookie": supported values: "ClientIP", "None"']],
    ['externalTrafficPolicy on ClusterIP', { externalTrafficPolicy: 'Local' }, ['spec.externalTrafficPolicy: Invalid value: "Local": may only be set for externally-accessible services']],
    ['ExternalName', { type: 'ExternalName', clusterIP: '', clusterIPs: undefined, ipFamilies: undefined, ipFamilyPolicy: undefined, internalTrafficPolicy: undefined, externalName: 'Bad_Name' }, [
      `spec.externalName: Invalid value: "Bad_Name": ${SUBDOMAIN_MSG}`,
    ]],
    ['ExternalName requires externalName', { type: 'ExternalName', clusterIP: '', clusterIPs: undefined, ipFamilies: undefined, ipFamilyPolicy: undefined, internalTrafficPolicy: undefined }, ['spec.externalName: Required value']],
    ['ExternalName with cluster IPs', { type: 'ExternalName', externalName: 'db.example.com.', internalTrafficPolicy: undefined }, [
      'spec.clusterIPs: Forbidden: may not be set for ExternalName services',
      'spec.ipFamilies: Forbidden: may not be set for ExternalName services',
      'spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services',
    ]],
    ['clusterIPs must follow clusterIP', { clusterIPs: ['10.96.0.11'] }, ['spec.clusterIPs: Invalid value: ["10.96.0.11"]: first value must match `clusterIP`']],
    ['bad clusterIP', { clusterIP: '10.96.0.300', clusterIPs: ['10.96.0.300'] }, ['spec.clusterIPs[0]: Invalid value: "10.96.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']],
    ['selector labels', { selector: { 'app name': 'x' } }, [
      "spec.selector: Invalid value: \"app name\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]],
  ])('%s', (_n, spec, want) => {
    expect(errs(validateCreate(service(spec)))).toEqual(want);
  });

  it('a lone clusterIP seeds clusterIPs (normalizeClusterIPs)', () => {
    expect(errs(validateCreate(service({ clusterIPs: undefined })))).toEqual([]);
  });
  it('service names are DNS-1035 labels', () => {
    expect(errs(validateCreate({ ...service(), metadata: meta('1web') }))).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
  it('NodePort range errors come alone (allocation runs before validation)', () => {
    const svc = service({ type: 'NodePort', externalTrafficPolicy: 'Cluster', sessionAffinity: 'Bogus', ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 85 }] });
    expect(formatInvalidForKubectl('Service', 'web', validateCreate(svc))).toBe(
      'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 85: provided port is not in the valid range. The range of valid ports is 30000-32767\n',
    );
    expect(errs(checkNodePorts(service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }), new Set([30080])))).toEqual([
      'spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    ]);
    expect(errs(validateCreate(service({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [{ port: 80, targetPort: 80, protocol: 'TCP', nodePort: 31000 }] }), { nodePortRange: { base: 31000, size: 10 } }))).toEqual([]);
  });
  it('NodePort and LoadBalancer need externalTrafficPolicy; LoadBalancer needs allocateLoadBalancerNodePorts', () => {
    expect(errs(validateCreate(service({ type: 'NodePort' })))).toEqual(['spec.externalTrafficPolicy: Required value']);
    expect(errs(validateCreate(service({ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' })))).toEqual(['allocateLoadBalancerNodePorts: Required value']);
  });
  it('clusterIP is immutable on update', () => {
    const old = stored(service());
    expect(errs(validateUpdate(service({ clusterIP: '10.96.0.99' }), old))).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set']);
    // A replacement without clusterIP keeps the allocated one.
    expect(errs(validateUpdate(service({ clusterIP: undefined, clusterIPs: undefined }), old))).toEqual([]);
    expect(prepareServiceForUpdate(service({ clusterIP: undefined, clusterIPs: undefined }), old)['spec'].clusterIPs).toEqual(['10.96.0.10']);
  });
});

// ---- the rest ---------------------------------------------------------------------------------

describe('Namespace, ConfigMap, Secret, ServiceAccount, PVC, Ingress, Node, custom kinds', () => {
  const ns = (name: string, o: any = {}): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: { finalizers: ['kubernetes'] }, ...o });
  const cm = (data: any, o: any = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('cfg'), data, ...o });
  const secret = (o: any = {}): KObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta('s'), type: 'Opaque', ...o });
  const pvc = (spec: any = {}): KObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: meta('data'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem', ...spec } });
  const ing = (spec: any = {}, m: any = {}): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta('ing', m), spec });
  const rule = (path: any) => ({ host: 'example.com', http: { paths: [path] } });
  const backend = { service: { name: 'web', port: { number: 80 } } };

  it.each<[string, KObject, string[]]>([
    ['namespace valid', ns('dev'), []],
    ['namespace name', ns('Dev'), [`metadata.name: Invalid value: "Dev": ${LABEL_MSG}`]],
    ['namespace dots', ns('dev.team'), ['metadata.name: Invalid value: "dev.team": must not contain dots']],
    ['namespace finalizers', ns('dev', { spec: { finalizers: ['custom'] } }), ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']],
    ['configmap keys', cm({ 'ok.key': 'v', '..x': 'v' }), ["data[..x]: Invalid value: \"..x\": must not start with '..'"]],
    ['configmap key in both', cm({ a: '1' }, { binaryData: { a: 'AA==' } }), ['data[a]: Invalid value: "a": duplicate of key present in binaryData']],
    ['configmap too big', cm({ big: 'x'.repeat(1024 * 1024 + 1) }), ['[]: Too long: may not be more than 1048576 bytes']],
    ['secret keys (stringData included)', secret({ data: { good: 'YQ==' }, stringData: { 'bad key': 'x' } }), [
      "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]],
    ['tls secret', secret({ type: 'kubernetes.io/tls', data: {} }), ['data[tls.crt]: Required value', 'data[tls.key]: Required value']],
    ['sa token secret', secret({ type: 'kubernetes.io/service-account-token' }), ['metadata.annotations[kubernetes.io/service-account.name]: Required value']],
    ['serviceaccount name', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('my_sa') }, [`metadata.name: Invalid value: "my_sa": ${SUBDOMAIN_MSG}`]],
    ['pvc valid', pvc(), []],
    ['pvc required fields', pvc({ accessModes: [], resources: {} }), ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']],
    ['pvc access mode', pvc({ accessModes: ['ReadWriteSometimes'] }), ['spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"']],
    ['pvc RWOP with others', pvc({ accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'] }), ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes']],
    ['pvc zero storage', pvc({ resources: { requests: { storage: '0' } } }), ['spec.resources[storage]: Invalid value: "0": must be greater than zero']],
    ['ingress valid', ing({ rules: [rule({ path: '/', pathType: 'Prefix', backend })] }), []],
    ['ingress needs rules or backend', ing({}), ['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']],
    ['ingress pathType', ing({ rules: [rule({ path: '/', backend })] }), ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['ingress path', ing({ rules: [rule({ path: 'api//v1', pathType: 'Prefix', backend })] }), [
      'spec.rules[0].http.paths[0].path: Invalid value: "api//v1": must be an absolute path',
      "spec.rules[0].http.paths[0].path: Invalid value: \"api//v1\": must not contain '//'",
    ]],
    ['ingress pathType value', ing({ rules: [rule({ path: '/', pathType: 'Regex', backend })] }), ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"']],
    ['ingress backend port', ing({ rules: [rule({ path: '/', pathType: 'Exact', backend: { service: { name: 'web', port: {} } } })] }), ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']],
    ['ingress host', ing({ rules: [{ host: '10.0.0.1', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }), ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    ['ingress class annotation and field', ing({ ingressClassName: 'nginx', defaultBackend: backend }, { annotations: { 'kubernetes.io/ingress.class': 'nginx' } }), [
      'annotations.kubernetes.io/ingress.class: Invalid value: "nginx": can not be set when the class field is also set',
    ]],
    ['node namespace', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', namespace: 'default' } }, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['node taints', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: { taints: [{ key: 'k', value: 'v', effect: 'Sometimes' }, { key: 'd', effect: 'NoSchedule' }, { key: 'd', value: 'x', effect: 'NoSchedule' }] } }, [
      'metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'metadata.taints[2]: Duplicate value: {"Key":"d","Value":"x","Effect":"NoSchedule","TimeAdded":null}: taints must be unique by key and effect pair',
    ]],
    ['custom resource names are path segments', { apiVersion: 'example.com/v1', kind: 'Widget', metadata: meta('a%b') }, ["metadata.name: Invalid value: \"a%b\": may not contain '%'"]],
    ['cluster-scoped kinds', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'view' } }, []],
  ])('%s', (_n, obj, want) => {
    expect(errs(validateCreate(obj))).toEqual(want);
  });

  it('custom kinds take the namespaced flag from options', () => {
    const cr = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(errs(validateCreate(cr))).toEqual(['metadata.namespace: Required value']);
    expect(errs(validateCreate(cr, { namespaced: false }))).toEqual([]);
    expect(isNamespacedKind('Namespace')).toBe(false);
    expect(isNamespacedKind('Pod')).toBe(true);
  });

  it('immutable ConfigMaps and Secrets, secret type', () => {
    const old = stored(cm({ a: '1' }, { immutable: true }));
    expect(uniq(validateUpdate(cm({ a: '2' }, { immutable: true }), old))).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(uniq(validateUpdate(cm({ a: '1' }), old))).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(uniq(validateUpdate(secret({ type: 'kubernetes.io/basic-auth', data: { username: 'YQ==' } }), stored(secret())))).toEqual([
      'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    ]);
  });

  it('PVC spec is immutable except requests on bound claims', () => {
    const old = stored(pvc());
    expect(uniq(validateUpdate(pvc({ storageClassName: 'fast' }), old))).toEqual([]);
    expect(uniq(validateUpdate(pvc({ accessModes: ['ReadWriteMany'] }), old))[0]).toMatch(
      /^spec: Forbidden: spec is immutable after creation except resources\.requests and volumeAttributesClassName for bound claims\n/,
    );
    const bound = { ...old, status: { phase: 'Bound', capacity: { storage: '1Gi' } } };
    expect(uniq(validateUpdate({ ...pvc({ resources: { requests: { storage: '2Gi' } } }), status: bound.status }, bound))).toEqual([]);
  });
});
