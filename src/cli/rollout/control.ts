// pause / resume / restart as kubectl's object pauser, resumer and restarter (polymorphichelpers):
// each returns the changed object, or throws the reason that `rollout` reports per object.
/* eslint-disable @typescript-eslint/no-explicit-any */

import type { KObject } from '../../api/types.js';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** A per-object failure: kubectl prints `error: deployments.apps "web" <reason>`. */
export class RolloutObjectError extends Error {}

export function pause(obj: KObject): KObject {
  if (obj.kind !== 'Deployment') throw new RolloutObjectError('pausing is not supported');
  if (obj['spec']?.paused) throw new RolloutObjectError('is already paused');
  return { ...obj, spec: { ...obj['spec'], paused: true } };
}

export function resume(obj: KObject): KObject {
  if (obj.kind !== 'Deployment') throw new RolloutObjectError('resuming is not supported');
  if (!obj['spec']?.paused) throw new RolloutObjectError('is not paused');
  // paused is omitempty: resuming removes the field.
  const { paused: _p, ...spec } = obj['spec'];
  return { ...obj, spec };
}

/** Sets the restartedAt template annotation (time.Now().Format(time.RFC3339), here the cluster clock). */
export function restart(obj: KObject, now: string): KObject {
  if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(obj.kind)) throw new RolloutObjectError('restarting is not supported');
  if (obj.kind === 'Deployment' && obj['spec']?.paused) {
    throw new RolloutObjectError("can't restart paused deployment (run rollout resume first)");
  }
  const out = structuredClone(obj);
  const template: any = (out['spec'].template ??= {});
  template.metadata ??= {};
  template.metadata.annotations = { ...(template.metadata.annotations ?? {}), [RESTARTED_AT]: now };
  return out;
}
