// kubectl describe: a human-readable account of objects with their events
// (kubectl pkg/cmd/describe/describe.go; layouts in src/printers/describe).

import type { Command } from 'commander';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import { findResource, RESOURCES, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { describeObject } from '../../printers/describe/index.js';
import { EVENTS_NOT_FETCHED } from '../../printers/describe/events.js';
import { parseTypeArgs, refsFromFiles } from '../../resource/builder.js';
import { listSelected } from '../../resource/select.js';
import type { CommandContext } from '../context.js';
import { collect } from '../flags.js';
import { printServerWarnings } from '../warnings.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('describe')
    .description('Show details of a specific resource or group of resources')
    .argument('[args...]')
    .option('-f, --filename <file>', 'Files containing the resources to describe', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces')
    .option('--show-events', 'If true, display events related to the described object', true)
    .option('--no-show-events', 'Do not display events')
    .action(async (args: string[], f: Record<string, unknown>) => {
      await run(args, f, ctx);
    });
}

async function run(args: string[], f: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const filenames = f['filename'] as string[];
  if (args.length === 0 && filenames.length === 0) {
    throw new CliError(
      "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n",
    );
  }
  const namespace = await ctx.namespace();
  const errors: Error[] = [];
  const touched: ResourceInfo[] = [];
  const texts = await ctx.withApi((api) => {
    const objs: KObject[] = [];
    if (filenames.length > 0) {
      const refs = refsFromFiles({ filenames, recursive: !!f['recursive'], cwd: ctx.io.cwd, readStdin: ctx.io.readStdin, namespace, enforceNamespace: ctx.namespaceExplicit() });
      touched.push(...refs.map((r) => r.info));
      for (const r of refs) {
        try {
          objs.push(api.get(r.info, r.namespace, r.name));
        } catch (e) {
          errors.push(e as Error);
        }
      }
    } else {
      for (const req of parseTypeArgs(args)) {
        touched.push(req.info);
        const ns = f['allNamespaces'] ? undefined : namespace;
        if (req.names.length === 0) {
          const items = listSelected(api, req.info, ns, f['selector'] as string | undefined, undefined);
          objs.push(...items);
          continue;
        }
        for (const name of req.names) {
          const found = api.tryGet(req.info, namespace, name);
          if (found) {
            objs.push(found);
            continue;
          }
          // kubectl falls back to every object whose name starts with the given one.
          const prefixed = api.list(req.info, namespace).filter((o) => o.metadata.name!.startsWith(name));
          if (prefixed.length === 0) errors.push(new StatusError(404, 'NotFound', `${req.info.group ? `${req.info.resource}.${req.info.group}` : req.info.resource} "${name}" not found`));
          objs.push(...prefixed);
        }
      }
    }
    const now = api.now();
    // kubectl 1.36 looks events up only when it describes a single object (checked with -v=6: no
    // events request at all for two or more).
    const showEvents = f['showEvents'] !== false && objs.length === 1;
    return objs.map((o) => describeObject(o, describeContext(api, o, now, showEvents)));
  }, { readOnly: true });
  printServerWarnings(ctx, touched);
  if (texts.length === 0 && errors.length === 0) {
    ctx.err(f['allNamespaces'] ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  }
  ctx.out(texts.join('\n\n'));
  if (errors.length > 0) throw new AggregateError(errors);
}

function describeContext(api: ApiServer, obj: KObject, now: number, showEvents: boolean) {
  const events = showEvents
    ? api
        .list(findResource('events')!, obj.metadata.namespace ?? undefined)
        .filter((e) => matchesInvolved(e, obj))
    : EVENTS_NOT_FETCHED;
  return {
    now,
    events,
    showEvents,
    list: (resource: string, namespace?: string) => {
      const info = RESOURCES.find((r) => r.resource === resource) ?? findResource(resource);
      return info ? api.list(info, namespace) : [];
    },
  };
}

/** kubectl finds events by involvedObject uid; for nodes also by uid == node name (kubelet's events). */
function matchesInvolved(e: KObject, obj: KObject): boolean {
  const inv = e['involvedObject'] ?? {};
  if (inv.uid === obj.metadata.uid) return true;
  return obj.kind === 'Node' && inv.kind === 'Node' && inv.name === obj.metadata.name && inv.uid === obj.metadata.name;
}
