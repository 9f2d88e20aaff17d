// kubectl delete: by name, -f, -l or --all, with --cascade, --grace-period, --now, --force
// (kubectl pkg/cmd/delete/delete.go; 1.34+ messages name the namespace).

import type { Command } from 'commander';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import { kindWithGroup } from '../../api/registry.js';
import type { PropagationPolicy } from '../../api/server.js';
import { resolveTargets, type Target } from '../../resource/targets.js';
import { NO_RESOURCES, targetSpec } from '../target-flags.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { collect } from '../flags.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('delete')
    .description('Delete resources by file names, stdin, resources and names, or by resources and label selector')
    .argument('[args...]')
    .option('-f, --filename <file>', 'Files containing the resources to delete', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--field-selector <selector>', 'Selector (field query) to filter on')
    .option('--all', 'Delete all resources, in the namespace of the specified resource types')
    .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces')
    .option('--cascade [mode]', 'Must be "background", "orphan", or "foreground"', 'background')
    .option('--grace-period <seconds>', 'Period of time in seconds given to the resource to terminate gracefully', '-1')
    .option('--now', 'If true, resources are signaled for immediate shutdown (same as --grace-period=1)')
    .option('--force', 'If true, immediately remove resources from API and bypass graceful deletion')
    .option('--ignore-not-found', 'Treat "resource not found" as a successful delete')
    .option('--wait', 'If true, wait for resources to be gone before returning (kube-lite: deletions complete at once)')
    .option('--no-wait', 'Return without waiting for resources to be gone')
    .option('--timeout <duration>', 'The length of time to wait before giving up on a delete')
    .option('-o, --output <format>', 'Output mode. Use "-o name" for shorter output (resource/name)')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .action(async (args: string[], f: Record<string, unknown>) => {
      await run(args, f, ctx);
    });
}

function cascade(v: unknown): PropagationPolicy {
  switch (String(v)) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
  }
  throw new CliError(`invalid cascade value (${String(v)}). Must be "background", "foreground", or "orphan"`);
}

async function run(args: string[], f: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const filenames = f['filename'] as string[];
  const output = f['output'] as string | undefined;
  if (output !== undefined && output !== 'name') throw new CliError(`unexpected -o output mode: ${output}, the only supported output mode is name`);
  if (args.length === 0 && filenames.length === 0) {
    throw new CliError(NO_RESOURCES);
  }
  if (f['all'] && f['selector']) throw new CliError('cannot set --all and --selector at the same time');
  const policy = cascade(f['cascade']);
  const dryRun = parseDryRun(f['dryRun']);
  let grace = Number(f['gracePeriod']);
  if (!Number.isInteger(grace)) throw new CliError(`invalid argument "${String(f['gracePeriod'])}" for "--grace-period" flag`);
  if (f['now']) {
    if (grace !== -1) throw new CliError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = !!f['force'];
  if (force && grace === -1) grace = 0;
  if (grace === 0 && !force) throw new CliError('--grace-period=0 must have --force specified');
  const spec = { ...(await targetSpec(ctx, args, f)), sourceVerb: 'deleting' };
  const errors: Error[] = [];
  if (force && grace === 0) {
    ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  const deleted = await ctx.withApi((api) => {
    const targets = resolveTargets(api, spec, errors, !!f['ignoreNotFound']);
    const done: Target[] = [];
    for (const t of targets) {
      if (dryRun !== 'client') {
        // Each DELETE stands alone: a failure (the object already gone, say, when two files name it)
        // is reported at the end and the rest go on.
        try {
          api.delete(t.info, t.namespace, t.name, {
            propagationPolicy: policy,
            gracePeriodSeconds: grace >= 0 ? grace : undefined,
            dryRun: dryRun === 'server',
          });
        } catch (e) {
          if (!(e instanceof StatusError)) throw e;
          if (e.reason === 'NotFound' && f['ignoreNotFound']) continue;
          errors.push(t.source ? e.withSource('deleting', t.source) : e);
          continue;
        }
      }
      done.push(t);
    }
    return done;
  });
  const isList = filenames.length === 0 && !args.some((a) => a.includes('/')) && args.length === 1;
  if (deleted.length === 0 && errors.length === 0 && (isList || f['all'] || f['selector'])) {
    ctx.out('No resources found\n');
  }
  const verb = force && grace === 0 ? 'force deleted' : 'deleted';
  for (const t of deleted) {
    if (output === 'name') {
      ctx.out(`${kindWithGroup(t.info)}/${t.name}\n`);
      continue;
    }
    // `deployment.apps "web" deleted from default namespace (dry run)`
    const ns = t.info.namespaced ? ` from ${t.namespace} namespace` : '';
    ctx.out(`${kindWithGroup(t.info)} "${t.name}" ${withDryRun(verb + ns, dryRun)}\n`);
  }
  if (errors.length > 0) throw new AggregateError(errors);
}
