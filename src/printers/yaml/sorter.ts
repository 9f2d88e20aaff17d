// go-yaml v2 sorter.go keyList.Less for string keys: "natural" order where
// letters sort after non-letters and runs of digits compare as numbers, so
// "a9" < "a10" and "_" < "1" < "A" < "a".

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const letterCache = new Map<number, boolean>();
const digitCache = new Map<number, boolean>();

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  let v = letterCache.get(c);
  if (v === undefined) letterCache.set(c, (v = LETTER.test(String.fromCodePoint(c))));
  return v;
}

function isDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  let v = digitCache.get(c);
  if (v === undefined) digitCache.set(c, (v = DIGIT.test(String.fromCodePoint(c))));
  return v;
}

/** Rune access without allocating: BMP-only strings are indexed directly. */
type Runes = string | number[];
const toRunes = (s: string): Runes => (/[\ud800-\udfff]/.test(s) ? Array.from(s, (ch) => ch.codePointAt(0)!) : s);
const runeAt = (r: Runes, i: number): number => (typeof r === 'string' ? r.charCodeAt(i) : r[i]!);

/** Accumulates a digit run the way Go's int64 arithmetic does (wrapping on overflow). */
function digitRun(r: Runes, from: number, start: number): [bigint | number, number] {
  let n: number = start;
  let i = from;
  // Plain numbers while exact (n * 10 + 9 < 2^53); digits are code point - '0' as in Go.
  for (; i < r.length && isDigit(runeAt(r, i)) && n < 9e14 && runeAt(r, i) < 0x80; i++) n = n * 10 + (runeAt(r, i) - 0x30);
  if (i < r.length && isDigit(runeAt(r, i))) {
    // Long run: continue in exact int64 arithmetic.
    let b = BigInt(n);
    for (; i < r.length && isDigit(runeAt(r, i)); i++) b = BigInt.asIntN(64, b * 10n + BigInt(runeAt(r, i) - 0x30));
    return [b, i];
  }
  return [n, i];
}

function less(ar: Runes, br: Runes): boolean {
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = runeAt(ar, i);
    const y = runeAt(br, i);
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return x < y;
    if (al || bl) return bl;
    // Both non-letters: compare the digit runs starting here numerically.
    let start = 0;
    if (x === 0x30 || y === 0x30) {
      // A zero after a non-zero digit is part of a bigger number, not padding.
      for (let j = i - 1; j >= 0 && isDigit(runeAt(ar, j)); j--) {
        if (runeAt(ar, j) !== 0x30) {
          start = 1;
          break;
        }
      }
    }
    const [an, ai] = digitRun(ar, i, start);
    const [bn, bi] = digitRun(br, i, start);
    if (an != bn) return an < bn; // loose: compares a bigint and a number by value
    if (ai !== bi) return ai < bi;
    return x < y;
  }
  return ar.length < br.length;
}

export function keyLess(a: string, b: string): boolean {
  return less(toRunes(a), toRunes(b));
}

/** Sorts map entries by key in go-yaml's order. */
export function sortByKey<T>(entries: Array<[string, T]>): Array<[string, T]> {
  const decorated = entries.map((e) => ({ e, r: toRunes(e[0]) }));
  decorated.sort((x, y) => (x.e[0] === y.e[0] ? 0 : less(x.r, y.r) ? -1 : 1));
  return decorated.map((d) => d.e);
}

export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return keyLess(a, b) ? -1 : 1;
}
