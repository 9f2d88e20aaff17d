// Golden transcripts: a file of `$ kube-lite …` commands, each followed by what it printed (stdout
// as is, stderr lines prefixed "! ", a non-zero exit as "[exit N]"). Run with a fixed seed and clock
// in a fresh cluster; UPDATE_GOLDEN=1 rewrites the files so a reviewer reads the diff.

import fs from 'node:fs';
import path from 'node:path';
import { runWith, tempHome } from '../helpers/cli.js';

export function splitArgs(line: string): string[] {
  const args: string[] = [];
  let cur = '';
  let quote: string | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (ch === ' ') {
      if (has || cur) args.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
    }
  }
  if (has || cur) args.push(cur);
  return args;
}

export function commandsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('$ kube-lite'))
    .map((l) => l.slice(2));
}

/** Runs each command and renders the transcript. */
export async function render(commands: string[], cwd: string): Promise<string> {
  const home = tempHome();
  let out = '';
  for (const c of commands) {
    const argv = splitArgs(c).slice(1);
    const r = await runWith(home, { cwd }, ...argv);
    // The temporary home differs per run; transcripts name it as the variable.
    r.stdout = r.stdout.split(home).join('$KUBE_LITE_HOME');
    r.stderr = r.stderr.split(home).join('$KUBE_LITE_HOME');
    out += `$ ${c}\n`;
    out += r.stdout;
    if (r.stdout && !r.stdout.endsWith('\n')) out += '\n';
    for (const l of r.stderr.split('\n').filter((x, i, a) => x !== '' || i < a.length - 1)) out += `! ${l}\n`;
    if (r.code !== 0) out += `[exit ${r.code}]\n`;
  }
  return out;
}

export function scenarioFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f));
}
