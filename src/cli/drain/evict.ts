// Draining one node (kubectl pkg/drain/drain.go): list its pods, filter, evict (or delete) the rest
// and wait until they are gone, moving the simulated clock as graceful termination needs.

import { parseSelector } from '../../api/labels.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import type { ClusterSession } from '../../cluster/session.js';
import type { DryRun } from '../dryrun.js';
import { waitFor } from '../waiter.js';
import { planDrain, type DrainFlags } from './filters.js';

export interface DrainOptions extends DrainFlags {
  gracePeriod: number;
  timeoutMs: number;
  disableEviction: boolean;
  podSelector?: string;
  dryRun: DryRun;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Go's Aggregate.Error(): one message as is, several as "[a, b]". */
export function aggregateText(msgs: string[]): string {
  return msgs.length === 1 ? msgs[0]! : `[${msgs.join(', ')}]`;
}

/** Drains one node; returns the errors that stop the drain, or undefined when it is drained. */
export function drainNode(session: ClusterSession, nodeName: string, o: DrainOptions): string[] | undefined {
  const api = session.api;
  const pods = findResource('pods')!;
  const podSel = o.podSelector ? parseSelector(o.podSelector) : undefined;
  const onNode = () =>
    api.list(pods, undefined, { fieldSelector: (p) => p['spec']?.nodeName === nodeName, labelSelector: (l) => !podSel || podSel.matches(l ?? {}) });
  const daemonSetMissing = (ns: string, name: string) =>
    api.tryGet(findResource('daemonsets')!, ns, name) ? undefined : `daemonsets.apps "${name}" not found`;
  const plan = planDrain(onNode(), o, daemonSetMissing);
  if (plan.errors.length > 0) return plan.errors;
  if (plan.warnings) o.err(`Warning: ${plan.warnings}\n`);
  const ref = (p: KObject) => `${p.metadata.namespace}/${p.metadata.name}`;
  if (o.dryRun === 'client') {
    for (const p of plan.deletable) o.out(`evicting pod ${ref(p)} (dry run)\n`);
    return undefined;
  }
  const evict = !o.disableEviction;
  for (const p of plan.deletable) {
    if (evict) o.out(`evicting pod ${ref(p)}${o.dryRun === 'server' ? ' (server dry run)' : ''}\n`);
    if (api.tryGet(pods, p.metadata.namespace, p.metadata.name!)) {
      api.delete(pods, p.metadata.namespace, p.metadata.name!, {
        gracePeriodSeconds: o.gracePeriod >= 0 ? o.gracePeriod : undefined,
        dryRun: o.dryRun === 'server',
      });
    }
  }
  if (o.dryRun === 'server') return undefined;
  let pending = [...plan.deletable];
  const outcome = waitFor(session, {
    timeoutMs: o.timeoutMs > 0 ? o.timeoutMs : undefined,
    check: () => {
      const still: KObject[] = [];
      for (const p of pending) {
        const live = api.tryGet(pods, p.metadata.namespace, p.metadata.name!);
        if (live && live.metadata.uid === p.metadata.uid) still.push(p);
        else o.out(`pod/${p.metadata.name} ${evict ? 'evicted' : 'deleted'}\n`);
      }
      pending = still;
      return pending.length === 0;
    },
  });
  if (outcome === 'done') return undefined;
  // The global timeout ended the wait (or nothing could ever finish terminating these pods).
  const errors = evict
    ? pending.map((p) => `error when waiting for pod "${p.metadata.name}" in namespace "${p.metadata.namespace}" to terminate: context deadline exceeded`)
    : ['context deadline exceeded'];
  o.err(`There are pending pods in node "${nodeName}" when an error occurred: ${aggregateText(errors)}\n`);
  for (const p of pending) o.err(`pod/${p.metadata.name}\n`);
  return errors;
}

