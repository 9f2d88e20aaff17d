// What a new cluster holds before the first command: the system namespaces, its nodes (one
// control-plane node tainted NoSchedule and N-1 workers, named as kind names them), the `kubernetes`
// Service and the default StorageClass. Built through the API server like everything else.

import { findResource } from '../api/registry.js';
import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';

export const KUBERNETES_VERSION = 'v1.36.3';

export interface BootstrapOptions {
  clusterName: string;
  nodes: number;
}

export function nodeNames(clusterName: string, count: number): string[] {
  const names = [`${clusterName}-control-plane`];
  for (let i = 1; i < count; i++) names.push(i === 1 ? `${clusterName}-worker` : `${clusterName}-worker${i}`);
  return names;
}

export function bootstrapCluster(api: ApiServer, opts: BootstrapOptions): void {
  const ns = findResource('namespaces')!;
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  const nodes = findResource('nodes')!;
  nodeNames(opts.clusterName, opts.nodes).forEach((name, i) => api.create(nodes, nodeObject(api, opts.clusterName, name, i)));
  api.create(findResource('services')!, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  api.create(findResource('storageclasses')!, {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
}

function nodeObject(api: ApiServer, clusterName: string, name: string, index: number): KObject {
  const controlPlane = index === 0;
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const now = new Date(api.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  const resources = {
    cpu: '8',
    'ephemeral-storage': '102625208Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: '16331024Ki',
    pods: '110',
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    message,
    reason,
    status,
    type,
  });
  const podCIDR = `10.244.${index}.0/24`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      providerID: `kind://docker/${clusterName}/${name}`,
      ...(controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: `172.18.0.${index + 2}`, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: api.random.uuid(),
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.1.0-40-amd64',
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: api.random.hex(32),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: api.random.uuid(),
      },
    },
  };
}
