// Loads a generated CommonJS module with a V8 code cache made at build time (scripts/gen-code-cache.mjs):
// the schema validators are ~480 KB of generated code per workload kind, and compiling them was most
// of what a writing command spent on validation. A cache made under other V8 flags or another Node is
// rejected by V8 and the module compiles as usual - the result is the same, only slower.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/** The wrapper Node puts around a CommonJS module (the code cache is made for exactly this text). */
export function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

export function codeCacheFile(file: string): string {
  return `${file}.v8cache`;
}

export function loadCommonJs(file: string): unknown {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCacheFile(file));
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(wrapCommonJs(source), { filename: file, cachedData });
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string) => void;
  const module = { exports: {} as unknown };
  fn(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}
