import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSegmentAsync } from '../../../src/store/file-store.js';
import type { KObject } from '../../../src/api/types.js';

const obj = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...extra });

async function written(bucket: Record<string, KObject>, bufferSize?: number): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kl-seg-')), 'seg.json');
  await writeSegmentAsync(file, bucket, bufferSize);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  return fs.readFileSync(file, 'utf8');
}

describe('writeSegmentAsync', () => {
  it.each([16, 200, 4096, 1 << 16])('writes what JSON.stringify writes (buffer of %d bytes, non-ASCII included)', async (size) => {
    const bucket: Record<string, KObject> = {};
    for (let i = 0; i < 50; i++) bucket[`default/cm-${i}`] = obj(`cm-${i}`, { data: { k: 'v"\u00e9\n\u{1F600}'.repeat(i % 7) } });
    expect(await written(bucket, size)).toBe(JSON.stringify(bucket));
  });

  it('handles an empty bucket and values JSON leaves out', async () => {
    expect(await written({})).toBe('{}');
    const bucket = { 'default/a': obj('a'), 'default/b': undefined as unknown as KObject, 'default/c': obj('c') };
    expect(await written(bucket)).toBe(JSON.stringify(bucket));
    expect(await written({ 'default/b': undefined as unknown as KObject })).toBe('{}');
  });
});
