// Records `kubectl describe` goldens for fixtures.ts and diffs them against describeObject.
// Needs real kubectl v1.36 (../shared/tools/install-kubectl .tools/bin), or KUBECTL=/path.
// Usage: TZ=UTC node test/unit/describe/record/record.mjs [--write] [target ids...]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const kubectl = process.env.KUBECTL ?? path.join(root, '.tools/bin/kubectl');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'describe-golden-'));
const entry = path.join(work, 'entry.ts');
fs.writeFileSync(
  entry,
  `export { describeObject } from ${JSON.stringify(path.join(root, 'src/printers/describe/index.ts'))};\n` +
    `export * from ${JSON.stringify(path.join(here, '../fixtures.ts'))};\n`,
);
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: path.join(work, 'bundle.mjs'), logLevel: 'error' });
const mod = await import(path.join(work, 'bundle.mjs'));

const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => !a.startsWith('--'));
if (write && only.length > 0) throw new Error('--write records every target (they share one clock)');
const T = Date.now() - 1000;
const all = mod.buildFixtures(T);
fs.writeFileSync(path.join(work, 'fixtures.json'), JSON.stringify(all));

const port = 18000 + Math.floor(Math.random() * 1000);
const srv = spawn(process.execPath, [path.join(here, 'fake-apiserver.mjs'), path.join(work, 'fixtures.json'), String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((r) => srv.stdout.once('data', r));
const kubeconfig = path.join(work, 'kubeconfig');
fs.writeFileSync(
  kubeconfig,
  `apiVersion: v1\nkind: Config\nclusters:\n- name: f\n  cluster: {server: "http://127.0.0.1:${port}"}\n` +
    `contexts:\n- name: f\n  context: {cluster: f, user: f, namespace: default}\ncurrent-context: f\nusers:\n- name: f\n  user: {}\n`,
);

const goldenDir = path.join(here, '../golden');
const metaPath = path.join(goldenDir, 'meta.json');
const meta = { T, now: {} };
const pluralOf = (kind) => {
  const k = kind.toLowerCase();
  return k === 'endpoints' ? k : k.endsWith('s') ? k + 'es' : k.endsWith('y') ? k.slice(0, -1) + 'ies' : k + 's';
};
let diffs = 0;
try {
  for (const t of mod.TARGETS) {
    if (only.length && !only.includes(t.id)) continue;
    const now = Date.now();
    const kargs = ['--kubeconfig', kubeconfig, '--cache-dir', path.join(work, 'cache'), 'describe', t.resource, t.name];
    if (t.namespace) kargs.push('-n', t.namespace);
    const out = execFileSync(kubectl, kargs, { encoding: 'utf8' });
    const o = all.find((x) => x.metadata.name === t.name && (x.metadata.namespace ?? '') === (t.namespace ?? '') && pluralOf(x.kind) === t.resource);
    const mine = mod.describeObject(o, { now, events: mod.eventsFor(o, all), list: mod.lister(all) });
    if (out !== mine) {
      diffs++;
      fs.writeFileSync(path.join(work, `${t.id}.kubectl`), out);
      fs.writeFileSync(path.join(work, `${t.id}.mine`), mine);
      console.log(`DIFF ${t.id}: diff -u ${path.join(work, t.id)}.kubectl ${path.join(work, t.id)}.mine`);
    } else console.log(`ok   ${t.id}`);
    if (write) {
      fs.writeFileSync(path.join(goldenDir, `${t.id}.txt`), out);
      meta.now[t.id] = now;
    }
  }
} finally {
  srv.kill();
}
if (write) fs.writeFileSync(metaPath, JSON.stringify(meta, null, 2) + '\n');
console.log(`${diffs} difference(s)`);
process.exitCode = diffs > 0 ? 1 : 0;
