// Measures `kube-lite serve`: pod creations per second through the HTTP API with N concurrent
// keep-alive clients, and the round trip of a `get pods` list as a Table. Not a test: prints numbers.
//   node scripts/bench-serve.mjs [--pods 4000] [--clients 32] [--nodes N]
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const PODS = arg('pods', 4000);
const CLIENTS = arg('clients', 32);

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-lite-bench-'));
const env = { ...process.env, KUBE_LITE_HOME: home, KUBE_LITE_SEED: '1' };
const bin = path.join(root, 'bin/kube-lite');
// Nodes enough for every pod (110 per node), so the rate measured is the API's, not the scheduler
// retrying pods that cannot fit.
const NODES = arg('nodes', Math.max(3, Math.ceil(PODS / 100) + 1));
execFileSync(bin, ['cluster', 'create', 'bench', '--nodes', String(NODES), '--seed', '1'], { env, stdio: 'ignore' });
// BENCH_SERVE_NODE_ARGS (e.g. "--cpu-prof") runs the server under node with those flags, for profiling.
const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = nodeArgs.length > 0
  ? spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/kube-lite.cjs'), 'serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  : spawn(bin, ['serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    const m = /at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
    if (m && out.includes('Kubeconfig:')) resolve(Number(m[1]));
  });
  child.on('exit', (c) => reject(new Error(`serve exited ${c}`)));
});

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function request(method, p, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request({ host: '127.0.0.1', port, method, path: p, agent, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

const pod = (i) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `bench-${i}`, labels: { app: 'bench' } },
  spec: { containers: [{ name: 'c', image: 'nginx:1.25' }] },
});

let next = 0;
let failed = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < PODS) {
      const i = next++;
      const r = await request('POST', '/api/v1/namespaces/default/pods', pod(i));
      if (r.status !== 201) failed++;
    }
  }),
);
const secs = (performance.now() - t0) / 1000;
console.log(`created ${PODS - failed}/${PODS} pods with ${CLIENTS} clients in ${secs.toFixed(2)} s: ${Math.round((PODS - failed) / secs)} pods/s`);

// The controllers lag a burst (as a real cluster's do) and catch up after it: how long until every
// pod created is Running.
for (;;) {
  const r = await request('GET', '/api/v1/namespaces/default/pods?fieldSelector=status.phase%3DRunning&limit=1');
  const body = JSON.parse(r.body.toString());
  const running = body.metadata?.remainingItemCount !== undefined ? body.metadata.remainingItemCount + body.items.length : body.items.length;
  if (running >= PODS - failed) break;
  if ((performance.now() - t0) / 1000 > 300) throw new Error(`only ${running} pods Running after 300 s`);
  await new Promise((res) => setTimeout(res, 100));
}
console.log(`all ${PODS - failed} pods Running ${((performance.now() - t0) / 1000).toFixed(2)} s after the first create`);

const accept = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const times = [];
for (let i = 0; i < 20; i++) {
  const s = performance.now();
  const r = await request('GET', '/api/v1/namespaces/default/pods?limit=500', undefined, { Accept: accept });
  times.push(performance.now() - s);
  if (r.status !== 200) throw new Error(`list failed: ${r.status}`);
}
times.sort((a, b) => a - b);
console.log(`get pods (Table, limit=500, ${PODS} pods in the namespace): median ${times[10].toFixed(1)} ms, min ${times[0].toFixed(1)} ms`);
const small = [];
for (let i = 0; i < 20; i++) {
  const s = performance.now();
  await request('GET', '/api/v1/namespaces/kube-system/pods', undefined, { Accept: accept });
  small.push(performance.now() - s);
}
small.sort((a, b) => a - b);
console.log(`get pods -n kube-system (Table): median ${small[10].toFixed(1)} ms`);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
fs.rmSync(home, { recursive: true, force: true });
