// Small builders for scheduler tests: nodes and pods as plain objects, NodeInfos over them.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../../src/api/types.js';
import { addPod, newNodeInfo, type NodeInfo } from '../../../src/controllers/scheduler/framework.js';

export function node(name: string, extra: { labels?: Record<string, string>; taints?: any[]; unschedulable?: boolean; allocatable?: Record<string, string> } = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(extra.labels ?? {}) } },
    spec: { ...(extra.taints ? { taints: extra.taints } : {}), ...(extra.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: extra.allocatable ?? { cpu: '8', memory: '16331024Ki', pods: '110', 'ephemeral-storage': '102625208Ki' } },
  };
}

export function pod(name: string, spec: Record<string, any> = {}, labels: Record<string, string> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels, uid: `uid-${name}` },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
    status: { phase: 'Pending' },
  };
}

/** A pod whose single container requests the given resources. */
export function requesting(name: string, requests: Record<string, string>, spec: Record<string, any> = {}): KObject {
  return pod(name, { containers: [{ name: 'c', image: 'nginx', resources: { requests } }], ...spec });
}

export function info(n: KObject, ...pods: KObject[]): NodeInfo {
  const ni = newNodeInfo(n);
  for (const p of pods) addPod(ni, { ...p, spec: { ...p['spec'], nodeName: n.metadata.name } });
  return ni;
}
