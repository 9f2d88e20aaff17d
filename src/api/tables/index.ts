// The apiserver's half of `kubectl get`: a meta.k8s.io/v1 Table per kind, computed locally.

import type { KObject, Table, TableColumn } from '../types.js';
import type { TableHandler } from './common.js';
import { pods } from './pods.js';
import { controllerrevisions, daemonsets, deployments, replicasets, replicationcontrollers, statefulsets } from './workloads.js';
import { cronjobs, jobs } from './batch.js';
import { endpoints, endpointslices, ingressclasses, ingresses, services } from './network.js';
import { namespaces, nodes } from './cluster.js';
import { events } from './events.js';
import { configmaps, secrets, serviceaccounts } from './config.js';
import { markEffectiveDefault, persistentvolumeclaims, persistentvolumes, storageclasses } from './storage.js';
import { generic } from './generic.js';
import { leases, limitranges, resourcequotas } from './policy.js';

export type { TableHandler } from './common.js';

/** Handlers keyed by lower-case Kind. */
const HANDLERS: Record<string, TableHandler> = {
  pod: pods,
  replicaset: replicasets,
  replicationcontroller: replicationcontrollers,
  deployment: deployments,
  daemonset: daemonsets,
  controllerrevision: controllerrevisions,
  statefulset: statefulsets,
  job: jobs,
  cronjob: cronjobs,
  service: services,
  endpoints: endpoints,
  endpointslice: endpointslices,
  ingress: ingresses,
  ingressclass: ingressclasses,
  namespace: namespaces,
  node: nodes,
  event: events,
  configmap: configmaps,
  secret: secrets,
  serviceaccount: serviceaccounts,
  persistentvolume: persistentvolumes,
  persistentvolumeclaim: persistentvolumeclaims,
  storageclass: storageclasses,
  lease: leases,
  resourcequota: resourcequotas,
  limitrange: limitranges,
};

/** Plural resource names also resolve ("pods", "ingresses", "endpoints"). */
const PLURALS: Record<string, string> = {
  pods: 'pod', replicasets: 'replicaset', replicationcontrollers: 'replicationcontroller',
  deployments: 'deployment', daemonsets: 'daemonset', controllerrevisions: 'controllerrevision', statefulsets: 'statefulset', jobs: 'job',
  cronjobs: 'cronjob', services: 'service', endpointslices: 'endpointslice', ingresses: 'ingress',
  ingressclasses: 'ingressclass', namespaces: 'namespace', nodes: 'node', events: 'event',
  configmaps: 'configmap', secrets: 'secret', serviceaccounts: 'serviceaccount',
  persistentvolumes: 'persistentvolume', persistentvolumeclaims: 'persistentvolumeclaim',
  storageclasses: 'storageclass', leases: 'lease', resourcequotas: 'resourcequota', limitranges: 'limitrange',
};

/** The printer for a Kind ("Pod") or plural resource ("pods"); NAME/AGE for anything else. */
export function handlerFor(kind: string): TableHandler {
  const k = kind.toLowerCase();
  return HANDLERS[k] ?? HANDLERS[PLURALS[k] ?? ''] ?? generic;
}

/** Column definitions for a kind (copies; callers may decorate them). */
export function columnsFor(kind: string): TableColumn[] {
  return handlerFor(kind).columns.map((c) => ({ ...c }));
}

export interface TableForOptions {
  /**
   * StorageClasses only: every class in the cluster, to find the effective default when `objects`
   * is a subset (e.g. `get sc NAME`). Defaults to `objects`.
   */
  allObjects?: KObject[];
}

/**
 * The Table the apiserver would return for `objects` (all of one kind), one row per object in the
 * given order. `now` is the cluster clock in ms; every cell is computed (wide ones too), as the
 * server does; `printTable` drops priority-1 columns unless -o wide.
 */
export function tableFor(kind: string, objects: KObject[], now: number, opts: TableForOptions = {}): Table {
  const handler = handlerFor(kind);
  const rows = objects.map((object) => ({ cells: handler.row(object, now), object }));
  if (handler === storageclasses) markEffectiveDefault(rows, opts.allObjects ?? objects);
  return { columnDefinitions: columnsFor(kind), rows };
}
