// Small flag helpers shared by verbs.

import type { Command } from 'commander';
import { CliError } from '../api/errors.js';

/** Commander accumulator for repeatable flags (-f a -f b, -L x -L y). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Parses an integer flag with kubectl's pflag error text. */
export function intFlag(name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (!/^-?\d+$/.test(s)) throw new Error(`invalid argument "${s}" for "--${name}" flag: strconv.ParseInt: parsing "${s}": invalid syntax`);
  return Number(s);
}

/** cobra's ArgsLenAtDash: how many arguments came before `--` (-1 without one). */
export function argsLenAtDash(cmd: Command, args: string[]): number {
  let root = cmd;
  while (root.parent) root = root.parent;
  const raw = (root as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const dash = raw.indexOf('--');
  return dash === -1 ? -1 : args.length - (raw.length - dash - 1);
}

/** kubectl's `k=v,k2=v2` label lists (generate.ParseLabels; expose's parseLabels): no selectors. */
export function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) throw new CliError(`unexpected label spec: ${item}`);
    if (kv[0] === '') throw new CliError('unexpected empty label key');
    out[kv[0]!] = kv[1]!;
  }
  return out;
}
