// Entry point: main(argv, io) runs one command and returns its exit code. Nothing here exits the
// process; bin/kube-lite sets the exit code. Tests call main() in process.

import { CommanderError, type Command } from 'commander';
import { CommandContext } from './context.js';
import { formatError } from './errors.js';
import type { IO } from './io.js';
import { normalizeArgv } from './argv.js';
import { createProgram, VERBS } from './program.js';

const GLOBAL_VALUE_FLAGS = new Set(['-n', '--namespace', '--context']);

/** The verb: the first argument that is neither a global flag nor its value. */
function findVerb(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (GLOBAL_VALUE_FLAGS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return a;
  }
  return undefined;
}

/**
 * A command tree built ahead of its command: a startup snapshot holds one (src/entry.ts), so a command
 * restored from it does not register its verb's flags again. Used once, for one of its verbs.
 */
export interface PreparedProgram {
  program: Command;
  ctx: CommandContext;
  verbs: ReadonlySet<string>;
}

export async function prepareProgram(verbs: string[]): Promise<PreparedProgram> {
  const unbound: IO = {
    stdout: () => {},
    stderr: () => {},
    readStdin: () => '',
    env: {},
    cwd: '/',
  };
  const ctx = new CommandContext(unbound);
  return { program: await createProgram(ctx, verbs), ctx, verbs: new Set(verbs) };
}

export async function main(argv: string[], io: IO, prepared?: PreparedProgram): Promise<number> {
  const verb = findVerb(argv);
  const args = normalizeArgv(argv, verb);
  const ready = verb !== undefined && prepared?.verbs.has(verb) ? prepared : undefined;
  const ctx = ready?.ctx ?? new CommandContext(io);
  ctx.bind(io);
  let program: Command | undefined;
  try {
    // An unknown verb: every verb registered, for help and suggestions.
    program = ready?.program ?? (await createProgram(ctx, verb && VERBS[verb] ? [verb] : []));
    configure(program, io);
    if (verb === undefined && !args.some((a) => a === '-h' || a === '--help')) {
      io.stdout(program.helpInformation());
      return 0;
    }
    if (verb !== undefined && !VERBS[verb] && verb !== 'help') {
      io.stderr(`error: unknown command "${verb}" for "kube-lite"${suggest(verb)}\n`);
      return 1;
    }
    await program.parseAsync(args, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return commanderError(e, io, verb);
    const { text, code } = formatError(e, !!io.env['KUBE_LITE_DEBUG']);
    io.stderr(text);
    return code;
  }
}

function configure(cmd: Command, io: IO): void {
  cmd.exitOverride();
  cmd.configureOutput({ writeOut: io.stdout, writeErr: () => {}, outputError: () => {} });
  for (const sub of cmd.commands) configure(sub, io);
}

/** cobra's "Did you mean this?" for names within edit distance 2. */
function suggest(verb: string): string {
  const close = Object.keys(VERBS).filter((v) => distance(v, verb) <= 2 || v.startsWith(verb));
  if (close.length === 0) return '';
  return '\n\nDid you mean this?\n' + close.map((c) => `\t${c}\n`).join('').replace(/\n$/, '');
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

/** Commander's parse errors in pflag/cobra words. */
function commanderError(e: CommanderError, io: IO, verb: string | undefined): number {
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
  const path = verb ? `kube-lite ${verb}` : 'kube-lite';
  let msg: string;
  const opt = /'([^']+)'/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'commander.unknownOption':
      msg = opt.startsWith('--') ? `unknown flag: ${opt}` : `unknown shorthand flag: '${opt.slice(1, 2)}' in ${opt}`;
      break;
    case 'commander.optionMissingArgument': {
      const flag = opt.split(/[ ,]+/).find((x) => x.startsWith('--')) ?? opt;
      msg = `flag needs an argument: ${flag}`;
      break;
    }
    case 'commander.unknownCommand':
      io.stderr(`error: unknown command "${opt}" for "${path}"\n`);
      return 1;
    default:
      msg = e.message.replace(/^error: /, '');
  }
  io.stderr(`error: ${msg}\nSee '${path} --help' for usage.\n`);
  return 1;
}
