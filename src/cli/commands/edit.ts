// kubectl edit: write the objects to a temp file, run the user's editor on it, and patch back what
// changed; on an Invalid error reopen the editor with the causes as comments at the top
// (kubectl pkg/cmd/edit/edit.go, pkg/cmd/util/editor/{editoptions,editor}.go).

import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { AggregateError, CliError, RawError, StatusError } from '../../api/errors.js';
import { deepEqual } from '../../api/object.js';
import { createTwoWayMergePatch, strategicMergePatch } from '../../api/patch/index.js';
import { qualifiedResource, resourceForKind, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { toJson } from '../../printers/json.js';
import { toYaml } from '../../printers/yaml.js';
import { decodeManifests } from '../../resource/decode.js';
import { resolveTargets, type Target } from '../../resource/targets.js';
import type { CommandContext } from '../context.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';

interface EditOptions {
  args: string[];
  filenames: string[];
  recursive: boolean;
  /** The format of the file the editor sees. */
  format: 'yaml' | 'json';
  /** Prints each edited object: `kind.group/name edited`, or the object with -o yaml|json. */
  printer: ResultPrinter;
  subresource?: 'status';
}

/** Why the file is reopened: a head line and `* ` detail lines (kubectl's editReason). */
interface Reason {
  head: string;
  other: string[];
}

/** The outcome of one save (kubectl's editResults). */
interface Results {
  reasons: Reason[];
  retryable: number;
  notfound: number;
  /** Objects that came back Invalid and must be edited again. */
  invalid: number;
  file: string;
}

const HEADER =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('edit')
    .description('Edit a resource on the server')
    .argument('[args...]')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files to use to edit the resource', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('-o, --output <format>', 'Output format. One of: (json, yaml)')
    .option('--subresource <name>', 'If specified, edit will operate on the subresource of the requested object')
    .option('--validate <mode>', 'Validation mode: strict, warn, ignore, true, false')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership')
    .action(async (args: string[], f: Record<string, unknown>) => {
      await run(toOptions(args, f, ctx), ctx);
    });
}

function toOptions(args: string[], f: Record<string, unknown>, ctx: CommandContext): EditOptions {
  const output = f['output'] as string | undefined;
  if (output !== undefined && output !== 'yaml' && output !== 'json') {
    if (output === 'kyaml') throw new CliError('the "kyaml" output format is not supported by kube-lite yet');
    throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,kyaml,yaml`);
  }
  const sub = f['subresource'] as string | undefined;
  if (sub !== undefined && sub !== 'status') throw new CliError(`invalid subresource value: "${sub}". Must be one of [status]`);
  const filenames = f['filename'] as string[];
  if (args.length === 0 && filenames.length === 0) {
    throw new CliError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  return {
    args,
    filenames,
    recursive: !!f['recursive'],
    format: output === 'json' ? 'json' : 'yaml',
    printer: new ResultPrinter(parseOutput(output, 'mutate', ctx.io.cwd), (s) => ctx.out(s)),
    subresource: sub === 'status' ? 'status' : undefined,
  };
}

async function run(o: EditOptions, ctx: CommandContext): Promise<void> {
  const namespace = await ctx.namespace();
  // Read in one transaction and patch in another: the editor must not run while the store is locked.
  const targets = await ctx.withApi((api) => {
    const errors: Error[] = [];
    const found = resolveTargets(
      api,
      {
        args: o.args,
        filenames: o.filenames,
        recursive: o.recursive,
        // `edit TYPE` with no name edits every object of the type, as kubectl does.
        all: true,
        allNamespaces: false,
        namespace,
        enforceNamespace: ctx.namespaceExplicit(),
        cwd: ctx.io.cwd,
        readStdin: ctx.io.readStdin,
      },
      errors,
    );
    if (errors.length > 0) throw new AggregateError(errors);
    return found;
  });
  if (targets.length === 0) throw new CliError('edit cancelled, no objects found');
  const originals = targets.map((t) => withoutManagedFields(t.object!));

  const editor = new Editor(ctx.io.env);
  let results: Results = newResults('');
  let containsError = false;
  let original = '';
  let edited = '';
  for (;;) {
    let buf = o.format === 'yaml' ? header(results.reasons) : '';
    if (!containsError) {
      buf += render(originals.length === 1 ? originals[0]! : asEditList(originals), o.format);
      original = buf;
    } else {
      // Keep the user's last attempt, under the newest header.
      buf += manualStrip(edited);
    }
    const previous = edited;
    let file: string;
    try {
      ({ text: edited, file } = editor.launchTempFile(tempDir(ctx), o.format, buf));
    } catch (e) {
      throw preserved(ctx, e as Error, results.file);
    }
    if (containsError && stripComments(previous) === stripComments(edited)) {
      throw preserved(ctx, new CliError('Edit cancelled, no valid changes were saved.'), file);
    }
    if (results.file) fs.rmSync(results.file, { force: true });
    if (stripComments(original) === stripComments(edited)) {
      fs.rmSync(file, { force: true });
      ctx.err('Edit cancelled, no changes made.\n');
      return;
    }
    if (!hasLines(edited)) {
      fs.rmSync(file, { force: true });
      ctx.err('Edit cancelled, saved file was empty.\n');
      return;
    }
    results = newResults(file);
    let updated: KObject[];
    try {
      updated = parseEdited(edited);
    } catch (e) {
      containsError = true;
      results.reasons.push({ head: `The edited file had a syntax error: ${(e as Error).message}`, other: [] });
      continue;
    }
    containsError = false;
    const nsError = checkNamespaces(updated, namespace);
    if (nsError) throw preserved(ctx, nsError, file);
    let failure: Error | undefined;
    await ctx.withApi((api) => {
      failure = patchAll(api, o, ctx, namespace, targets, originals, updated, results);
    });
    if (failure) throw preserved(ctx, failure, results.file);
    if (results.retryable > 0) {
      ctx.err(`You can run \`kube-lite replace -f ${file}\` to try this update again.\n`);
      throw new RawError('');
    }
    if (results.notfound > 0) {
      ctx.err(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
      throw new RawError('');
    }
    if (results.invalid === 0) {
      fs.rmSync(file, { force: true });
      return;
    }
    if (results.reasons.length > 0) containsError = true;
  }
}

/**
 * Patches each edited object against its original (matched by UID), as kubectl's visitToPatch does.
 * Per-object API errors are recorded in `results`; an error that ends the edit is returned, so the
 * objects already patched in this pass are still committed.
 */
function patchAll(
  api: ApiServer,
  o: EditOptions,
  ctx: CommandContext,
  namespace: string,
  targets: Target[],
  originals: KObject[],
  updated: KObject[],
  results: Results,
): Error | undefined {
  for (const obj of updated) {
    const i = originals.findIndex((x) => x.metadata.uid === obj.metadata?.uid);
    if (i === -1) return new CliError(`no original object found for ${obj.kind}/${obj.metadata?.name ?? ''}`);
    const info = targets[i]!.info;
    const orig = originals[i]!;
    const mine = withoutManagedFields(obj);
    if (deepEqual(orig, mine)) {
      o.printer.print({ info, obj: targets[i]!.object!, operation: 'skipped' });
      continue;
    }
    const patch = createTwoWayMergePatch(orig, mine, info.kind);
    const meta = patch['metadata'] as Record<string, unknown> | undefined;
    if ('apiVersion' in patch || 'kind' in patch || (meta && 'name' in meta)) {
      return new CliError('At least one of apiVersion, kind and name was changed');
    }
    const name = orig.metadata.name!;
    try {
      const live = api.get(info, info.namespaced ? namespace : undefined, name);
      const patched = strategicMergePatch(live, patch, info.kind) as KObject;
      const result = api.update(info, patched, { subresource: o.subresource });
      o.printer.print({ info, obj: result, operation: 'edited' });
    } catch (e) {
      ctx.err(addError(results, e as Error, info, name) + '\n');
    }
  }
  return undefined;
}

/** The edited objects must stay in the command's namespace (kubectl's RequireNamespace). */
function checkNamespaces(updated: KObject[], namespace: string): Error | undefined {
  for (const obj of updated) {
    const info = resourceForKind(obj.apiVersion, obj.kind)!;
    const ns = obj.metadata?.namespace;
    if (info.namespaced && ns && ns !== namespace) {
      return new CliError(
        `the namespace from the provided object "${ns}" does not match the namespace "${namespace}". You must pass '--namespace=${ns}' to perform this operation.`,
      );
    }
  }
  return undefined;
}

/** Records a failed patch and returns the line kubectl prints for it (editResults.addError). */
function addError(results: Results, err: Error, info: ResourceInfo, name: string): string {
  const resource = qualifiedResource(info);
  const quoted = JSON.stringify(name);
  if (err instanceof StatusError && err.reason === 'Invalid') {
    results.invalid++;
    const other = (err.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`);
    results.reasons.push({ head: `${resource} ${quoted} was not valid`, other });
    return `error: ${resource} ${quoted} is invalid`;
  }
  if (err instanceof StatusError && err.reason === 'NotFound') {
    results.notfound++;
    return `error: ${resource} ${quoted} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${resource} ${quoted} could not be patched: ${err.message}`;
}

function newResults(file: string): Results {
  return { reasons: [], retryable: 0, notfound: 0, invalid: 0, file };
}

/** Tells the user where their edits were kept, then hands back the error to report. */
function preserved(ctx: CommandContext, err: Error, file: string): Error {
  if (file && fs.existsSync(file)) ctx.err(`A copy of your changes has been stored to ${JSON.stringify(file)}\n`);
  return err;
}

function header(reasons: Reason[]): string {
  let s = HEADER;
  for (const r of reasons) {
    s += `# ${hashOnLineBreak(r.head)}${r.other.length > 0 ? ':' : ''}\n`;
    for (const o of r.other) s += `# * ${hashOnLineBreak(o)}\n`;
    s += '#\n';
  }
  return s;
}

/** Keeps multi-line reasons inside the comment block. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ').replace(/\n# $/, '\n');
}

function render(obj: KObject, format: 'yaml' | 'json'): string {
  return format === 'json' ? toJson(obj, { sortKeys: true }) : toYaml(obj);
}

/** Several objects are edited as one generic List. */
function asEditList(items: KObject[]): KObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: {} } as unknown as KObject;
}

function withoutManagedFields(obj: KObject): KObject {
  const copy = structuredClone(obj);
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

/** The edited file's objects, Lists flattened (kubectl's builder on "edited-file"). */
function parseEdited(text: string): KObject[] {
  const out: KObject[] = [];
  const visit = (doc: unknown): void => {
    if (doc === null || doc === undefined) return;
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`unable to decode "edited-file": ${JSON.stringify(doc)}`);
    const o = doc as KObject;
    if (!o.kind) throw new Error(`Object 'Kind' is missing in '${JSON.stringify(o)}'`);
    if (o.kind.endsWith('List') && Array.isArray(o['items'])) {
      for (const it of o['items'] as unknown[]) visit(it);
      return;
    }
    if (!resourceForKind(String(o.apiVersion ?? ''), o.kind)) {
      throw new Error(`no matches for kind "${o.kind}" in version "${o.apiVersion ?? ''}"`);
    }
    out.push(o);
  };
  for (const doc of decodeManifests(text, 'edited-file')) visit(doc);
  return out;
}

/**
 * The file's content without comments, for "did anything change" checks: YAML is compared as data
 * (sorted-key JSON), so reformatting alone is no change; unparsable text loses its comment lines.
 */
function stripComments(text: string): string {
  try {
    return JSON.stringify(sortKeys(parseYaml(text)));
  } catch {
    return manualStrip(text);
  }
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

/** Drops comment lines (but not `#!` lines). */
function manualStrip(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      const t = line.trim();
      return !(t.startsWith('#') && !t.startsWith('#!'));
    })
    .join('\n');
}

/** True when some line is neither blank nor a comment. */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && !t.startsWith('#');
  });
}

function tempDir(ctx: CommandContext): string {
  return ctx.io.env['TMPDIR'] || os.tmpdir();
}

/**
 * The user's editor, chosen as kubectl does: $KUBE_EDITOR, else $EDITOR, else vi. A value with spaces
 * is split into arguments; one that also has quotes or backslashes is handed to $SHELL -c.
 */
class Editor {
  private readonly args: string[];
  private readonly shell: boolean;

  constructor(private readonly env: Record<string, string | undefined>) {
    const editor = env['KUBE_EDITOR'] || env['EDITOR'] || 'vi';
    if (!editor.includes(' ')) {
      this.args = [editor];
      this.shell = false;
    } else if (!/["'\\]/.test(editor)) {
      this.args = editor.split(' ');
      this.shell = false;
    } else {
      this.args = [env['SHELL'] || '/bin/bash', '-c', editor];
      this.shell = true;
    }
  }

  /** Writes `content` to a new temp file, runs the editor on it, and returns what was saved. */
  launchTempFile(dir: string, ext: string, content: string): { text: string; file: string } {
    const file = createTempFile(dir, 'kube-lite-edit-', `.${ext}`);
    fs.writeFileSync(file, content);
    try {
      this.launch(file);
    } catch (e) {
      fs.rmSync(file, { force: true });
      throw e;
    }
    return { text: fs.readFileSync(file, 'utf8'), file };
  }

  private launch(file: string): void {
    const args = [...this.args];
    if (this.shell) args[args.length - 1] = `${args[args.length - 1]} ${JSON.stringify(file)}`;
    else args.push(file);
    // The editor needs the real PATH, HOME, TERM…; the invocation's env (tests set EDITOR) wins.
    const r = spawnSync(args[0]!, args.slice(1), { stdio: 'inherit', env: { ...process.env, ...this.env } });
    const shown = JSON.stringify(this.args.join(' '));
    if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`unable to launch the editor ${shown}`);
    if (r.error || r.status !== 0) throw new CliError(`there was a problem with the editor ${shown}`);
  }
}

/** prefix + 5 random characters + suffix, created exclusively (Go's editor tempFile). */
function createTempFile(dir: string, prefix: string, suffix: string): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789';
  for (;;) {
    let name = prefix;
    // Temp file names face the OS, not the cluster, so they need no seeded randomness.
    for (let i = 0; i < 5; i++) name += letters[randomInt(letters.length)];
    const file = path.join(dir, name + suffix);
    try {
      fs.closeSync(fs.openSync(file, 'wx', 0o600));
      return file;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}
