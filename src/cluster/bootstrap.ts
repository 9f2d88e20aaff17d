// What a new cluster holds before the first command: the system namespaces, its nodes (one
// control-plane node tainted NoSchedule and N-1 workers, named as kind names them), the `kubernetes`
// Service, the nodes' heartbeat Leases, the default StorageClass and the default IngressClass `nginx` (kind's ingress-nginx).
// Built through the API server like everything else.

import { findResource } from '../api/registry.js';
import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';
import { seedFromString } from '../sim/random.js';
import { DEFAULT_INGRESS_CLASS_ANN } from '../api/admission/ingress.js';
import { createNodeLease } from '../controllers/nodelifecycle/lease.js';

export const INGRESS_CLASS = 'nginx';
export const INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
export const INGRESS_NGINX_VERSION = '1.13.3';

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
  nodeNames(opts.clusterName, opts.nodes).forEach((name, i) => {
    const node = api.create(nodes, nodeObject(api, opts.clusterName, name, i, opts.nodes));
    // The kubelet's heartbeat lease in kube-node-lease (UID from a side stream: see createNodeLease).
    createNodeLease(api, node, api.now());
  });
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
  createIngressClass(api);
}

/**
 * The IngressClass of the simulated ingress-nginx (src/controllers/ingress), marked default. Its UID is
 * drawn from a side stream derived from the cluster's generator, which is then rewound: the main
 * stream, and so every generated name, UID and address after it, is the same as without it.
 */
function createIngressClass(api: ApiServer): void {
  const main = api.random.getState();
  api.random.setState(seedFromString(`ingressclass/${main}`));
  try {
    api.create(findResource('ingressclasses')!, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: INGRESS_CLASS,
        labels: {
          'app.kubernetes.io/component': 'controller',
          'app.kubernetes.io/instance': 'ingress-nginx',
          'app.kubernetes.io/name': 'ingress-nginx',
          'app.kubernetes.io/part-of': 'ingress-nginx',
          'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
        },
        annotations: { [DEFAULT_INGRESS_CLASS_ANN]: 'true' },
      },
      spec: { controller: INGRESS_CONTROLLER },
    });
  } finally {
    api.random.setState(main);
  }
}

function nodeObject(api: ApiServer, clusterName: string, name: string, index: number, count: number): KObject {
  const controlPlane = index === 0;
  // kind taints its control-plane node only when there are workers: a one-node cluster runs pods.
  const tainted = controlPlane && count > 1;
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
      ...(tainted ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
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
