// Node arguments of cordon, uncordon and drain: NODE names or -l, never both (kubectl cmd/drain).

import { AggregateError, CliError } from '../../api/errors.js';
import type { ApiServer } from '../../api/server.js';
import { resolveTargets, type Target } from '../../resource/targets.js';
import type { CommandContext } from '../context.js';

export function checkNodeArgs(verb: string, args: string[], selector: string | undefined): void {
  const usage = `\nSee 'kubectl ${verb} -h' for help and examples`;
  if (args.length === 0 && selector === undefined) throw new CliError(`USAGE: ${verb} NODE [flags]${usage}`);
  if (args.length > 0 && selector) throw new CliError(`error: cannot specify both a node name and a --selector option${usage}`);
}

/** The nodes named or selected; a missing node fails the command before anything changes. */
export function nodeTargets(ctx: CommandContext, api: ApiServer, args: string[], selector: string | undefined): Target[] {
  const errors: Error[] = [];
  const targets = resolveTargets(
    api,
    {
      args: ['nodes', ...args],
      filenames: [],
      recursive: false,
      selector: args.length === 0 ? selector : undefined,
      all: false,
      allNamespaces: false,
      namespace: '',
      enforceNamespace: false,
      cwd: ctx.io.cwd,
      readStdin: ctx.io.readStdin,
    },
    errors,
  );
  if (errors.length > 0) throw new AggregateError(errors);
  return targets;
}
