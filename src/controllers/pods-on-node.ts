// The pods bound to one node, by an index on spec.nodeName: the kubelet and node lifecycle ask this once
// per pod or node, and a list() of every pod each time made reconcile quadratic in the cluster's size.

import { findResource } from '../api/registry.js';
import type { ApiServer } from '../api/server.js';
import type { KObject } from '../api/types.js';

const byNodeName = (p: KObject): string | undefined => p['spec']?.nodeName;

/** Pods (all namespaces, list order) whose spec.nodeName is `nodeName`. */
export function podsOnNode(api: ApiServer, nodeName: string): KObject[] {
  return api.listBy(findResource('pods')!, byNodeName, nodeName);
}
