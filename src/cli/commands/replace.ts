// kubectl replace -f: PUT the whole object (kubectl pkg/cmd/replace/replace.go); --force deletes
// and re-creates it.

import type { Command } from 'commander';
import { AggregateError, CliError, StatusError } from '../../api/errors.js';
import { reconcile } from '../../controllers/index.js';
import { parseOutput } from '../../printers/output.js';
import { refsFromFiles } from '../../resource/builder.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('replace')
    .description('Replace a resource by file name or stdin')
    .option('-f, --filename <file>', 'The files that contain the configurations to replace', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('--force', 'Delete and re-create the resource')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--save-config', 'Save the configuration in the last-applied-configuration annotation')
    .option('--validate <mode>', 'Validation mode')
    .action(async (f: Record<string, unknown>) => {
      const filenames = f['filename'] as string[];
      if (filenames.length === 0) throw new CliError("must specify --filename to replace\nSee 'kubectl replace -h' for help and examples");
      const dryRun = parseDryRun(f['dryRun']);
      const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
      const namespace = await ctx.namespace();
      const refs = refsFromFiles({ filenames, recursive: !!f['recursive'], cwd: ctx.io.cwd, readStdin: ctx.io.readStdin, namespace, enforceNamespace: ctx.namespaceExplicit() });
      if (refs.length === 0) throw new CliError('no objects passed to replace');
      const errors: Error[] = [];
      await ctx.withApi((api) => {
        for (const r of refs) {
          const obj = structuredClone(r.object!);
          if (r.info.namespaced) obj.metadata = { ...obj.metadata, namespace: r.namespace };
          try {
            if (f['force']) {
              if (api.tryGet(r.info, r.namespace, r.name)) {
                api.delete(r.info, r.namespace, r.name);
                reconcile(api);
                printer.print({ info: r.info, obj, operation: withDryRun('deleted', dryRun) });
              }
              const created = api.create(r.info, obj, { dryRun: dryRun !== 'none' });
              printer.print({ info: r.info, obj: created, operation: withDryRun('replaced', dryRun) });
              continue;
            }
            const live = api.get(r.info, r.namespace, r.name);
            if (!obj.metadata.resourceVersion) obj.metadata.resourceVersion = live.metadata.resourceVersion;
            const result = dryRun === 'client' ? obj : api.update(r.info, obj, { dryRun: dryRun === 'server' });
            printer.print({ info: r.info, obj: result, operation: withDryRun('replaced', dryRun) });
          } catch (e) {
            errors.push(e instanceof StatusError ? e.withSource('replacing', r.source!) : (e as Error));
          }
        }
      });
      if (errors.length > 0) throw new AggregateError(errors);
    });
}
