// kubectl cluster-info. kubectl colours this output unconditionally (go-colortext), so kube-lite does too.

import type { Command } from 'commander';
import { readConfig } from '../../cluster/config.js';
import type { CommandContext } from '../context.js';

const GREEN = '\x1b[0;32m';
const YELLOW = '\x1b[0;33m';
const RESET = '\x1b[0m';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('cluster-info')
    .description('Display cluster information')
    .action(async () => {
      const { clusterName } = await ctx.context();
      await ctx.withApi(() => undefined, { readOnly: true });
      const server = readConfig(ctx.home).clusters.find((c) => c.name === clusterName)?.cluster.server ?? '';
      ctx.out(`${GREEN}Kubernetes control plane${RESET} is running at ${YELLOW}${server}${RESET}\n`);
      ctx.out("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
    });
}
