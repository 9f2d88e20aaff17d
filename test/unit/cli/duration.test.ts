// Go's time.ParseDuration / Duration.String as kubectl's --timeout flags and `cluster advance` use them.

import { describe, expect, it } from 'vitest';
import { durationFlag, formatGoDuration, parseGoDuration } from '../../../src/cli/duration.js';

describe('Go durations', () => {
  it('parses', () => {
    expect(parseGoDuration('5m')).toBe(300_000);
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('300ms')).toBe(300);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('-1s')).toBe(-1000);
  });

  it('rejects as Go does', () => {
    expect(() => parseGoDuration('5')).toThrow('time: missing unit in duration "5"');
    expect(() => parseGoDuration('1d')).toThrow('time: unknown unit "d" in duration "1d"');
    expect(() => parseGoDuration('abc')).toThrow('time: invalid duration "abc"');
    expect(() => durationFlag('timeout', 'x')).toThrow('invalid argument "x" for "--timeout" flag: time: invalid duration "x"');
  });

  it('formats as Duration.String', () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(300_000)).toBe('5m0s');
    expect(formatGoDuration(30_000)).toBe('30s');
    expect(formatGoDuration(3_600_000)).toBe('1h0m0s');
    expect(formatGoDuration(90_500)).toBe('1m30.5s');
    expect(formatGoDuration(250)).toBe('250ms');
  });
});
