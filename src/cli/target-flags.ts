// The TargetSpec most verbs build from their flags: TYPE NAME args, -f/-R, -l, --field-selector,
// --all and -A, in the command's namespace.

import type { TargetSpec } from '../resource/targets.js';
import type { CommandContext } from './context.js';

export async function targetSpec(ctx: CommandContext, args: string[], f: Record<string, unknown>): Promise<TargetSpec> {
  return {
    args,
    filenames: (f['filename'] as string[] | undefined) ?? [],
    recursive: !!f['recursive'],
    selector: f['selector'] as string | undefined,
    fieldSelector: f['fieldSelector'] as string | undefined,
    all: !!f['all'],
    allNamespaces: !!f['allNamespaces'],
    namespace: await ctx.namespace(),
    enforceNamespace: ctx.namespaceExplicit(),
    cwd: ctx.io.cwd,
    readStdin: ctx.io.readStdin,
  };
}

/** The resource builder's error when neither arguments nor -f name anything. */
export const NO_RESOURCES =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";
