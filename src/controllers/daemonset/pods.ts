// Daemon pods: the pod for one node (util.CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity)
// and creating/deleting them with the daemonset-controller's events.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { isNamespaceTerminating, StatusError } from '../../api/errors.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { recordEvent } from '../events/record.js';
import { controllerRef, pods } from '../replicaset/kind.js';
import { DAEMON_SET, POD_TEMPLATE_GENERATION_LABEL, REVISION_HASH_LABEL, templateGeneration } from './kind.js';
import { withDaemonTolerations } from './tolerations.js';

/**
 * The required node affinity becomes a single term pinning metadata.name (the user's terms are
 * dropped: the controller already checked them); preferred terms stay. The scheduler binds the pod.
 */
export function pinToNode(affinity: any, nodeName: string): any {
  const out = structuredClone(affinity ?? {});
  out.nodeAffinity ??= {};
  out.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  return out;
}

/** util.GetTargetNodeName: spec.nodeName, or for a pending pod the node its affinity pins. */
export function targetNode(pod: KObject): string | undefined {
  const spec = pod['spec'] ?? {};
  if (spec.nodeName) return spec.nodeName;
  const terms: any[] = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t?.matchFields ?? []) {
      if (f?.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

export function daemonPod(ds: KObject, nodeName: string, hash: string): KObject {
  const template = ds['spec']?.template ?? {};
  const tm = template.metadata ?? {};
  const spec = structuredClone(template.spec ?? {});
  spec.tolerations = withDaemonTolerations(spec);
  spec.affinity = pinToNode(spec.affinity, nodeName);
  const metadata: KObject['metadata'] = {
    generateName: `${ds.metadata.name}-`,
    namespace: ds.metadata.namespace,
    labels: { ...(tm.labels ?? {}), [REVISION_HASH_LABEL]: hash, [POD_TEMPLATE_GENERATION_LABEL]: templateGeneration(ds) },
    ownerReferences: [controllerRef(DAEMON_SET, ds)],
  };
  if (tm.annotations) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers?.length) metadata.finalizers = [...tm.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

const component = DAEMON_SET.component;

/** Returns false when the creation failed (FailedCreate recorded), which stops the slow-start batch. */
export function createDaemonPod(api: ApiServer, ds: KObject, nodeName: string, hash: string): boolean {
  let created: KObject;
  try {
    created = api.create(pods(), daemonPod(ds, nodeName, hash));
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    if (isNamespaceTerminating(e)) return false;
    recordEvent(api, ds, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${e.message}`, component });
    return false;
  }
  recordEvent(api, ds, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata.name}`, component });
  return true;
}

export function deleteDaemonPod(api: ApiServer, ds: KObject, pod: KObject): void {
  const name = pod.metadata.name!;
  try {
    api.delete(pods(), pod.metadata.namespace, name);
  } catch (e) {
    if (errorIsNotFound(e)) return;
    if (!(e instanceof StatusError)) throw e;
    recordEvent(api, ds, { type: 'Warning', reason: 'FailedDelete', message: `Error deleting: ${e.message}`, component });
    return;
  }
  recordEvent(api, ds, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}`, component });
}
