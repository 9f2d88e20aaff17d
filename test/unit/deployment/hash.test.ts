// pod-template-hash shape: FNV-1a 32, decimal, SafeEncodeString.

import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, fnv1a32, safeEncodeString } from '../../../src/controllers/deployment/hash.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('pod-template-hash', () => {
  it('is FNV-1a 32-bit', () => {
    // Published FNV-1a test vectors.
    expect(fnv1a32(bytes(''))).toBe(0x811c9dc5);
    expect(fnv1a32(bytes('a'))).toBe(0xe40c292c);
    expect(fnv1a32(bytes('foobar'))).toBe(0xbf9cf968);
    // Writing in pieces equals writing at once (hash.Hash32.Write).
    expect(fnv1a32(bytes('bar'), fnv1a32(bytes('foo')))).toBe(0xbf9cf968);
  });

  it('maps digits as SafeEncodeString does', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString(String(fnv1a32(bytes('a'))))).toBe('7d6b446664');
  });

  it('has the shape of a real hash and is stable', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } };
    const h = computeHash(t);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(structuredClone(t))).toBe(h);
    expect(computeHash({ spec: t.spec, metadata: t.metadata })).toBe(h); // key order does not matter
    expect(computeHash({ ...t, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } })).not.toBe(h);
  });

  it('folds collisionCount in, so a collision yields another name', () => {
    const t = { spec: { containers: [{ name: 'a', image: 'a' }] } };
    const hashes = new Set([computeHash(t), computeHash(t, 0), computeHash(t, 1), computeHash(t, 2)]);
    expect(hashes.size).toBe(4);
    expect(computeHash(t, 1)).toBe(computeHash(structuredClone(t), 1));
  });

  it('hashes a canonical JSON: sorted keys, nulls dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: [2, { z: 1, y: 'x' }] } })).toBe('{"a":{"c":[2,{"y":"x","z":1}]},"b":1}');
  });
});
