// The controller re-syncs claims on every pass; an event is recorded once per claim, reason and
// message (kube-controller-manager repeats it on each periodic resync, every 15 s, which kube-lite
// does not simulate: the event count stays 1).

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { eventsAbout, recordEvent, type EventSpec } from '../events/record.js';

export function recordOnce(api: ApiServer, obj: KObject, spec: EventSpec): void {
  const seen = eventsAbout(api, obj.metadata.namespace || 'default', obj.metadata.uid, spec.reason, spec.message).length > 0;
  if (!seen) recordEvent(api, obj, spec);
}
