// kubectl diff -f: the live object against what `apply` would make of it, each written as YAML into
// a LIVE-* and a MERGED-* temp directory and compared with `diff -u -N` (or $KUBECTL_EXTERNAL_DIFF).
// Exit 0: no differences, 1: differences, 2: an error (kubectl pkg/cmd/diff/diff.go).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { parseSelector } from '../../api/labels.js';
import { LAST_APPLIED, lastApplied } from '../../api/lastapplied.js';
import { createThreeWayMergePatch, strategicMergePatch } from '../../api/patch/index.js';
import type { ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { toYaml } from '../../printers/yaml.js';
import { refsFromFiles, type ResourceRef } from '../../resource/builder.js';
import type { CommandContext } from '../context.js';
import { formatError } from '../errors.js';
import { collect } from '../flags.js';

interface DiffOptions {
  filenames: string[];
  recursive: boolean;
  selector?: string;
  showManagedFields: boolean;
  showSecret: boolean;
}

/** One object's two sides; `live` is absent for an object apply would create. */
interface Versions {
  name: string;
  live?: KObject;
  merged: KObject;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('diff')
    .description('Diff the live version against a would-be applied version')
    .argument('[args...]')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files contains the configuration to diff', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--server-side', 'If true, apply runs in the server instead of the client')
    .option('--force-conflicts', 'If true, server-side apply will force the changes against conflicts')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership')
    .option('--show-managed-fields', 'If true, include managed fields in the diff')
    .option('--show-secret', 'If true, include Secret data in the diff without masking')
    .option('--concurrency <n>', 'Number of objects to process in parallel when diffing against the live version')
    .action(async (args: string[], f: Record<string, unknown>) => {
      // kubectl diff reserves exit 1 for "differences found": its errors exit with 2.
      try {
        await run(toOptions(args, f), ctx);
      } catch (e) {
        if (e instanceof RawError && e.message === '') throw e;
        const { text, code } = formatError(e, !!ctx.io.env['KUBE_LITE_DEBUG']);
        throw new RawError(text, code + 1);
      }
    });
}

function toOptions(args: string[], f: Record<string, unknown>): DiffOptions {
  const filenames = f['filename'] as string[];
  if (filenames.length === 0) throw new CliError('must specify one of -f and -k');
  if (f['forceConflicts'] && !f['serverSide']) throw new CliError('--force-conflicts only works with --server-side');
  if (f['serverSide']) throw new CliError('--server-side is not supported by kube-lite yet');
  if (args.length > 0) throw new CliError(`Unexpected args: [${args.join(' ')}]\nSee 'kubectl diff -h' for help and examples`);
  return {
    filenames,
    recursive: !!f['recursive'],
    selector: f['selector'] as string | undefined,
    showManagedFields: !!f['showManagedFields'],
    showSecret: !!f['showSecret'],
  };
}

async function run(o: DiffOptions, ctx: CommandContext): Promise<void> {
  const namespace = await ctx.namespace();
  let refs = refsFromFiles({
    filenames: o.filenames,
    recursive: o.recursive,
    cwd: ctx.io.cwd,
    readStdin: ctx.io.readStdin,
    namespace,
    enforceNamespace: ctx.namespaceExplicit(),
  });
  if (o.selector) {
    const sel = parseSelector(o.selector);
    refs = refs.filter((r) => sel.matches(r.object!.metadata?.labels ?? {}));
  }
  const versions = await rolledBack(ctx, (api) => refs.map((ref) => versionsOf(api, ref, ctx)));

  const tmp = ctx.io.env['TMPDIR'] || os.tmpdir();
  const liveDir = fs.mkdtempSync(path.join(tmp, 'LIVE-'));
  const mergedDir = fs.mkdtempSync(path.join(tmp, 'MERGED-'));
  try {
    for (const v of versions) {
      let { live, merged } = v;
      if (!o.showManagedFields) {
        live = live && withoutManagedFields(live);
        merged = withoutManagedFields(merged);
      }
      if (merged.apiVersion === 'v1' && merged.kind === 'Secret' && !o.showSecret) ({ live, merged } = maskSecrets(live, merged));
      // An object that does not exist yet is an empty LIVE file, so diff shows it all as added.
      fs.writeFileSync(path.join(liveDir, v.name), live ? toYaml(live) : '');
      fs.writeFileSync(path.join(mergedDir, v.name), toYaml(merged));
    }
    runDiffProgram(ctx, liveDir, mergedDir);
  } finally {
    fs.rmSync(liveDir, { recursive: true, force: true });
    fs.rmSync(mergedDir, { recursive: true, force: true });
  }
}

/**
 * Runs `fn` in a transaction that is always rolled back: diff leaves the cluster untouched, even the
 * seeded random state a dry-run create advances (generated names, UIDs, ClusterIPs).
 */
async function rolledBack<T>(ctx: CommandContext, fn: (api: ApiServer) => T): Promise<T> {
  const rollback = new Error('rollback');
  let result: T | undefined;
  try {
    await ctx.withApi((api) => {
      result = fn(api);
      throw rollback;
    });
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return result as T;
}

/** LIVE is the object as stored; MERGED is what apply would make of it, computed by a dry run. */
function versionsOf(api: ApiServer, ref: ResourceRef, ctx: CommandContext): Versions {
  const local: KObject = structuredClone(ref.object!);
  if (ref.info.namespaced) local.metadata = { ...local.metadata, namespace: ref.namespace };
  const name = fileName(ref.info, ref.namespace, ref.name);
  const live = api.tryGet(ref.info, ref.namespace, ref.name);
  if (!live) {
    // kubectl dry-run creates the manifest as is: no last-applied annotation on this side.
    return { name, merged: api.create(ref.info, local, { dryRun: true }) };
  }
  // diff asks for the modified configuration without the annotation (GetModifiedConfiguration with
  // annotate=false): the merged object keeps the live last-applied-configuration.
  const patch = createThreeWayMergePatch(lastApplied(live), withoutLastApplied(local), live, live.kind);
  // An empty patch is not sent (apply's Patcher), so nothing, not even the generation, changes.
  const merged =
    Object.keys(patch).length === 0
      ? live
      : api.update(ref.info, strategicMergePatch(live, patch, live.kind) as KObject, { dryRun: true });
  if (live.metadata.deletionTimestamp) {
    ctx.err(`Warning: Detected changes to resource ${ref.name} which is currently being deleted.\n`);
  }
  return { name, live, merged };
}

/** The manifest with an annotations map (empty if need be) that lacks the last-applied annotation. */
function withoutLastApplied(obj: KObject): KObject {
  const { [LAST_APPLIED]: _dropped, ...rest } = obj.metadata?.annotations ?? {};
  return { ...obj, metadata: { ...obj.metadata, annotations: rest } };
}

/** `<group>.<version>.<Kind>.<namespace>.<name>`, the group and its dot omitted for the core group. */
function fileName(info: ResourceInfo, namespace: string, name: string): string {
  return `${info.group ? `${info.group}.` : ''}${info.version}.${info.kind}.${namespace}.${name}`;
}

function withoutManagedFields(obj: KObject): KObject {
  if (!obj.metadata?.managedFields) return obj;
  const { managedFields: _m, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/**
 * Secret values become "***"; a key whose value differs becomes "*** (before)" / "*** (after)", so
 * the diff still shows that it changed without showing what to.
 */
function maskSecrets(live: KObject | undefined, merged: KObject): { live?: KObject; merged: KObject } {
  const from = live?.['data'] as Record<string, unknown> | undefined;
  const to = merged['data'] as Record<string, unknown> | undefined;
  const mFrom: Record<string, string> = {};
  const mTo: Record<string, string> = {};
  for (const k of Object.keys(from ?? {})) {
    if (to && k in to) {
      const same = from![k] === to[k];
      mFrom[k] = same ? '***' : '*** (before)';
      mTo[k] = same ? '***' : '*** (after)';
    } else {
      mFrom[k] = '***';
    }
  }
  for (const k of Object.keys(to ?? {})) if (!(from && k in from)) mTo[k] = '***';
  return {
    live: live && from ? { ...live, data: mFrom } : live,
    merged: to ? { ...merged, data: mTo } : merged,
  };
}

/**
 * `diff -u -N LIVE MERGED`, or $KUBECTL_EXTERNAL_DIFF split on spaces (its extra arguments, after the
 * two directories, limited to letters, digits, '-' and '=' as kubectl allows). Exit 1 passes through
 * silently; anything worse is an error.
 */
function runDiffProgram(ctx: CommandContext, from: string, to: string): void {
  const external = ctx.io.env['KUBECTL_EXTERNAL_DIFF'];
  let program = 'diff';
  let args = ['-u', '-N', from, to];
  if (external) {
    const parts = external.split(' ');
    program = parts[0]!;
    args = [from, to, ...parts.slice(1).filter((a) => /^[a-zA-Z0-9-=]+$/.test(a))];
  }
  // The diff program needs the real PATH; the invocation's env wins.
  const r = spawnSync(program, args, { encoding: 'utf8', env: { ...process.env, ...ctx.io.env }, maxBuffer: 1 << 30 });
  if (r.stdout) ctx.out(r.stdout);
  if (r.stderr) ctx.err(r.stderr);
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    // Go's exec: a bare name is looked up in $PATH; a path is started as is.
    let why = r.error.message;
    if (code === 'ENOENT') {
      why = program.includes('/') ? `fork/exec ${program}: no such file or directory` : `exec: "${program}": executable file not found in $PATH`;
    }
    throw new CliError(`failed to run "${program}": ${why}`);
  }
  if (r.status === 1) throw new RawError('');
  if (r.status !== 0) {
    throw new CliError(`failed to run "${program}": ${r.status === null ? `signal: ${r.signal}` : `exit status ${r.status}`}`);
  }
}
