// The recorder's event names end in the hex of ms × 10^6 + revision (eventSuffix), worked out without
// BigInt: the same digits as BigInt arithmetic gives, across the 2^20 and 2^53 boundaries.

import { describe, expect, it } from 'vitest';
import { eventSuffix } from '../../../src/controllers/events/record.js';

const exact = (ms: number, seq: number): string => (BigInt(ms) * 1_000_000n + BigInt(seq)).toString(16);

describe('eventSuffix', () => {
  it.each([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1_048_575],
    [1_048_575, 0],
    [1_048_576, 0],
    [1_048_577, 999_999],
    [1_767_225_600_000, 0], // 2026-01-01
    [1_767_225_600_000, 80_789],
    [1_767_225_600_001, 1_000_000], // a revision past a million carries into the next millisecond's digits
    [4_102_444_800_000, 2 ** 31], // 2100
    [2 ** 41, 2 ** 40],
  ])('ms %d, revision %d', (ms, seq) => {
    expect(eventSuffix(ms, seq)).toBe(exact(ms, seq));
  });

  it('agrees with BigInt over a spread of times and revisions', () => {
    let seed = 12345;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let i = 0; i < 2000; i++) {
      const ms = next(5e6) * 1e6 + next(1e6);
      const seq = next(1e9);
      expect(eventSuffix(ms, seq)).toBe(exact(ms, seq));
    }
  });
});
