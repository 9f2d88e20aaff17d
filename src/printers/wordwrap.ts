// Word wrapping as kubectl's explain does it (kubectl pkg/util/term NewWordWrapWriter, which uses
// github.com/mitchellh/go-wordwrap v1.0.1 WrapString), plus the template helper `indent`.
//
// The algorithm, in words: words (runs of non-space) are buffered together with the spaces before
// them. When adding a character makes current line + pending spaces + word exceed the limit, a line
// break is emitted and the pending spaces are dropped - unless the word alone is already as long as
// the limit, in which case it is left to overflow. A '\n' in the input flushes the buffers and is
// kept. Trailing spaces survive only if they still fit. Widths count code points (Go runes), and
// U+00A0 (no-break space) counts as part of a word.

const NBSP = 0xa0;

// Go's unicode.IsSpace.
function isSpace(cp: number): boolean {
  if (cp <= 0xff) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0x85 || cp === 0xa0;
  return cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** Wraps s to lines of at most `limit` characters, breaking only at white space. limit 0: unchanged. */
export function wrapString(s: string, limit: number): string {
  if (limit === 0) return s;
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  const flush = () => {
    current += spaceLen + wordLen;
    out += space + word;
    space = word = '';
    spaceLen = wordLen = 0;
  };
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
        space = '';
        spaceLen = 0;
      } else {
        flush();
      }
      out += '\n';
      current = 0;
    } else if (isSpace(cp) && cp !== NBSP) {
      if (spaceLen === 0 || wordLen > 0) flush();
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** Prefixes every line (including an empty last one after a trailing newline) with `amount` spaces. */
export function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}
