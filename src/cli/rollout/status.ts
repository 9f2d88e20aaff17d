// The status line `rollout status` prints for each observed state of an object (kubectl
// polymorphichelpers/rollout_status.go): the text, and whether the rollout is complete.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { CliError } from '../../api/errors.js';
import type { KObject } from '../../api/types.js';

export interface RolloutStatus {
  text: string;
  done: boolean;
}

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** Throws for kinds without a status viewer, as kubectl does before it starts watching. */
export function checkStatusViewer(kind: string, group: string): void {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind)) {
    throw new CliError(`no status viewer has been implemented for ${kind}${group ? '.' + group : ''}`);
  }
}

export function rolloutStatus(obj: KObject, revision: number): RolloutStatus {
  switch (obj.kind) {
    case 'Deployment':
      return deploymentStatus(obj, revision);
    case 'DaemonSet':
      return daemonSetStatus(obj);
    default:
      return statefulSetStatus(obj);
  }
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);

function deploymentStatus(d: KObject, revision: number): RolloutStatus {
  const name = d.metadata.name!;
  const status: any = d['status'] ?? {};
  const spec: any = d['spec'] ?? {};
  if (revision > 0) {
    const current = Number(d.metadata.annotations?.[REVISION_ANNOTATION]);
    if (!Number.isInteger(current)) {
      throw new CliError(`cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "": invalid syntax`);
    }
    if (current !== revision) throw new CliError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  if (n(d.metadata.generation) > n(status.observedGeneration)) {
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = (status.conditions ?? []).find((c: any) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new CliError(`deployment "${name}" exceeded its progress deadline`);
  const wait = (what: string) => ({ text: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`, done: false });
  if (spec.replicas !== undefined && n(status.updatedReplicas) < n(spec.replicas)) {
    return wait(`${n(status.updatedReplicas)} out of ${n(spec.replicas)} new replicas have been updated`);
  }
  if (n(status.replicas) > n(status.updatedReplicas)) {
    return wait(`${n(status.replicas) - n(status.updatedReplicas)} old replicas are pending termination`);
  }
  if (n(status.availableReplicas) < n(status.updatedReplicas)) {
    return wait(`${n(status.availableReplicas)} of ${n(status.updatedReplicas)} updated replicas are available`);
  }
  return { text: `deployment "${name}" successfully rolled out\n`, done: true };
}

function daemonSetStatus(ds: KObject): RolloutStatus {
  const name = ds.metadata.name!;
  const status: any = ds['status'] ?? {};
  if ((ds['spec']?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new CliError('rollout status is only available for RollingUpdate strategy type');
  }
  if (n(ds.metadata.generation) > n(status.observedGeneration)) {
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = n(status.desiredNumberScheduled);
  if (n(status.updatedNumberScheduled) < desired) {
    return { text: `Waiting for daemon set "${name}" rollout to finish: ${n(status.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if (n(status.numberAvailable) < desired) {
    return { text: `Waiting for daemon set "${name}" rollout to finish: ${n(status.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
  }
  return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSetStatus(sts: KObject): RolloutStatus {
  const status: any = sts['status'] ?? {};
  const spec: any = sts['spec'] ?? {};
  const strategy = spec.updateStrategy ?? { type: 'RollingUpdate' };
  if ((strategy.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    throw new CliError('rollout status is only available for RollingUpdate strategy type');
  }
  if (n(status.observedGeneration) === 0 || n(sts.metadata.generation) > n(status.observedGeneration)) {
    return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  if (spec.replicas !== undefined && n(status.readyReplicas) < n(spec.replicas)) {
    return { text: `Waiting for ${n(spec.replicas) - n(status.readyReplicas)} pods to be ready...\n`, done: false };
  }
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (spec.replicas !== undefined && partition !== undefined && n(status.updatedReplicas) < n(spec.replicas) - n(partition)) {
      return {
        text: `Waiting for partitioned roll out to finish: ${n(status.updatedReplicas)} out of ${n(spec.replicas) - n(partition)} new pods have been updated...\n`,
        done: false,
      };
    }
    return { text: `partitioned roll out complete: ${n(status.updatedReplicas)} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      text: `waiting for statefulset rolling update to complete ${n(status.updatedReplicas)} pods at revision ${status.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return { text: `statefulset rolling update complete ${n(status.currentReplicas)} pods at revision ${status.currentRevision ?? ''}...\n`, done: true };
}
