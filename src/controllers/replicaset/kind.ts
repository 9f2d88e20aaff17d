// The two kinds one controller serves. Upstream runs the same ReplicaSet code for
// ReplicationControllers by converting them (pkg/controller/replication); here the differences are
// a small table: resource, event source, how the selector reads, and status fields.

import { labelSelectorAsSelector, type Selector } from '../../api/labels.js';
import { findResource, type ResourceInfo } from '../../api/registry.js';
import type { KObject, OwnerReference } from '../../api/types.js';

export interface OwnerKind {
  resource(): ResourceInfo;
  apiVersion: string;
  kind: string;
  /** Event source component (kube-controller-manager's recorder name). */
  component: string;
  /** The pod selector; throws SelectorParseError when it is invalid. */
  selector(owner: KObject): Selector;
  /** Whether status.terminatingReplicas is reported (ReplicaSets only). */
  terminatingReplicas: boolean;
}

export const REPLICA_SET: OwnerKind = {
  resource: () => findResource('replicasets')!,
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (rs) => labelSelectorAsSelector(rs['spec']?.selector),
  terminatingReplicas: true,
};

export const REPLICATION_CONTROLLER: OwnerKind = {
  resource: () => findResource('replicationcontrollers')!,
  apiVersion: 'v1',
  kind: 'ReplicationController',
  component: 'replication-controller',
  // An RC's selector is a plain map, converted to matchLabels (an empty map selects everything).
  selector: (rc) => labelSelectorAsSelector({ matchLabels: rc['spec']?.selector ?? {} }),
  terminatingReplicas: false,
};

/** metav1.NewControllerRef. */
export function controllerRef(kind: OwnerKind, owner: KObject): OwnerReference {
  return {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export const pods = (): ResourceInfo => findResource('pods')!;
