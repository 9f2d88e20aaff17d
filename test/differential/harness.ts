// The differential harness: runs one command on two identical fresh clusters — once as kube-lite's own
// CLI, once as the real kubectl (v1.36.3, from .tools/bin) against `kube-lite serve` — and compares
// stdout, stderr and exit code byte for byte.
//
// Both clusters get the same KUBE_LITE_SEED and KUBE_LITE_NOW, so generated names, IPs and ages match.
// Setup commands run through kube-lite's CLI on both sides (it is the thing under test only in the
// command after them). Everything spawns real processes, as a user would run them.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
/** CI clones the repository next to ../shared. */
export const SHARED_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
/** The kube-lite program both sides run (see snapshotBuild). */
export let KUBE_LITE = process.env['KUBE_LITE_DIFF_BIN'] ?? path.join(REPO_ROOT, 'bin/kube-lite');
export const TOOLS_BIN = path.join(REPO_ROOT, '.tools/bin');
export const KUBECTL = process.env['KUBECTL'] ?? path.join(TOOLS_BIN, 'kubectl');
export const HELM = process.env['HELM'] ?? path.join(TOOLS_BIN, 'helm');

/**
 * Set by vitest.differential.config.ts. The main vitest config's include pattern also matches these
 * files; without the flag they register as skipped, so `npm test` stays fast.
 */
export const ENABLED = process.env['KUBE_LITE_DIFFERENTIAL'] === '1';

export const SEED = '1';
export const NOW = '2026-01-01T00:00:00Z';
/** Per-command time limit; a command that hangs (a watch that never ends) counts as a difference. */
export const COMMAND_TIMEOUT_MS = 20_000;

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** Set when the command was killed for running over COMMAND_TIMEOUT_MS. */
  timedOut?: boolean;
}

/** A command: argv without the program name, optional stdin. */
export interface Cmd {
  argv: string[];
  stdin?: string;
}

/** The environment both sides share: fixed seed and clock, a private HOME, no stray kubeconfig. */
export function baseEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('KUBE_LITE_') || k === 'KUBECONFIG' || k === 'KUBECACHEDIR') delete env[k];
  return {
    ...env,
    HOME: home,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    KUBE_LITE_SEED: SEED,
    KUBE_LITE_NOW: NOW,
    ...extra,
  };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kl-diff-${prefix}-`));
}

/** Spawns a program, feeds stdin, collects output; never rejects. */
export function exec(file: string, argv: string[], opts: { env: NodeJS.ProcessEnv; stdin?: string; cwd?: string; timeoutMs?: number }): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(file, argv, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? COMMAND_TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {});
    child.stdin.end(opts.stdin ?? '');
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout: '', stderr: `spawn ${file}: ${e.message}\n` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const r: Result = {
        code: code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (timedOut) r.timedOut = true;
      resolve(r);
    });
  });
}

/** kube-lite's own CLI on the cluster under `home`. */
export function kubeLite(home: string, cmd: Cmd): Promise<Result> {
  return exec(KUBE_LITE, cmd.argv, { env: baseEnv(home, { KUBE_LITE_HOME: home }), stdin: cmd.stdin });
}

export interface Served {
  name: string;
  url: string;
  kubeconfig: string;
  home: string;
  /** A fresh discovery/OpenAPI cache for this cluster's kubectl calls. */
  cacheDir: string;
  child: ChildProcess;
  /** serve's stderr so far (logged in the report when it is not empty). */
  stderr(): string;
  /** SIGTERM, then wait; resolves to serve's exit code (contract: 0). */
  stop(): Promise<number>;
}

const SERVE_LINE_1 = /^Serving cluster "([^"]+)" at (https?:\/\/127\.0\.0\.1:\d+)$/;
const SERVE_LINE_2 = /^Kubeconfig: (\/.+)$/;

/** Starts `kube-lite serve --port 0` on the cluster under `home`; resolves once both lines are printed. */
export function startServe(home: string, extraArgs: string[] = [], timeoutMs = 20_000): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(KUBE_LITE, ['serve', '--port', '0', ...extraArgs], {
      cwd: REPO_ROOT,
      env: baseEnv(home, { KUBE_LITE_HOME: home }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let done = false;
    const exited = new Promise<number>((res) => child.on('close', (code, signal) => res(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1))));
    const fail = (why: string): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`kube-lite serve: ${why}\nstdout:\n${out}\nstderr:\n${err}`));
    };
    const timer = setTimeout(() => fail(`did not print its two lines within ${timeoutMs} ms`), timeoutMs);
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', (e) => fail(e.message));
    void exited.then((code) => fail(`exited with ${code} before it was ready`));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
      if (done) return;
      const lines = out.split('\n');
      if (lines.length < 3) return; // two complete lines
      const m1 = SERVE_LINE_1.exec(lines[0]!);
      const m2 = SERVE_LINE_2.exec(lines[1]!);
      if (!m1 || !m2) return fail('unexpected output (contract: `Serving cluster "<name>" at http://127.0.0.1:<port>` then `Kubeconfig: <absolute path>`)');
      done = true;
      clearTimeout(timer);
      const cacheDir = tempDir('cache');
      resolve({
        name: m1[1]!,
        url: m1[2]!,
        kubeconfig: m2[1]!,
        home,
        cacheDir,
        child,
        stderr: () => err,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
          const code = await exited;
          clearTimeout(t);
          fs.rmSync(cacheDir, { recursive: true, force: true });
          return code;
        },
      });
    });
  });
}

/** Real kubectl against a served cluster, with that cluster's own --cache-dir. */
export function kubectl(served: Served, cmd: Cmd, bin = KUBECTL): Promise<Result> {
  return exec(bin, [`--cache-dir=${served.cacheDir}`, ...cmd.argv], {
    env: baseEnv(served.home, { KUBECONFIG: served.kubeconfig }),
    stdin: cmd.stdin,
  });
}

export interface Availability {
  ok: boolean;
  reason: string;
}

/**
 * Copies the built program (bin/, dist/, build/openapi, build/snapshot, the validators, package.json) into a private
 * directory and runs that copy from then on, so a rebuild of the checkout during the run (another
 * engineer's `npm run build`) cannot swap chunks under a running suite. node_modules is symlinked. A
 * copy taken mid-build is detected (`version --client` fails) and retaken.
 */
export function snapshotBuild(): string {
  if (process.env['KUBE_LITE_DIFF_BIN']) return KUBE_LITE; // an explicit program: use it as it is
  const src = REPO_ROOT;
  if (!fs.existsSync(path.join(src, 'dist/kube-lite.cjs'))) return KUBE_LITE;
  for (let attempt = 0; attempt < 10; attempt++) {
    const dir = tempDir('build');
    // Timestamps kept: bin/kube-lite uses the startup snapshot only while its stamps match the Node.
    for (const rel of ['bin', 'dist', 'build/openapi', 'build/snapshot', 'build/schema-validators.cjs']) {
      if (fs.existsSync(path.join(src, rel))) fs.cpSync(path.join(src, rel), path.join(dir, rel), { recursive: true, preserveTimestamps: true });
    }
    fs.copyFileSync(path.join(src, 'package.json'), path.join(dir, 'package.json'));
    fs.symlinkSync(path.join(src, 'node_modules'), path.join(dir, 'node_modules'));
    const bin = path.join(dir, 'bin/kube-lite');
    const home = tempDir('probe');
    const r = spawnSync(bin, ['version', '--client'], { cwd: src, env: baseEnv(home, { KUBE_LITE_HOME: home }), encoding: 'utf8', timeout: 20_000 });
    const r2 = spawnSync(bin, ['get', 'ns', '-o', 'name'], { cwd: src, env: baseEnv(home, { KUBE_LITE_HOME: home }), encoding: 'utf8', timeout: 20_000 });
    fs.rmSync(home, { recursive: true, force: true });
    if (r.status === 0 && r2.status === 0) {
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
      KUBE_LITE = bin;
      return bin;
    }
    fs.rmSync(dir, { recursive: true, force: true });
    spawnSync('sleep', ['2']);
  }
  return KUBE_LITE;
}

/** Is `kube-lite serve` implemented in the built bundle? (`serve --help` exits 0 and mentions --port.) */
export function serveAvailability(): Availability {
  if (!fs.existsSync(path.join(path.dirname(KUBE_LITE), '../dist/kube-lite.cjs'))) return { ok: false, reason: 'dist/ is not built: run `npm run build`' };
  const home = tempDir('probe');
  const r = spawnSync(KUBE_LITE, ['serve', '--help'], { cwd: REPO_ROOT, env: baseEnv(home, { KUBE_LITE_HOME: home }), encoding: 'utf8', timeout: 20_000 });
  fs.rmSync(home, { recursive: true, force: true });
  if (r.status === 0 && /--port/.test(r.stdout + r.stderr)) return { ok: true, reason: '' };
  const said = (r.stderr || r.stdout || '').trim().split('\n')[0] ?? '';
  return { ok: false, reason: `\`kube-lite serve\` is not implemented yet (serve --help exited ${r.status}: ${said})` };
}

/** Is real kubectl v1.36.3 installed? */
export function kubectlAvailability(bin = KUBECTL): Availability {
  if (!fs.existsSync(bin)) return { ok: false, reason: `${bin} is missing: run scripts/install-kubectl.sh` };
  const r = spawnSync(bin, ['version', '--client'], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0 || !/Client Version: v1\.36\.3/.test(r.stdout)) return { ok: false, reason: `${bin} is not kubectl v1.36.3: ${r.stdout}${r.stderr}` };
  return { ok: true, reason: '' };
}

export function helmAvailability(bin = HELM): Availability {
  if (!fs.existsSync(bin)) return { ok: false, reason: `${bin} is missing: run scripts/install-kubectl.sh` };
  const r = spawnSync(bin, ['version', '--short'], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) return { ok: false, reason: `${bin} does not run: ${r.stdout}${r.stderr}` };
  return { ok: true, reason: '' };
}

/** A fresh cluster: a new KUBE_LITE_HOME with the setup commands run by kube-lite. */
export async function freshCluster(prefix: string, setup: Cmd[]): Promise<{ home: string; results: Result[] }> {
  const home = tempDir(prefix);
  const results: Result[] = [];
  for (const cmd of setup) results.push(await kubeLite(home, cmd));
  return { home, results };
}

// ---------------------------------------------------------------------------------------------------
// Unified diff (line-based LCS; outputs here are at most a few thousand lines).

export function unifiedDiff(a: string, b: string, labelA: string, labelB: string, context = 3): string {
  if (a === b) return '';
  const x = splitLines(a);
  const y = splitLines(b);
  const n = x.length;
  const m = y.length;
  // LCS table from the end; fine for n*m up to a few million.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] = x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  type Op = { t: ' ' | '-' | '+'; s: string; i: number; j: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) ops.push({ t: ' ', s: x[i]!, i: i++, j: j++ });
    else if (j < m && (i === n || lcs[i * w + j + 1]! >= lcs[(i + 1) * w + j]!)) ops.push({ t: '+', s: y[j]!, i, j: j++ });
    else ops.push({ t: '-', s: x[i]!, i: i++, j });
  }
  const out = [`--- ${labelA}`, `+++ ${labelB}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.t === ' ') {
      k++;
      continue;
    }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are within 2*context lines of each other.
    for (;;) {
      while (end < ops.length && ops[end]!.t !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.t === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk[0]!.i;
    const bStart = hunk[0]!.j;
    const aLen = hunk.filter((o) => o.t !== '+').length;
    const bLen = hunk.filter((o) => o.t !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(`${o.t}${o.s}`);
    k = end;
    start = end;
  }
  return out.join('\n') + '\n';
}

/** Lines, with a marker for a missing final newline (byte-for-byte comparison must show it). */
function splitLines(s: string): string[] {
  if (s === '') return [];
  const lines = s.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '⏎(no newline at end)';
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Normalisation: only what legitimately differs between the two programs.

/** The program's name in usage errors: `See 'kube-lite get --help'`, `unknown command "x" for "kube-lite"`. */
export function normalizeProgramName(s: string): string {
  return s.replace(/See 'kube-lite( [^']*)?--help' for usage\./g, (_m, mid: string | undefined) => `See 'kubectl${mid ?? ' '}--help' for usage.`).replace(/ for "kube-lite"/g, ' for "kubectl"');
}

/** `diff` output: random temporary directory names and file modification times. */
export function normalizeDiff(s: string): string {
  return s
    .replace(/\/(LIVE|MERGED)-[A-Za-z0-9]+\//g, '/$1-XXXXXX/')
    .replace(/^((?:---|\+\+\+) \S+)\t.*$/gm, '$1\t<mtime>');
}

/** `version`: the client lines are each program's own; only the server's must agree. */
export function serverVersionOnly(s: string): string {
  return s
    .split('\n')
    .filter((l) => !/^(Client|Kustomize) Version:/.test(l))
    .join('\n');
}

/**
 * `describe`: kubectl computes the Age cells of the Events and Non-terminated Pods tables itself, from
 * its own wall clock, while the cluster's clock is pinned (KUBE_LITE_NOW) — so those cells differ by
 * construction. Rewrites each such table row with the Age cell as `<age>` and cells joined by two spaces
 * (the column widths depend on the ages), on both sides. Everything else stays byte for byte.
 */
export function normalizeDescribeAges(s: string): string {
  const lines = s.split('\n');
  let ageCol = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = line.split(/ {2,}/);
    const isHeader = /^\s+Type\s+Reason\s+Age\s+From\s+Message\s*$/.test(line) || /^\s+Namespace\s+Name\s+CPU Requests\s.*\sAge\s*$/.test(line);
    if (isHeader) {
      ageCol = cells.indexOf('Age');
      lines[i] = cells.join('  ');
      continue;
    }
    if (ageCol < 0) continue;
    if (!line.startsWith(' ') || line.trim() === '') {
      ageCol = -1;
      continue;
    }
    if (cells.length > ageCol && !/^-+$/.test(cells[ageCol]!)) cells[ageCol] = '<age>';
    lines[i] = cells.join('  ');
  }
  return lines.join('\n');
}
