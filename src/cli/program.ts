// The command tree. commander lives in src/cli and nowhere else; each verb registers itself from its
// own file. Verb modules are imported lazily so a command loads only what it runs.

import { Command } from 'commander';
import type { CommandContext } from './context.js';

type Loader = () => Promise<{ register: (program: Command, ctx: CommandContext) => void }>;

/** Verb name → its module. Only the invoked verb's module is loaded. */
export const VERBS: Record<string, Loader> = {
  get: () => import('./commands/get.js'),
  describe: () => import('./commands/describe.js'),
  explain: () => import('./commands/explain.js'),
  apply: () => import('./commands/apply.js'),
  create: () => import('./commands/create.js'),
  delete: () => import('./commands/delete.js'),
  label: () => import('./commands/label.js'),
  annotate: () => import('./commands/annotate.js'),
  patch: () => import('./commands/patch.js'),
  replace: () => import('./commands/replace.js'),
  edit: () => import('./commands/edit.js'),
  diff: () => import('./commands/diff.js'),
  config: () => import('./commands/config.js'),
  cluster: () => import('./commands/cluster.js'),
  'api-resources': () => import('./commands/api-resources.js'),
  'api-versions': () => import('./commands/api-versions.js'),
  version: () => import('./commands/version.js'),
  'cluster-info': () => import('./commands/cluster-info.js'),
  completion: () => import('./commands/completion.js'),
  scale: () => import('./commands/scale.js'),
  rollout: () => import('./commands/rollout.js'),
  set: () => import('./commands/set.js'),
  run: () => import('./commands/run.js'),
  cordon: () => import('./commands/cordon.js'),
  uncordon: () => import('./commands/uncordon.js'),
  drain: () => import('./commands/drain.js'),
  wait: () => import('./commands/wait.js'),
  expose: () => import('./commands/expose.js'),
  exec: () => import('./commands/exec.js'),
  logs: () => import('./commands/logs.js'),
  serve: () => import('./commands/serve.js'),
};

/** The command tree with `verbs` registered (all of them when none is named: help, suggestions). */
export async function createProgram(ctx: CommandContext, verbs: string[]): Promise<Command> {
  const program = new Command('kube-lite');
  program
    .description('kube-lite controls a simulated Kubernetes cluster, exactly as kubectl controls a real one.')
    .option('-n, --namespace <namespace>', 'If present, the namespace scope for this CLI request')
    .option('--context <name>', 'The name of the kubeconfig context to use')
    .showSuggestionAfterError(false)
    .allowExcessArguments(true);
  program.hook('preAction', () => {
    const g = program.opts<{ namespace?: string; context?: string }>();
    ctx.globals.namespace = g.namespace;
    ctx.globals.context = g.context;
  });
  for (const verb of verbs.length > 0 ? verbs : Object.keys(VERBS)) (await VERBS[verb]!()).register(program, ctx);
  return program;
}
