// pod-template-hash (controller.ComputeHash): FNV-1a 32-bit over the pod template, plus the
// deployment's collisionCount when set, printed in decimal and re-encoded with SafeEncodeString.
// Upstream hashes Go's spew dump of the typed struct, which cannot be reproduced outside Go; we hash
// a canonical JSON (sorted keys, nulls dropped) instead: same shape and alphabet, stable, but the
// values differ from a real cluster's.

/** apimachinery util/rand alphanums: no vowels, no look-alike characters. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit, continuing from `seed` so input can be fed in pieces (like hash.Hash32.Write). */
export function fnv1a32(bytes: Uint8Array, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return h;
}

/**
 * rand.SafeEncodeString: each character maps to ALPHANUMS[charCode % 27]. A decimal string only
 * reaches '0'..'9' → "4 5 6 7 8 9 b c d f", so hashes look like "7854ff8877".
 */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** JSON with object keys sorted at every level and null/undefined members dropped. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map((x) => canonicalJson(x ?? null)).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== null && o[k] !== undefined)
      .sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
  }
  return JSON.stringify(v ?? null);
}

/** ComputeHash(template, collisionCount). */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnv1a32(new TextEncoder().encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: the upper four bytes stay zero.
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a32(buf, h);
  }
  return safeEncodeString(String(h));
}
