// Crash safety: 200 mutating commands, each SIGKILLed at a seeded-random moment of its run. After each
// kill the store must load, equal the state before or the state after that command (the "after" state
// comes from running the same command unkilled on a copy of the "before" state), and the next command
// must work and clean up what the killed process left behind.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempHome } from '../helpers/cli.js';
import { canonical, clusterDirOf, kl, klKilled, prng, readState, strayFiles } from './helpers.js';

const COMMANDS = 200;
const SEED = Number(process.env['KUBE_LITE_CRASH_SEED'] ?? 20260101);

describe('reliability: crash safety', () => {
  it(`${COMMANDS} mutating commands, each SIGKILLed at a random moment`, async () => {
    const rand = prng(SEED);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const home = tempHome();
    const files = fs.mkdtempSync(path.join(home, 'manifests-'));
    expect((await kl(home, 'create', 'deployment', 'web', '--image=nginx:1.25', '--replicas=2')).code).toBe(0);
    expect((await kl(home, 'create', 'configmap', 'seed', '--from-literal=a=b')).code).toBe(0);

    // How long an unkilled mutating command takes here: kills are spread over 0..max(300 ms, 1.2x that).
    await kl(home, 'label', 'configmap', 'seed', 'warm=1');
    const sample = await kl(home, 'label', 'configmap', 'seed', 'probe=1');
    const typical = Math.min(sample.ms, 500); // capped: a loaded machine must not stretch the suite
    const window = Math.max(300, 1.2 * typical);

    /** A mutating command valid against the current state (so its "after" differs from "before"). */
    const command = (i: number): string[] => {
      const st = readState(home);
      const cms = Object.keys(st.objects['configmaps'] ?? {})
        .filter((k) => k.startsWith('default/cm-'))
        .map((k) => k.slice('default/'.length));
      const deploys = Object.keys(st.objects['deployments.apps'] ?? {}).map((k) => k.slice('default/'.length));
      const r = rand();
      if (r < 0.25 || cms.length === 0) return ['create', 'configmap', `cm-${i}`, `--from-literal=i=${i}`];
      if (r < 0.4) return ['label', 'configmap', pick(cms), `l${i}=v`];
      if (r < 0.55) return ['scale', 'deployment', 'web', `--replicas=${1 + (i % 4)}`];
      if (r < 0.7) {
        const file = path.join(files, `applied-${i}.yaml`);
        fs.writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied-${i % 5}\ndata:\n  i: "${i}"\n`);
        return ['apply', '-f', file];
      }
      if (r < 0.85) return ['delete', 'configmap', pick(cms)];
      if (deploys.length < 4) return ['create', 'deployment', `d${i}`, '--image=nginx:1.25', '--replicas=2'];
      return ['delete', 'deployment', pick(deploys.filter((d) => d !== 'web'))];
    };

    const outcomes = { before: 0, after: 0, completed: 0, leftovers: 0, killedAfterCommit: 0 };
    const failures: string[] = [];
    for (let i = 0; i < COMMANDS; i++) {
      const argv = command(i);
      const beforeCopy = tempHome();
      fs.cpSync(clusterDirOf(home), clusterDirOf(beforeCopy), { recursive: true });
      const before = canonical(readState(home));
      // Half uniform over the window, half near the end of a typical run, where the commit happens.
      const delay = Math.floor(rand() < 0.5 ? rand() * window : typical * (0.7 + 0.4 * rand()));
      const killed = await klKilled(home, delay, ...argv);
      const what = `#${i} (delay ${delay} ms, ${killed.signal ?? `exit ${killed.code}`}): kube-lite ${argv.join(' ')}`;
      if (killed.signal === null) {
        outcomes.completed++;
        if (killed.code !== 0) failures.push(`${what}: failed unkilled: ${killed.stderr}`);
      }

      // The store loads and is the state before or after the command.
      let nowState: string;
      try {
        nowState = canonical(readState(home));
      } catch (e) {
        failures.push(`${what}: the store is unreadable: ${(e as Error).message}`);
        break;
      }
      if (nowState === before) outcomes.before++;
      else {
        const copy = beforeCopy;
        fs.copyFileSync(path.join(home, 'config.json'), path.join(copy, 'config.json'));
        const ref = await kl(copy, ...argv);
        const after = canonical(readState(copy));
        if (ref.code !== 0) failures.push(`${what}: reference run failed: ${ref.stderr}`);
        if (nowState === after) {
          outcomes.after++;
          if (killed.signal !== null) outcomes.killedAfterCommit++;
        }
        else failures.push(`${what}: state is neither the state before nor after the command`);
      }
      fs.rmSync(beforeCopy, { recursive: true, force: true });

      // Whatever the killed process left (a lock, scratch or temporary files) must not block the next
      // command, which sweeps it away.
      const left = strayFiles(clusterDirOf(home));
      if (left.length > 0) outcomes.leftovers++;
      const next = await run(home, 'get', 'configmaps', '-o', 'name');
      if (next.code !== 0) failures.push(`${what}: next command failed: ${next.stderr}`);
      const after = strayFiles(clusterDirOf(home));
      if (after.length !== 0) failures.push(`${what}: left behind after the next command: ${after.join(', ')}`);
    }

    // The real binary still works on the crashed-on store, and the history is consistent.
    const r = await kl(home, 'get', 'deployments', '--no-headers');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const row of r.stdout.trim().split('\n')) {
      const [, ready] = row.split(/\s+/);
      const [a, b] = ready!.split('/');
      expect(a).toBe(b);
    }
    const st = readState(home);
    const rvs = Object.values(st.objects).flatMap((b) => Object.values(b).map((o) => Number(o.metadata.resourceVersion)));
    expect(new Set(rvs).size).toBe(rvs.length);
    expect(Math.max(...rvs)).toBeLessThanOrEqual(st.revision);

    console.log(
      `crash safety (seed ${SEED}, kills over 0-${Math.round(window)} ms): ${COMMANDS} commands; ` +
        `${outcomes.before} left the state before, ${outcomes.after} the state after ` +
        `(${outcomes.completed} finished before the kill, ${outcomes.killedAfterCommit} killed after committing); ${outcomes.leftovers} left files behind, all swept; ` +
        `${failures.length} failures`,
    );
    expect(failures).toEqual([]);
  }, 200_000);
});
