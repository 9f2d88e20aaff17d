// One sync of one Deployment (sync.go): the state it works on (the deployment and its ReplicaSets,
// kept current after each write), scaling with ScalingReplicaSet events, proportional scaling,
// the paused path and the status writes. newrs.ts finds or creates the new ReplicaSet, cleanup.ts
// trims history; rolling.ts and recreate.ts drive a rollout; index.ts picks the path.

import { deepClone, deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';
import { recordEvent } from '../events/record.js';
import {
  desiredReplicas,
  DESIRED_REPLICAS_ANNOTATION,
  int32Annotation,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  proportionalSizes,
} from './arithmetic.js';
import { cleanupDeployment } from './cleanup.js';
import { getCondition, newCondition, PAUSED, PROGRESSING, RESUMED, setCondition, TIMED_OUT } from './conditions.js';
import { getNewReplicaSet } from './newrs.js';
import { activeOnly, findActiveOrLatest, findOldReplicaSets, specReplicas } from './replicasets.js';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './revision.js';
import { calculateStatus, hasProgressDeadline, progressCheckAt, rolloutStatus, type DeploymentStatus } from './status.js';

export const COMPONENT = 'deployment-controller';

/** Ends this deployment's sync for the round, as an error return (and requeue) does upstream. */
export class SyncAbort extends Error {}

export interface ReplicaSets {
  newRS: KObject | undefined;
  oldRSs: KObject[];
}

export class DeploymentSync {
  readonly rsInfo;
  private readonly deployInfo;

  constructor(
    readonly api: ApiServer,
    /** The deployment as last written by this sync (a copy we own). */
    public d: KObject,
    /** The ReplicaSets the deployment owns, kept current after each write. */
    public rss: KObject[],
  ) {
    this.rsInfo = api.resource('replicasets.apps');
    this.deployInfo = api.resource('deployments.apps');
  }

  get now(): number {
    return this.api.now();
  }

  scalingEvent(message: string): void {
    recordEvent(this.api, this.d, { type: 'Normal', reason: 'ScalingReplicaSet', message, component: COMPONENT });
  }

  /** The latest version of a ReplicaSet this sync has seen. */
  current(rs: KObject): KObject;
  current(rs: KObject | undefined): KObject | undefined;
  current(rs: KObject | undefined): KObject | undefined {
    return rs && (this.rss.find((x) => x.metadata.uid === rs.metadata.uid) ?? rs);
  }

  updateRS(rs: KObject): KObject {
    // The controller's own write of a stored ReplicaSet (replicas, annotations): no user input to check.
    const stored = this.api.update(this.rsInfo, rs, { internal: true });
    this.rss = this.rss.map((x) => (x.metadata.uid === stored.metadata.uid ? stored : x));
    return stored;
  }

  /** UpdateStatus with the deployment as changed in memory (status and annotations). */
  writeDeployment(): void {
    this.d = deepClone(this.api.updateStatus(this.deployInfo, this.d, { internal: true }));
  }

  /** getAllReplicaSetsAndSyncRevision. */
  allReplicaSets(createIfNotExisted: boolean): ReplicaSets {
    const oldRSs = findOldReplicaSets(this.d, this.rss);
    const newRS = getNewReplicaSet(this, oldRSs, createIfNotExisted);
    return { newRS, oldRSs: oldRSs.map((rs) => this.current(rs)) };
  }

  replicasAnn(): { desired: number; max: number } {
    return { desired: desiredReplicas(this.d), max: desiredReplicas(this.d) + maxSurge(this.d) };
  }

  /** The deployment's status, to change in memory before writeDeployment. */
  status(): DeploymentStatus {
    return (this.d['status'] ??= {});
  }

  /** scaleReplicaSetAndRecordEvent. */
  scaleAndRecord(rs: KObject, newScale: number): { scaled: boolean; rs: KObject } {
    const cur = specReplicas(rs);
    if (cur === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, cur < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: size and replicas annotations; the event only when the size changed. */
  scaleReplicaSet(rs: KObject, newScale: number, operation: string): { scaled: boolean; rs: KObject } {
    const { desired, max } = this.replicasAnn();
    const sizeNeedsUpdate = specReplicas(rs) !== newScale;
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
    const oldScale = specReplicas(rs);
    const copy = deepClone(rs);
    copy['spec'] ??= {};
    copy['spec'].replicas = newScale;
    setReplicasAnnotations(copy, desired, max);
    const updated = this.updateRS(copy);
    if (sizeNeedsUpdate) this.scalingEvent(`Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`);
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /**
   * scale: on a resize (or while paused) grow the only active RS to the desired count, finish a
   * saturated new RS by emptying the old ones, or spread the change proportionally (RollingUpdate).
   */
  scale(newRS: KObject | undefined, oldRSs: KObject[]): void {
    const d = this.d;
    const target = findActiveOrLatest(newRS, oldRSs);
    if (target) {
      if (specReplicas(target) !== desiredReplicas(d)) this.scaleAndRecord(target, desiredReplicas(d));
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeOnly(oldRSs)) this.scaleAndRecord(old, 0);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const { ordered, sizes, operation } = proportionalSizes(d, activeOnly([...oldRSs, newRS]));
    ordered.forEach((rs, i) => this.scaleReplicaSet(this.current(rs), sizes[i]!, operation));
  }

  /** isScalingEvent: an active RS records another desired count than the deployment's. */
  isScalingEvent({ newRS, oldRSs }: ReplicaSets): boolean {
    return activeOnly([...oldRSs, newRS]).some((rs) => {
      const desired = int32Annotation(rs, DESIRED_REPLICAS_ANNOTATION);
      return desired !== undefined && desired !== desiredReplicas(this.d);
    });
  }

  private writeStatusIfChanged(next: DeploymentStatus): void {
    const wake = progressCheckAt(this.d, next);
    if (wake !== undefined) this.api.sim.wakeAt(wake);
    if (deepEqual(this.d['status'] ?? {}, next)) return;
    this.d['status'] = next;
    this.writeDeployment();
  }

  private all({ newRS, oldRSs }: ReplicaSets): (KObject | undefined)[] {
    return [...oldRSs, newRS].map((rs) => this.current(rs));
  }

  /** syncDeploymentStatus: counts and Available only. */
  syncDeploymentStatus(rs: ReplicaSets): void {
    const next = calculateStatus(this.all(rs), this.current(rs.newRS), this.d, this.now);
    if (!deepEqual(this.d['status'] ?? {}, next)) {
      this.d['status'] = next;
      this.writeDeployment();
    }
  }

  /** syncRolloutStatus: counts and every condition, with a wake-up for the progress deadline. */
  syncRolloutStatus(rs: ReplicaSets): void {
    this.writeStatusIfChanged(rolloutStatus(this.all(rs), this.current(rs.newRS), this.d, this.now));
  }

  /** sync: the path for resizes and paused deployments. */
  sync(): void {
    const rs = this.allReplicaSets(false);
    this.scale(rs.newRS, rs.oldRSs);
    if (this.d['spec']?.paused) cleanupDeployment(this, rs.oldRSs);
    this.syncDeploymentStatus(rs);
  }

  /** syncStatusOnly: for a deployment being deleted. */
  syncStatusOnly(): void {
    this.syncDeploymentStatus(this.allReplicaSets(false));
  }

  /**
   * checkPausedConditions: Progressing=Unknown DeploymentPaused while paused, DeploymentResumed
   * after, so the time spent paused never counts against progressDeadlineSeconds.
   */
  checkPausedConditions(): void {
    if (!hasProgressDeadline(this.d)) return;
    const cond = getCondition(this.d['status'], PROGRESSING);
    if (cond?.reason === TIMED_OUT) return;
    const pausedCond = cond?.reason === PAUSED;
    const paused = !!this.d['spec']?.paused;
    const t = rfc3339(this.now);
    if (paused && !pausedCond) {
      setCondition(this.status(), newCondition(PROGRESSING, 'Unknown', PAUSED, 'Deployment is paused', t));
    } else if (!paused && pausedCond) {
      setCondition(this.status(), newCondition(PROGRESSING, 'Unknown', RESUMED, 'Deployment is resumed', t));
    } else {
      return;
    }
    this.writeDeployment();
  }
}

/** metav1.NewControllerRef. */
export function controllerRef(d: KObject) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    name: d.metadata.name!,
    uid: d.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}
