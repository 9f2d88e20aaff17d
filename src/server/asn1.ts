// A minimal DER (ASN.1 Distinguished Encoding Rules) encoder: just the types an X.509 v3
// certificate needs (see tls.ts). Every function returns the complete TLV as a Buffer.

/** The length octets: short form below 128, else long form (0x80 | count, then big-endian bytes). */
function encodeLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Tag, length, value. */
export function tlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), encodeLength(value.length), value]);
}

export function sequence(...items: Buffer[]): Buffer {
  return tlv(0x30, Buffer.concat(items));
}

export function set(...items: Buffer[]): Buffer {
  return tlv(0x31, Buffer.concat(items));
}

export function boolean(v: boolean): Buffer {
  return tlv(0x01, Buffer.from([v ? 0xff : 0x00]));
}

/** INTEGER from a non-negative small number. */
export function integer(n: number): Buffer {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`asn1: unsupported integer ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return unsignedInteger(Buffer.from(bytes));
}

/** INTEGER from big-endian unsigned bytes: minimal, with a 0x00 prefix when the top bit is set. */
export function unsignedInteger(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  let v = bytes.subarray(i);
  if (v.length === 0) v = Buffer.from([0]);
  if (v[0]! & 0x80) v = Buffer.concat([Buffer.from([0]), v]);
  return tlv(0x02, v);
}

export function nullValue(): Buffer {
  return Buffer.from([0x05, 0x00]);
}

/** OBJECT IDENTIFIER from dotted text ("1.2.840.10045.4.3.2"). */
export function oid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((s) => {
    if (!/^\d+$/.test(s)) throw new Error(`asn1: bad OID ${dotted}`);
    return Number(s);
  });
  if (arcs.length < 2) throw new Error(`asn1: bad OID ${dotted}`);
  const out: number[] = [];
  const base128 = (n: number) => {
    const chunk: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  };
  base128(arcs[0]! * 40 + arcs[1]!);
  for (const a of arcs.slice(2)) base128(a);
  return tlv(0x06, Buffer.from(out));
}

export function octetString(v: Buffer): Buffer {
  return tlv(0x04, v);
}

/** BIT STRING with no unused bits (keys, signatures). */
export function bitString(v: Buffer): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([0]), v]));
}

/**
 * BIT STRING for named bits (KeyUsage): DER drops trailing zero bits, so the unused-bits count is
 * that of the last set bit. Bit 0 is the most significant bit of the first octet.
 */
export function namedBits(bits: number[]): Buffer {
  if (bits.length === 0) return tlv(0x03, Buffer.from([0]));
  const highest = Math.max(...bits);
  const bytes = Buffer.alloc(Math.floor(highest / 8) + 1);
  for (const b of bits) bytes[Math.floor(b / 8)]! |= 0x80 >> b % 8;
  const unused = 7 - (highest % 8);
  return tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

export function utf8String(s: string): Buffer {
  return tlv(0x0c, Buffer.from(s, 'utf8'));
}

export function ia5String(s: string): Buffer {
  if (!/^[\x00-\x7f]*$/.test(s)) throw new Error(`asn1: not IA5: ${s}`);
  return tlv(0x16, Buffer.from(s, 'ascii'));
}

/**
 * An X.509 Time (RFC 5280 4.1.2.5): UTCTime (YYMMDDHHMMSSZ) for years 1950 through 2049,
 * GeneralizedTime (YYYYMMDDHHMMSSZ) otherwise; both in UTC, whole seconds.
 */
export function time(ms: number): Buffer {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const year = d.getUTCFullYear();
  const p2 = (n: number) => String(n).padStart(2, '0');
  const rest = `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())}${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}Z`;
  if (year >= 1950 && year <= 2049) return tlv(0x17, Buffer.from(`${p2(year % 100)}${rest}`, 'ascii'));
  if (year < 0 || year > 9999) throw new Error(`asn1: year ${year} out of range`);
  return tlv(0x18, Buffer.from(`${String(year).padStart(4, '0')}${rest}`, 'ascii'));
}

/** [n] EXPLICIT: constructed context-specific tag wrapping a complete TLV. */
export function explicit(n: number, inner: Buffer): Buffer {
  return tlv(0xa0 | n, inner);
}

/** [n] IMPLICIT primitive: context-specific tag replacing a primitive type's tag. */
export function implicitPrimitive(n: number, value: Buffer): Buffer {
  return tlv(0x80 | n, value);
}
