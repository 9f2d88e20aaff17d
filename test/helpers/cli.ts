// Runs kube-lite in process (kubectl's NewTestIOStreams pattern): a temporary KUBE_LITE_HOME, a fixed
// seed and clock, captured stdout/stderr, and the exit code.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export const FIXED_NOW = '2026-01-01T00:00:00Z';

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-test-'));
}

export interface RunOptions {
  stdin?: string;
  cwd?: string;
  env?: Record<string, string>;
}

export async function runWith(home: string, opts: RunOptions, ...argv: string[]): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => opts.stdin ?? '',
    env: { KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1', KUBE_LITE_NOW: FIXED_NOW, TZ: 'UTC', ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, stdout, stderr };
}

export async function run(home: string, ...argv: string[]): Promise<Result> {
  return runWith(home, {}, ...argv);
}

/** Writes a manifest into `dir` and returns its path. */
export function writeFile(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
}
