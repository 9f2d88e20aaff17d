// Creating and deleting pods for an owner, with the events kube-controller-manager records
// (controller_utils.go RealPodControl, GetPodFromTemplate).

import { isNamespaceTerminating, StatusError } from '../../api/errors.js';
import { errorIsNotFound, type ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { jsonClone } from '../../util/clone.js';
import { recordEvent } from '../events/record.js';
import { controllerRef, pods, type OwnerKind } from './kind.js';

/**
 * GetPodFromTemplate: labels, annotations and finalizers from the template's metadata, its spec, the
 * controller ownerReference, and generateName `<owner>-` (the API server adds 5 random characters).
 */
export function podFromTemplate(kind: OwnerKind, owner: KObject): KObject {
  const template = owner['spec']?.template ?? {};
  const tm = template.metadata ?? {};
  const metadata: KObject['metadata'] = {
    generateName: generateNameFor(owner.metadata.name ?? ''),
    namespace: owner.metadata.namespace,
    ownerReferences: [controllerRef(kind, owner)],
  };
  if (tm.labels) metadata.labels = { ...tm.labels };
  if (tm.annotations) metadata.annotations = { ...tm.annotations };
  if (tm.finalizers?.length) metadata.finalizers = [...tm.finalizers];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: jsonClone(template.spec ?? {}) };
}

/** `<owner>-`, one string for an owner's pods (a new one per pod was 0.3 MB at 10,000 pods). */
function generateNameFor(owner: string): string {
  if (owner !== lastOwner) {
    lastOwner = owner;
    lastGenerateName = [owner, '-'].join('');
  }
  return lastGenerateName;
}
let lastOwner: string | undefined;
let lastGenerateName = '';

/**
 * Creates one pod. Returns the error text on failure. `quiet` suppresses the FailedCreate event
 * (the owner already reports the failure; upstream would retry with back-off instead).
 */
export function createPod(api: ApiServer, kind: OwnerKind, owner: KObject, quiet: boolean, onCreated?: (pod: KObject) => void): string | undefined {
  const pod = podFromTemplate(kind, owner);
  if (Object.keys(pod.metadata.labels ?? {}).length === 0) return 'unable to create pods, no labels';
  let created: KObject;
  try {
    created = api.create(pods(), pod, { internal: true });
  } catch (e) {
    if (!(e instanceof StatusError)) throw e;
    // (a pod refused because the namespace is terminating records no event)
    if (isNamespaceTerminating(e)) return undefined;
    if (!quiet) recordEvent(api, owner, { type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${e.message}`, component: kind.component });
    return e.message;
  }
  onCreated?.(created);
  recordEvent(api, owner, { type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${created.metadata.name}`, component: kind.component });
  return undefined;
}

/** Deletes one pod (gracefully, through the API). A pod already gone is not an error. */
export function deletePod(api: ApiServer, kind: OwnerKind, owner: KObject, pod: KObject, quiet: boolean): string | undefined {
  const name = pod.metadata.name!;
  try {
    api.delete(pods(), pod.metadata.namespace, name);
  } catch (e) {
    if (errorIsNotFound(e)) return undefined;
    if (!(e instanceof StatusError)) throw e;
    if (!quiet) recordEvent(api, owner, { type: 'Warning', reason: 'FailedDelete', message: `Error deleting: ${e.message}`, component: kind.component });
    return `unable to delete pods: ${e.message}`;
  }
  recordEvent(api, owner, { type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${name}`, component: kind.component });
  return undefined;
}
