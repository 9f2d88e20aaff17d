// kube-lite completion bash|zsh: a shell completion script for kube-lite (its own, not kubectl's
// cobra-generated one). Verbs, subcommands and flags are read from the command tree when the script is
// generated; resource types from the registry; object names by calling `kube-lite get TYPE -o name`
// when the user presses TAB. Errors as kubectl pkg/cmd/completion/completion.go.

import type { Command } from 'commander';
import { CliError } from '../../api/errors.js';
import { RESOURCES } from '../../api/registry.js';
import type { CommandContext } from '../context.js';

const USAGE = "\nSee 'kubectl completion -h' for help and examples";

/** Commands whose arguments are `TYPE [NAME...]` or `TYPE/NAME`. */
const RESOURCE_COMMANDS = ['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'wait', 'rollout status', 'rollout history', 'rollout restart', 'rollout undo', 'rollout pause', 'rollout resume', 'set image', 'set env', 'set resources'];
/** Commands whose first argument is a pod name. */
const POD_COMMANDS = ['logs', 'exec', 'attach', 'port-forward'];
/** Commands whose first argument is a kubeconfig context. */
const CONTEXT_COMMANDS = ['config use-context', 'config delete-context', 'config rename-context', 'config set-context'];

export function register(program: Command, ctx: CommandContext): void {
  program
    .command('completion')
    .description('Output shell completion code for the specified shell (bash or zsh)')
    .argument('[shell...]')
    .action(async (args: string[]) => {
      if (args.length === 0) throw new CliError('Shell not specified.' + USAGE);
      if (args.length > 1) throw new CliError('Too many arguments. Expected only the shell type.' + USAGE);
      const shell = args[0]!;
      if (shell !== 'bash' && shell !== 'zsh') throw new CliError(`Unsupported shell type ${JSON.stringify(shell)}.` + USAGE);
      // The whole command tree, with every verb registered, is what the script completes.
      const { createProgram } = await import('../program.js');
      const tree = commandTree(await createProgram(ctx, []));
      ctx.out(shell === 'bash' ? bashScript(tree) : zshScript(tree));
    });
}

/** One command of the tree, by its path of names ("" is the root, "create service" a leaf). */
interface Node {
  path: string;
  /** Child command names, each with its aliases. */
  children: { name: string; aliases: string[] }[];
  /** Long flags, for completing `--`. */
  flags: string[];
  /** Short and long flags that take a value, so the value is not mistaken for an argument. */
  valueFlags: string[];
}

function commandTree(root: Command): Node[] {
  const nodes: Node[] = [];
  const visit = (cmd: Command, path: string) => {
    const opts = cmd.options;
    nodes.push({
      path,
      children: cmd.commands.filter((c) => c.name() !== 'help').map((c) => ({ name: c.name(), aliases: c.aliases() })),
      flags: [...new Set(opts.map((o) => o.long).filter((l): l is string => !!l))].sort(),
      valueFlags: opts.filter((o) => o.required).flatMap((o) => [o.short, o.long].filter((x): x is string => !!x)),
    });
    for (const c of cmd.commands) if (c.name() !== 'help') visit(c, path ? `${path} ${c.name()}` : c.name());
  };
  visit(root, '');
  return nodes;
}

function resourceTypes(): string[] {
  const names = RESOURCES.flatMap((r) => [r.resource, r.singular, ...r.shortNames]);
  return [...new Set(names)].sort();
}

/** `printf '%s\n' a b c` for a list of safe words (command, flag and resource names). */
function lines(words: string[]): string {
  return words.length === 0 ? ':' : `printf '%s\\n' ${words.join(' ')}`;
}

/** `TYPE [NAME...]` or `TYPE/NAME`: types first, then names of that type. */
const RESOURCE_ARGS = `      if [ "$nargs" -eq 0 ]; then
        case "$cur" in
          */*)
            t=\${cur%%/*}
            case "$t" in *[!a-zA-Z0-9.-]*) return 0 ;; esac
            __kube_lite_names "$ns" "$kctx" "$t" | sed "s|^|$t/|" ;;
          *) __kube_lite_types ;;
        esac
      else
        case "$rtype" in */*) ;; *) __kube_lite_names "$ns" "$kctx" "$rtype" ;; esac
      fi`;
const POD_ARGS = `      if [ "$nargs" -eq 0 ]; then __kube_lite_names "$ns" "$kctx" pods; fi`;
const CONTEXT_ARGS = `      if [ "$nargs" -eq 0 ]; then __kube_lite_contexts; fi`;

/** The shell functions bash and zsh share; written in the POSIX subset both understand. */
function core(tree: Node[]): string {
  const paths = new Set(tree.map((n) => n.path));
  const caseArms = (arms: string[]) => arms.map((a) => `    ${a}\n`).join('');
  const child = tree.flatMap((n) =>
    n.children.map((c) => `${[c.name, ...c.aliases].map((w) => `"${n.path}:${w}"`).join('|')}) echo ${c.name} ;;`),
  );
  const children = tree.filter((n) => n.children.length > 0).map((n) => `"${n.path}") ${lines(n.children.map((c) => c.name))} ;;`);
  const flags = tree.map((n) => `"${n.path}") ${lines([...n.flags, '--help'])} ;;`);
  const vflags = tree.filter((n) => n.valueFlags.length > 0).map((n) => `"${n.path}") echo " ${n.valueFlags.join(' ')} " ;;`);
  // A case arm for the commands of `list` that exist, with `body`; nothing when none does.
  const arm = (list: string[], body: string) => {
    const present = list.filter((p) => paths.has(p));
    return present.length === 0 ? '' : `    ${present.map((p) => `"${p}"`).join('|')})\n${body} ;;\n`;
  };
  return `__kube_lite_child() {
  case "$1:$2" in
${caseArms(child)}  esac
}

__kube_lite_children() {
  case "$1" in
${caseArms(children)}  esac
}

__kube_lite_flags() {
  case "$1" in
${caseArms(flags)}  esac
  printf '%s\\n' --namespace --context
}

__kube_lite_value_flags() {
  case "$1" in
${caseArms(vflags)}  esac
}

__kube_lite_types() {
  ${lines(resourceTypes())}
}

# Object names of a type: __kube_lite_names NAMESPACE CONTEXT TYPE
__kube_lite_names() {
  local ns="$1" kctx="$2" rtype="$3"
  set -- get "$rtype" -o name
  if [ -n "$ns" ]; then set -- -n "$ns" "$@"; fi
  if [ -n "$kctx" ]; then set -- --context "$kctx" "$@"; fi
  kube-lite "$@" 2>/dev/null | sed 's|^[^/]*/||'
}

__kube_lite_contexts() {
  kube-lite config get-contexts -o name 2>/dev/null
}

# Prints the candidates for the last argument, given the words after "kube-lite"; "__files__" asks the
# caller for file name completion.
__kube_lite_complete() {
  if [ -n "\${ZSH_VERSION:-}" ]; then emulate -L sh; fi
  local n=$# i=1 w cur cpath="" c expect="" flag="" ns="" kctx="" nargs=0 rtype="" t
  eval "cur=\\\${$n}"
  while [ "$i" -lt "$n" ]; do
    eval "w=\\\${$i}"
    i=$((i + 1))
    if [ -n "$expect" ]; then
      case "$expect" in ns) ns=$w ;; kctx) kctx=$w ;; esac
      expect=""
      continue
    fi
    case "$w" in
      --namespace=*) ns=\${w#--namespace=} ;;
      --context=*) kctx=\${w#--context=} ;;
      -n|--namespace) expect=ns; flag=$w ;;
      --context) expect=kctx; flag=$w ;;
      -*=*) ;;
      -*)
        case "$(__kube_lite_value_flags "$cpath")" in
          *" $w "*) expect=value; flag=$w ;;
        esac ;;
      *)
        c=""
        if [ "$nargs" -eq 0 ]; then c=$(__kube_lite_child "$cpath" "$w"); fi
        if [ -n "$c" ]; then
          if [ -n "$cpath" ]; then cpath="$cpath $c"; else cpath=$c; fi
        else
          if [ "$nargs" -eq 0 ]; then rtype=$w; fi
          nargs=$((nargs + 1))
        fi ;;
    esac
  done

  # The value of a flag.
  if [ -n "$expect" ]; then
    case "$expect" in
      ns) __kube_lite_names "" "$kctx" namespaces ;;
      kctx) __kube_lite_contexts ;;
      *)
        case "$flag" in
          -f|--filename|--patch-file) echo __files__ ;;
          -o|--output) printf '%s\\n' json yaml name wide jsonpath= custom-columns= ;;
        esac ;;
    esac
    return 0
  fi
  case "$cur" in
    --namespace=*) __kube_lite_names "" "$kctx" namespaces | sed 's|^|--namespace=|'; return 0 ;;
    -*) __kube_lite_flags "$cpath"; return 0 ;;
  esac

  if [ "$nargs" -eq 0 ] && [ -n "$(__kube_lite_children "$cpath")" ]; then
    __kube_lite_children "$cpath"
    return 0
  fi
  case "$cpath" in
${arm(RESOURCE_COMMANDS, RESOURCE_ARGS)}${arm(POD_COMMANDS, POD_ARGS)}${arm(CONTEXT_COMMANDS, CONTEXT_ARGS)}  esac
  return 0
}
`;
}

const HEAD = `# kube-lite shell completion.
#
# Load it into the current shell:    source <(kube-lite completion SHELL)
# or write it where your shell looks for completions, for example
#   kube-lite completion bash > ~/.local/share/bash-completion/completions/kube-lite
#   kube-lite completion zsh > "\${fpath[1]}/_kube_lite"
`;

function bashScript(tree: Node[]): string {
  return `${HEAD}
${core(tree)}
_kube_lite() {
  local cur words cword out
  if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
    _get_comp_words_by_ref -n =: cur words cword
  else
    cur=\${COMP_WORDS[COMP_CWORD]}
    words=("\${COMP_WORDS[@]}")
    cword=$COMP_CWORD
  fi
  out=$(__kube_lite_complete "\${words[@]:1:cword}")
  if [ "$out" = __files__ ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
  fi
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$out" -- "$cur"))
}

complete -o default -F _kube_lite kube-lite
`;
}

function zshScript(tree: Node[]): string {
  return `#compdef kube-lite
compdef _kube_lite kube-lite

${HEAD}
${core(tree)}
_kube_lite() {
  local out
  local -a candidates
  out=$(__kube_lite_complete "\${(@)words[2,CURRENT]}")
  if [ "$out" = __files__ ]; then
    _files
    return
  fi
  candidates=(\${(f)out})
  compadd -- "\${candidates[@]}"
}

# Autoloaded from $fpath, this file is the completion function's body: run it.
if [ "$funcstack[1]" = "_kube_lite" ]; then
  _kube_lite "$@"
fi
`;
}
