// Word wrapping as kubectl explain does it (go-wordwrap v1.0.1 WrapString). The long-text cases are
// also covered end to end, against real kubectl output, in explain.test.ts.

import { describe, expect, it } from 'vitest';
import { indent, wrapString } from '../../../src/printers/wordwrap.js';

describe('wrapString', () => {
  it.each([
    ['foo bar baz', 4, 'foo\nbar\nbaz'],
    ['foo bar baz', 7, 'foo bar\nbaz'],
    ['foo bar baz', 11, 'foo bar baz'],
    ['foo bar baz', 0, 'foo bar baz'],
    // A word as long as the limit or longer overflows instead of being split.
    ['foobarbaz qux', 4, 'foobarbaz\nqux'],
    ['a foobarbaz', 4, 'a\nfoobarbaz'],
    // Spaces at a break are dropped; runs of spaces inside a line are kept.
    ['foo    bar', 5, 'foo\nbar'],
    ['foo  bar', 10, 'foo  bar'],
    // Newlines are kept; spaces before them survive only if they fit.
    ['foo \nbar', 10, 'foo \nbar'],
    ['foo  \nbar', 4, 'foo\nbar'],
    ['a\n\n\nb', 10, 'a\n\n\nb'],
    // Trailing spaces that still fit are kept.
    ['foo   ', 10, 'foo   '],
    ['foo   ', 4, 'foo'],
    // Widths count characters, not UTF-8 bytes; a no-break space joins words.
    ['äöü äöü', 7, 'äöü äöü'],
    ['a\u00a0b c', 3, 'a\u00a0b\nc'],
    // A tab is white space and counts as one column.
    ['ab\tcd', 4, 'ab\ncd'],
  ])('%j at %i', (input, limit, want) => {
    expect(wrapString(input, limit)).toBe(want);
  });
});

describe('indent', () => {
  it('indents every line, including the empty one after a trailing newline', () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
    expect(indent(2, '')).toBe('  ');
  });
});
