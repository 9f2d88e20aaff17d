// Builds kube-lite: generates the Kubernetes schema validators (a module in src/, bundled) and OpenAPI
// v3 documents, bundles src/ into one script (dist/kube-lite.cjs) with esbuild, and makes a startup snapshot of it
// (build/snapshot, scripts/gen-snapshot.mjs). Run by `npm install`.

import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll() {
  const { generateSchemas } = await import('./gen-schema.mjs');
  await generateSchemas(path.join(root, 'build'));
  const { generateOpenAPI } = await import('./gen-openapi.mjs');
  generateOpenAPI(path.join(root, 'build'));
  // Written beside and renamed into place: a kube-lite running meanwhile (the test suite's spawned
  // processes during a rebuild) sees the old bundle or the new one, never a half-written one.
  const out = path.join(root, 'dist/kube-lite.cjs');
  // What earlier builds wrote (ES module chunks) goes.
  for (const old of ['dist/chunks', 'dist/kube-lite.mjs']) rmSync(path.join(root, old), { recursive: true, force: true });
  const result = await build({
    entryPoints: [path.join(root, 'src/entry.ts')],
    outfile: out,
    write: false,
    bundle: true,
    // One script, not ES modules: it is what a startup snapshot is made of, and what Node reads
    // fastest without one. Lazily imported modules stay unevaluated until used.
    format: 'iife',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    minifySyntax: true,
    // Whitespace and comments out, and only ASCII (esbuild escapes the rest): V8 would keep a
    // source with one non-Latin-1 character as two bytes per character, in memory and in the snapshot.
    minifyWhitespace: true,
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
    // The bundle names its own file at start (src/util/package-root.ts); import.meta has no meaning here.
    define: { 'import.meta.url': 'undefined' },
  });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(`${out}.${process.pid}`, result.outputFiles[0].contents);
  renameSync(`${out}.${process.pid}`, out);
  const { generateSnapshot } = await import('./gen-snapshot.mjs');
  generateSnapshot(root);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
}
