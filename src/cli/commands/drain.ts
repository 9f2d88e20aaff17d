// kubectl drain NODE: cordon, then evict every pod that may go (kubectl pkg/cmd/drain, pkg/drain).

import type { Command } from 'commander';
import { AggregateError, CliError, RawError } from '../../api/errors.js';
import { parseSelector } from '../../api/labels.js';
import type { CommandContext } from '../context.js';
import { cordonNodes } from '../drain/cordon.js';
import { aggregateText, drainNode, type DrainOptions } from '../drain/evict.js';
import { checkNodeArgs, nodeTargets } from '../drain/nodes.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { durationFlag } from '../duration.js';
import { intFlag } from '../flags.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('drain')
    .description('Drain node in preparation for maintenance')
    .argument('[node...]')
    .option('--force', 'Continue even if there are pods that do not declare a controller.')
    .option('--ignore-daemonsets', 'Ignore DaemonSet-managed pods.')
    .option('--ignore-errors', 'Ignore errors occurred between drain nodes in group.')
    .option('--delete-emptydir-data', 'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).')
    .option('--delete-local-data', 'Deprecated: use --delete-emptydir-data.')
    .option('--grace-period <seconds>', 'Period of time in seconds given to each pod to terminate gracefully. If negative, the default value specified in the pod will be used.', '-1')
    .option('--timeout <duration>', 'The length of time to wait before giving up, zero means infinite', '0s')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--pod-selector <selector>', 'Label selector to filter pods on the node')
    .option('--disable-eviction', 'Force drain to use delete, even if eviction is supported.')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .action(async (args: string[], f: Record<string, unknown>) => {
      const selector = f['selector'] as string | undefined;
      checkNodeArgs('drain', args, selector);
      const o: DrainOptions = {
        force: !!f['force'],
        ignoreDaemonSets: !!f['ignoreDaemonsets'],
        deleteEmptyDirData: !!f['deleteEmptydirData'] || !!f['deleteLocalData'],
        gracePeriod: intFlag('grace-period', f['gracePeriod'])!,
        timeoutMs: durationFlag('timeout', f['timeout']),
        disableEviction: !!f['disableEviction'],
        podSelector: f['podSelector'] as string | undefined,
        dryRun: parseDryRun(f['dryRun']),
        out: (s) => ctx.out(s),
        err: (s) => ctx.err(s),
      };
      if (f['deleteLocalData']) ctx.err('Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n');
      if (o.podSelector) {
        try {
          parseSelector(o.podSelector);
        } catch {
          throw new CliError('--pod-selector=<pod_selector> must be a valid label selector');
        }
      }
      const fatal = await ctx.withSession((session) => drainNodes(ctx, session, args, selector, !!f['ignoreErrors'], o));
      if (fatal.length === 1) throw new RawError(fatal[0]!);
      if (fatal.length > 1) throw new AggregateError(fatal.map((m) => new RawError(m)));
    });
}

/** Returns the errors that failed the drain; progress and per-node failures are printed as they happen. */
function drainNodes(
  ctx: CommandContext,
  session: Parameters<typeof drainNode>[0],
  args: string[],
  selector: string | undefined,
  ignoreErrors: boolean,
  o: DrainOptions,
): string[] {
  const nodes = nodeTargets(ctx, session.api, args, selector);
  cordonNodes(session.api, nodes, true, o.dryRun, o);
  const drained = new Set<string>();
  const fatal: string[] = [];
  for (const node of nodes) {
    const errors = drainNode(session, node.name, o);
    if (!errors) {
      drained.add(node.name);
      o.out(`node/${node.name} ${withDryRun('drained', o.dryRun)}\n`);
      continue;
    }
    o.err(`error: unable to drain node "${node.name}" due to error: ${aggregateText(errors)}, continuing command...\n`);
    fatal.push(...errors);
    if (ignoreErrors && nodes.length > 1) continue;
    const remaining = nodes.filter((n) => !drained.has(n.name));
    if (remaining.length > 0) o.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n.name}\n`).join('')}`);
    break;
  }
  return fatal;
}
