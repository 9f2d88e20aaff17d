// Pod admission: the ServiceAccount plugin (service account must exist; the projected API-access
// token volume is mounted into every container) as kube-apiserver's default admission chain does.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { SeededRandom } from '../../sim/random.js';
import { StatusError } from '../errors.js';
import type { ApiServer } from '../server.js';
import { findResource } from '../registry.js';
import type { KObject } from '../types.js';

const TOKEN_MOUNT = '/var/run/secrets/kubernetes.io/serviceaccount';

export function admitPod(pod: KObject, api: ApiServer, random: SeededRandom): void {
  const spec: any = pod['spec'];
  const ns = pod.metadata.namespace ?? 'default';
  const saName: string = spec.serviceAccountName ?? 'default';
  const sa = api.tryGet(findResource('serviceaccounts')!, ns, saName);
  if (!sa) {
    throw new StatusError(
      403,
      'Forbidden',
      `pods "${pod.metadata.name}" is forbidden: error looking up service account ${ns}/${saName}: serviceaccount "${saName}" not found`,
    );
  }
  if (spec.automountServiceAccountToken === false || sa['automountServiceAccountToken'] === false) return;
  const containers: any[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (containers.some((c) => (c.volumeMounts ?? []).some((m: any) => m.mountPath === TOKEN_MOUNT))) return;
  // (join: one flat string, not a rope of the pieces - see SeededRandom)
  const volName = ['kube-api-access-', random.nameSuffix(5)].join('');
  // (concat rather than push: a pushed-to array reserves room for 17, ~2.5 MB at 10,000 pods)
  spec.volumes = (spec.volumes ?? []).concat([{
    name: volName,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  }]);
  for (const c of containers) {
    c.volumeMounts = (c.volumeMounts ?? []).concat([{ mountPath: TOKEN_MOUNT, name: volName, readOnly: true }]);
  }
}
