// Makes a V8 code cache for each generated schema validator (build/validators/*.cjs ->
// *.cjs.v8cache), loaded by src/util/cjs-cache.ts. V8 accepts a cache only under the same flags, so
// the caches are made in a child Node started with the flags bin/kube-lite passes. Each
// validator is run on a sample object first, so that the functions a typical object reaches are
// compiled and in the cache too.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');

/** The same text as wrapCommonJs() in src/util/cjs-cache.ts (the cache is made for exactly it). */
const wrap = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

function sample(key) {
  const [kind] = key.split('/').slice(-1);
  const apiVersion = key.slice(0, key.length - kind.length - 1);
  const container = { name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: 'b' }], resources: {}, volumeMounts: [{ name: 'v', mountPath: '/v' }] };
  const podSpec = { containers: [container], volumes: [{ name: 'v', emptyDir: {} }], restartPolicy: 'Always' };
  return {
    apiVersion,
    kind,
    metadata: { name: 'x', namespace: 'default', labels: { a: 'b' }, annotations: { a: 'b' } },
    spec: { replicas: 1, selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: podSpec }, ...podSpec, ports: [{ port: 80 }] },
    data: { a: 'b' },
  };
}

function makeCaches(dir, vm, createRequire) {
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  for (const [key, file] of Object.entries(index)) {
    const full = path.join(dir, file);
    const script = new vm.Script(wrap(fs.readFileSync(full, 'utf8')), { filename: full });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(full), module, full, path.dirname(full));
    module.exports(sample(key));
    fs.writeFileSync(`${full}.v8cache`, script.createCachedData());
  }
}

if (process.argv[2] === '--child') {
  const vm = (await import('node:vm')).default;
  const { createRequire } = await import('node:module');
  makeCaches(process.argv[3], vm, createRequire);
} else if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  await generateCodeCache(path.join(root, 'build'));
}

/** Makes the caches for `<buildDir>/validators`, in a child Node with bin/kube-lite's flags. */
export async function generateCodeCache(buildDir) {
  const { launcherFlags } = await import('./gen-snapshot.mjs');
  const flags = launcherFlags(root);
  execFileSync(process.execPath, [...flags, self, '--child', path.join(buildDir, 'validators')], { stdio: 'inherit' });
}
