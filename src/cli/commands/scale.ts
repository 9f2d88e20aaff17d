// kubectl scale: set spec.replicas through the scale subresource of deployments, replica sets,
// replication controllers and stateful sets (kubectl pkg/cmd/scale, pkg/scale).

import type { Command } from 'commander';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { refsFromFiles } from '../../resource/builder.js';
import { resolveTargets, type Target } from '../../resource/targets.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun, type DryRun } from '../dryrun.js';
import { durationFlag } from '../duration.js';
import { collect, intFlag } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { CHANGE_CAUSE_ANNOTATION, changeCause } from '../record.js';
import { NO_RESOURCES, targetSpec } from '../target-flags.js';
import { waitFor } from '../waiter.js';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

interface ScaleOptions {
  replicas: number;
  currentReplicas: number;
  resourceVersion?: string;
  timeoutMs: number;
  dryRun: DryRun;
  printer: ResultPrinter;
  record?: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('scale')
    .description('Set a new size for a deployment, replica set, or replication controller')
    .argument('[args...]')
    .option('--replicas <count>', 'The new desired number of replicas. Required.')
    .option('--current-replicas <count>', 'Precondition for current size. -1 (default) for no condition.', '-1')
    .option('--resource-version <version>', 'Precondition for resource version')
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to set a new size', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--timeout <duration>', "The length of time to wait before giving up on a scale operation, zero means don't wait", '0s')
    .option('--record', 'Record current kubectl command in the resource annotation')
    .action(async (args: string[], f: Record<string, unknown>, cmd: Command) => {
      // cobra checks required flags before anything else.
      if (f['replicas'] === undefined) throw new CliError('required flag(s) "replicas" not set');
      const o: ScaleOptions = {
        replicas: intFlag('replicas', f['replicas'])!,
        currentReplicas: intFlag('current-replicas', f['currentReplicas'])!,
        resourceVersion: f['resourceVersion'] as string | undefined,
        timeoutMs: durationFlag('timeout', f['timeout']),
        dryRun: parseDryRun(f['dryRun']),
        printer: new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s)),
        record: f['record'] ? changeCause(cmd) : undefined,
      };
      validate(o);
      await run(ctx, args, f, o);
    });
}

function validate(o: ScaleOptions): void {
  if (o.replicas < 0) throw new CliError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (o.currentReplicas < -1) throw new CliError('The --current-replicas must specify an integer of -1 or greater');
}

async function run(ctx: CommandContext, args: string[], f: Record<string, unknown>, o: ScaleOptions): Promise<void> {
  const spec = await targetSpec(ctx, args, f);
  if (args.length === 0 && spec.filenames.length === 0) throw new CliError(NO_RESOURCES);
  if (o.dryRun === 'client' && spec.filenames.length > 0) {
    // The objects from the files are scaled as read: no request is made.
    for (const r of refsFromFiles(spec)) o.printer.print({ info: r.info, obj: withReplicas(r.object!, o.replicas), operation: withDryRun('scaled', o.dryRun) });
    return;
  }
  // Failures are returned so that what was scaled before them is committed, as on a cluster.
  const failure = await ctx.withSession((session): Error | undefined => {
    const errors: Error[] = [];
    const targets = resolveTargets(session.api, spec, errors);
    if (o.resourceVersion && targets.length > 1) return new CliError('cannot use --resource-version with multiple resources');
    const infoErr = errors.length > 0 ? new AggregateError(errors) : undefined;
    if (targets.length === 0) return infoErr ?? new CliError('no objects passed to scale');
    for (const t of targets) {
      try {
        const obj = o.dryRun === 'client' ? withReplicas(t.object!, o.replicas) : scaleOne(session.api, t, o);
        o.printer.print({ info: t.info, obj, operation: withDryRun('scaled', o.dryRun) });
      } catch (e) {
        return e as Error;
      }
      if (o.timeoutMs > 0 && o.dryRun === 'none') {
        const synced = waitFor(session, { timeoutMs: o.timeoutMs, check: () => hasDesiredReplicas(session.api, t, o.replicas) });
        if (synced === 'timeout') return new CliError(`timed out waiting for "${t.name}" to be synced`);
      }
    }
    return infoErr;
  });
  if (failure) throw failure;
}

function withReplicas(obj: KObject, replicas: number): KObject {
  return { ...obj, spec: { ...obj['spec'], replicas } };
}

/** PATCH …/scale {"spec":{"replicas":N}}, with the --current-replicas / --resource-version preconditions. */
function scaleOne(api: ApiServer, t: Target, o: ScaleOptions): KObject {
  if (!SCALABLE.has(t.info.kind)) throw new StatusError(404, 'NotFound', 'the server could not find the requested resource');
  const live = api.get(t.info, t.namespace, t.name);
  const current = live['spec']?.replicas ?? 1;
  if (o.currentReplicas !== -1 && current !== o.currentReplicas) {
    throw new CliError(`Expected replicas to be ${o.currentReplicas}, was ${current}`);
  }
  if (o.resourceVersion && live.metadata.resourceVersion !== o.resourceVersion) {
    throw new CliError(`Expected resourceVersion to be ${o.resourceVersion}, was ${live.metadata.resourceVersion}`);
  }
  const next = structuredClone(withReplicas(live, o.replicas));
  if (o.record) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: o.record };
  return api.update(t.info, next, { dryRun: o.dryRun === 'server' });
}

/** WaitForScaleHasDesiredReplicas: the controller saw the new size and reached it. */
function hasDesiredReplicas(api: ApiServer, t: Target, replicas: number): boolean {
  const obj = api.tryGet(t.info, t.namespace, t.name);
  if (!obj) return false;
  const status = obj['status'] ?? {};
  return (status.observedGeneration ?? 0) >= (obj.metadata.generation ?? 0) && (status.replicas ?? 0) === replicas;
}
