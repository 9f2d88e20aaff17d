// kubectl uncordon NODE: mark a node schedulable again (kubectl pkg/cmd/drain).

import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerCordon } from '../drain/register-cordon.js';

export function register(program: Command, ctx: CommandContext): void {
  registerCordon(program, ctx, 'uncordon');
}
