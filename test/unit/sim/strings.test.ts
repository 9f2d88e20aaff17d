// The clock's and the random source's strings are built flat (join, a per-second memo): the values
// must be exactly what the earlier template-literal versions made.
import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../../src/sim/clock.js';
import { SeededRandom } from '../../../src/sim/random.js';

/** The earlier implementations, as references. */
function oldUuid(r: SeededRandom): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(r.int(16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
function oldHex(r: SeededRandom, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += r.int(16).toString(16);
  return s;
}
const oldRfc3339 = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

describe('SeededRandom strings', () => {
  it('makes the same UUIDs and hex strings as before', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    for (let i = 0; i < 200; i++) {
      expect(a.uuid()).toBe(oldUuid(b));
      expect(a.hex(64)).toBe(oldHex(b, 64));
    }
    expect(new SeededRandom(7).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('rfc3339', () => {
  it('formats whole seconds in UTC, the same for every time within a second', () => {
    const t = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(rfc3339(t)).toBe('2024-01-02T03:04:05Z');
    expect(rfc3339(t + 999)).toBe('2024-01-02T03:04:05Z');
    expect(rfc3339(t + 1000)).toBe('2024-01-02T03:04:06Z');
    // back to an earlier second after the memo moved on
    expect(rfc3339(t)).toBe('2024-01-02T03:04:05Z');
    // alternating between two seconds (each kept formatted), then a third
    const a = rfc3339(t + 7000);
    const b = rfc3339(t + 9000);
    for (let i = 0; i < 3; i++) {
      expect(rfc3339(t + 7500)).toBe(a);
      expect(rfc3339(t + 9100)).toBe(b);
    }
    expect([a, b]).toEqual(['2024-01-02T03:04:12Z', '2024-01-02T03:04:14Z']);
    expect(rfc3339(t + 11_000)).toBe('2024-01-02T03:04:16Z');
    expect(rfc3339(t + 7000)).toBe(a);
  });

  it('agrees with the earlier formatting across the years', () => {
    for (const ms of [0, 1, 999, 86_400_000 * 365.25 * 30 + 123, Date.UTC(2099, 11, 31, 23, 59, 59, 500), Date.UTC(1969, 5, 1)]) {
      expect(rfc3339(ms)).toBe(oldRfc3339(ms));
    }
  });
});
