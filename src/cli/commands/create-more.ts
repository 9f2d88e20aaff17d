// `create serviceaccount NAME` and `create ingress NAME --rule=…` (kubectl create_serviceaccount.go,
// create_ingress.go), plus the generators for kinds kube-lite does not serve (clusterrole, role,
// their bindings, quota, priorityclass, poddisruptionbudget) and `create token`: those fail as kubectl
// fails against a server without the resource.

import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import type { CommandContext } from '../context.js';
import { collect } from '../flags.js';

export interface MoreHelpers {
  withCommonFlags(cmd: Command): Command;
  /** Creates (or dry-runs) obj; server failures read `failed to create <label>: <message>`. */
  create(ctx: CommandContext, resource: string, obj: KObject, f: Record<string, unknown>, label: string): Promise<void>;
}

/** kubectl's NameFromCommandArgs. */
function oneName(sub: string, args: string[]): string {
  if (args.length !== 1) throw new CliError(`exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${sub} -h' for help and examples`);
  return args[0]!;
}

export function serviceAccount(name: string, namespace: string | undefined): KObject {
  return { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name, ...(namespace ? { namespace } : {}) } } as KObject;
}

// create_ingress.go's rule format: host/path=svcname:svcport[,tls[=secret]].
const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/i;

type Json = Record<string, unknown>;

function backendPort(port: string): Json {
  // intstr.Parse: an int32 when it parses as one, else a name.
  return /^[+-]?\d+$/.test(port) && Math.abs(Number(port)) < 2 ** 31 ? { number: Number(port) } : { name: port };
}

function backend(svc: string): Json {
  const [name, port] = svc.split(':');
  return { service: { name, port: backendPort(port ?? '') } };
}

export interface IngressFlags {
  rules: string[];
  className?: string;
  defaultBackend?: string;
  annotations: string[];
  namespace?: string;
}

export function ingress(name: string, f: IngressFlags): KObject {
  if (!f.defaultBackend && f.rules.length === 0) {
    throw new CliError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
    );
  }
  for (const r of f.rules) {
    if (!RULE.test(r)) throw new CliError(`rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  }
  const annotations: Record<string, string> = {};
  for (const a of f.annotations) {
    const eq = a.indexOf('=');
    if (eq === -1) throw new CliError(`annotation ${a} is invalid and should be in format key=[value]`);
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  if (f.defaultBackend && f.defaultBackend.split(':').length !== 2) throw new CliError('default-backend should be in format servicename:serviceport');

  const spec: Json = {};
  if (f.className) spec['ingressClassName'] = f.className;
  if (f.defaultBackend) spec['defaultBackend'] = backend(f.defaultBackend);
  // buildTLSRules: one entry per secret, hosts in rule order.
  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const seenHosts = new Set<string>();
  for (const r of f.rules) {
    const m = RULE.exec(r)!;
    if (!m[6]) continue;
    const host = m[1]!;
    const secret = m[7] ?? '';
    if (seenHosts.has(host)) continue;
    if (host !== '') seenHosts.add(host);
    const same = tls.find((t) => (t.secretName ?? '') === secret);
    if (same) {
      if (host !== '') (same.hosts ??= []).push(host);
    } else tls.push({ ...(host !== '' ? { hosts: [host] } : {}), ...(secret ? { secretName: secret } : {}) });
  }
  if (tls.length > 0) spec['tls'] = tls;
  const rules: { host?: string; http: { paths: Json[] } }[] = [];
  for (const r of f.rules) {
    const noTls = r.split(',')[0]!;
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [p, svc] = noTls.slice(slash + 1).split('=');
    let path = `/${p}`;
    let pathType = 'Exact';
    if (path.endsWith('*')) {
      pathType = 'Prefix';
      path = path.slice(0, -1);
    }
    const entry = { path, pathType, backend: backend(svc ?? '') };
    const existing = rules.find((x) => (x.host ?? '') === host);
    if (existing) existing.http.paths.push(entry);
    else rules.push({ ...(host ? { host } : {}), http: { paths: [entry] } });
  }
  if (rules.length > 0) spec['rules'] = rules;
  return {
    kind: 'Ingress',
    apiVersion: 'networking.k8s.io/v1',
    metadata: { name, ...(f.namespace ? { namespace: f.namespace } : {}), ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec,
    status: { loadBalancer: {} },
  } as KObject;
}

/** The generators for kinds kube-lite does not serve: what kubectl prints against such a server. */
const UNSERVED: { name: string; alias?: string; resource: string; failure: string }[] = [
  { name: 'clusterrole', resource: 'clusterroles', failure: 'Error from server (NotFound): the server could not find the requested resource' },
  { name: 'clusterrolebinding', resource: 'clusterrolebindings', failure: 'error: failed to create clusterrolebinding: the server could not find the requested resource' },
  { name: 'role', resource: 'roles', failure: 'Error from server (NotFound): the server could not find the requested resource' },
  { name: 'rolebinding', resource: 'rolebindings', failure: 'error: failed to create rolebinding: the server could not find the requested resource' },
  { name: 'quota', alias: 'resourcequota', resource: 'resourcequotas', failure: 'error: failed to create quota: the server could not find the requested resource' },
  { name: 'priorityclass', alias: 'pc', resource: 'priorityclasses', failure: 'error: failed to create priorityclass: the server could not find the requested resource' },
  { name: 'poddisruptionbudget', alias: 'pdb', resource: 'poddisruptionbudgets', failure: 'error: failed to create poddisruptionbudgets: the server could not find the requested resource' },
];

export function registerMore(create: Command, ctx: CommandContext, h: MoreHelpers): void {
  h.withCommonFlags(create.command('serviceaccount').alias('sa').argument('[name...]')).action(async (args: string[], _o: unknown, cmd: Command) => {
    const f = cmd.optsWithGlobals();
    const name = oneName('serviceaccount', args);
    const ns = await ctx.namespace();
    await h.create(ctx, 'serviceaccounts', serviceAccount(name, ctx.namespaceExplicit() ? ns : undefined), f, 'serviceaccount');
  });

  h.withCommonFlags(create.command('ingress').alias('ing').argument('[name...]'))
    .option('--rule <rule>', 'Rule in format host/path=service:port[,tls=secretname]', collect, [])
    .option('--class <name>', 'Ingress Class to be used')
    .option('--default-backend <svc:port>', 'Default service for backend, in format of svcname:port')
    .option('--annotation <key=value>', 'Annotation to insert in the ingress object', collect, [])
    .action(async (args: string[], _o: unknown, cmd: Command) => {
      const f = cmd.optsWithGlobals();
      const name = oneName('ingress', args);
      const ns = await ctx.namespace();
      const obj = ingress(name, {
        rules: f['rule'] as string[],
        className: f['class'] as string | undefined,
        defaultBackend: f['defaultBackend'] as string | undefined,
        annotations: f['annotation'] as string[],
        namespace: ctx.namespaceExplicit() ? ns : undefined,
      });
      await h.create(ctx, 'ingresses', obj, f, 'ingress');
    });

  for (const u of UNSERVED) {
    const sub = create.command(u.name).allowUnknownOption(true).allowExcessArguments(true).argument('[args...]');
    if (u.alias) sub.alias(u.alias);
    sub.action(() => {
      if (findResource(u.resource)) throw new CliError(`kube-lite does not implement "create ${u.name}" yet`);
      throw new RawError(u.failure);
    });
  }

  // The token subresource of serviceaccounts is not served: the apiserver answers 405.
  create
    .command('token')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .argument('[args...]')
    .action((args: string[]) => {
      oneName('token', args);
      throw new RawError('error: failed to create token: the server does not allow this method on the requested resource');
    });
}
