// `cluster advance DURATION` and `cluster node-down|node-up NODE`: moving the simulated clock and
// injecting faults. They act on the current context's cluster, through one session each.

import type { Command } from 'commander';
import { CliError } from '../api/errors.js';
import { findResource } from '../api/registry.js';
import { startKubelet, stopKubelet } from '../sim/faults.js';
import type { CommandContext } from './context.js';
import { formatGoDuration, parseGoDuration } from './duration.js';
import { advanceClock } from './waiter.js';

export function registerSimulationCommands(cluster: Command, ctx: CommandContext): void {
  cluster
    .command('advance')
    .description('Move the cluster clock forward: everything due in that time happens now')
    .argument('<duration>', 'How far, as a Go duration: 30s, 5m, 1h30m')
    .action(async (text: string) => {
      let ms: number;
      try {
        ms = parseGoDuration(text);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      if (ms < 0) throw new CliError(`the cluster clock only moves forward, not by ${text}`);
      const { clusterName } = await ctx.context();
      await ctx.withSession((session) => advanceClock(session, ms));
      ctx.out(`Advanced the clock of cluster "${clusterName}" by ${formatGoDuration(ms)}.\n`);
    });

  // A stopped kubelet posts no status: after the node monitor grace period (40s in realistic timing,
  // at once in instant timing) the node is NotReady/Unknown and tainted unreachable, and its pods are
  // evicted when their toleration runs out (300s by default; at once in instant timing).
  cluster
    .command('node-down')
    .description("Stop a node's kubelet (fault injection)")
    .argument('<node>')
    .action(async (name: string) => {
      const changed = await ctx.withSession((s) => {
        s.api.get(findResource('nodes')!, undefined, name);
        return stopKubelet(s.api.store, name, s.api.now());
      });
      ctx.out(changed ? `Stopped the kubelet of node "${name}".\n` : `The kubelet of node "${name}" is already stopped.\n`);
    });

  cluster
    .command('node-up')
    .description("Start a node's kubelet again")
    .argument('<node>')
    .action(async (name: string) => {
      const changed = await ctx.withSession((s) => {
        s.api.get(findResource('nodes')!, undefined, name);
        return startKubelet(s.api.store, name);
      });
      ctx.out(changed ? `Started the kubelet of node "${name}".\n` : `The kubelet of node "${name}" is already running.\n`);
    });
}
