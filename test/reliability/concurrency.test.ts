// Concurrency: 8 real processes x 50 mutating commands on one cluster. Each worker owns a Deployment
// and its ConfigMaps and also labels one shared ConfigMap; afterwards every change is present exactly
// once, resourceVersions are unique (and increase along each worker's own writes), the newest equals
// the store revision, and the controllers have converged.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { clusterDirOf, kl, readState, strayFiles } from './helpers.js';

const WORKERS = 8;
const COMMANDS = 50;
const RV = ['-o', 'jsonpath={.metadata.resourceVersion}'];

interface Expect {
  configmaps: Set<string>;
  replicas: number;
  applied: string;
  sharedLabels: string[];
  rvs: number[];
  commands: number;
}

describe('reliability: concurrency', () => {
  it(`${WORKERS} processes x ${COMMANDS} mutating commands on one cluster`, async () => {
    const home = tempHome();
    const files = fs.mkdtempSync(path.join(home, 'manifests-'));
    expect((await kl(home, 'create', 'configmap', 'shared', '--from-literal=k=v')).code).toBe(0);

    const worker = async (w: number): Promise<Expect> => {
      const ex: Expect = { configmaps: new Set(), replicas: 1, applied: '', sharedLabels: [], rvs: [], commands: 0 };
      const must = async (...args: string[]) => {
        const r = await kl(home, ...args);
        ex.commands++;
        if (r.code !== 0) throw new Error(`worker ${w}: kube-lite ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
        return r.stdout;
      };
      const rv = (out: string) => ex.rvs.push(Number(out));
      await must('create', 'deployment', `w${w}`, '--image=nginx:1.25', '--replicas=1');
      for (let i = 1; ex.commands < COMMANDS; i++) {
        switch (i % 5) {
          case 0: // label the shared object
            rv(await must('label', 'configmap', 'shared', `w${w}-n${i}=v`, ...RV));
            ex.sharedLabels.push(`w${w}-n${i}`);
            break;
          case 1: // create a ConfigMap of its own
            rv(await must('create', 'configmap', `w${w}-cm${i}`, `--from-literal=i=${i}`, ...RV));
            ex.configmaps.add(`w${w}-cm${i}`);
            break;
          case 2: // scale its Deployment
            ex.replicas = 1 + (i % 3);
            await must('scale', 'deployment', `w${w}`, `--replicas=${ex.replicas}`);
            break;
          case 3: {
            // apply a manifest (created the first time, then configured)
            const file = path.join(files, `w${w}-${i}.yaml`);
            fs.writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w${w}-applied\n  labels:\n    worker: "${w}"\ndata:\n  i: "${i}"\n`);
            rv(await must('apply', '-f', file, ...RV));
            ex.applied = String(i);
            break;
          }
          case 4: {
            // delete every other ConfigMap it created
            const victim = [...ex.configmaps].find((n) => Number(n.split('cm')[1]) % 2 === 0);
            if (victim) {
              await must('delete', 'configmap', victim);
              ex.configmaps.delete(victim);
            } else {
              rv(await must('label', 'configmap', `w${w}-applied`, `l${i}=v`, '--overwrite', ...RV));
            }
            break;
          }
        }
      }
      return ex;
    };

    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    const seconds = (performance.now() - t0) / 1000;
    // The last write is an update, so the newest resourceVersion is the store revision
    // (a delete bumps the revision without leaving an object that carries it).
    expect((await kl(home, 'label', 'configmap', 'shared', 'final=done')).code).toBe(0);

    const state = readState(home);
    const cms = state.objects['configmaps'] ?? {};
    const shared = cms['default/shared']!;
    const sharedLabels = Object.keys(shared.metadata.labels ?? {}).filter((k) => /^w\d+-n\d+$/.test(k)).sort();
    expect(sharedLabels).toEqual(results.flatMap((r) => r.sharedLabels).sort());

    const mine = Object.keys(cms)
      .map((k) => k.split('/')[1]!)
      .filter((n) => /^w\d+-cm\d+$/.test(n))
      .sort();
    expect(mine).toEqual(results.flatMap((r) => [...r.configmaps]).sort());
    for (let w = 0; w < WORKERS; w++) {
      const applied = cms[`default/w${w}-applied`] as unknown as { data: Record<string, string> };
      expect(applied.data).toEqual({ i: results[w]!.applied });
      const deploy = state.objects['deployments.apps']![`default/w${w}`] as unknown as { spec: { replicas: number } };
      expect(deploy.spec.replicas).toBe(results[w]!.replicas);
    }

    // resourceVersions: unique across every object in the store, the newest is the store revision,
    // unique across every write the workers saw, and increasing along each worker's writes.
    const all = Object.values(state.objects).flatMap((b) => Object.values(b).map((o) => Number(o.metadata.resourceVersion)));
    expect(new Set(all).size).toBe(all.length);
    expect(Math.max(...all)).toBe(state.revision);
    const seen = results.flatMap((r) => r.rvs);
    expect(seen.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(new Set(seen).size).toBe(seen.length);
    for (const r of results) expect(r.rvs).toEqual([...r.rvs].sort((a, b) => a - b));

    // Converged: every Deployment READY n/n with n its last scale, and a pod count to match.
    const get = await kl(home, 'get', 'deployments', '--no-headers');
    expect(get.code).toBe(0);
    const rows = get.stdout.trim().split('\n').map((l) => l.split(/\s+/));
    expect(rows).toHaveLength(WORKERS);
    for (const [name, ready, upToDate, available] of rows) {
      const n = results[Number(name!.slice(1))]!.replicas;
      expect([name, ready, upToDate, available]).toEqual([name, `${n}/${n}`, String(n), String(n)]);
    }
    const pods = Object.keys(state.objects['pods'] ?? {}).length;
    expect(pods).toBe(results.reduce((s, r) => s + r.replicas, 0));

    expect(results.reduce((s, r) => s + r.commands, 0)).toBe(WORKERS * COMMANDS);
    expect(strayFiles(clusterDirOf(home))).toEqual([]);
    console.log(`concurrency: ${WORKERS * COMMANDS} commands by ${WORKERS} processes in ${seconds.toFixed(1)} s, ${seen.length} resourceVersions checked, 0 lost`);
  }, 200_000);
});
