// The resource quota controller: status.hard mirrors spec.hard and status.used counts what the
// namespace holds (usage.ts). Writes only when the status differs.

import { findResource, qualifiedResource, RESOURCES } from '../../api/registry.js';
import { deepEqual } from '../../api/object.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { q } from '../../printers/describe/quantity.js';
import { quotaUsage } from './usage.js';

const quotas = findResource('resourcequotas')!;

export function resourceQuotaController(api: ApiServer): void {
  const all = api.list(quotas);
  if (all.length === 0) return;
  const now = api.now();
  for (const rq of all) {
    if (rq.metadata.deletionTimestamp) continue;
    const ns = rq.metadata.namespace!;
    const cache = new Map<string, KObject[]>();
    const objects = (resource: string): KObject[] => {
      let got = cache.get(resource);
      if (!got) {
        const info = RESOURCES.find((i) => i.namespaced && (qualifiedResource(i) === resource || (i.group === '' && i.resource === resource)));
        got = info ? api.list(info, ns) : [];
        cache.set(resource, got);
      }
      return got;
    };
    const hard: Record<string, string> = {};
    for (const [k, v] of Object.entries(rq['spec']?.hard ?? {})) hard[k] = q(v).toString();
    const scopes: string[] = rq['spec']?.scopes ?? [];
    const status = { hard, used: quotaUsage(hard, scopes, objects, now) };
    if (deepEqual(rq['status'] ?? {}, status)) continue;
    api.updateStatus(quotas, { ...rq, status });
  }
}
