import { describe, expect, it } from 'vitest';
import { isStrategicKind, patchMetaFor, type PatchMeta } from '../../../src/api/patch/index.js';

// Expected values are the Go struct tags of k8s.io/api (as compiled into kubectl).
const cases: [string, string, PatchMeta][] = [
  ['Pod', 'spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.initContainers', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.ephemeralContainers', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort' }],
  ['Pod', 'spec.containers.env', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.containers.volumeMounts', { strategy: 'merge', mergeKey: 'mountPath' }],
  ['Pod', 'spec.containers.volumeDevices', { strategy: 'merge', mergeKey: 'devicePath' }],
  ['Pod', 'spec.initContainers.env', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.volumes', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['Pod', 'spec.imagePullSecrets', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'spec.hostAliases', { strategy: 'merge', mergeKey: 'ip' }],
  ['Pod', 'spec.topologySpreadConstraints', { strategy: 'merge', mergeKey: 'topologyKey' }],
  ['Pod', 'spec.resourceClaims', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['Pod', 'spec.schedulingGates', { strategy: 'merge', mergeKey: 'name' }],
  ['Pod', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['Pod', 'status.podIPs', { strategy: 'merge', mergeKey: 'ip' }],
  ['Pod', 'metadata.finalizers', { strategy: 'merge' }],
  ['Pod', 'metadata.ownerReferences', { strategy: 'merge', mergeKey: 'uid' }],
  // Untagged, hence atomic lists / plain maps.
  ['Pod', 'spec.tolerations', {}],
  ['Pod', 'spec.readinessGates', {}],
  ['Pod', 'spec.containers.args', {}],
  ['Pod', 'spec.containers.envFrom', {}],
  ['Pod', 'status.containerStatuses', {}],
  ['Pod', 'metadata.labels', {}],
  ['Pod', 'metadata.managedFields', {}],
  ['Deployment', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['Deployment', 'spec.template.metadata.finalizers', { strategy: 'merge' }],
  ['Deployment', 'spec.strategy', { strategy: 'retainKeys' }],
  ['Deployment', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['ReplicaSet', 'spec.template.spec.volumes', { strategy: 'merge', mergeKey: 'name', retainKeys: true }],
  ['DaemonSet', 'spec.template.spec.containers.ports', { strategy: 'merge', mergeKey: 'containerPort' }],
  ['DaemonSet', 'spec.updateStrategy', {}],
  ['StatefulSet', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['StatefulSet', 'spec.volumeClaimTemplates', {}],
  ['Job', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['Job', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['CronJob', 'spec.jobTemplate.spec.template.spec.containers.env', { strategy: 'merge', mergeKey: 'name' }],
  ['ReplicationController', 'spec.template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['PodTemplate', 'template.spec.containers', { strategy: 'merge', mergeKey: 'name' }],
  ['Service', 'spec.ports', { strategy: 'merge', mergeKey: 'port' }],
  ['Service', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['Node', 'spec.taints', {}],
  ['Node', 'spec.podCIDRs', { strategy: 'merge' }],
  ['Node', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['Node', 'status.addresses', { strategy: 'merge', mergeKey: 'type' }],
  ['Node', 'status.images', {}],
  ['Endpoints', 'subsets', {}],
  ['PersistentVolumeClaim', 'status.conditions', { strategy: 'merge', mergeKey: 'type' }],
  ['ServiceAccount', 'secrets', { strategy: 'merge', mergeKey: 'name' }],
  ['ServiceAccount', 'imagePullSecrets', {}],
  ['PodDisruptionBudget', 'spec.selector', { strategy: 'replace' }],
  ['Ingress', 'spec.rules', {}],
  ['ConfigMap', 'metadata.finalizers', { strategy: 'merge' }],
  ['ConfigMap', 'data', {}],
  ['Widget', 'spec.containers', {}],
  ['Pod', 'spec.nope.containers', {}],
];

describe('patchMetaFor', () => {
  it.each(cases)('%s %s', (kind, path, want) => {
    expect(patchMetaFor(kind, path.split('.'))).toEqual(want);
  });

  it('knows which kinds use strategic merge patch', () => {
    for (const k of ['Pod', 'Deployment', 'ConfigMap', 'Secret', 'Service', 'Ingress', 'Namespace', 'Node', 'EndpointSlice', 'CronJob']) {
      expect(isStrategicKind(k), k).toBe(true);
    }
    for (const k of ['Widget', 'CustomResourceDefinition', 'toString', '']) expect(isStrategicKind(k), k).toBe(false);
  });
});
