// kubectl expose (-f FILE | TYPE NAME): a new Service for a deployment, replica set, replication
// controller, pod or service, with kubectl's inference of name, selector, ports, protocols and labels
// (kubectl pkg/cmd/expose/expose.go). The Service is created through the API, so admission allocates
// its ClusterIP and NodePorts.

import type { Command } from 'commander';
import { AggregateError, CliError } from '../../api/errors.js';
import { withLastApplied } from '../../api/lastapplied.js';
import { findResource, type ResourceInfo } from '../../api/registry.js';
import type { ApiServer } from '../../api/server.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import { refsFromFiles } from '../../resource/builder.js';
import { cannotExposeError, makeLabels, portsForObject, protocolsForObject, selectorForObject } from '../../resource/exposable.js';
import { resolveTargets, type TargetSpec } from '../../resource/targets.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun, type DryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { CHANGE_CAUSE_ANNOTATION, changeCause } from '../record.js';
import { NO_RESOURCES } from '../target-flags.js';
import { buildService, type ExposeParams } from './expose-service.js';

/** DNS1035LabelMaxLength: a longer object name is cut to make the service name. */
const MAX_NAME = 63;

interface ExposeOptions {
  args: string[];
  filenames: string[];
  recursive: boolean;
  dryRun: DryRun;
  printer: ResultPrinter;
  saveConfig: boolean;
  record?: string;
  /** The user's flags; kubectl fills the empty ones from the first object and keeps them (see run). */
  params: Omit<ExposeParams, 'defaultName'>;
}

const str = (v: unknown): string => (v === undefined ? '' : String(v));

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('expose')
    .description('Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service')
    .argument('[args...]')
    .option('-f, --filename <file>', 'Filename, directory, or URL to files identifying the resource to expose a service', collect, [])
    .option('-R, --recursive', 'Process the directory used in -f recursively')
    .option('--port <port>', 'The port that the service should serve on')
    .option('--target-port <port>', 'Name or number for the port on the container that the service should direct traffic to')
    .option('--protocol <protocol>', "The network protocol for the service to be created. Default is 'TCP'.")
    .option('--type <type>', "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.")
    .option('--name <name>', 'The name for the newly created object.')
    .option('--selector <selector>', 'A label selector to use for this service. Only equality-based selector requirements are supported.')
    .option('-l, --labels <labels>', 'Labels to apply to the service created by this call.')
    .option('--external-ip <ip>', 'Additional external IP address (not managed by Kubernetes) to accept for the service.')
    .option('--load-balancer-ip <ip>', 'IP to assign to the LoadBalancer.')
    .option('--session-affinity <affinity>', "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'")
    .option('--cluster-ip <ip>', "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service.")
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--save-config', 'Save the configuration in the last-applied-configuration annotation')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership', 'kubectl-expose')
    .option('--record', 'Record current kubectl command in the resource annotation')
    .action(async (args: string[], f: Record<string, unknown>, cmd: Command) => {
      await run(ctx, toOptions(ctx, args, f, cmd));
    });
}

function toOptions(ctx: CommandContext, args: string[], f: Record<string, unknown>, cmd: Command): ExposeOptions {
  return {
    args,
    filenames: f['filename'] as string[],
    recursive: !!f['recursive'],
    dryRun: parseDryRun(f['dryRun']),
    printer: new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s), true),
    saveConfig: !!f['saveConfig'],
    record: f['record'] ? changeCause(cmd) : undefined,
    params: {
      name: str(f['name']),
      selector: str(f['selector']),
      labels: str(f['labels']),
      port: str(f['port']),
      protocol: str(f['protocol']),
      targetPort: str(f['targetPort']),
      externalIP: str(f['externalIp']),
      type: str(f['type']),
      loadBalancerIP: str(f['loadBalancerIp']),
      sessionAffinity: str(f['sessionAffinity']),
      clusterIP: str(f['clusterIp']),
      ports: '',
      protocols: new Map(),
    },
  };
}

interface Source {
  info: ResourceInfo;
  object: KObject;
  name: string;
}

async function run(ctx: CommandContext, o: ExposeOptions): Promise<void> {
  if (o.args.length === 0 && o.filenames.length === 0) throw new CliError(NO_RESOURCES);
  const namespace = await ctx.namespace();
  const spec: TargetSpec = {
    args: o.args,
    filenames: o.filenames,
    recursive: o.recursive,
    all: false,
    allNamespaces: false,
    namespace,
    enforceNamespace: ctx.namespaceExplicit(),
    cwd: ctx.io.cwd,
    readStdin: ctx.io.readStdin,
  };
  // Objects from files are exposed as written (the builder does not fetch them), so a client dry run
  // with -f needs no cluster at all.
  const fromFiles = (): Source[] => refsFromFiles(spec).map((r) => ({ info: r.info, object: r.object!, name: r.name }));
  if (o.dryRun === 'client' && o.filenames.length > 0) {
    const errors = exposeAll(fromFiles(), [], o, namespace, ctx.namespaceExplicit());
    if (errors.length > 0) throw new AggregateError(errors);
    return;
  }
  // Failures are returned, not thrown, so services created before them are committed.
  const errors = await ctx.withApi((api) => {
    const errs: Error[] = [];
    const sources = o.filenames.length > 0 ? fromFiles() : resolveTargets(api, spec, errs).map((t) => ({ info: t.info, object: t.object!, name: t.name }));
    return exposeAll(sources, errs, o, namespace, ctx.namespaceExplicit(), api);
  });
  if (errors.length > 0) throw new AggregateError(errors);
}

/** kubectl visits every object and keeps going past failures (ContinueOnError), reporting them at the end. */
function exposeAll(sources: Source[], errors: Error[], o: ExposeOptions, namespace: string, enforceNamespace: boolean, api?: ApiServer): Error[] {
  for (const s of sources) {
    try {
      exposeOne(s, o, namespace, enforceNamespace, api);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  return errors;
}

function exposeOne(s: Source, o: ExposeOptions, namespace: string, enforceNamespace: boolean, api?: ApiServer): void {
  const notExposable = cannotExposeError(s.info.kind, s.info.group);
  if (notExposable) throw new CliError(notExposable);
  const object = { ...s.object, kind: s.info.kind };

  // kubectl writes what it infers back into its options, so a second object inherits the first's
  // selector, ports and protocols: o.params is mutated on purpose.
  const p = o.params;
  if (!p.selector) {
    try {
      p.selector = selectorForObject(object);
    } catch (e) {
      throw new CliError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
    }
  }
  if (!p.port) {
    const found = portsForObject(object);
    if (found.length === 0 && p.clusterIP !== 'None') throw new CliError("couldn't find port via --port flag or introspection");
    if (found.length === 1) p.port = found[0]!;
    else if (found.length > 1) p.ports = found.join(',');
  }
  const protocols = protocolsForObject(object);
  if (protocols.size > 0) p.protocols = protocols;
  if (!p.labels) p.labels = makeLabels(object.metadata.labels);

  const svc = buildService({ ...p, defaultName: s.name.slice(0, MAX_NAME) });
  if (o.record) svc.metadata.annotations = { [CHANGE_CAUSE_ANNOTATION]: o.record };
  const svcInfo = findResource('services')!;
  if (o.dryRun === 'client') {
    if (enforceNamespace) svc.metadata = { name: svc.metadata.name, namespace, ...svc.metadata };
    o.printer.print({ info: svcInfo, obj: svc, operation: withDryRun('exposed', o.dryRun) });
    return;
  }
  // The service goes to the command's namespace, whatever the exposed object's file said.
  svc.metadata = { name: svc.metadata.name, namespace, ...svc.metadata };
  const created = api!.create(svcInfo, o.saveConfig ? withLastApplied(svc) : svc, { dryRun: o.dryRun === 'server' });
  o.printer.print({ info: svcInfo, obj: created, operation: withDryRun('exposed', o.dryRun) });
}
