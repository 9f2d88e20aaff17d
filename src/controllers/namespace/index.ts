// Namespace upkeep: every active namespace gets its `default` ServiceAccount (serviceaccounts
// controller) and the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher); a Terminating namespace
// is emptied and then removed (namespace controller).

import { findResource, RESOURCES } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { CLUSTER_CA_PEM } from '../../cluster/ca.js';

const namespaces = findResource('namespaces')!;
const serviceAccounts = findResource('serviceaccounts')!;
const configMaps = findResource('configmaps')!;

export function namespaceController(api: ApiServer): void {
  for (const ns of api.list(namespaces)) {
    const name = ns.metadata.name!;
    if (ns.metadata.deletionTimestamp) {
      finalize(api, ns);
      continue;
    }
    if (!api.tryGet(serviceAccounts, name, 'default')) {
      api.create(serviceAccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
    }
    if (!api.tryGet(configMaps, name, 'kube-root-ca.crt')) {
      api.create(configMaps, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          namespace: name,
          annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION },
        },
        data: { 'ca.crt': CLUSTER_CA_PEM },
      });
    }
  }
}

const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

function finalize(api: ApiServer, ns: KObject): void {
  const name = ns.metadata.name!;
  let remaining = 0;
  for (const info of RESOURCES) {
    if (!info.namespaced) continue;
    for (const o of api.list(info, name)) {
      remaining++;
      if (!o.metadata.deletionTimestamp) api.delete(info, name, o.metadata.name!);
    }
  }
  if (remaining === 0) {
    const cur = api.get(namespaces, undefined, name);
    cur['spec'] = { ...(cur['spec'] ?? {}), finalizers: [] };
    cur.metadata.finalizers = [];
    api.store.delete({ resource: 'namespaces', namespace: '', name });
  }
}
