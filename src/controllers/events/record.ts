// The event recorder controllers use (client-go's EventRecorder + the apiserver's aggregation): a
// repeat of the same event for the same object bumps count and lastTimestamp instead of adding one.

import { findResource } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { rfc3339 } from '../../sim/clock.js';

export interface EventSpec {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Reporting component: "deployment-controller", "default-scheduler", "kubelet", … */
  component: string;
  /** For kubelet events: the node name. */
  host?: string;
  /** e.g. "spec.containers{nginx}" for container events. */
  fieldPath?: string;
}

const events = () => findResource('events')!;

export function recordEvent(api: ApiServer, involved: KObject, spec: EventSpec): void {
  const ns = involved.metadata.namespace || 'default';
  const now = rfc3339(api.now());
  const same = api
    .list(events(), ns)
    .find(
      (e) =>
        e['involvedObject']?.uid === involved.metadata.uid &&
        e['reason'] === spec.reason &&
        e['message'] === spec.message &&
        e['type'] === spec.type &&
        (e['involvedObject']?.fieldPath ?? '') === (spec.fieldPath ?? ''),
    );
  if (same) {
    const bumped = structuredClone(same);
    bumped['count'] = (same['count'] ?? 1) + 1;
    bumped['lastTimestamp'] = now;
    api.update(events(), bumped);
    return;
  }
  const seq = api.store.revision();
  const name = `${involved.metadata.name}.${(BigInt(api.now()) * 1_000_000n + BigInt(seq)).toString(16)}`;
  api.create(events(), {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: ns },
    involvedObject: {
      apiVersion: involved.apiVersion,
      kind: involved.kind,
      name: involved.metadata.name,
      namespace: involved.metadata.namespace,
      uid: involved.metadata.uid,
      resourceVersion: involved.metadata.resourceVersion,
      ...(spec.fieldPath ? { fieldPath: spec.fieldPath } : {}),
    },
    reason: spec.reason,
    message: spec.message,
    source: { component: spec.component, ...(spec.host ? { host: spec.host } : {}) },
    firstTimestamp: now,
    lastTimestamp: now,
    count: 1,
    type: spec.type,
    eventTime: null,
    reportingComponent: spec.component,
    reportingInstance: spec.host ?? '',
  });
}
