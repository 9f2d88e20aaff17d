// Reading -f inputs: files, directories (-R), and "-" for stdin, as kubectl's resource builder does.

import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../api/errors.js';
import { decodeManifests } from './decode.js';

const EXTENSIONS = ['.json', '.yaml', '.yml'];

export interface SourceDoc {
  /** The path as the user wrote it (or "STDIN"), used in messages. */
  source: string;
  doc: unknown;
}

export function expandPaths(paths: string[], recursive: boolean, cwd: string): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push('-');
      continue;
    }
    if (/^https?:\/\//.test(p)) {
      throw new CliError(`unable to read URL "${p}": kube-lite runs offline and cannot fetch URLs`);
    }
    const abs = path.resolve(cwd, p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new CliError(`the path "${p}" does not exist`);
    }
    if (st.isDirectory()) walk(p, abs, recursive, out);
    else out.push(p);
  }
  return out;
}

function walk(display: string, abs: string, recursive: boolean, out: string[]): void {
  for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const d = path.join(display, entry.name);
    const a = path.join(abs, entry.name);
    if (entry.isDirectory()) {
      if (recursive) walk(d, a, recursive, out);
    } else if (EXTENSIONS.includes(path.extname(entry.name))) {
      out.push(d);
    }
  }
}

export function readSources(paths: string[], recursive: boolean, cwd: string, readStdin: () => string): SourceDoc[] {
  const docs: SourceDoc[] = [];
  for (const p of expandPaths(paths, recursive, cwd)) {
    const source = p === '-' ? 'STDIN' : p;
    const text = p === '-' ? readStdin() : fs.readFileSync(path.resolve(cwd, p), 'utf8');
    for (const doc of decodeManifests(text, source)) docs.push({ source, doc });
  }
  return docs;
}
