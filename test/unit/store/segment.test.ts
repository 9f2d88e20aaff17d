import { describe, expect, it } from 'vitest';
import { segmentPieces } from '../../../src/store/file-store.js';
import type { KObject } from '../../../src/api/types.js';

const obj = (name: string, extra: Record<string, unknown> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, ...extra });

describe('segmentPieces', () => {
  it('writes what JSON.stringify writes, in pieces of about the given size', () => {
    const bucket: Record<string, KObject> = {};
    for (let i = 0; i < 50; i++) bucket[`default/cm-${i}`] = obj(`cm-${i}`, { data: { k: 'v"\u00e9\n'.repeat(i % 5) } });
    const pieces = [...segmentPieces(bucket, 200)];
    expect(pieces.join('')).toBe(JSON.stringify(bucket));
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(200);
  });

  it('handles an empty bucket and values JSON leaves out', () => {
    expect([...segmentPieces({})].join('')).toBe('{}');
    const bucket = { 'default/a': obj('a'), 'default/b': undefined as unknown as KObject, 'default/c': obj('c') };
    expect([...segmentPieces(bucket)].join('')).toBe(JSON.stringify(bucket));
  });
});
