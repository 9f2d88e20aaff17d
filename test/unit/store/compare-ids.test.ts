// The list order of "namespace/name" ids, compared in place: the same as splitting them and comparing
// the pieces with `<`.

import { describe, expect, it } from 'vitest';
import { compareIds } from '../../../src/store/store.js';
import { SeededRandom } from '../../../src/sim/random.js';

function bySplitting(a: string, b: string): number {
  const split = (s: string) => [s.slice(0, s.indexOf('/')), s.slice(s.indexOf('/') + 1)];
  const [an, am] = split(a);
  const [bn, bm] = split(b);
  if (an !== bn) return an! < bn! ? -1 : 1;
  return am! < bm! ? -1 : am! > bm! ? 1 : 0;
}

describe('compareIds', () => {
  it.each([
    ['a/x', 'a/x', 0],
    ['a/x', 'a/y', -1],
    ['a/y', 'a/x', 1],
    ['a/x', 'a-b/x', -1], // the namespace first: "a" before "a-b", though "/" sorts after "-"
    ['a-b/x', 'a/x', 1],
    ['/x', 'a/x', -1], // cluster-scoped objects (no namespace) first
    ['a/web', 'a/web-1', -1],
    ['a/web-1', 'a/web', 1],
    ['b/a', 'a/z', 1],
    ['a/é', 'a/z', 1],
    ['ab', 'ab', 0], // without a slash (never in practice): as slice(0, -1) made it
    ['', '', 0],
  ])('%s against %s: %d', (a, b, want) => {
    expect(Math.sign(compareIds(a, b))).toBe(want);
    expect(Math.sign(bySplitting(a, b))).toBe(want);
  });

  it('orders 2,000 random ids as comparing the pieces does', () => {
    const r = new SeededRandom(3);
    const part = () => Array.from({ length: 1 + r.int(6) }, () => 'ab-/.z9é'[r.int(8)]).join('').replace(/\//g, '');
    const ids = Array.from({ length: 2000 }, () => `${r.int(4) === 0 ? '' : part()}/${part()}`);
    for (let i = 0; i + 1 < ids.length; i++) expect(Math.sign(compareIds(ids[i]!, ids[i + 1]!))).toBe(Math.sign(bySplitting(ids[i]!, ids[i + 1]!)));
    expect([...ids].sort(compareIds)).toEqual([...ids].sort(bySplitting));
  });
});
