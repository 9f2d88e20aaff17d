import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codeCacheFile, loadCommonJs, wrapCommonJs } from '../../../src/util/cjs-cache.js';

function moduleFile(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-cjs-'));
  const file = path.join(dir, 'm.cjs');
  fs.writeFileSync(file, source);
  return file;
}

describe('loadCommonJs', () => {
  const source = `"use strict"; const path = require('node:path'); module.exports = (x) => x * 2; module.exports.base = path.basename(__filename);`;

  it('loads a CommonJS module without a code cache (require, module, __filename work)', () => {
    const m = loadCommonJs(moduleFile(source)) as ((x: number) => number) & { base: string };
    expect(m(21)).toBe(42);
    expect(m.base).toBe('m.cjs');
  });

  it('uses a code cache made for the same wrapper, and ignores one V8 rejects', () => {
    const file = moduleFile(source);
    const script = new vm.Script(wrapCommonJs(source), { filename: file });
    script.runInThisContext();
    fs.writeFileSync(codeCacheFile(file), script.createCachedData());
    expect((loadCommonJs(file) as (x: number) => number)(2)).toBe(4);
    fs.writeFileSync(codeCacheFile(file), 'not a cache');
    expect((loadCommonJs(file) as (x: number) => number)(3)).toBe(6);
  });

  it('is the wrapper the build makes the validators\' caches for (scripts/gen-code-cache.mjs)', () => {
    const script = fs.readFileSync(path.join(__dirname, '../../../scripts/gen-code-cache.mjs'), 'utf8');
    const made = /const wrap = \(source\) => `(.*)`;/.exec(script)?.[1];
    expect(made?.replace('${source}', 'X').replace('\\n', '\n')).toBe(wrapCommonJs('X'));
  });
});
