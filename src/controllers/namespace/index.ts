// Namespace upkeep: every active namespace gets its `default` ServiceAccount (serviceaccounts
// controller) and the `kube-root-ca.crt` ConfigMap (root-ca-cert-publisher); a Terminating namespace
// is emptied and then removed (namespace controller).

import { findResource, RESOURCES } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { CLUSTER_CA_PEM } from '../../cluster/ca.js';
import { rfc3339 } from '../../sim/clock.js';

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

/**
 * One pass of the namespace deleter over a Terminating namespace: delete what is not yet being
 * deleted, count what remains (per resource and per finalizer), report that in the five conditions
 * the deleter owns, and once nothing remains drop the "kubernetes" finalizer so the namespace goes.
 * Pods in their grace period and objects held by finalizers keep it Terminating meanwhile; their own
 * controllers (the kubelet, whoever owns the finalizer) make the next change, and with it the next pass.
 */
function finalize(api: ApiServer, ns: KObject): void {
  const name = ns.metadata.name!;
  const remaining = new Map<string, number>();
  const finalizers = new Map<string, number>();
  for (const info of RESOURCES) {
    if (!info.namespaced) continue;
    for (const o of api.list(info, name)) {
      if (!o.metadata.deletionTimestamp) api.delete(info, name, o.metadata.name!);
    }
    // What is left after this pass's deletes (graceful pods, objects with finalizers).
    const left = api.list(info, name);
    if (left.length === 0) continue;
    remaining.set(`${info.resource}.${info.group}`, left.length);
    for (const o of left) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  }
  const cur = api.get(namespaces, undefined, name);
  const status = { ...(cur['status'] ?? {}) };
  const conditions = updateConditions(status.conditions ?? [], wantedConditions(remaining, finalizers), rfc3339(api.now()));
  if (conditions) api.updateStatus(namespaces, { ...cur, status: { ...status, conditions } });
  if (remaining.size > 0) return;
  // finalizeNamespace (the namespaces/finalize subresource): "kubernetes" is this controller's
  // finalizer; others in spec.finalizers keep the namespace until their owners drop them.
  const after = api.get(namespaces, undefined, name);
  const specFinalizers: string[] = after['spec']?.finalizers ?? [];
  const others = specFinalizers.filter((f) => f !== 'kubernetes');
  if (others.length === 0 && !(after.metadata.finalizers?.length)) {
    api.store.delete({ resource: 'namespaces', namespace: '', name });
  } else if (others.length !== specFinalizers.length) {
    api.store.update({ resource: 'namespaces', namespace: '', name }, { ...after, spec: { ...after['spec'], finalizers: others } });
  }
}

interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  lastTransitionTime?: string;
  reason: string;
  message: string;
}

/** The condition types the deleter maintains, in the order it adds them, with their "all is well" form. */
const DELETER_CONDITIONS: readonly NamespaceCondition[] = [
  { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  {
    type: 'NamespaceDeletionGroupVersionParsingFailure',
    status: 'False',
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  {
    type: 'NamespaceDeletionContentFailure',
    status: 'False',
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
  { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
];

/** "pods. has 2 resource instances" (resource.group, the core group empty), sorted as strings. */
function wantedConditions(remaining: Map<string, number>, finalizers: Map<string, number>): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  if (remaining.size > 0) {
    const parts = [...remaining].map(([gr, n]) => `${gr} has ${n} resource instances`).sort(byteOrder);
    out.push({ type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${parts.join(', ')}` });
  }
  if (finalizers.size > 0) {
    const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort(byteOrder);
    out.push({
      type: 'NamespaceFinalizersRemaining',
      status: 'True',
      reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${parts.join(', ')}`,
    });
  }
  return out;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges the wanted conditions into the current ones (a type not reported is in its "ok" form). A
 * condition keeps its lastTransitionTime unless its status flips. Undefined when nothing changed.
 */
function updateConditions(current: NamespaceCondition[], wanted: NamespaceCondition[], now: string): NamespaceCondition[] | undefined {
  const next = current.map((c) => ({ ...c }));
  let changed = false;
  for (const ok of DELETER_CONDITIONS) {
    const want = wanted.find((c) => c.type === ok.type) ?? ok;
    const old = next.find((c) => c.type === ok.type);
    if (!old) {
      next.push({ type: want.type, status: want.status, lastTransitionTime: now, reason: want.reason, message: want.message });
      changed = true;
    } else if (old.status !== want.status || old.reason !== want.reason || old.message !== want.message) {
      if (old.status !== want.status) old.lastTransitionTime = now;
      old.status = want.status;
      old.reason = want.reason;
      old.message = want.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
