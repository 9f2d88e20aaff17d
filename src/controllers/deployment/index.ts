// The deployment controller (deployment_controller.go syncDeployment): one sync per Deployment per
// pass. Level-triggered: each sync reads the deployment and its ReplicaSets, takes at most one
// rollout step, and writes only what changed; the reconcile loop runs passes until nothing changes.

import { StatusError } from '../../api/errors.js';
import { labelSelectorAsSelector, SelectorParseError, type Selector } from '../../api/labels.js';
import { deepClone } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { isRollingUpdate } from './arithmetic.js';
import { claimReplicaSets } from './claim.js';
import { rolloutRecreate } from './recreate.js';
import { rolloutRolling } from './rolling.js';
import { DeploymentSync, SyncAbort } from './sync.js';

export function deploymentController(api: ApiServer): void {
  for (const d of api.list(api.resource('deployments.apps'))) {
    try {
      syncDeployment(api, deepClone(d));
    } catch (e) {
      // An API error ends this deployment's sync for the pass; the next pass retries (requeue).
      if (!(e instanceof SyncAbort || e instanceof StatusError)) throw e;
    }
  }
}

function syncDeployment(api: ApiServer, d: KObject): void {
  let selector: Selector;
  try {
    selector = labelSelectorAsSelector(d['spec']?.selector);
  } catch (e) {
    if (e instanceof SelectorParseError) return;
    throw e;
  }
  // An empty selector would select every pod (validation rejects it): leave such a deployment be.
  if (selector.empty()) return;

  const s = new DeploymentSync(api, d, claimReplicaSets(api, d, selector));
  if (d.metadata.deletionTimestamp) return s.syncStatusOnly();
  s.checkPausedConditions();
  if (s.d['spec']?.paused) return s.sync();
  // A resize (the desired count differs from what the ReplicaSets recorded) scales proportionally
  // instead of stepping the rollout.
  if (s.isScalingEvent(s.allReplicaSets(false))) return s.sync();
  const type = s.d['spec']?.strategy?.type;
  if (type === 'Recreate') rolloutRecreate(s);
  else if (isRollingUpdate(s.d)) rolloutRolling(s);
}
