// Warnings the apiserver attaches to responses (the Warning header) that kubectl prints on stderr,
// each distinct text once per invocation. kube-lite has no HTTP layer: verbs call this with the
// resources their requests touched.

import type { ResourceInfo } from '../api/registry.js';
import type { CommandContext } from './context.js';

/** Deprecated resources: every request to them carries this warning (KEP-4974 for v1 Endpoints). */
const DEPRECATED: Record<string, string> = {
  endpoints: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

export function printServerWarnings(ctx: CommandContext, touched: Iterable<ResourceInfo>): void {
  const seen = new Set<string>();
  for (const info of touched) {
    const text = info.group === '' ? DEPRECATED[info.resource] : undefined;
    if (text && !seen.has(text)) {
      seen.add(text);
      ctx.err(`Warning: ${text}\n`);
    }
  }
}
