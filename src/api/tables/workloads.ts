// apps workloads and ReplicationControllers (printers.go printReplicaSet, printReplicationController,
// printDeployment, printDaemonSet, printStatefulSet).

import type { KObject } from '../types.js';
import { formatLabels } from '../labels.js';
import { AGE, age, col, containerCells, int, nameCol, rec, str, type TableHandler } from './common.js';
import { formatSelector, selectorString } from './selector.js';

/** spec.replicas: the API defaults a missing value to 1 before any printer sees it. */
function desired(obj: KObject): number {
  const r = rec(obj.spec).replicas;
  return typeof r === 'number' ? Math.trunc(r) : 1;
}

const template = (obj: KObject): unknown => rec(rec(obj.spec).template).spec;
const name = (obj: KObject): string => str(obj.metadata.name);

const WIDE_TEMPLATE = [col('Containers', 'string', 1), col('Images', 'string', 1)];

export const replicasets: TableHandler = {
  columns: [nameCol(), col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'), AGE(),
    ...WIDE_TEMPLATE, col('Selector', 'string', 1)],
  row: (obj, now) => {
    const status = rec(obj.status);
    return [name(obj), desired(obj), int(status.replicas), int(status.readyReplicas), age(obj, now),
      ...containerCells(template(obj)), formatSelector(rec(obj.spec).selector)];
  },
};

export const replicationcontrollers: TableHandler = {
  columns: replicasets.columns,
  row: (obj, now) => {
    const status = rec(obj.status);
    // An RC's selector is a plain label map.
    return [name(obj), desired(obj), int(status.replicas), int(status.readyReplicas), age(obj, now),
      ...containerCells(template(obj)), formatLabels(rec(obj.spec).selector)];
  },
};

export const deployments: TableHandler = {
  // Upstream declares Up-to-date/Available as "string" although the cells are integers.
  columns: [nameCol(), col('Ready'), col('Up-to-date'), col('Available'), AGE(),
    ...WIDE_TEMPLATE, col('Selector', 'string', 1)],
  row: (obj, now) => {
    const status = rec(obj.status);
    // printDeployment uses the raw selector string: "" for an empty selector, "<invalid>" on error.
    const selector = selectorString(rec(obj.spec).selector);
    return [name(obj), `${int(status.readyReplicas)}/${desired(obj)}`, int(status.updatedReplicas),
      int(status.availableReplicas), age(obj, now), ...containerCells(template(obj)), selector ?? '<invalid>'];
  },
};

export const daemonsets: TableHandler = {
  columns: [nameCol(), col('Desired', 'integer'), col('Current', 'integer'), col('Ready', 'integer'),
    col('Up-to-date', 'integer'), col('Available', 'integer'), col('Node Selector'), AGE(),
    ...WIDE_TEMPLATE, col('Selector', 'string', 1)],
  row: (obj, now) => {
    const s = rec(obj.status);
    return [name(obj), int(s.desiredNumberScheduled), int(s.currentNumberScheduled), int(s.numberReady),
      int(s.updatedNumberScheduled), int(s.numberAvailable), formatLabels(rec(template(obj)).nodeSelector),
      age(obj, now), ...containerCells(template(obj)), formatSelector(rec(obj.spec).selector)];
  },
};

export const statefulsets: TableHandler = {
  columns: [nameCol(), col('Ready'), AGE(), ...WIDE_TEMPLATE],
  row: (obj, now) => [name(obj), `${int(rec(obj.status).readyReplicas)}/${desired(obj)}`, age(obj, now),
    ...containerCells(template(obj))],
};

/** printControllerRevision: CONTROLLER is the controller reference as `<kind>.<group>/<name>`. */
export const controllerrevisions: TableHandler = {
  columns: [nameCol(), col('Controller'), col('Revision', 'integer'), AGE()],
  row: (obj, now) => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
    let controller = '<none>';
    if (ref) {
      const slash = ref.apiVersion.indexOf('/');
      const group = slash === -1 ? '' : ref.apiVersion.slice(0, slash);
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [name(obj), controller, int((obj as Record<string, unknown>)['revision']), age(obj, now)];
  },
};
