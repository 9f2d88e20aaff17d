// --record (deprecated, still honoured by kubectl): the command line, as kubectl's RecordFlags writes
// it into the kubernetes.io/change-cause annotation: the positional words, then every flag given as
// --name=value in the order typed ("kubectl set image deployment/web nginx=nginx:1.27 --record=true").

import type { Command, Option } from 'commander';

function root(cmd: Command): Command {
  let c = cmd;
  while (c.parent) c = c.parent;
  return c;
}

export function changeCause(cmd: Command): string {
  const raw = (root(cmd) as unknown as { rawArgs?: string[] }).rawArgs ?? [];
  const options: readonly Option[] = [...cmd.options, ...root(cmd).options];
  const positional: string[] = [];
  const flags: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i]!;
    if (a === '--') {
      positional.push(...raw.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const opt = options.find((o) => o.long === `--${name}`);
      let value = eq === -1 ? undefined : a.slice(eq + 1);
      if (value === undefined) value = opt?.required ? (raw[++i] ?? '') : 'true';
      flags.push(`--${name}=${value}`);
    } else if (a.startsWith('-') && a.length > 1) {
      const opt = options.find((o) => o.short === a.slice(0, 2));
      const name = opt?.long?.slice(2) ?? a.slice(1, 2);
      const value = a.length > 2 ? a.slice(2) : opt?.required ? (raw[++i] ?? '') : 'true';
      flags.push(`--${name}=${value}`);
    } else {
      positional.push(a);
    }
  }
  return ['kubectl', ...positional, ...flags].join(' ');
}

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
