// The cluster's only source of randomness. A seeded generator whose state lives in the store, so the
// same seed and the same commands produce the same names, UIDs and IPs in every run.

/** Alphabet of apimachinery's utilrand.String: no vowels, no ambiguous characters. */
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Character codes of the hex digits: strings made with String.fromCharCode are flat (see below) and
 * three times quicker to make than a join of one-character strings. */
const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = 45;

export class SeededRandom {
  private state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  /** The state to persist; a new SeededRandom(state) continues the same sequence. */
  getState(): number {
    return this.state;
  }

  /** Rewinds to a state from getState(): a request that fails draws nothing. */
  setState(state: number): void {
    this.state = state >>> 0;
  }

  /** mulberry32: small, fast, good enough for names and addresses. */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** The next draw as an unsigned 32-bit integer (next() is this over 2^32). */
  private next32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** int(16) without the floating point: the top 4 bits of the draw are exactly floor(next() * 16). */
  private hexDigit(): number {
    return this.next32() >>> 28;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** utilrand.String(n): the suffix of generated names (`web-7d4b9c8f5d-x2kqp`). */
  nameSuffix(n = 5): string {
    let s = '';
    for (let i = 0; i < n; i++) s += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return s;
  }

  // Strings that stored objects keep are made with join(), which makes one flat string: `+=` and
  // template literals make a rope of every piece (a 64-character container ID was 63 rope nodes), and
  // at 10,000 pods the ropes were a quarter of the heap.

  /** A version-4 UUID, as the apiserver assigns to metadata.uid. */
  uuid(): string {
    const out = codes(36);
    for (let i = 0, at = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) out[at++] = DASH;
      const d = this.hexDigit();
      // version 4; variant 10xx (every digit is drawn all the same, so the sequence stays as it was)
      out[at++] = i === 12 ? HEX_CODES[4]! : i === 16 ? HEX_CODES[(d & 0x3) | 0x8]! : HEX_CODES[d]!;
    }
    return String.fromCharCode.apply(null, out);
  }

  /** n random lowercase hex characters (container IDs, image digests). */
  hex(n: number): string {
    const out = codes(n);
    for (let i = 0; i < n; i++) out[i] = HEX_CODES[this.hexDigit()]!;
    return String.fromCharCode.apply(null, out);
  }
}

/**
 * A scratch array of n character codes, one per length, reused: a new array per UUID was 25 MB of
 * garbage at 10,000 pods (its string is made from it at once, so reuse cannot show).
 */
function codes(n: number): number[] {
  let out = scratch.get(n);
  if (!out) scratch.set(n, (out = new Array<number>(n).fill(0)));
  return out;
}
const scratch = new Map<number, number[]>();

/** A fresh seed when the user gave none: the one place that reads real entropy. */
export function entropySeed(): number {
  return Math.floor(Math.random() * 0xffffffff) >>> 0;
}

/** Parses a user-given seed (`--seed`, KUBE_LITE_SEED): any string maps to a 32-bit state. */
export function seedFromString(s: string): number {
  if (/^\d+$/.test(s)) return Number(BigInt(s) & 0xffffffffn);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
