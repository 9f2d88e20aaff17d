// kubectl patch: strategic merge (default), JSON merge or JSON patch (kubectl pkg/cmd/patch/patch.go).

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import { applyJsonPatch, jsonMergePatch, strategicMergePatch } from '../../api/patch/index.js';
import { deepEqual } from '../../api/object.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { resolveTargets } from '../../resource/targets.js';
import { targetSpec } from '../target-flags.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('patch')
    .description('Update fields of a resource')
    .argument('[args...]')
    .option('-p, --patch <patch>', 'The patch to be applied to the resource JSON file')
    .option('--patch-file <file>', 'A file containing a patch to be applied to the resource')
    .option('--type <type>', 'The type of patch being provided; one of [json merge strategic]', 'strategic')
    .option('-f, --filename <file>', 'Files identifying the resource to update', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--subresource <name>', 'The subresource to patch (status or scale)')
    .option('--local', 'Patch locally without contacting the server (not supported by kube-lite yet)')
    .action(async (args: string[], f: Record<string, unknown>) => {
      await run(args, f, ctx);
    });
}

async function run(args: string[], f: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  if (f['local']) throw new CliError('--local is not supported by kube-lite yet');
  const type = String(f['type']);
  if (!['json', 'merge', 'strategic'].includes(type)) {
    throw new CliError(`--type must be one of [json merge strategic], not "${type}"`);
  }
  let text = f['patch'] as string | undefined;
  const file = f['patchFile'] as string | undefined;
  if (text !== undefined && file !== undefined) throw new CliError('both --patch and --patch-file cannot be specified');
  if (file !== undefined) text = fs.readFileSync(path.resolve(ctx.io.cwd, file), 'utf8');
  if (!text) throw new CliError("must specify --patch or --patch-file containing the contents of the patch\nSee 'kubectl patch -h' for help and examples");
  let patch: unknown;
  try {
    patch = parseYaml(text);
  } catch (e) {
    throw new CliError(`unable to parse "${text}": ${(e as Error).message.split('\n')[0]}`);
  }
  const dryRun = parseDryRun(f['dryRun']);
  const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
  // patch has no -l, --all or -A: those fields of the spec stay unset.
  const spec = await targetSpec(ctx, args, f);
  const errors: Error[] = [];
  const subresource = f['subresource'] as string | undefined;
  await ctx.withApi((api) => {
    const targets = resolveTargets(api, spec, errors);
    for (const t of targets) {
      const live = t.object!;
      let patched: KObject;
      try {
        if (type === 'json') {
          if (!Array.isArray(patch)) throw new CliError('unable to parse patch: json: cannot unmarshal object into Go value of type jsonpatch.Patch');
          patched = applyJsonPatch(live, patch) as KObject;
        } else {
          // The apiserver (field validation Warn, as kubectl patch sends none) unmarshals a merge or
          // strategic merge patch into a map first.
          if (patch !== null && (typeof patch !== 'object' || Array.isArray(patch))) {
            const kind = Array.isArray(patch) ? 'array' : typeof patch === 'boolean' ? 'bool' : typeof patch;
            const err = `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
            throw new StatusError(400, 'BadRequest', type === 'merge' ? `error decoding patch: ${err}` : err);
          }
          patched =
            type === 'merge'
              ? (jsonMergePatch(live, patch as never) as KObject)
              : (strategicMergePatch(live, (patch ?? {}) as never, live.kind) as KObject);
        }
      } catch (e) {
        if (e instanceof CliError || e instanceof StatusError) throw e;
        // A 422 with no details: kubectl's CheckErr words it "The request is invalid: <message>".
        const message = (e as Error).message;
        throw new StatusError(422, 'Invalid', message, undefined, `The request is invalid: ${message}`);
      }
      if (deepEqual(patched, live)) {
        printer.print({ info: t.info, obj: live, operation: withDryRun('patched (no change)', dryRun) });
        continue;
      }
      delete patched.metadata.resourceVersion;
      const result =
        dryRun === 'client'
          ? patched
          : api.update(t.info, patched, { dryRun: dryRun === 'server', subresource: subresource === 'status' ? 'status' : undefined });
      printer.print({ info: t.info, obj: result, operation: withDryRun('patched', dryRun) });
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}
