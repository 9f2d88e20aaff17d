// kubectl run NAME --image=IMAGE: create a Pod as kubectl's run-pod/v1 generator builds it
// (kubectl pkg/cmd/run/run.go, pkg/generate/versioned/run.go). Attaching is not possible in a
// simulation where no container runs.

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { findResource } from '../../api/registry.js';
import type { KObject } from '../../api/types.js';
import { parseOutput } from '../../printers/output.js';
import type { CommandContext } from '../context.js';
import { parseDryRun, withDryRun } from '../dryrun.js';
import { argsLenAtDash, collect, parseLabels } from '../flags.js';
import { ResultPrinter } from '../print-result.js';
import { isImageReference } from '../../resource/image-ref.js';


const USAGE = "\nSee 'kubectl run -h' for help and examples";

export interface RunParams {
  name: string;
  image: string;
  labels?: string;
  annotations: string[];
  env: string[];
  port?: string;
  restart: string;
  command: boolean;
  args: string[];
  imagePullPolicy?: string;
  privileged: boolean;
  namespace?: string;
}

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('run')
    .description('Run a particular image on the cluster')
    .argument('[args...]')
    .option('--image <image>', 'The image for the container to run.')
    .option('-l, --labels <labels>', 'Comma separated labels to apply to the pod. Will override previous values.')
    .option('--annotations <annotation>', 'Annotations to apply to the pod.', collect, [])
    .option('--env <env>', 'Environment variables to set in the container.', collect, [])
    .option('--port <port>', 'The port that this container exposes.')
    .option('--restart <policy>', 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].', '')
    .option('--command', "If true and extra arguments are present, use them as the 'command' field in the container")
    .option('--image-pull-policy <policy>', 'The image pull policy for the container.')
    .option('--privileged', 'If true, run the container in privileged mode.')
    .option('-o, --output <format>', 'Output format')
    .option('--dry-run [strategy]', 'Must be "none", "server", or "client"')
    .option('--expose', 'Create a ClusterIP service associated with the pod (not supported by kube-lite yet)')
    .option('--rm', 'Delete the pod after it exits (needs --attach)')
    .option('--attach', 'Attach to the pod (not possible in kube-lite: no container runs)')
    .option('-i, --stdin', 'Keep stdin open on the container (not possible in kube-lite)')
    .option('-t, --tty', 'Allocate a TTY (not possible in kube-lite)')
    .option('--field-manager <name>', 'Name of the manager used to track field ownership')
    .action(async (args: string[], f: Record<string, unknown>, cmd: Command) => {
      if (f['image'] === undefined) throw new CliError('required flag(s) "image" not set');
      const dryRun = parseDryRun(f['dryRun']);
      validate(args, argsLenAtDash(cmd, args), f, dryRun !== 'none');
      const namespace = await ctx.namespace();
      const pod = runPod({
        name: args[0]!,
        image: String(f['image']),
        labels: f['labels'] as string | undefined,
        annotations: f['annotations'] as string[],
        env: f['env'] as string[],
        port: f['port'] as string | undefined,
        restart: String(f['restart']) || 'Always',
        command: !!f['command'],
        args: args.slice(1),
        imagePullPolicy: f['imagePullPolicy'] as string | undefined,
        privileged: !!f['privileged'],
        namespace: ctx.namespaceExplicit() ? namespace : undefined,
      });
      const printer = new ResultPrinter(parseOutput(f['output'] as string | undefined, 'mutate', ctx.io.cwd), (s) => ctx.out(s), true);
      const info = findResource('pods')!;
      const created =
        dryRun === 'client'
          ? pod
          : await ctx.withApi((api) => api.create(info, { ...pod, metadata: { ...pod.metadata, namespace } }, { dryRun: dryRun === 'server' }));
      printer.print({ info, obj: created, operation: withDryRun('created', dryRun) });
    });
}


function validate(args: string[], atDash: number, f: Record<string, unknown>, dryRun: boolean): void {
  if (args.length === 0 || atDash === 0) throw new CliError(`NAME is required for run${USAGE}`);
  const image = String(f['image']);
  if (image === '') throw new CliError('--image is required');
  if (!isImageReference(image)) throw new CliError(`Invalid image name "${image}": invalid reference format`);
  if (f['tty'] && !f['stdin']) throw new CliError('-i/--stdin is required for containers with -t/--tty=true');
  if (f['expose'] && !f['port']) throw new CliError(`--port must be set when exposing a service${USAGE}`);
  const restart = String(f['restart']);
  if (!['', 'Always', 'OnFailure', 'Never'].includes(restart)) throw new CliError(`invalid restart policy: ${restart}${USAGE}`);
  const attach = !!f['attach'] || !!f['stdin'];
  if (!attach && f['rm']) throw new CliError('--rm should only be used for attached containers');
  if (attach && dryRun) throw new CliError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pull = f['imagePullPolicy'] as string | undefined;
  if (pull && !['Always', 'IfNotPresent', 'Never'].includes(pull)) throw new CliError(`invalid image pull policy: ${pull}`);
  if (attach) throw new CliError('attaching to a container is not possible in kube-lite: no container runs (drop --attach, -i and -t)');
  if (f['expose']) throw new CliError('--expose is not supported by kube-lite yet; use kube-lite expose');
}


const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((e) => {
    const pos = e.indexOf('=');
    const name = pos === -1 ? '' : e.slice(0, pos);
    if (pos === -1 || name === '' || !ENV_NAME.test(name)) throw new CliError(`invalid env: ${e}`);
    return { name, value: e.slice(pos + 1) };
  });
}

/** The Pod, in the Go struct field order that -o json shows. */
export function runPod(p: RunParams): KObject {
  const labels = p.labels ? parseLabels(p.labels) : { run: p.name };
  const annotations = p.annotations.length > 0 ? parseLabels(p.annotations.join(',')) : undefined;
  const env = parseEnvs(p.env);
  let port = -1;
  if (p.port) {
    if (!/^[-+]?\d+$/.test(p.port)) throw new CliError(`strconv.Atoi: parsing "${p.port}": invalid syntax`);
    port = Number(p.port);
  }
  const container: Record<string, unknown> = { name: p.name, image: p.image };
  if (p.args.length > 0) container[p.command ? 'command' : 'args'] = p.args;
  if (port > 0) container['ports'] = [{ containerPort: port }];
  if (env.length > 0) container['env'] = env;
  container['resources'] = {};
  if (p.imagePullPolicy) container['imagePullPolicy'] = p.imagePullPolicy;
  if (p.privileged) container['securityContext'] = { privileged: true };
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), labels, ...(annotations ? { annotations } : {}) },
    spec: { containers: [container], restartPolicy: p.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}
