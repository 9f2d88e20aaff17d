// `cordon` and `uncordon` share everything but the desired value.

import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { parseDryRun } from '../dryrun.js';
import { cordonNodes } from './cordon.js';
import { checkNodeArgs, nodeTargets } from './nodes.js';

export function registerCordon(program: Command, ctx: CommandContext, verb: 'cordon' | 'uncordon'): void {
  program
    .command(verb)
    .description(verb === 'cordon' ? 'Mark node as unschedulable' : 'Mark node as schedulable')
    .argument('[node...]')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .action(async (args: string[], f: Record<string, unknown>) => {
      const selector = f['selector'] as string | undefined;
      checkNodeArgs(verb, args, selector);
      const dryRun = parseDryRun(f['dryRun']);
      await ctx.withApi((api) => {
        cordonNodes(api, nodeTargets(ctx, api, args, selector), verb === 'cordon', dryRun, { out: (s) => ctx.out(s), err: (s) => ctx.err(s) });
      });
    });
}
