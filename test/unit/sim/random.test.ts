// The seeded generator: the same seed gives the same sequence, and the integer paths (hex digits of
// uids, container IDs) draw exactly what int(16) would, so faster code kept every name and id.

import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/sim/random.js';

const HEX = '0123456789abcdef';

describe('SeededRandom', () => {
  it.each([0, 1, 42, 0xffffffff, 123456789])('hex(n) from seed %d is int(16) drawn n times', (seed) => {
    const a = new SeededRandom(seed);
    const b = new SeededRandom(seed);
    const viaInt = Array.from({ length: 500 }, () => HEX[b.int(16)]).join('');
    expect(a.hex(500)).toBe(viaInt);
    expect(a.getState()).toBe(b.getState());
  });

  it('makes version-4 uuids from the same draws, 32 per uuid', () => {
    const a = new SeededRandom(7);
    const b = new SeededRandom(7);
    const u = a.uuid();
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const digits = Array.from({ length: 32 }, () => b.int(16));
    const want = digits.map((d, i) => (i === 12 ? '4' : i === 16 ? HEX[(d & 3) | 8] : HEX[d])).join('');
    expect(u.replace(/-/g, '')).toBe(want);
    expect(a.getState()).toBe(b.getState());
  });
});
