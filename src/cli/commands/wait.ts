// kubectl wait --for=delete|create|condition=…|jsonpath=… (kubectl pkg/cmd/wait). Simulated time
// passes while waiting: the clock jumps to each due transition until the condition holds or the
// timeout (default 30s) is spent.

import type { Command } from 'commander';
import { AggregateError, CliError, notFound } from '../../api/errors.js';
import { groupVersion, qualifiedResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { resolveTargets, typeRequests, type Target, type TargetSpec } from '../../resource/targets.js';
import type { ClusterSession } from '../../cluster/session.js';
import type { CommandContext } from '../context.js';
import { durationFlag } from '../duration.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { NO_RESOURCES, targetSpec } from '../target-flags.js';
import { conditionMet, parseCondition, type WaitCondition } from '../wait-conditions.js';
import { waitFor } from '../waiter.js';

const WEEK_MS = 168 * 3_600_000;

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('wait')
    .description('Experimental: Wait for a specific condition on one or many resources')
    .argument('[args...]')
    .option('--for <condition>', 'The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath=\'{JSONPath expression}\'=[JSONPath value]]', collect, [])
    .option('--timeout <duration>', "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.", '30s')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--field-selector <selector>', 'Selector (field query) to filter on')
    .option('--all', 'Select all resources in the namespace of the specified resource types')
    .option('-A, --all-namespaces', 'If present, list the requested object(s) across all namespaces')
    .option('-f, --filename <file>', 'identifying the resource.', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format')
    .action(async (args: string[], f: Record<string, unknown>) => {
      const specs = f['for'] as string[];
      if (specs.length === 0) throw new CliError('unrecognized condition: []');
      // --for=create is always waited for first.
      const conds = specs.map(parseCondition).sort((a, b) => Number(b.kind === 'create') - Number(a.kind === 'create'));
      let timeout = durationFlag('timeout', f['timeout']);
      if (timeout < 0) timeout = WEEK_MS;
      const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s));
      const spec = await targetSpec(ctx, args, f);
      if (args.length === 0 && spec.filenames.length === 0) throw new CliError(NO_RESOURCES);
      const tolerant = conds.some((c) => c.kind === 'delete' || c.kind === 'create');
      // Failures are returned, not thrown: the simulated time spent waiting is committed either way.
      const failure = await ctx.withSession((session): Error | undefined => {
        const errors: Error[] = [];
        const targets = resolveTargets(session.api, spec, errors, tolerant);
        if (errors.length > 0) return new AggregateError(errors);
        if (conds.some((c) => c.kind === 'create')) targets.push(...notYetCreated(spec, targets));
        if (targets.length === 0 && !conds.some((c) => c.kind === 'delete')) return new CliError('no matching resources found');
        const deadline = session.api.now() + timeout;
        for (const t of targets) {
          const err = waitOne(session, t, conds, timeout === 0 ? undefined : deadline);
          if (err) return err;
          const obj = session.api.tryGet(t.info, t.namespace, t.name) ?? t.object ?? placeholder(t);
          printer.print({ info: t.info, obj, operation: 'condition met' });
        }
        return undefined;
      });
      if (failure) throw failure;
    });
}

/** --for=create: named objects that do not exist yet are waited for by name. */
function notYetCreated(spec: TargetSpec, found: Target[]): Target[] {
  if (spec.filenames.length > 0) return [];
  const out: Target[] = [];
  for (const req of typeRequests(spec)) {
    for (const name of req.names) {
      if (!found.some((t) => t.info === req.info && t.name === name)) out.push({ info: req.info, namespace: spec.namespace, name });
    }
  }
  return out;
}

function placeholder(t: Target): KObject {
  return { apiVersion: groupVersion(t.info), kind: t.info.kind, metadata: { name: t.name, namespace: t.namespace } };
}

/** Waits for every condition on one object; deadline undefined = check once (--timeout=0). */
function waitOne(session: ClusterSession, t: Target, conds: WaitCondition[], deadline: number | undefined): Error | undefined {
  const api = session.api;
  const ref = `${t.info.resource}/${t.name}`;
  const current = () => {
    const obj = api.tryGet(t.info, t.namespace, t.name);
    // A new object under the same name is not the one we were waiting for.
    return obj && t.object && obj.metadata.uid !== t.object.metadata.uid ? undefined : obj;
  };
  for (const cond of conds) {
    const check = () => {
      const obj = current();
      if (!obj && cond.kind !== 'delete' && cond.kind !== 'create') throw notFound(qualifiedResource(t.info), t.name);
      return conditionMet(cond, obj);
    };
    try {
      if (deadline === undefined) {
        if (!check()) return new CliError(`condition not met for ${ref}`);
        continue;
      }
      const left = deadline - api.now();
      if (left < 0 || waitFor(session, { timeoutMs: left, check }) === 'timeout') {
        return new CliError(`timed out waiting for the condition on ${ref}`);
      }
    } catch (e) {
      return e as Error;
    }
  }
  return undefined;
}
