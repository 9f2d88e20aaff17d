// kubectl config, on kube-lite's own config ($KUBE_LITE_HOME/config.json).

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { readConfig, writeConfig, type KubeConfig } from '../../cluster/config.js';
import { GET_TABWRITER, tabwrite } from '../../printers/tabwriter.js';
import type { CommandContext } from '../context.js';

export function register(program: Command, ctx: CommandContext): void {
  const config = program.command('config').description('Modify kubeconfig files');

  config
    .command('view')
    .option('--minify', 'Remove all information not used by current-context from the output')
    .option('--raw', 'Display raw byte data and sensitive data')
    .option('-o, --output <format>', 'Output format', 'yaml')
    .action(async (f: Record<string, unknown>) => {
      let c: KubeConfig = readConfig(ctx.home);
      if (f['minify']) c = minify(c, ctx.globals.context || c['current-context']);
      const data = viewObject(c);
      const output = String(f['output']);
      if (output === 'yaml') ctx.out((await import('../../printers/yaml.js')).toYaml(data));
      else if (output === 'json') ctx.out((await import('../../printers/json.js')).toJson(data));
      else if (output.startsWith('jsonpath=')) ctx.out((await import('../../printers/jsonpath.js')).printJsonPath(output.slice(9), data));
      else throw new CliError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,jsonpath,yaml`);
    });

  config
    .command('current-context')
    .action(() => {
      const c = readConfig(ctx.home);
      if (!c['current-context']) throw new CliError('current-context is not set');
      ctx.out(`${c['current-context']}\n`);
    });

  config
    .command('get-contexts')
    .argument('[name]')
    .option('--no-headers', "When using the default output format, don't print headers")
    .option('-o, --output <format>', 'Output format. One of: name')
    .action((name: string | undefined, f: Record<string, unknown>) => {
      const c = readConfig(ctx.home);
      const output = f['output'] as string | undefined;
      if (output !== undefined && output !== 'name') throw new CliError(`output must be one of '' or 'name': ${output}`);
      let contexts = [...c.contexts].sort((a, b) => (a.name < b.name ? -1 : 1));
      if (name) {
        contexts = contexts.filter((x) => x.name === name);
        if (contexts.length === 0) throw new CliError(`context ${name} not found`);
      }
      if (output === 'name') {
        ctx.out(contexts.map((x) => `${x.name}\n`).join(''));
        return;
      }
      const lines: string[] = [];
      if (f['headers'] !== false) lines.push('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE');
      for (const x of contexts) {
        const cur = x.name === c['current-context'] ? '*' : '';
        lines.push([cur, x.name, x.context.cluster, x.context.user, x.context.namespace ?? ''].join('\t'));
      }
      ctx.out(tabwrite(lines.map((l) => l + '\n').join(''), GET_TABWRITER));
    });

  config
    .command('get-clusters')
    .action(() => {
      const c = readConfig(ctx.home);
      ctx.out('NAME\n' + c.clusters.map((x) => `${x.name}\n`).join(''));
    });

  config
    .command('use-context')
    .argument('<name>')
    .action(async (name: string) => {
      const c = readConfig(ctx.home);
      if (!c.contexts.some((x) => x.name === name)) throw new CliError(`no context exists with the name: "${name}"`);
      c['current-context'] = name;
      await writeConfig(ctx.home, c);
      ctx.out(`Switched to context "${name}".\n`);
    });

  config
    .command('set-context')
    .argument('[name]')
    .option('--current', 'Modify the current context')
    .option('--namespace <ns>', 'namespace for the context entry in kubeconfig')
    .option('--cluster <cluster>', 'cluster for the context entry in kubeconfig')
    .option('--user <user>', 'user for the context entry in kubeconfig')
    .action(async (nameArg: string | undefined, f: Record<string, unknown>) => {
      const c = readConfig(ctx.home);
      let name = nameArg;
      if (f['current']) {
        if (nameArg) throw new CliError('you cannot specify both a context name and --current');
        name = c['current-context'];
        if (!name) throw new CliError('no current context is set');
      }
      if (!name) throw new CliError("you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples");
      // -n on the program level is the global namespace flag; set-context's own --namespace wins.
      const ns = (f['namespace'] as string | undefined) ?? ctx.globals.namespace;
      let entry = c.contexts.find((x) => x.name === name);
      const created = !entry;
      if (!entry) {
        entry = { name, context: { cluster: '', user: '' } };
        c.contexts.push(entry);
      }
      if (ns !== undefined) entry.context.namespace = ns;
      if (f['cluster'] !== undefined) entry.context.cluster = String(f['cluster']);
      if (f['user'] !== undefined) entry.context.user = String(f['user']);
      await writeConfig(ctx.home, c);
      ctx.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
    });

  config
    .command('delete-context')
    .argument('<name>')
    .action(async (name: string) => {
      const c = readConfig(ctx.home);
      if (!c.contexts.some((x) => x.name === name)) throw new CliError(`cannot delete context ${name}, not in ${ctx.home}/config.json`);
      c.contexts = c.contexts.filter((x) => x.name !== name);
      if (c['current-context'] === name) ctx.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      await writeConfig(ctx.home, c);
      ctx.out(`deleted context ${name} from ${ctx.home}/config.json\n`);
    });

  config
    .command('rename-context')
    .argument('<old>')
    .argument('<new>')
    .action(async (oldName: string, newName: string) => {
      const c = readConfig(ctx.home);
      const entry = c.contexts.find((x) => x.name === oldName);
      if (!entry) throw new CliError(`cannot rename the context "${oldName}", it's not in ${ctx.home}/config.json`);
      if (c.contexts.some((x) => x.name === newName)) throw new CliError(`cannot rename the context "${oldName}", the context "${newName}" already exists in ${ctx.home}/config.json`);
      entry.name = newName;
      if (c['current-context'] === oldName) c['current-context'] = newName;
      await writeConfig(ctx.home, c);
      ctx.out(`Context "${oldName}" renamed to "${newName}".\n`);
    });
}

function minify(c: KubeConfig, current: string): KubeConfig {
  const ctxEntry = c.contexts.find((x) => x.name === current);
  if (!ctxEntry) throw new CliError('current-context must exist in order to minify');
  return {
    ...c,
    'current-context': current,
    contexts: [ctxEntry],
    clusters: c.clusters.filter((x) => x.name === ctxEntry.context.cluster),
    users: c.users.filter((x) => x.name === ctxEntry.context.user),
  };
}

/** kubectl config view's shape: empty lists print as null, as clientcmd's v1 Config does. */
function viewObject(c: KubeConfig): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: c.clusters.length ? c.clusters : null,
    contexts: c.contexts.length ? c.contexts : null,
    'current-context': c['current-context'],
    kind: 'Config',
    users: c.users.length ? c.users : null,
  };
}
