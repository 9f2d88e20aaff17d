import { describe, expect, it } from 'vitest';
import { createJsonMergePatch, jsonMergePatch, MergePatchError } from '../../../src/api/patch/index.js';
import type { JsonValue } from '../../../src/api/types.js';
import { fixtures, frozen, sorted } from './helpers.js';

// RFC 7386 Appendix A.
const rfc: [JsonValue, JsonValue, JsonValue][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('jsonMergePatch', () => {
  it.each(rfc)('RFC 7386: %j + %j', (doc, patch, want) => {
    expect(jsonMergePatch(frozen(doc), frozen(patch))).toEqual(want);
  });

  it('rejects null and scalar patches like evanphx/json-patch (RFC 7386 would return the patch)', () => {
    expect(() => jsonMergePatch({ a: 'foo' }, null)).toThrow(new MergePatchError('Invalid JSON Patch'));
    expect(() => jsonMergePatch({ a: 'foo' }, 'bar')).toThrow('Invalid JSON Patch');
    expect(() => jsonMergePatch(null, {})).toThrow('Invalid JSON Document');
  });

  describe('matches kubectl 1.36.3 `patch --local --type merge`', () => {
    it.each(fixtures.merge.map((c) => [c.name, c] as const))('%s', (_n, c) => {
      expect(sorted(jsonMergePatch(frozen(c.doc), frozen(c.patch)))).toEqual(c.result);
    });
  });
});

describe('createJsonMergePatch', () => {
  it.each<[string, JsonValue, JsonValue, JsonValue, JsonValue?]>([
    ['equal', { a: 1, b: { c: [1] } }, { a: 1, b: { c: [1] } }, {}],
    ['changed, added, removed', { a: 1, b: 2, n: { x: 1, y: 2 } }, { a: 3, c: 4, n: { x: 1 } }, { a: 3, b: null, c: 4, n: { y: null } }],
    ['arrays replaced whole', { l: [1, 2] }, { l: [1] }, { l: [1] }],
    ['type change', { a: { x: 1 } }, { a: 'x' }, { a: 'x' }],
    ['explicit empty object added', { a: 1 }, { a: 1, e: {} }, { e: {} }],
    // Setting a member to null is a change (the patch deletes it); an unchanged null stays.
    ['null values', { a: null, b: 1 }, { a: null, b: null }, { b: null }, { a: null }],
  ])('%s', (_d, original, modified, want, applied) => {
    const patch = createJsonMergePatch(frozen(original), frozen(modified));
    expect(patch).toEqual(want);
    expect(jsonMergePatch(original, patch)).toEqual(applied ?? modified);
  });

  it('writes keys sorted, like Go', () => {
    expect(JSON.stringify(createJsonMergePatch({}, { b: 1, a: { d: 1, c: 2 } }))).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});
