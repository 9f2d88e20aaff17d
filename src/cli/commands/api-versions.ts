// kubectl api-versions: the group/versions the cluster serves, sorted.

import type { Command } from 'commander';
import { groupVersion, RESOURCES } from '../../api/registry.js';
import type { CommandContext } from '../context.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('api-versions')
    .description('Print the supported API versions on the server, in the form of "group/version"')
    .action(() => {
      const versions = [...new Set(RESOURCES.map(groupVersion))].sort();
      ctx.out(versions.map((v) => `${v}\n`).join(''));
    });
}
