// kubectl get: list or fetch objects and print them as tables, yaml/json, names, jsonpath or custom
// columns (kubectl pkg/cmd/get/get.go).

import type { Command } from 'commander';
import { CliError, RawError, StatusError } from '../../api/errors.js';
import { kindWithGroup, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import { tableFor } from '../../api/tables/index.js';
import type { WatchEventType } from '../../printers/table.js';
import type { KObject } from '../../api/types.js';
import { parseOutput, asList, stripManagedFields, type OutputFormat } from '../../printers/output.js';
import { printTable, WatchTablePrinter } from '../../printers/table.js';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import { parseTypeArgs } from '../../resource/type-args.js';
import { listSelected } from '../../resource/select.js';
import type { CommandContext } from '../context.js';
import { parseGoDuration } from '../duration.js';
import { collect } from '../flags.js';
import { NO_RESOURCES } from '../target-flags.js';
import { printServerWarnings } from '../warnings.js';

interface GetOptions {
  requests: { info: ResourceInfo; names: string[] }[];
  filenames: string[];
  recursive: boolean;
  output: OutputFormat;
  selector?: string;
  fieldSelector?: string;
  allNamespaces: boolean;
  showLabels: boolean;
  labelColumns: string[];
  sortBy?: string;
  noHeaders: boolean;
  ignoreNotFound: boolean;
  showKind: boolean;
  showManagedFields: boolean;
  watch: boolean;
  watchOnly: boolean;
  outputWatchEvents: boolean;
  /** --request-timeout in ms (0: none); a watch ends quietly when it passes. */
  requestTimeoutMs: number;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('get')
    .description('Display one or many resources')
    .argument('[args...]')
    .option('-o, --output <format>', 'Output format')
    .option('-l, --selector <selector>', 'Selector (label query) to filter on')
    .option('--field-selector <selector>', 'Selector (field query) to filter on')
    .option('-A, --all-namespaces', 'List the requested object(s) across all namespaces')
    .option('-f, --filename <file>', 'Files identifying the resources to get', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('--show-labels', 'Show all labels as the last column')
    .option('-L, --label-columns <keys>', 'Labels to show as columns', collect, [])
    .option('--sort-by <field>', 'Sort list types using this field specification')
    .option('--no-headers', "Don't print headers")
    .option('--ignore-not-found', 'Treat "resource not found" as a successful retrieval')
    .option('--show-kind', 'List the resource type for the requested object(s)')
    .option('--show-managed-fields', 'Keep the managedFields when printing objects in JSON or YAML format')
    .option('--chunk-size <n>', 'Return large lists in chunks rather than all at once')
    .option('-w, --watch', 'After listing/getting the requested object, watch for changes')
    .option('--watch-only', 'Watch for changes to the requested object(s), without listing/getting first')
    .option('--output-watch-events', 'Output watch event objects when --watch or --watch-only is used')
    .option('--request-timeout <duration>', 'The length of time to wait before giving up on a single server request', '0')
    .action(async (args: string[], flags: Record<string, unknown>) => {
      const o = toOptions(args, flags, ctx);
      if (o.watch || o.watchOnly) await runWatch(o, ctx);
      else await run(o, ctx);
    });
}

function toOptions(args: string[], f: Record<string, unknown>, ctx: CommandContext): GetOptions {
  const filenames = f['filename'] as string[];
  const watching = !!f['watch'] || !!f['watchOnly'];
  // kubectl's Complete: a watch skips the "specify the type" error (the builder reports it instead).
  if (args.length === 0 && filenames.length === 0 && !watching) {
    throw new RawError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        'error: Required resource not specified.\n' +
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
        "See 'kubectl get -h' for help and examples",
    );
  }
  if (args.length > 0 && filenames.length > 0) {
    throw new CliError(
      `when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\nSee 'kubectl get -h' for help and examples`,
    );
  }
  const labelColumns = (f['labelColumns'] as string[]).flatMap((s) => s.split(',')).filter(Boolean);
  if (f['outputWatchEvents'] && !watching) {
    throw new CliError(`--output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples`);
  }
  return {
    requests: parseTypeArgs(args),
    filenames,
    recursive: !!f['recursive'],
    output: parseOutput(f['output'] as string | undefined, 'get', ctx.io.cwd),
    selector: f['selector'] as string | undefined,
    fieldSelector: f['fieldSelector'] as string | undefined,
    allNamespaces: !!f['allNamespaces'],
    showLabels: !!f['showLabels'],
    labelColumns,
    sortBy: f['sortBy'] as string | undefined,
    noHeaders: f['headers'] === false,
    ignoreNotFound: !!f['ignoreNotFound'],
    showKind: !!f['showKind'],
    showManagedFields: !!f['showManagedFields'],
    watch: !!f['watch'],
    watchOnly: !!f['watchOnly'],
    outputWatchEvents: !!f['outputWatchEvents'],
    requestTimeoutMs: requestTimeout(String(f['requestTimeout'] ?? '0')),
  };
}

/** client-go's --request-timeout: whole seconds, or a Go duration. */
function requestTimeout(s: string): number {
  if (/^-?\d+$/.test(s)) return Number(s) * 1000;
  try {
    return parseGoDuration(s);
  } catch {
    throw new CliError('invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)');
  }
}

interface Group {
  info: ResourceInfo;
  objects: KObject[];
}

/**
 * The modules only some invocations use, loaded for those alone: the plain table `get` - the most
 * common command there is - compiles none of them.
 */
interface Kit {
  yaml: typeof import('../../printers/yaml.js');
  json: typeof import('../../printers/json.js');
  jsonpath: typeof import('../../printers/jsonpath.js');
  columns: typeof import('../../printers/customcolumns.js');
  sortby: typeof import('../../printers/sortby.js');
  builder: typeof import('../../resource/builder.js');
}

async function loadKit(o: GetOptions): Promise<Partial<Kit>> {
  const k = o.output.kind;
  const [yaml, json, jsonpath, columns, sortby, builder] = await Promise.all([
    k === 'yaml' ? import('../../printers/yaml.js') : undefined,
    k === 'json' ? import('../../printers/json.js') : undefined,
    k === 'jsonpath' ? import('../../printers/jsonpath.js') : undefined,
    k === 'custom-columns' ? import('../../printers/customcolumns.js') : undefined,
    o.sortBy ? import('../../printers/sortby.js') : undefined,
    o.filenames.length > 0 ? import('../../resource/builder.js') : undefined,
  ]);
  return { yaml, json, jsonpath, columns, sortby, builder };
}

async function run(o: GetOptions, ctx: CommandContext): Promise<void> {
  const kit = await loadKit(o);
  const namespace = await ctx.namespace();
  const errors: Error[] = [];
  let singleItem = false;
  let now = 0;
  const touched = new Set<ResourceInfo>();
  const groups: Group[] = await ctx.withApi((api) => {
    now = api.now();
    const out: Group[] = [];
    const add = (info: ResourceInfo, obj: KObject) => {
      const last = out[out.length - 1];
      if (last && last.info === info) last.objects.push(obj);
      else out.push({ info, objects: [obj] });
    };
    if (o.filenames.length > 0) {
      const refs = kit.builder!.refsFromFiles({
        filenames: o.filenames,
        recursive: o.recursive,
        cwd: ctx.io.cwd,
        readStdin: ctx.io.readStdin,
        namespace,
        enforceNamespace: ctx.namespaceExplicit(),
      });
      singleItem = refs.length === 1;
      refs.forEach((r) => touched.add(r.info));
      for (const r of refs) fetchOne(api, r.info, r.namespace, r.name, o, errors, add);
      return out;
    }
    const named = o.requests.reduce((n, r) => n + r.names.length, 0);
    singleItem = o.requests.length === 1 && named === 1;
    o.requests.forEach((r) => touched.add(r.info));
    for (const req of o.requests) {
      if (req.names.length > 0) {
        if (o.selector) throw new CliError('name cannot be provided when a selector is specified');
        for (const name of req.names) fetchOne(api, req.info, namespace, name, o, errors, add);
      } else {
        const ns = o.allNamespaces ? undefined : namespace;
        const items = listSelected(api, req.info, ns, o.selector, o.fieldSelector);
        out.push({ info: req.info, objects: items });
      }
    }
    return out;
  }, { readOnly: true });
  printServerWarnings(ctx, touched);
  printGroups(groups, o, ctx, namespace, singleItem, now, kit);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    throw new RawError(errors.map((e) => (e instanceof StatusError ? `Error from server (${e.reason}): ${e.message}` : `error: ${e.message}`)).join('\n'));
  }
}

function fetchOne(
  api: ApiServer,
  info: ResourceInfo,
  namespace: string,
  name: string,
  o: GetOptions,
  errors: Error[],
  add: (info: ResourceInfo, obj: KObject) => void,
): void {
  try {
    add(info, api.get(info, namespace, name));
  } catch (e) {
    if (e instanceof StatusError && e.reason === 'NotFound' && o.ignoreNotFound) return;
    errors.push(e as Error);
  }
}

function printGroups(
  groups: Group[],
  o: GetOptions,
  ctx: CommandContext,
  namespace: string,
  singleItem: boolean,
  now: number,
  kit: Partial<Kit>,
): void {
  const all = groups.flatMap((g) => g.objects.map((obj) => (o.showManagedFields ? obj : stripManagedFields(obj))));
  const sortObjectsBy = (objs: KObject[], by: string) => kit.sortby!.sortObjectsBy(objs, by) as KObject[];
  const sorted = (objs: KObject[]) => (o.sortBy ? sortObjectsBy(objs, o.sortBy) : objs);
  switch (o.output.kind) {
    case 'yaml':
    case 'json': {
      const data = singleItem && all.length === 1 ? all[0]! : asList(sorted(all));
      ctx.out(o.output.kind === 'yaml' ? kit.yaml!.toYaml(data) : kit.json!.toJson(data));
      return;
    }
    case 'name': {
      // The name printer sees one list: --sort-by orders it as a whole.
      const named = groups.flatMap((g) => g.objects.map((obj) => ({ obj, info: g.info })));
      const order = o.sortBy ? sortObjectsBy(named.map((n) => n.obj), o.sortBy) : named.map((n) => n.obj);
      for (const obj of order) ctx.out(`${kindWithGroup(named.find((n) => n.obj === obj)!.info)}/${obj.metadata.name}\n`);
      return;
    }
    case 'jsonpath': {
      const data = singleItem && all.length === 1 ? all[0]! : asList(sorted(all));
      ctx.out(kit.jsonpath!.printJsonPath(o.output.template!, data));
      return;
    }
    case 'custom-columns': {
      const { CustomColumnsError, parseCustomColumns, parseCustomColumnsFile, renderCustomColumns } = kit.columns!;
      const cols = o.output.columnsFile ? parseCustomColumnsFile(o.output.template!) : parseCustomColumns(o.output.template!);
      // The file form always prints its header line.
      const noHeaders = o.noHeaders && !o.output.columnsFile;
      try {
        ctx.out(tabwrite(renderCustomColumns(cols, sorted(all), { noHeaders }), GET_TABWRITER));
      } catch (e) {
        if (e instanceof CustomColumnsError) ctx.out(tabwrite(e.partialOutput, GET_TABWRITER));
        throw e;
      }
      return;
    }
    default:
      printTables(groups, o, ctx, namespace, now, (objs) => {
        if (!o.sortBy) return objs;
        try {
          return kit.sortby!.sortTableRowsBy(objs, o.sortBy);
        } catch (e) {
          // kubectl's table sorter drops the table it cannot sort.
          if (e instanceof kit.sortby!.SortByDroppedError) return [];
          throw e;
        }
      });
  }
}

function printTables(
  groups: Group[],
  o: GetOptions,
  ctx: CommandContext,
  namespace: string,
  now: number,
  sorted: (objs: KObject[]) => KObject[],
): void {
  const kinds = new Set(groups.map((g) => g.info));
  const multipleKinds = kinds.size > 1 || o.requests.length > 1;
  let written = false;
  let first = true;
  for (const g of groups) {
    const objs = sorted(g.objects);
    if (objs.length === 0) continue;
    const table = tableFor(g.info.kind, objs, now, { allObjects: g.objects });
    const text = printTable(table, {
      wide: o.output.kind === 'wide',
      noHeaders: o.noHeaders,
      namespaceColumn: o.allNamespaces && g.info.namespaced,
      showLabels: o.showLabels,
      labelColumns: o.labelColumns,
      kindPrefix: multipleKinds || o.showKind ? kindWithGroup(g.info) : undefined,
    });
    if (!first && !o.noHeaders && written) ctx.out('\n');
    ctx.out(text);
    written ||= text.length > 0;
    first = false;
  }
  if (!written) {
    const allNamespaced = groups.length > 0 && groups.every((g) => g.info.namespaced);
    const named = o.requests.some((r) => r.names.length > 0) || o.filenames.length > 0;
    if (named) return;
    if (allNamespaced && !o.allNamespaces) ctx.err(`No resources found in ${namespace} namespace.\n`);
    else ctx.err('No resources found\n');
  }
}

/**
 * `get -w` / `--watch-only` (get.go watch()): one resource type; the current list (or object) is
 * printed unless --watch-only, then every change as it is seen, until SIGINT (exit 1, as kubectl's
 * interrupt handler) or --request-timeout (exit 0).
 */
async function runWatch(o: GetOptions, ctx: CommandContext): Promise<void> {
  if (o.sortBy) ctx.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  if (o.filenames.length > 0) throw new CliError('watch with -f is not supported by kube-lite yet');
  if (o.requests.length === 0) throw new CliError(NO_RESOURCES);
  if (o.requests.length > 1) throw new CliError('you may only specify a single resource type');
  const { info, names } = o.requests[0]!;
  if (names.length > 0 && o.selector) throw new CliError('name cannot be provided when a selector is specified');
  if (names.length > 1) throw new CliError('you may only watch a single resource or type of resource at a time');
  if (o.output.kind === 'custom-columns') throw new CliError('watch with -o custom-columns is not supported by kube-lite yet');
  const namespace = await ctx.namespace();
  const name = names[0];
  const kit = await loadKit(o);
  const { watchLoop } = await import('../watch.js');

  const list = (api: ApiServer, first: boolean): KObject[] => {
    if (name === undefined) return listSelected(api, info, o.allNamespaces ? undefined : namespace, o.selector, o.fieldSelector);
    try {
      return [api.get(info, namespace, name)];
    } catch (e) {
      // Later polls watch by name (fieldSelector metadata.name): a deleted object is just absent.
      if (!first && e instanceof StatusError && e.reason === 'NotFound') return [];
      throw e;
    }
  };

  type Ev = { type: WatchEventType; obj: KObject };
  let print: (events: Ev[], now: number, flushEach: boolean) => void;
  if (o.output.kind === 'default' || o.output.kind === 'wide') {
    const printer = new WatchTablePrinter({
      wide: o.output.kind === 'wide',
      noHeaders: o.noHeaders,
      namespaceColumn: o.allNamespaces && info.namespaced,
      showLabels: o.showLabels,
      labelColumns: o.labelColumns,
      kindPrefix: o.showKind ? kindWithGroup(info) : undefined,
    });
    const table = (objs: KObject[], now: number) => tableFor(info.kind, objs, now);
    const eventType = (t: WatchEventType) => (o.outputWatchEvents ? t : undefined);
    print = (events, now, flushEach) => {
      if (flushEach) for (const e of events) ctx.out(printer.flush([{ table: table([e.obj], now), eventType: eventType(e.type) }]));
      else ctx.out(printer.flush(events.map((e) => ({ table: table([e.obj], now), eventType: eventType(e.type) }))));
    };
  } else {
    // The generic printers see each object (or watch event) alone; YAML separates documents.
    let printed = 0;
    print = (events) => {
      for (const e of events) {
        const obj = o.showManagedFields ? e.obj : stripManagedFields(e.obj);
        // A metav1.WatchEvent has no object metadata: OmitManagedFieldsPrinter leaves it whole.
        const data: unknown = o.outputWatchEvents ? { type: e.type, object: e.obj } : obj;
        switch (o.output.kind) {
          case 'yaml':
            ctx.out((printed > 0 ? '---\n' : '') + kit.yaml!.toYaml(data));
            break;
          case 'json':
            ctx.out(kit.json!.toJson(data));
            break;
          case 'jsonpath':
            ctx.out(kit.jsonpath!.printJsonPath(o.output.template!, data));
            break;
          default:
            ctx.out(`${kindWithGroup(info)}/${e.obj.metadata.name}\n`);
        }
        printed++;
      }
    };
  }

  const end = await watchLoop(ctx, {
    list,
    onInitial: (objs, now) => {
      if (!o.watchOnly) print(objs.map((obj) => ({ type: 'ADDED', obj })), now, false);
    },
    onEvents: (events, now) => print(events, now, true),
    timeoutMs: o.requestTimeoutMs,
  });
  // kubectl's interrupt handler exits 1 without a message; a watch the server closed ends quietly.
  if (end === 'interrupted') throw new RawError('', 1);
}
