// Applies every manifest in ../shared/corpus (real manifests from kubernetes/examples and
// kubernetes/website), each into a fresh cluster, and classifies the result:
//   applied   every object was created
//   rejected  kubectl's own rejection: a kind or API version the cluster does not serve
//             ("no matches for kind"), or an object a 1.36 apiserver refuses (pinned message)
//   failure   anything else
// The per-file outcome is pinned in expected.json (UPDATE_GOLDEN=1 rewrites it), so a change in
// behaviour shows up as a reviewed diff. No file may crash the CLI.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';
import { countApplied, countStates, declaredObjects, formatReport, type KindReport } from './by-kind.js';

const here = path.dirname(new URL(import.meta.url).pathname);
const corpus = path.resolve(here, '../../../shared/corpus');
const expectedFile = path.join(here, 'expected.json');

function manifests(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...manifests(p));
    else if (/\.(ya?ml|json)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

type Outcome = {
  outcome: 'applied' | 'rejected' | 'failure';
  stderr?: string;
  /** After converging: pods by their STATUS column (Running, Pending, Completed, ImagePullBackOff…). */
  pods?: Record<string, number>;
};

/** The STATUS column of `get pods -A`, counted. */
async function podStatuses(home: string): Promise<Record<string, number> | undefined> {
  const r = await run(home, 'get', 'pods', '-A', '--no-headers');
  if (r.stdout === '') return undefined;
  const counts: Record<string, number> = {};
  for (const line of r.stdout.trim().split('\n')) {
    const status = line.split(/\s+/)[3]!;
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

const STATE_RESOURCES =
  'pods,deployments,statefulsets,daemonsets,replicasets,replicationcontrollers,services,persistentvolumeclaims,persistentvolumes,jobs,cronjobs,ingresses';

/** Adds the states of this cluster's objects to the by-kind report. */
async function collectStates(home: string, report: KindReport): Promise<void> {
  const list = async (what: string) => {
    const r = await run(home, 'get', what, '-A', '-o', 'json');
    return r.code === 0 ? (JSON.parse(r.stdout).items ?? []) : [];
  };
  const podStatus = new Map<string, string>();
  const r = await run(home, 'get', 'pods', '-A', '--no-headers');
  for (const line of r.stdout.trim().split('\n').filter(Boolean)) {
    const [ns, name, , status] = line.split(/\s+/);
    podStatus.set(`${ns}/${name}`, status!);
  }
  countStates(report, await list(STATE_RESOURCES), podStatus, await list('endpointslices'));
}

function classify(code: number, stderr: string): Outcome {
  if (code === 0) return { outcome: 'applied' };
  // kubectl's errors start with one of these; anything else (a stack trace, a bare message) is a failure.
  const first = stderr.replace(/^Warning: .*\n/gm, '').split('\n')[0] ?? '';
  // (Several errors print as kubectl's MultipleErrors: one per line, without the "error: " prefix.)
  const kubectlShaped = /^(error: |Error from server |The |resource mapping not found for name: )/.test(first);
  if (!kubectlShaped) return { outcome: 'failure', stderr };
  return { outcome: 'rejected', stderr };
}

describe.skipIf(!fs.existsSync(corpus))('corpus', () => {
  it('applies every corpus manifest without crashing', async () => {
    const results: Record<string, Outcome> = {};
    const byKind: KindReport = {};
    for (const file of manifests(corpus)) {
      const rel = path.relative(corpus, file);
      const home = tempHome();
      const r = await run(home, 'apply', '-f', file);
      const o = classify(r.code, r.stderr.split(corpus + '/').join(''));
      const pods = await podStatuses(home);
      if (pods) o.pods = pods;
      countApplied(byKind, declaredObjects(fs.readFileSync(file, 'utf8'), file.endsWith('.json')), r.stdout);
      await collectStates(home, byKind);
      // A crash is a stack trace or a non-kubectl error line.
      expect(r.stderr, rel).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      results[rel] = o;
      fs.rmSync(home, { recursive: true, force: true });
    }
    const counts = { applied: 0, rejected: 0, failure: 0 };
    const pods: Record<string, number> = {};
    for (const o of Object.values(results)) {
      counts[o.outcome]++;
      for (const [k, v] of Object.entries(o.pods ?? {})) pods[k] = (pods[k] ?? 0) + v;
    }
    console.log(`corpus: ${Object.keys(results).length} files: ${counts.applied} applied, ${counts.rejected} rejected as kubectl would, ${counts.failure} failures`);
    console.log(`corpus pods after converging: ${JSON.stringify(pods)}`);
    // By kind: applied / rejected objects and their states after converging (also in build/).
    const table = formatReport(byKind);
    console.log(`corpus by kind:\n${table}`);
    fs.mkdirSync(path.resolve(here, '../../build'), { recursive: true });
    fs.writeFileSync(path.resolve(here, '../../build/corpus-by-kind.txt'), table);
    if (process.env['UPDATE_GOLDEN'] || !fs.existsSync(expectedFile)) {
      fs.writeFileSync(expectedFile, JSON.stringify(results, null, 1) + '\n');
    }
    expect(results).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
    expect(counts.failure).toBe(0);
  }, 600_000);
});
