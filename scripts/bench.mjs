// kube-lite's benchmark: wall time and peak memory of common commands, each run as a user runs it
// (a fresh `node bin/kube-lite` process), median of N runs, against a node startup baseline.
// Usage: npm run bench [-- --runs 10]

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/kube-lite');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-bench-'));
const env = { ...process.env, KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1' };

function measure(cmd, args) {
  const times = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    // GNU time reports peak RSS; fall back to wall time only where it is missing.
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { env, cwd: root, encoding: 'utf8' });
    if (r.error) throw r.error;
    const last = r.stderr.trim().split('\n').pop().split(' ');
    times.push(Number(last[0]));
    rss.push(Number(last[1]) / 1024);
  }
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { wall: median(times), rss: median(rss) };
}

execFileSync(bin, ['get', 'ns'], { env }); // creates the cluster
execFileSync(bin, ['apply', '-f', 'manifests/nginx-deployment.yaml'], { env, cwd: root });

const cases = [
  ['node -e 0 (baseline)', process.execPath, ['-e', '0']],
  ['kube-lite version --client', bin, ['version', '--client']],
  ['kube-lite get pods', bin, ['get', 'pods']],
  ['kube-lite get deploy -o yaml', bin, ['get', 'deploy', '-o', 'yaml']],
  ['kube-lite apply -f (unchanged)', bin, ['apply', '-f', 'manifests/nginx-deployment.yaml']],
  ['kube-lite describe deploy', bin, ['describe', 'deploy', 'nginx-deployment']],
];
console.log(`| command | wall (median of ${runs}) | peak RSS |`);
console.log('|---|---|---|');
for (const [name, cmd, args] of cases) {
  const m = measure(cmd, args);
  console.log(`| ${name} | ${m.wall.toFixed(2)} s | ${m.rss.toFixed(0)} MiB |`);
}
fs.rmSync(home, { recursive: true, force: true });
