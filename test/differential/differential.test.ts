// The fidelity proof (issue #7): for 200+ commands, real kubectl v1.36.3 against `kube-lite serve` must
// print what kube-lite's own CLI prints on an identical cluster — stdout, stderr and exit code, byte for
// byte. Prints the match rate and every difference (a unified diff per failing command), writes
// build/differential-report.md, and requires a rate of at least 95%.
//
// Skips (with the reason) while `kube-lite serve` is not implemented or kubectl is not installed
// (scripts/install-kubectl.sh). KUBE_LITE_DIFF_SELFTEST=1 runs kube-lite on both sides instead, which
// checks that the harness and the corpus are deterministic (expect 100%).

import { describe, expect, it } from 'vitest';
import { countCases, groups } from './cases.js';
import { ENABLED, kubectlAvailability, serveAvailability, snapshotBuild } from './harness.js';
import { report, runAll, shellQuote, summarize, writeReport } from './run.js';

const SELF_TEST = process.env['KUBE_LITE_DIFF_SELFTEST'] === '1';
const MIN_RATE = 0.95;

const skipReason = skipReasonFor(SELF_TEST);
if (ENABLED && skipReason) console.warn(`[differential] SKIPPED: ${skipReason}`);

function skipReasonFor(selfTest: boolean): string {
  if (!ENABLED) return 'run through `npm run test:differential`';
  snapshotBuild();
  if (selfTest) return '';
  const serve = serveAvailability();
  if (!serve.ok) return serve.reason;
  const kc = kubectlAvailability();
  return kc.ok ? '' : kc.reason;
}

describe.skipIf(!ENABLED)('differential: kubectl + kube-lite serve vs kube-lite', () => {
  // KUBE_LITE_DIFF_GROUPS=read-only,rollout runs only the groups whose names start with one of these.
  const only = (process.env['KUBE_LITE_DIFF_GROUPS'] ?? '').split(',').filter(Boolean);
  const all = groups();
  const gs = only.length ? all.filter((g) => only.some((o) => g.name.startsWith(o))) : all;

  it('has a corpus of at least 200 commands', () => {
    expect(countCases(all)).toBeGreaterThanOrEqual(200);
  });

  it.skipIf(!!skipReason)(`matches on at least ${MIN_RATE * 100}% of the commands`, async () => {
    const t0 = Date.now();
    const results = await runAll(gs, { selfTest: SELF_TEST, log: (s) => console.log(`[differential] ${s}`) });
    const seconds = (Date.now() - t0) / 1000;
    const s = summarize(results);
    const file = writeReport(report(results, { selfTest: SELF_TEST, seconds }), undefined);

    const out: string[] = [];
    for (const g of results)
      for (const c of g.cases.filter((x) => !x.match))
        out.push(`✗ ${g.group} #${c.index + 1}: kubectl ${shellQuote(c.argv)}\n${c.diff}`);
    for (const g of results) for (const p of g.setupProblems) out.push(`! ${g.group}: ${p}`);
    out.push(
      `[differential] match rate ${(s.rate * 100).toFixed(1)}% (${s.matched}/${s.total})${SELF_TEST ? ' [self-test]' : ''} in ${seconds.toFixed(0)} s; report: ${file}`,
    );
    console.log(out.join('\n'));

    expect(results.flatMap((g) => g.setupProblems)).toEqual([]);
    if (!only.length) expect(s.rate).toBeGreaterThanOrEqual(MIN_RATE);
  });
});
