import { describe, expect, it } from 'vitest';
import { GET_TABWRITER, runeCount, tabwrite } from '../../../src/printers/tabwriter.js';

describe('runeCount (Go utf8.RuneCountInString)', () => {
  it.each([
    ['', 0],
    ['nginx-7c5ddbdf54-abcde', 22],
    ['café', 4],
    ['日本語', 3],
    ['a😀b', 3],
    ['😀😀', 2],
  ])('%s has %i runes', (s, n) => {
    expect(runeCount(s)).toBe(n);
  });

  it('pads cells by runes, as Go does', () => {
    expect(tabwrite('NAME\tX\n😀\t1\ncafé\t2\n', GET_TABWRITER)).toBe('NAME   X\n😀      1\ncafé   2\n');
  });
});
