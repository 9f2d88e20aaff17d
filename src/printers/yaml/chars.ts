// Character classes of go-yaml v2 (yamlprivateh.go), on Unicode code points
// instead of UTF-8 bytes. Code point 0 stands for "end of input" (is_z).

export const isZ = (c: number): boolean => c === 0;
export const isSpace = (c: number): boolean => c === 0x20;
export const isTab = (c: number): boolean => c === 0x09;
export const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** CR, LF, NEL, LS, PS: everything libyaml treats as a line break. */
export const isBreak = (c: number): boolean =>
  c === 0x0d || c === 0x0a || c === 0x85 || c === 0x2028 || c === 0x2029;

export const isBreakZ = (c: number): boolean => isBreak(c) || c === 0;
export const isBlankZ = (c: number): boolean => isBlank(c) || isBreakZ(c);

/** ASCII letters, digits, '_' and '-' (anchor names, tag handles, directive names). */
export const isAlpha = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

export const isHex = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

export function hexValue(c: number): number {
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x30;
}

/**
 * Characters the emitter may write unescaped. Note what is missing: TAB, CR,
 * NEL, U+FEFF, U+FFFE/U+FFFF and everything above the BMP (emoji get \U escapes).
 */
export const isPrintable = (c: number): boolean =>
  c === 0x0a ||
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);

/** Characters the reader accepts at all (readerc.go); anything else is "control characters are not allowed". */
export const isAllowedInput = (c: number): boolean =>
  c === 0x09 ||
  c === 0x0a ||
  c === 0x0d ||
  (c >= 0x20 && c <= 0x7e) ||
  c === 0x85 ||
  (c >= 0xa0 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** Number of UTF-8 bytes of a code point. */
export const utf8Width = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4);

/** Splits a JS string into code points; lone surrogates become U+FFFD as Go's UTF-8 handling would make them. */
export function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c >= 0xd800 && c <= 0xdfff ? 0xfffd : c);
  }
  return out;
}

/** Byte length of a string once UTF-8 encoded (lone surrogates count as U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const c of codePoints(s)) n += utf8Width(c);
  return n;
}

/** Go compares strings byte-wise, i.e. by code point; JS `<` compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (astral char) sorts after every BMP char above it in UTF-16 order terms.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** String.fromCodePoint without the argument-count limit of spreading huge arrays. */
export function fromCodePoints(cps: number[]): string {
  let out = '';
  for (let i = 0; i < cps.length; i += 8192) out += String.fromCodePoint(...cps.slice(i, i + 8192));
  return out;
}
