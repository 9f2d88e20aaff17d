// kubectl set image: update container images of pod templates (kubectl pkg/cmd/set/set_image.go).
// Only `image` of kubectl's `set` subcommands is implemented.

import type { Command } from 'commander';
import { AggregateError, CliError } from '../../api/errors.js';
import { deepEqual } from '../../api/object.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { goTypeName, podSpecOf } from '../../resource/podspec.js';
import { resolveTargets } from '../../resource/targets.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { CHANGE_CAUSE_ANNOTATION, changeCause } from '../record.js';
import { NO_RESOURCES, targetSpec } from '../target-flags.js';

export function register(program: Command, ctx: CommandContext): void {
  const set = program.command('set').description('Set specific features on objects');
  set
    .command('image')
    .description('Update the image of a pod template')
    .argument('[args...]')
    .option('--all', 'Select all resources, in the namespace of the specified resource types')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to get from a server.', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--local', 'If true, set image will NOT contact api-server but run locally (not supported by kube-lite yet)')
    .option('--record', 'Record current kubectl command in the resource annotation')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership')
    .action(async (args: string[], f: Record<string, unknown>, cmd: Command) => {
      await setImage(ctx, args, f, f['record'] ? changeCause(cmd) : undefined);
    });
}

/** cmdutil.GetResourcesAndPairs: resources first, then NAME=IMAGE pairs. */
export function splitImageArgs(args: string[]): { resources: string[]; images: Map<string, string> } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && a[0] !== '=') || (a.endsWith('-') && a !== '-');
    if (isPair) pairs.push(a);
    else if (pairs.length > 0) throw new CliError(`all resources must be specified before image changes: ${a}`);
    else resources.push(a);
  }
  const images = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') images.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1));
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new CliError(`invalid image format: ${invalid.join(', ')}`);
  return { resources, images };
}

/** Sets the images in place; returns the container names that matched nothing. */
export function applyImages(spec: { containers?: { name: string; image?: string }[]; initContainers?: { name: string; image?: string }[] }, images: Map<string, string>): string[] {
  const missing: string[] = [];
  for (const [name, image] of images) {
    let found = false;
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if (c.name === name || name === '*') {
        c.image = image;
        found = true;
      }
    }
    if (!found) missing.push(name);
  }
  return missing;
}

async function setImage(ctx: CommandContext, args: string[], f: Record<string, unknown>, record: string | undefined): Promise<void> {
  if (f['local']) throw new CliError('--local is not supported by kube-lite yet');
  const { resources, images } = splitImageArgs(args);
  const spec = await targetSpec(ctx, resources, f);
  if (resources.length === 0 && spec.filenames.length === 0) throw new CliError(NO_RESOURCES);
  const dryRun = parseDryRun(f['dryRun']);
  const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
  const failure = await ctx.withApi((api): Error | undefined => {
    const lookupErrors: Error[] = [];
    const targets = resolveTargets(api, spec, lookupErrors);
    if (lookupErrors.length > 0) return new AggregateError(lookupErrors);
    const invalid = validate(f, resources, spec.filenames, images);
    if (invalid) return invalid;
    const errors: Error[] = [];
    for (const t of targets) {
      const obj: KObject = structuredClone(t.object!);
      const podSpec = podSpecOf(obj);
      if (!podSpec) {
        errors.push(new CliError(`error: ${t.info.resource}/${t.name} the object is not a pod or does not have a pod template: ${goTypeName(obj)}\n`));
        continue;
      }
      for (const name of applyImages(podSpec, images)) errors.push(new CliError(`error: unable to find container named "${name}"`));
      if (deepEqual(podSpec, podSpecOf(t.object!))) continue; // the patch is {}: nothing is sent or printed
      if (record) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: record };
      obj.metadata.resourceVersion = undefined;
      const result = dryRun === 'client' ? obj : api.update(t.info, obj, { dryRun: dryRun === 'server' });
      printer.print({ info: t.info, obj: result, operation: withDryRun('image updated', dryRun) });
    }
    return errors.length > 0 ? new AggregateError(errors) : undefined;
  });
  if (failure) throw failure;
}

function validate(f: Record<string, unknown>, resources: string[], filenames: string[], images: Map<string, string>): Error | undefined {
  const errors: Error[] = [];
  if (f['all'] && f['selector']) errors.push(new CliError('cannot set --all and --selector at the same time'));
  if (resources.length === 0 && filenames.length === 0) errors.push(new CliError('one or more resources must be specified as <resource> <name> or <resource>/<name>'));
  if (images.size === 0) errors.push(new CliError('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) {
    errors.push(new CliError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  }
  return errors.length > 0 ? new AggregateError(errors) : undefined;
}
