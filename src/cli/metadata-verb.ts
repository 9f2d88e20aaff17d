// The shared body of `label` and `annotate`: resolve targets, apply KEY=VAL / KEY- changes to one
// metadata map, and print kubectl's per-verb messages.

import { AggregateError, CliError } from '../api/errors.js';
import { isValidLabelValue } from '../api/labels.js';
import { parseOutput } from '../printers/output.js';
import { resolveTargets } from '../resource/targets.js';
import { targetSpec } from './target-flags.js';
import type { CommandContext } from './context.js';
import { parseDryRun, withDryRun } from './dryrun.js';
import { splitKeyValueArgs } from './keyvalues.js';
import { ResultPrinter } from './print-result.js';

export type MetadataField = 'labels' | 'annotations';

export async function runMetadataVerb(field: MetadataField, args: string[], f: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const what = field === 'labels' ? 'label' : 'annotation';
  const verb = field === 'labels' ? 'label' : 'annotate';
  if (f['local']) throw new CliError('--local is not supported by kube-lite yet');
  const { resources, set, remove } = splitKeyValueArgs(args, what);
  const filenames = f['filename'] as string[];
  const list = !!f['list'];
  if (resources.length === 0 && filenames.length === 0) {
    throw new CliError(`one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  if (!list && set.length === 0 && remove.length === 0) {
    throw new CliError(`at least one ${what} update is required\nSee 'kubectl ${verb} -h' for help and examples`);
  }
  // label.go parseLabels: only the value is checked here; a bad key is the apiserver's to reject.
  if (field === 'labels') {
    for (const [k, v] of set) {
      if (v.includes('=')) throw new CliError(`invalid label spec: ${k}=${v}`);
      const errs = isValidLabelValue(v);
      if (errs.length) throw new CliError(`invalid label value: ${JSON.stringify(`${k}=${v}`)}: ${errs.join(';')}`);
    }
  }
  const dryRun = parseDryRun(f['dryRun']);
  const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
  const spec = await targetSpec(ctx, resources, f);
  const errors: Error[] = [];
  await ctx.withApi((api) => {
    const targets = resolveTargets(api, spec, errors);
    for (const t of targets) {
      const obj = structuredClone(t.object!);
      if (list) {
        const values = obj.metadata[field] ?? {};
        for (const k of Object.keys(values).sort()) ctx.out(`${k}=${values[k]}\n`);
        continue;
      }
      const rv = f['resourceVersion'] as string | undefined;
      const conflicts: string[] = [];
      const labels: Record<string, string> = { ...(obj.metadata[field] ?? {}) };
      if (!f['overwrite']) {
        for (const [k] of set) {
          if (k in labels && (field === 'labels' || labels[k] !== undefined)) conflicts.push(k);
        }
      }
      if (conflicts.length > 0) {
        errors.push(conflictError(field, conflicts, labels));
        continue;
      }
      for (const k of remove) {
        if (!(k in labels) && field === 'labels') ctx.out(`label "${k}" not found.\n`);
        delete labels[k];
      }
      for (const [k, v] of set) labels[k] = v;
      const before = JSON.stringify(obj.metadata[field] ?? {});
      obj.metadata[field] = labels;
      if (Object.keys(labels).length === 0) delete obj.metadata[field];
      const changed = before !== JSON.stringify(obj.metadata[field] ?? {});
      // annotate always says "annotated"; label distinguishes.
      let op = field === 'labels' ? 'labeled' : 'annotated';
      if (field === 'labels' && !changed) op = 'not labeled';
      else if (field === 'labels' && set.length === 0 && remove.length > 0) op = 'unlabeled';
      if (rv) obj.metadata.resourceVersion = rv;
      else delete obj.metadata.resourceVersion;
      const result = changed && dryRun !== 'client' ? api.update(t.info, obj, { dryRun: dryRun === 'server' }) : obj;
      printer.print({ info: t.info, obj: result, operation: withDryRun(op, dryRun) });
    }
  });
  if (errors.length > 0) throw new AggregateError(errors);
}

function conflictError(field: MetadataField, keys: string[], values: Record<string, string>): CliError {
  if (field === 'labels') {
    return new CliError(`'${keys[0]}' already has a value (${values[keys[0]!]}), and --overwrite is false`);
  }
  const list = keys.map((k) => `'${k}' already has a value (${values[k]})`).join('; ');
  return new CliError(`--overwrite is false but found the following declared annotation(s): ${list}`);
}
