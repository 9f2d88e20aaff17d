import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSegmentAsync } from '../../../src/store/file-store.js';
import type { KObject } from '../../../src/api/types.js';

const obj = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...extra });

const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kl-seg-')), 'seg.json');

/**
 * The objects' JSON as bytes the way a ColdFile hands them out: views of one buffer, overwritten by
 * the next call (whichever writer makes it).
 */
function sharedViews(): (v: KObject | undefined) => Uint8Array | undefined {
  let scratch = Buffer.alloc(0);
  return (v) => {
    if (v === undefined) return undefined;
    const bytes = Buffer.from(JSON.stringify(v));
    if (scratch.length < bytes.length) scratch = Buffer.alloc(bytes.length * 2);
    scratch.fill(0x23); // what was there before is gone
    bytes.copy(scratch);
    return scratch.subarray(0, bytes.length);
  };
}

async function written(bucket: Record<string, KObject>, bufferSize?: number, as: 'strings' | 'bytes' = 'strings'): Promise<string> {
  const file = tmpFile();
  const bytes = sharedViews();
  await writeSegmentAsync(file, Object.keys(bucket), (k) => (as === 'bytes' ? bytes(bucket[k]) : bucket[k] === undefined ? undefined : JSON.stringify(bucket[k])), bufferSize);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  return fs.readFileSync(file, 'utf8');
}

const fifty = (): Record<string, KObject> => {
  const bucket: Record<string, KObject> = {};
  for (let i = 0; i < 50; i++) bucket[`default/cm-${i}`] = obj(`cm-${i}`, { data: { k: 'v"\u00e9\n\u{1F600}'.repeat(i % 7) } });
  return bucket;
};

describe('writeSegmentAsync', () => {
  it.each([
    [16, 'strings'],
    [200, 'strings'],
    [4096, 'strings'],
    [1 << 16, 'strings'],
    [16, 'bytes'],
    [200, 'bytes'],
    [1 << 16, 'bytes'],
  ] as const)('writes what JSON.stringify writes (buffer of %d bytes, JSON as %s, non-ASCII included)', async (size, as) => {
    const bucket = fifty();
    expect(await written(bucket, size, as)).toBe(JSON.stringify(bucket));
  });

  it('handles an empty bucket and values JSON leaves out', async () => {
    expect(await written({})).toBe('{}');
    const bucket = { 'default/a': obj('a'), 'default/b': undefined as unknown as KObject, 'default/c': obj('c') };
    expect(await written(bucket)).toBe(JSON.stringify(bucket));
    expect(await written(bucket, 16, 'bytes')).toBe(JSON.stringify(bucket));
    expect(await written({ 'default/b': undefined as unknown as KObject })).toBe('{}');
  });

  it('copies bytes before it waits: two writers sharing one source of views write their own objects', async () => {
    const a = fifty();
    const b: Record<string, KObject> = { ...fifty(), 'default/other': obj('other') };
    const views = sharedViews();
    const [fa, fb] = [tmpFile(), tmpFile()];
    await Promise.all([
      writeSegmentAsync(fa, Object.keys(a), (k) => views(a[k]), 64),
      writeSegmentAsync(fb, Object.keys(b), (k) => views(b[k]), 64),
    ]);
    expect(fs.readFileSync(fa, 'utf8')).toBe(JSON.stringify(a));
    expect(fs.readFileSync(fb, 'utf8')).toBe(JSON.stringify(b));
  });
});
