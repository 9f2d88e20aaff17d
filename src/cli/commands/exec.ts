// kubectl exec POD [-c CONTAINER] [-i] [-t] -- COMMAND [args...], against a simulated container: no
// process runs, so kube-lite answers the commands used to check a pod's configuration from what the
// kubelet would have given the container (src/sim/container-fs.ts):
//   env, printenv [NAME...], hostname, cat FILE..., ls [DIR...], echo [-n] ARGS...
// and, over the simulated cluster network (src/cli/container/net-tools.ts), from this pod:
//   nslookup NAME, curl [-s] [-S] [-i] [-m SECONDS] URL, wget -qO- URL
// (curl and wget requests are recorded in the answering pod's log, so only they write the store).
// Anything else writes `kube-lite: <cmd>: command not found in the simulated container (it can run:
// env, printenv, hostname, cat, ls, echo, nslookup, curl, wget)` and ends as a shell would for a missing
// command: kubectl's `command terminated with exit code 127`, exit status 127. A command failing inside
// the container (cat of a missing file, curl's connection refused) likewise ends with `command
// terminated with exit code N`. -i and -t are accepted and change nothing (no terminal to attach).

import type { Command } from 'commander';
import { CliError, RawError } from '../../api/errors.js';
import { containerView, listDir, type ContainerView } from '../../sim/container-fs.js';
import type { CommandContext } from '../context.js';
import { argsLenAtDash } from '../flags.js';
import { NET_COMMANDS, recordsTraffic, runNetCommand } from '../container/net-tools.js';
import { badRequest, chooseContainer, containerStatus, containerWorld, getPod, podName } from '../container/target.js';

const SUPPORTED = 'env, printenv, hostname, cat, ls, echo, nslookup, curl, wget';

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('exec')
    .description('Execute a command in a container')
    .argument('[args...]')
    .option('-c, --container <name>', 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen')
    .option('-i, --stdin', 'Pass stdin to the container')
    .option('-t, --tty', 'Stdin is a TTY')
    .option('-q, --quiet', 'Only print output from the remote session')
    .action(async (args: string[], f: Record<string, unknown>, cmd: Command) => {
      const atDash = argsLenAtDash(cmd, args);
      if (args.length === 0 || atDash === 0) throw new CliError('pod, type/name or --filename must be specified');
      if (atDash === -1 && args.length > 1)
        throw new CliError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee \'kubectl exec -h\' for help and examples');
      const command = args.slice(1);
      if (command.length === 0) throw new CliError('you must specify at least one command for the container');
      const namespace = await ctx.namespace();
      const warn = (s: string) => (f['quiet'] ? undefined : ctx.err(s));
      const base = command[0]!.split('/').pop()!;
      const net = NET_COMMANDS.includes(base);
      const r = await ctx.withApi((api): ExecResult => {
        const pod = getPod(api, namespace, podName(args[0]!));
        const phase = pod['status']?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') throw new CliError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
        const { spec, init } = chooseContainer(pod, f['container'] as string | undefined, warn);
        if (!pod['spec']?.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
        const status = containerStatus(pod, spec.name, init);
        if (!status?.state?.running) throw new CliError(`unable to upgrade connection: container not found ("${spec.name}")`);
        if (net) return runNetCommand(api, pod, base, command.slice(1));
        return runCommand(containerView(pod, spec, containerWorld(api, pod), Date.parse(status.state.running.startedAt)), command);
      }, { readOnly: !recordsTraffic(base) });
      if (r.stdout) ctx.out(r.stdout);
      if (r.stderr) ctx.err(r.stderr);
      if (r.code !== 0) throw new RawError(`command terminated with exit code ${r.code}`, r.code);
    });
}


export interface ExecResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs one of the simulated commands against a container's view. */
export function runCommand(view: ContainerView, argv: string[]): ExecResult {
  const [cmd, ...rest] = argv as [string, ...string[]];
  const base = cmd.split('/').pop()!;
  const env = new Map(view.env);
  const isDir = (p: string) => listDir(view.files, p) !== undefined;
  const norm = (p: string) => (p.startsWith('/') ? p : `/${p}`).replace(/\/+$/, '') || '/';
  switch (base) {
    case 'env':
      if (rest.length > 0) return { stdout: '', stderr: `kube-lite: env with arguments cannot run in the simulated container\n`, code: 127 };
      return { stdout: view.env.map(([k, v]) => `${k}=${v}\n`).join(''), stderr: '', code: 0 };
    case 'printenv': {
      if (rest.length === 0) return runCommand(view, ['env']);
      const found = rest.filter((n) => env.has(n));
      return { stdout: found.map((n) => `${env.get(n)}\n`).join(''), stderr: '', code: found.length === rest.length ? 0 : 1 };
    }
    case 'hostname':
      return { stdout: `${view.hostname}\n`, stderr: '', code: 0 };
    case 'echo': {
      const noNewline = rest[0] === '-n';
      const words = noNewline ? rest.slice(1) : rest;
      return { stdout: words.join(' ') + (noNewline ? '' : '\n'), stderr: '', code: 0 };
    }
    case 'cat': {
      let stdout = '';
      let stderr = '';
      for (const f of rest) {
        const p = norm(f);
        if (view.files.has(p)) stdout += view.files.get(p);
        else if (isDir(p)) stderr += `cat: ${f}: Is a directory\n`;
        else stderr += `cat: ${f}: No such file or directory\n`;
      }
      return { stdout, stderr, code: stderr ? 1 : 0 };
    }
    case 'ls': {
      const targets = rest.filter((a) => !a.startsWith('-'));
      const dirs = targets.length === 0 ? ['/'] : targets;
      let stdout = '';
      let stderr = '';
      const many = dirs.length > 1;
      dirs.forEach((d, i) => {
        const p = norm(d);
        if (view.files.has(p)) {
          stdout += `${d}\n`;
          return;
        }
        const entries = listDir(view.files, p);
        if (!entries) {
          stderr += `ls: cannot access '${d}': No such file or directory\n`;
          return;
        }
        if (many) stdout += `${i > 0 ? '\n' : ''}${d}:\n`;
        stdout += entries.map((e) => `${e.replace(/\/$/, '')}\n`).join('');
      });
      return { stdout, stderr, code: stderr ? 2 : 0 };
    }
    default:
      return { stdout: '', stderr: `kube-lite: ${cmd}: command not found in the simulated container (it can run: ${SUPPORTED})\n`, code: 127 };
  }
}
