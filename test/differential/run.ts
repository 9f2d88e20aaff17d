// Runs the differential groups and writes the report (build/differential-report.md).

import fs from 'node:fs';
import path from 'node:path';
import type { Case, Group } from './cases.js';
import {
  freshCluster,
  kubectl,
  kubeLite,
  normalizeProgramName,
  NOW,
  REPO_ROOT,
  SEED,
  startServe,
  unifiedDiff,
  type Cmd,
  type Result,
  type Served,
} from './harness.js';

export interface CaseResult {
  group: string;
  index: number;
  argv: string[];
  stdin?: string;
  note?: string;
  kubeLite: Result;
  kubectl: Result;
  match: boolean;
  diff: string;
}

export interface GroupResult {
  group: string;
  setup: Cmd[];
  setupProblems: string[];
  serveStderr: string;
  serveExit?: number;
  cases: CaseResult[];
  seconds: number;
}

export interface RunOptions {
  /** Side B runs kube-lite's CLI too (no serve, no kubectl): checks the harness and the corpus are deterministic. */
  selfTest?: boolean;
  log?: (s: string) => void;
}

export function shellQuote(argv: string[]): string {
  return argv.map((a) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function compare(c: Case, a: Result, b: Result): { match: boolean; diff: string } {
  const norm = (s: string): string => (c.normalize ? c.normalize(s) : s);
  const aOut = norm(a.stdout);
  const bOut = norm(b.stdout);
  const aErr = norm(normalizeProgramName(a.stderr));
  const bErr = norm(normalizeProgramName(b.stderr));
  const parts: string[] = [];
  if (a.code !== b.code || a.timedOut || b.timedOut)
    parts.push(`exit code: kube-lite ${a.code}${a.timedOut ? ' (timed out)' : ''}, kubectl ${b.code}${b.timedOut ? ' (timed out)' : ''}\n`);
  if (aOut !== bOut) parts.push(unifiedDiff(aOut, bOut, 'kube-lite stdout', 'kubectl stdout'));
  if (aErr !== bErr) parts.push(unifiedDiff(aErr, bErr, 'kube-lite stderr', 'kubectl stderr'));
  return { match: parts.length === 0, diff: parts.join('') };
}

export async function runGroup(g: Group, opts: RunOptions = {}): Promise<GroupResult> {
  const t0 = Date.now();
  const setupProblems: string[] = [];

  const sideA = (async () => {
    const { home, results } = await freshCluster('a', g.setup);
    const out: Result[] = [];
    for (const c of g.cases) out.push(await kubeLite(home, c));
    return { home, setup: results, out };
  })();

  const sideB = (async () => {
    const { home, results } = await freshCluster('b', g.setup);
    const out: Result[] = [];
    let served: Served | undefined;
    let serveExit: number | undefined;
    try {
      if (opts.selfTest) {
        for (const c of g.cases) out.push(await kubeLite(home, c));
      } else {
        served = await startServe(home);
        for (const c of g.cases) out.push(await kubectl(served, c));
      }
    } finally {
      if (served) serveExit = await served.stop();
    }
    return { home, setup: results, out, serveStderr: served?.stderr() ?? '', serveExit };
  })();

  const [a, b] = await Promise.all([sideA, sideB]);
  g.setup.forEach((cmd, i) => {
    const ra = a.setup[i]!;
    const rb = b.setup[i]!;
    if (ra.code !== 0) setupProblems.push(`setup \`${shellQuote(cmd.argv)}\` exited ${ra.code}: ${ra.stderr.trim()}`);
    if (ra.code !== rb.code || ra.stdout !== rb.stdout || ra.stderr !== rb.stderr)
      setupProblems.push(`setup \`${shellQuote(cmd.argv)}\` differs between the two fresh clusters (not deterministic)`);
  });

  const cases: CaseResult[] = g.cases.map((c, i) => {
    const { match, diff } = compare(c, a.out[i]!, b.out[i]!);
    const r: CaseResult = { group: g.name, index: i, argv: c.argv, kubeLite: a.out[i]!, kubectl: b.out[i]!, match, diff };
    if (c.stdin !== undefined) r.stdin = c.stdin;
    if (c.note) r.note = c.note;
    return r;
  });
  for (const h of [a.home, b.home]) fs.rmSync(h, { recursive: true, force: true });
  const res: GroupResult = { group: g.name, setup: g.setup, setupProblems, serveStderr: b.serveStderr, cases, seconds: (Date.now() - t0) / 1000 };
  if (b.serveExit !== undefined) res.serveExit = b.serveExit;
  opts.log?.(`${g.name}: ${cases.filter((c) => c.match).length}/${cases.length} match (${res.seconds.toFixed(1)} s)`);
  return res;
}

export async function runAll(gs: Group[], opts: RunOptions = {}): Promise<GroupResult[]> {
  const out: GroupResult[] = [];
  // One group at a time: its two sides already run in parallel (2 cores).
  for (const g of gs) out.push(await runGroup(g, opts));
  return out;
}

export interface Summary {
  total: number;
  matched: number;
  rate: number;
}

export function summarize(results: GroupResult[]): Summary {
  const all = results.flatMap((g) => g.cases);
  const matched = all.filter((c) => c.match).length;
  return { total: all.length, matched, rate: all.length ? matched / all.length : 0 };
}

/** The verb a case exercises (for the per-verb table): `rollout status`, `create deployment`, `get`… */
function verbOf(argv: string[]): string {
  const words = argv.filter((a) => !a.startsWith('-'));
  const v = words[0] ?? '?';
  if ((v === 'rollout' || v === 'set') && words[1]) return `${v} ${words[1]}`;
  if (v === 'create' && words[1] && !argv.includes('-f')) return words[1] === 'service' || words[1] === 'secret' ? `create ${words[1]} ${words[2] ?? ''}`.trim() : `create ${words[1]}`;
  if (v === 'create') return 'create -f';
  return v;
}

export function report(results: GroupResult[], opts: { selfTest?: boolean; seconds: number }): string {
  const s = summarize(results);
  const lines: string[] = [];
  lines.push('# Differential report: real kubectl v1.36.3 against `kube-lite serve` vs `kube-lite`');
  lines.push('');
  if (opts.selfTest) lines.push('**SELF-TEST MODE**: both sides ran kube-lite’s CLI (checks determinism of the harness, not serve).', '');
  lines.push(`Match rate: **${(s.rate * 100).toFixed(1)}%** (${s.matched} of ${s.total} commands identical in stdout, stderr and exit code).`);
  lines.push('');
  lines.push(`Seed ${SEED}, clock ${NOW}; ${results.length} groups, ${opts.seconds.toFixed(0)} s. Generated by \`npm run test:differential\`.`);
  lines.push('');
  lines.push('## By group', '', '| group | matched | cases | seconds |', '|---|---|---|---|');
  for (const g of results) lines.push(`| ${g.group} | ${g.cases.filter((c) => c.match).length} | ${g.cases.length} | ${g.seconds.toFixed(1)} |`);
  lines.push('');
  const byVerb = new Map<string, { n: number; ok: number }>();
  for (const c of results.flatMap((g) => g.cases)) {
    const v = verbOf(c.argv);
    const e = byVerb.get(v) ?? { n: 0, ok: 0 };
    e.n++;
    if (c.match) e.ok++;
    byVerb.set(v, e);
  }
  lines.push('## By verb', '', '| verb | matched | cases |', '|---|---|---|');
  for (const [v, e] of [...byVerb].sort((x, y) => (x[0] < y[0] ? -1 : 1))) lines.push(`| ${v} | ${e.ok} | ${e.n} |`);
  lines.push('');
  const problems = results.filter((g) => g.setupProblems.length || g.serveStderr.trim() || (g.serveExit !== undefined && g.serveExit !== 0));
  if (problems.length) {
    lines.push('## Harness notes', '');
    for (const g of problems) {
      for (const p of g.setupProblems) lines.push(`- ${g.group}: ${p}`);
      if (g.serveExit !== undefined && g.serveExit !== 0) lines.push(`- ${g.group}: \`kube-lite serve\` exited ${g.serveExit} on SIGTERM (contract: 0)`);
      if (g.serveStderr.trim()) lines.push(`- ${g.group}: serve wrote to stderr:`, '', '```', g.serveStderr.trimEnd().slice(0, 4000), '```', '');
    }
    lines.push('');
  }
  const failing = results.flatMap((g) => g.cases.filter((c) => !c.match));
  lines.push(`## Differences (${failing.length})`, '');
  lines.push('Each diff reads `-` kube-lite, `+` kubectl (against serve). Cases of one group share a cluster, so an early difference may cascade.', '');
  for (const c of failing) {
    lines.push(`### ${c.group} #${c.index + 1}: \`kubectl ${shellQuote(c.argv)}\``);
    if (c.stdin !== undefined) lines.push('', 'stdin:', '', '```yaml', c.stdin.trimEnd(), '```');
    if (c.note) lines.push('', `(normalised: ${c.note})`);
    lines.push('', '```diff', c.diff.trimEnd(), '```', '');
  }
  lines.push('## All cases', '');
  for (const g of results) {
    lines.push(`- **${g.group}** (setup: ${g.setup.map((c) => `\`${shellQuote(c.argv)}\``).join(', ') || 'none'})`);
    for (const c of g.cases) lines.push(`  - ${c.match ? '✓' : '✗'} \`${shellQuote(c.argv)}\``);
  }
  lines.push('');
  return lines.join('\n');
}

export function writeReport(text: string, file = path.join(REPO_ROOT, 'build/differential-report.md')): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
