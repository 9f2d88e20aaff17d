// kubectl create: from files (-f), or from a generator (`create deployment|namespace|service …|
// configmap|secret generic`), whose objects match kubectl's byte for byte (real-kubectl.md §7.1).

import type { Command } from 'commander';
import { CliError, StatusError } from '../../api/errors.js';
import { withLastApplied } from '../../api/lastapplied.js';
import { findResource, type ResourceInfo } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import { reconcile } from '../../controllers/index.js';
import { parseOutput } from '../../printers/output.js';
import { refsFromFiles } from '../../resource/builder.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun, type DryRun } from '../dryrun.js';
import { collect } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import * as data from './create-data.js';
import * as gen from './create-generators.js';
import { registerBatch } from './create-batch.js';
import { registerMore } from './create-more.js';

interface Common {
  dryRun: DryRun;
  printer: ResultPrinter;
  saveConfig: boolean;
}

function common(f: Record<string, unknown>, ctx: CommandContext, typed: boolean): Common {
  return {
    dryRun: parseDryRun(f['dryRun']),
    printer: new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s), typed),
    saveConfig: !!f['saveConfig'],
  };
}

function withCommonFlags(cmd: Command): Command {
  return cmd
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--save-config', 'Save the configuration in the last-applied-configuration annotation')
    .option('--validate <mode>', 'Validation mode')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership');
}

export function register(program: Command, ctx: CommandContext): void {
  const create = withCommonFlags(
    program
      .command('create')
      .description('Create a resource from a file or from stdin')
      .option('-f, --filename <file>', 'Files that contain the configuration to create', collect, [])
      .option('-R, --recursive', 'Process the directory used in -f recursively'),
  ).action(async (f: Record<string, unknown>) => {
    const filenames = f['filename'] as string[];
    if (filenames.length === 0) throw new CliError("must specify one of -f and -k\n\nerror: Required resource not specified.\nSee 'kubectl create -h' for help and examples");
    await fromFiles(ctx, filenames, !!f['recursive'], common(f, ctx, false));
  });

  withCommonFlags(create.command('deployment').alias('deploy').argument('<name>'))
    .option('--image <image>', 'Image names to run', collect, [])
    .option('-r, --replicas <n>', 'Number of replicas to create', '1')
    .option('--port <port>', 'The containerPort that this container exposes')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const images = f['image'] as string[];
      if (images.length === 0) throw new CliError('required flag(s) "image" not set');
      const ns = await ctx.namespace();
      const obj = await ctx.withApi((api) =>
        gen.deployment(name, images, intArg('replicas', f['replicas']), f['port'] === undefined ? undefined : intArg('port', f['port']), ctx.namespaceExplicit() ? ns : undefined, api.random),
      );
      await createOne(ctx, 'deployments', obj, common(f, ctx, true), (e) => `failed to create deployment: ${e.message}`);
    });

  withCommonFlags(create.command('namespace').alias('ns').argument('<name>')).action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
    await createOne(ctx, 'namespaces', gen.namespace(name), common(f, ctx, true));
  });

  const service = create.command('service').alias('svc').description('Create a service using a specified subcommand');
  for (const type of ['clusterip', 'nodeport', 'loadbalancer', 'externalname'] as const) {
    const cmd = withCommonFlags(service.command(type).argument('<name>')).option('--tcp <port:targetPort>', 'Port pairs', collect, []);
    if (type === 'clusterip') cmd.option('--clusterip <ip>', 'Assign your own ClusterIP or set to None for a headless service');
    if (type === 'nodeport') cmd.option('--node-port <port>', 'Port used to expose the service on each node');
    if (type === 'externalname') cmd.option('--external-name <name>', 'External name of service');
    cmd.action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const ns = await ctx.namespace();
      const svc = gen.service(type, name, {
        tcp: (f['tcp'] as string[]).flatMap((s) => s.split(',')),
        clusterIP: f['clusterip'] as string | undefined,
        nodePort: f['nodePort'] === undefined ? undefined : intArg('node-port', f['nodePort']),
        externalName: f['externalName'] as string | undefined,
        namespace: ctx.namespaceExplicit() ? ns : undefined,
      });
      const label = gen.SERVICE_TYPES[type];
      await createOne(ctx, 'services', svc, common(f, ctx, true), (e) => `failed to create ${label} service: ${e.message}`);
    });
  }

  withCommonFlags(create.command('configmap').alias('cm').argument('<name>'))
    .option('--from-literal <key=value>', 'Specify a key and literal value', collect, [])
    .option('--from-file <source>', 'Key files', collect, [])
    .option('--from-env-file <file>', 'Path to a file to read lines of key=val pairs', collect, [])
    .option('--append-hash', 'Append a hash of the configmap to its name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const ns = await ctx.namespace();
      const cm = data.configMap(name, { ...sources(f), namespace: ctx.namespaceExplicit() ? ns : undefined });
      await createOne(ctx, 'configmaps', cm, common(f, ctx, true), (e) => `failed to create configmap: ${e.message}`);
    });

  const secret = create.command('secret').description('Create a secret using a specified subcommand');
  withCommonFlags(secret.command('generic').argument('<name>'))
    .option('--from-literal <key=value>', 'Specify a key and literal value', collect, [])
    .option('--from-file <source>', 'Key files', collect, [])
    .option('--from-env-file <file>', 'Path to a file to read lines of key=val pairs', collect, [])
    .option('--type <type>', 'The type of secret to create')
    .option('--append-hash', 'Append a hash of the secret to its name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const ns = await ctx.namespace();
      const s = data.secretGeneric(name, { ...sources(f), type: f['type'] as string | undefined, namespace: ctx.namespaceExplicit() ? ns : undefined });
      await createOne(ctx, 'secrets', s, common(f, ctx, true), (e) => `failed to create secret ${e.message}`);
    });

  withCommonFlags(secret.command('tls').argument('<name>'))
    .option('--cert <path>', 'Path to PEM encoded public key certificate')
    .option('--key <path>', 'Path to private key associated with given certificate')
    .option('--append-hash', 'Append a hash of the secret to its name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const ns = await ctx.namespace();
      const s = data.secretTls(name, {
        cert: f['cert'] as string | undefined,
        key: f['key'] as string | undefined,
        appendHash: !!f['appendHash'],
        cwd: ctx.io.cwd,
        namespace: ctx.namespaceExplicit() ? ns : undefined,
      });
      await createOne(ctx, 'secrets', s, common(f, ctx, true), (e) => `failed to create secret ${e.message}`);
    });

  withCommonFlags(secret.command('docker-registry').argument('<name>'))
    .option('--docker-server <server>', 'Server location for Docker registry', 'https://index.docker.io/v1/')
    .option('--docker-username <name>', 'Username for Docker registry authentication')
    .option('--docker-password <password>', 'Password for Docker registry authentication')
    .option('--docker-email <email>', 'Email for Docker registry')
    .option('--from-file <source>', 'Key files', collect, [])
    .option('--append-hash', 'Append a hash of the secret to its name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const ns = await ctx.namespace();
      const s = data.secretDockerRegistry(name, {
        server: f['dockerServer'] as string,
        username: f['dockerUsername'] as string | undefined,
        password: f['dockerPassword'] as string | undefined,
        email: f['dockerEmail'] as string | undefined,
        files: f['fromFile'] as string[],
        appendHash: !!f['appendHash'],
        cwd: ctx.io.cwd,
        namespace: ctx.namespaceExplicit() ? ns : undefined,
      });
      await createOne(ctx, 'secrets', s, common(f, ctx, true), (e) => `failed to create secret ${e.message}`);
    });

  function sources(f: Record<string, unknown>): Omit<data.ConfigMapSources, 'namespace'> {
    return {
      literals: f['fromLiteral'] as string[],
      files: f['fromFile'] as string[],
      envFiles: f['fromEnvFile'] as string[],
      appendHash: !!f['appendHash'],
      cwd: ctx.io.cwd,
      env: ctx.io.env,
    };
  }

  registerBatch(create, ctx, {
    withCommonFlags,
    create: (c, resource, obj, f) =>
      createOne(c, resource, obj, common(f, c, true), (e) => `failed to create ${resource === 'jobs' ? 'job' : 'cronjob'}: ${e.message}`),
  });
  registerMore(create, ctx, {
    withCommonFlags,
    create: (c, resource, obj, f, label) => createOne(c, resource, obj, common(f, c, true), (e) => `failed to create ${label}: ${e.message}`),
  });
}

function intArg(flag: string, v: unknown): number {
  const s = String(v);
  if (!/^-?\d+$/.test(s)) throw new CliError(`invalid argument "${s}" for "--${flag}" flag: strconv.ParseInt: parsing "${s}": invalid syntax`);
  return Number(s);
}

async function createOne(
  ctx: CommandContext,
  resource: string,
  obj: KObject,
  c: Common,
  wrap?: (e: StatusError) => string,
): Promise<void> {
  const info = findResource(resource)!;
  const namespace = await ctx.namespace();
  if (info.namespaced && !obj.metadata.namespace) obj.metadata.namespace = namespace;
  if (c.dryRun === 'client') {
    // Client dry run prints the generated object as is (no namespace unless -n was given).
    if (!ctx.namespaceExplicit()) delete obj.metadata.namespace;
    c.printer.print({ info, obj, operation: withDryRun('created', c.dryRun) });
    return;
  }
  const toCreate = c.saveConfig ? withLastApplied(obj) : obj;
  const created = await ctx.withApi((api) => {
    try {
      return api.create(info, toCreate, { dryRun: c.dryRun === 'server' });
    } catch (e) {
      if (wrap && e instanceof StatusError) throw new CliError(wrap(e));
      throw e;
    }
  });
  c.printer.print({ info, obj: created, operation: withDryRun('created', c.dryRun) });
}

async function fromFiles(ctx: CommandContext, filenames: string[], recursive: boolean, c: Common): Promise<void> {
  const namespace = await ctx.namespace();
  const refs = refsFromFiles({ filenames, recursive, cwd: ctx.io.cwd, readStdin: ctx.io.readStdin, namespace, enforceNamespace: ctx.namespaceExplicit() });
  if (refs.length === 0) throw new CliError('no objects passed to create');
  const print = (info: ResourceInfo, obj: KObject) => c.printer.print({ info, obj, operation: withDryRun('created', c.dryRun) });
  if (c.dryRun === 'client') {
    for (const r of refs) {
      const obj = structuredClone(r.object!);
      if (r.info.namespaced) obj.metadata = { ...obj.metadata, namespace: r.namespace };
      print(r.info, obj);
    }
    return;
  }
  // create -f stops at the first failure; what was created before it stays.
  const failure = await ctx.withApi((api): StatusError | undefined => {
    for (const r of refs) {
      const obj = structuredClone(r.object!);
      if (r.info.namespaced) obj.metadata = { ...obj.metadata, namespace: r.namespace };
      let created: KObject;
      try {
        created = api.create(r.info, c.saveConfig ? withLastApplied(obj) : obj, { dryRun: c.dryRun === 'server' });
      } catch (e) {
        // Returned, not thrown, so that what was created before the failure is committed.
        if (e instanceof StatusError) return e.withSource('creating', r.source!);
        throw e;
      }
      print(r.info, created);
      reconcile(api);
    }
    return undefined;
  });
  if (failure) throw failure;
}
