// Cordon and uncordon (kubectl pkg/drain/cordon.go): set or clear spec.unschedulable, printing
// `node/x cordoned`, `node/x already cordoned`, and the un- forms.

import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import type { Target } from '../../resource/targets.js';
import type { DryRun } from '../dryrun.js';
import { withDryRun } from '../dryrun.js';

export interface CordonIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function cordonNodes(api: ApiServer, nodes: Target[], desired: boolean, dryRun: DryRun, io: CordonIO): void {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const t of nodes) {
    const node = t.object!;
    if (!!node['spec']?.unschedulable === desired) {
      io.out(`node/${t.name} ${withDryRun(`already ${verb}ed`, dryRun)}\n`);
      continue;
    }
    if (dryRun !== 'client') {
      try {
        api.update(t.info, unschedulable(node, desired), { dryRun: dryRun === 'server' });
      } catch (e) {
        // kubectl reports and goes on; the command still succeeds.
        io.err(`error: unable to ${verb} node "${t.name}": ${(e as Error).message}\n`);
        continue;
      }
    }
    io.out(`node/${t.name} ${withDryRun(`${verb}ed`, dryRun)}\n`);
  }
}

function unschedulable(node: KObject, desired: boolean): KObject {
  const spec = { ...(node['spec'] ?? {}) };
  // unschedulable is omitempty: uncordoning removes the field.
  if (desired) spec.unschedulable = true;
  else delete spec.unschedulable;
  return { ...node, metadata: { ...node.metadata, resourceVersion: undefined }, spec };
}
