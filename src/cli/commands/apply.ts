// kubectl apply -f (client-side): create what is missing; for what exists, a three-way strategic
// merge of last-applied, the manifest and the live object, so fields removed from the manifest are
// removed from the cluster (kubectl pkg/cmd/apply/apply.go, patcher.go).

import type { Command } from 'commander';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import { lastApplied, LAST_APPLIED, withLastApplied } from '../../api/lastapplied.js';
import { createThreeWayMergePatch, strategicMergePatch } from '../../api/patch/index.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { reconcile } from '../../controllers/index.js';
import { parseOutput } from '../../printers/output.js';
import { refsFromFilesContinuing, type ResourceRef } from '../../resource/builder.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun, type DryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('apply')
    .description('Apply a configuration to a resource by file name or stdin')
    .option('-f, --filename <file>', 'The files that contain the configurations to apply', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--server-side', 'Server-side apply (not supported by kube-lite yet)')
    .option('--validate <mode>', 'Validation mode: strict, warn, ignore, true, false')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership')
    .option('--force', 'Delete and re-create the resource when a patch cannot be applied')
    .option('--record', 'Record the command in the kubernetes.io/change-cause annotation (deprecated)')
    .action(async (args: string[], f: Record<string, unknown>) => {
      if (f['serverSide']) throw new CliError('--server-side is not supported by kube-lite yet');
      const filenames = f['filename'] as string[];
      if (filenames.length === 0) {
        throw new CliError("must specify one of -f and -k\nSee 'kubectl apply -h' for help and examples");
      }
      void args;
      const dryRun = parseDryRun(f['dryRun']);
      const output = parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd);
      await run(ctx, filenames, !!f['recursive'], dryRun, new ResultPrinter(output, (s) => ctx.out(s)));
    })
    .argument('[args...]');
}

async function run(ctx: CommandContext, filenames: string[], recursive: boolean, dryRun: DryRun, printer: ResultPrinter): Promise<void> {
  const namespace = await ctx.namespace();
  const { refs, errors: mappingErrors } = refsFromFilesContinuing({
    filenames,
    recursive,
    cwd: ctx.io.cwd,
    readStdin: ctx.io.readStdin,
    namespace,
    enforceNamespace: ctx.namespaceExplicit(),
  });
  // As kubectl's apply: objects of unknown kinds are reported (first), the others still applied.
  if (refs.length === 0 && mappingErrors.length === 0) throw new CliError('no objects passed to apply');
  const errors: Error[] = [...mappingErrors];
  await ctx.withApi((api) => {
    for (const ref of refs) {
      try {
        applyOne(api, ref, dryRun, printer, ctx);
        // Controllers catch up between objects, as they would between separate API calls.
        reconcile(api);
      } catch (e) {
        errors.push(e as Error);
      }
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}

function applyOne(api: ApiServer, ref: ResourceRef, dryRun: DryRun, printer: ResultPrinter, ctx: CommandContext): void {
  const manifest: KObject = structuredClone(ref.object!);
  if (ref.info.namespaced) manifest.metadata = { ...manifest.metadata, namespace: ref.namespace };
  const modified = withLastApplied(manifest);
  const source = ref.source!;
  if (!ref.name) {
    // kubectl fails before the GET: client-go refuses a request for an empty name.
    const gv = `${ref.info.group}/${ref.info.version}`;
    throw new CliError(
      `error when retrieving current configuration of:\nResource: "${gv}, Resource=${ref.info.resource}", GroupVersionKind: "${gv}, Kind=${ref.info.kind}"\nName: "", Namespace: "${ref.namespace}"\nfrom server for: "${source}": resource name may not be empty`,
    );
  }
  const live = api.tryGet(ref.info, ref.namespace, ref.name);
  if (!live) {
    if (dryRun === 'client') {
      printer.print({ info: ref.info, obj: modified, operation: withDryRun('created', dryRun) });
      return;
    }
    let created: KObject;
    try {
      created = api.create(ref.info, modified, { dryRun: dryRun === 'server' });
    } catch (e) {
      throw e instanceof StatusError ? e.withSource('creating', source) : e;
    }
    printer.print({ info: ref.info, obj: created, operation: withDryRun('created', dryRun) });
    return;
  }
  const original = lastApplied(live);
  if (!live.metadata.annotations?.[LAST_APPLIED]) {
    ctx.err(
      `Warning: resource ${ref.info.resource}/${ref.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const patch = createThreeWayMergePatch(original, modified, live, live.kind);
  if (isEmptyPatch(patch)) {
    printer.print({ info: ref.info, obj: live, operation: withDryRun('unchanged', dryRun) });
    return;
  }
  const patched = strategicMergePatch(live, patch, live.kind) as KObject;
  if (dryRun === 'client') {
    printer.print({ info: ref.info, obj: patched, operation: withDryRun('configured', dryRun) });
    return;
  }
  let updated: KObject;
  try {
    updated = api.update(ref.info, patched, { dryRun: dryRun === 'server' });
  } catch (e) {
    throw e instanceof StatusError ? e.withSource('patching', source) : e;
  }
  printer.print({ info: ref.info, obj: updated, operation: withDryRun('configured', dryRun) });
}

function isEmptyPatch(p: unknown): boolean {
  return p !== null && typeof p === 'object' && Object.keys(p as object).length === 0;
}
