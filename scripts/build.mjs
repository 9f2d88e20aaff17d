// Builds kube-lite: generates the Kubernetes schema validators and OpenAPI v3 documents, then bundles src/ into dist/ with
// esbuild (ESM, code-split so each command loads only its own chunks). Run by `npm install`.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll() {
  const { generateSchemas } = await import('./gen-schema.mjs');
  await generateSchemas(path.join(root, 'build'));
  const { generateCodeCache } = await import('./gen-code-cache.mjs');
  await generateCodeCache(path.join(root, 'build'));
  const { generateOpenAPI } = await import('./gen-openapi.mjs');
  generateOpenAPI(path.join(root, 'build'));
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints: { 'kube-lite': path.join(root, 'src/entry.ts') },
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: false,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
    banner: { js: "import { createRequire as __kl_createRequire } from 'node:module'; const require = __kl_createRequire(import.meta.url);" },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
}
