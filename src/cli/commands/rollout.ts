// kubectl rollout status|history|undo|pause|resume|restart (kubectl pkg/cmd/rollout). The per-kind
// logic lives in ../rollout/; this file turns flags into options and talks to the API.

import type { Command } from 'commander';
import { AggregateError, CliError } from '../../api/errors.js';
import { kindWithGroup, qualifiedResource, type ResourceInfo } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { resolveTargets, type Target } from '../../resource/targets.js';
import { rfc3339 } from '../../sim/clock.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { durationFlag } from '../duration.js';
import { collect, intFlag } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { pause, restart, resume, RolloutObjectError } from '../rollout/control.js';
import { historyOperation, revisions } from '../rollout/history.js';
import { rollback } from '../rollout/rollback.js';
import { byRevision, controllerRevisionsOf, revisionHistoryOperation, rollbackToRevision } from '../rollout/revisions.js';
import { checkStatusViewer, rolloutStatus } from '../rollout/status.js';
import { targetSpec } from '../target-flags.js';
import { waitFor } from '../waiter.js';

type Flags = Record<string, unknown>;

function targetFlags(cmd: Command): Command {
  return cmd
    .argument('[args...]')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on');
}

export function register(program: Command, ctx: CommandContext): void {
  const rollout = program.command('rollout').description('Manage the rollout of a resource');

  targetFlags(rollout.command('status').description('Show the status of the rollout'))
    .option('--revision <n>', 'Pin to a specific revision for showing its status', '0')
    .option('-w, --watch', 'Watch the status of the rollout until it is done')
    .option('--no-watch', 'Print the current status once')
    .option('--timeout <duration>', 'The length of time to wait before ending watch, zero means never', '0s')
    .action((args: string[], f: Flags) => status(ctx, args, f));

  targetFlags(rollout.command('history').description('View rollout history'))
    .option('--revision <n>', 'See the details, including podTemplate of the revision specified', '0')
    .option('-o, --output <format>', 'Output format')
    .action((args: string[], f: Flags) => history(ctx, args, f));

  targetFlags(rollout.command('undo').description('Undo a previous rollout'))
    .option('--to-revision <n>', 'The revision to rollback to. Default to 0 (last revision).', '0')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .action((args: string[], f: Flags) => undo(ctx, args, f));

  for (const [verb, done] of [['pause', 'paused'], ['resume', 'resumed'], ['restart', 'restarted']] as const) {
    targetFlags(rollout.command(verb).description(`Mark the provided resource as ${done}`))
      .option('-o, --output <format>', 'Output format')
      .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
      .option('--field-manager <name>', 'Name of the manager used to track field ownership')
      .action((args: string[], f: Flags) => mutate(ctx, verb, done, args, f));
  }
}

function requireResource(args: string[], f: Flags): void {
  if (args.length === 0 && ((f['filename'] as string[]) ?? []).length === 0) throw new CliError('required resource not specified');
}

function revisionFlag(name: string, f: Flags, key: string): number {
  const rev = intFlag(name, f[key])!;
  if (rev < 0) throw new CliError(`revision must be a positive integer: ${rev}`);
  return rev;
}

async function resolve(ctx: CommandContext, args: string[], f: Flags, api: Parameters<typeof resolveTargets>[0], errors: Error[]): Promise<Target[]> {
  return resolveTargets(api, await targetSpec(ctx, args, f), errors);
}

async function status(ctx: CommandContext, args: string[], f: Flags): Promise<void> {
  requireResource(args, f);
  const revision = revisionFlag('revision', f, 'revision');
  const timeout = durationFlag('timeout', f['timeout']);
  const watch = f['watch'] !== false;
  const spec = await targetSpec(ctx, args, f);
  // Failures are returned, not thrown: the clock the wait moved must still be committed.
  const failure = await ctx.withSession((session): Error | undefined => {
    const errors: Error[] = [];
    const targets = resolveTargets(session.api, spec, errors);
    if (errors.length > 0) return new AggregateError(errors);
    if (targets.length !== 1) {
      return new CliError(`watch is only supported on individual resources and resource collections - ${targets.length} resources were found`);
    }
    const t = targets[0]!;
    checkStatusViewer(t.info.kind, t.info.group);
    if (!watch) {
      ctx.out(rolloutStatus(t.object!, revision).text);
      return undefined;
    }
    let last = '';
    try {
      const outcome = waitFor(session, {
        timeoutMs: timeout > 0 ? timeout : undefined,
        check: () => {
          const obj = session.api.tryGet(t.info, t.namespace, t.name);
          if (!obj || obj.metadata.uid !== t.object!.metadata.uid) throw new CliError('object has been deleted');
          const st = rolloutStatus(obj, revision);
          // kubectl prints a line per watch event; a simulated step can hold several, so only changes show.
          if (st.text !== last) ctx.out(st.text);
          last = st.text;
          return st.done;
        },
      });
      return outcome === 'timeout' ? new CliError('timed out waiting for the condition') : undefined;
    } catch (e) {
      return e as Error;
    }
  });
  if (failure) throw failure;
}

async function history(ctx: CommandContext, args: string[], f: Flags): Promise<void> {
  requireResource(args, f);
  const revision = revisionFlag('revision', f, 'revision');
  const output = f['output'] as string | undefined;
  const printer = output ? new ResultPrinter(parseOutput(output, 'mutate', ctx.io.cwd), (s) => ctx.out(s)) : undefined;
  const errors: Error[] = [];
  await ctx.withApi(async (api) => {
    for (const t of await resolve(ctx, args, f, api, errors)) {
      if (t.info.kind !== 'Deployment') {
        if (t.info.kind !== 'DaemonSet' && t.info.kind !== 'StatefulSet') {
          throw new CliError(`no history viewer has been implemented for "${groupKind(t.info)}"`);
        }
        const history = controllerRevisionsOf(api, t.object!);
        if (printer) {
          // GetHistory: the ControllerRevisions themselves, by revision.
          const info = byRevision(history);
          const chosen = revision > 0 ? (info.has(revision) ? [info.get(revision)!] : []) : [...info.values()];
          if (revision > 0 && chosen.length === 0) throw new CliError('unable to find the specified revision');
          for (const r of chosen) printer.print({ info: api.resource('controllerrevisions.apps'), obj: r, operation: '' });
          continue;
        }
        ctx.out(`${kindWithGroup(t.info)}/${t.name} ${revisionHistoryOperation(history, revision)}\n`);
        continue;
      }
      const revs = revisions(api, t.object!);
      if (printer) {
        const chosen = revision > 0 ? revs.filter((r) => r.revision === revision) : revs;
        if (revision > 0 && chosen.length === 0) throw new CliError('unable to find the specified revision');
        for (const r of chosen) printer.print({ info: api.resource('replicasets.apps'), obj: r.rs, operation: '' });
        continue;
      }
      ctx.out(`${kindWithGroup(t.info)}/${t.name} ${historyOperation(revs, revision)}\n`);
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

async function undo(ctx: CommandContext, args: string[], f: Flags): Promise<void> {
  requireResource(args, f);
  const toRevision = intFlag('to-revision', f['toRevision'])!;
  const dryRun = parseDryRun(f['dryRun']);
  const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
  const errors: Error[] = [];
  await ctx.withApi(async (api) => {
    for (const t of await resolve(ctx, args, f, api, errors)) {
      const byRevisions = t.info.kind === 'DaemonSet' || t.info.kind === 'StatefulSet';
      if (!byRevisions && t.info.kind !== 'Deployment') throw new CliError(`no rollbacker has been implemented for "${groupKind(t.info)}"`);
      if (t.object!.metadata.annotations?.[LAST_APPLIED] !== undefined) {
        ctx.err(
          `Warning: resource ${t.info.resource}/${t.name} was previously managed with 'kubectl apply'. Rolling back will not update the ${LAST_APPLIED} annotation, which may cause unexpected behavior on future 'kubectl apply' operations. Consider using 'kubectl apply' with your previous configuration file instead.\n`,
        );
      }
      const result = byRevisions
        ? rollbackToRevision(t.object!, controllerRevisionsOf(api, t.object!), toRevision, dryRun === 'client')
        : rollback(t.object!, revisions(api, t.object!), toRevision, dryRun === 'client');
      let obj: KObject = t.object!;
      if (result.patched) {
        const next = { ...result.patched, metadata: { ...result.patched.metadata, resourceVersion: undefined } };
        obj = api.update(t.info, next, { dryRun: dryRun === 'server' });
      }
      printer.print({ info: t.info, obj, operation: withDryRun(result.message, dryRun) });
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}

async function mutate(ctx: CommandContext, verb: 'pause' | 'resume' | 'restart', done: string, args: string[], f: Flags): Promise<void> {
  requireResource(args, f);
  const dryRun = parseDryRun(f['dryRun']);
  const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
  const errors: Error[] = [];
  await ctx.withApi(async (api) => {
    for (const t of await resolve(ctx, args, f, api, errors)) {
      let changed: KObject;
      const live = structuredClone(t.object!);
      try {
        if (verb === 'pause') changed = pause(live);
        else if (verb === 'resume') changed = resume(live);
        else changed = restart(live, rfc3339(api.now()));
      } catch (e) {
        if (!(e instanceof RolloutObjectError)) throw e;
        errors.push(new CliError(`error: ${qualifiedResource(t.info)} "${t.name}" ${e.message}`));
        continue;
      }
      changed.metadata = { ...changed.metadata, resourceVersion: undefined };
      const obj = dryRun === 'client' ? changed : api.update(t.info, changed, { dryRun: dryRun === 'server' });
      printer.print({ info: t.info, obj, operation: withDryRun(done, dryRun) });
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}
