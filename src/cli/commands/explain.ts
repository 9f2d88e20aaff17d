// kubectl explain (kubectl pkg/cmd/explain): the documentation of a resource or one of its fields,
// rendered from the apiserver's OpenAPI v3 document of the resource's group-version.
//
//   kube-lite explain RESOURCE[.field.path] [-R|--recursive] [--api-version=group/version] [-o plaintext]
//
// Lookup lives here (argument → resource → group-version document); the text comes from
// src/printers/explain.ts. Only the one group-version file is read; the cluster store is not opened.

import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { openAPIDocument, type OpenAPIDocument } from '../../api/openapi.js';
import { RESOURCES, type ResourceInfo } from '../../api/registry.js';
import { renderExplain } from '../../printers/explain.js';
import type { CommandContext } from '../context.js';

interface ExplainOptions {
  args: string[];
  recursive: boolean;
  /** `--api-version`, parsed; undefined when not given. */
  apiVersion?: { group: string; version: string };
  output: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('explain')
    .description('Get documentation for a resource')
    .argument('[args...]')
    .option('--api-version <group/version>', 'Get different explanations for particular API version (API group/version)')
    .option('-o, --output <format>', 'Format in which to render the schema (plaintext, plaintext-openapiv2)', 'plaintext')
    .option('-R, --recursive', 'Print the fields of fields (Currently only 1 level deep)')
    .action((args: string[], f: Record<string, unknown>) => {
      const o = toOptions(args, f);
      validate(o);
      run(o, ctx);
    });
}

function toOptions(args: string[], f: Record<string, unknown>): ExplainOptions {
  const raw = f['apiVersion'] as string | undefined;
  return {
    args,
    recursive: !!f['recursive'],
    apiVersion: raw ? parseGroupVersion(raw) : undefined,
    output: (f['output'] as string | undefined) ?? 'plaintext',
  };
}

/** apimachinery's ParseGroupVersion: "v1" is the core group, "apps/v1" a named one. */
function parseGroupVersion(s: string): { group: string; version: string } {
  const parts = s.split('/');
  if (parts.length === 1) return { group: '', version: s };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  throw new CliError(`unexpected GroupVersion string: ${s}`);
}

function validate(o: ExplainOptions): void {
  if (o.args.length === 0) {
    throw new CliError(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  if (o.args.length > 1) throw new CliError('We accept only this format: explain RESOURCE\n');
}

function run(o: ExplainOptions, ctx: CommandContext): void {
  const { info, fieldPath } = o.apiVersion ? splitResource(o.args[0]!) : splitResourceWithGroupPrefix(o.args[0]!);
  if (o.output === 'plaintext-openapiv2') {
    throw new CliError('--output=plaintext-openapiv2 is not supported by kube-lite (it serves OpenAPI v3 only)');
  }
  const group = o.apiVersion?.group ?? info.group;
  const version = o.apiVersion?.version ?? info.version;
  const doc = openAPIDocument(group, version);
  if (!doc) throw new CliError(`couldn't find resource for "${group}/${version}, Resource=${info.resource}"`);
  if (o.output !== 'plaintext') throw new CliError(`unrecognized format: ${o.output}`);
  return print(ctx, group, version, info, fieldPath, o.recursive, doc);
}

function print(
  ctx: CommandContext,
  group: string,
  version: string,
  info: ResourceInfo,
  fieldPath: string[],
  recursive: boolean,
  doc: OpenAPIDocument,
): void {
  const { out, error } = renderExplain(doc, { group, version, resource: info.resource, fieldPath, recursive });
  ctx.out(out);
  if (error) throw new CliError(error);
}

/** The RESTMapper's view of a bare resource name: plural or singular in any case, short names exactly. */
function findByName(name: string): ResourceInfo | undefined {
  const lower = name.toLowerCase();
  return RESOURCES.find((r) => r.resource === lower || r.singular === lower || r.shortNames.includes(name));
}

/** `pods.spec.containers` → pods + [spec, containers]. A trailing dot is ignored. */
function splitResource(arg: string): { info: ResourceInfo; fieldPath: string[] } {
  const parts = arg.replace(/\.$/, '').split('.');
  const info = findByName(parts[0]!);
  // kubectl reports a NoResourceMatch error without its "error: " prefix.
  if (!info) throw new RawError(`the server doesn't have a resource type "${parts[0]}"`);
  return { info, fieldPath: parts.slice(1) };
}

/**
 * kubectl tries the longest dotted prefix that names a resource first, so a plural with its group
 * works: `deployments.apps.spec` → deployments (apps) + [spec]. Only `<plural>.<group>` resolves
 * that way (`deploy.apps` is deploy + [apps]), as measured against kubectl 1.36.
 */
function splitResourceWithGroupPrefix(arg: string): { info: ResourceInfo; fieldPath: string[] } {
  const parts = arg.replace(/\.$/, '').split('.');
  for (let end = parts.length; end >= 2; end--) {
    const group = parts.slice(1, end).join('.');
    const info = RESOURCES.find((r) => r.group !== '' && r.group === group && r.resource === parts[0]!.toLowerCase());
    if (info) return { info, fieldPath: parts.slice(end) };
  }
  return splitResource(arg);
}
