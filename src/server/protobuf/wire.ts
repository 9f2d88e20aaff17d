// A minimal protobuf wire-format reader (proto2/proto3 share it): varints, fixed32/64 and
// length-delimited fields. Malformed or truncated input throws a 400 BadRequest StatusError.

import { StatusError } from '../../api/errors.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

/** One decoded field: its number, wire type and raw value (bigint for varints/fixed64, number for fixed32, bytes for length-delimited). */
export interface WireField {
  field: number;
  wireType: number;
  value: bigint | number | Uint8Array;
}

export function wireError(message: string): StatusError {
  return new StatusError(400, 'BadRequest', `unable to decode protobuf body: ${message}`);
}

export class WireReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint as an unsigned 64-bit bigint. */
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw wireError('truncated varint');
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    throw wireError('varint longer than 10 bytes');
  }

  fixed32(): number {
    if (this.end - this.pos < 4) throw wireError('truncated fixed32');
    const b = this.buf;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  fixed64(): bigint {
    const lo = BigInt(this.fixed32());
    const hi = BigInt(this.fixed32());
    return (hi << 32n) | lo;
  }

  bytes(): Uint8Array {
    const len = this.varint();
    if (len > BigInt(this.end - this.pos)) throw wireError(`truncated length-delimited field (need ${len} bytes, have ${this.end - this.pos})`);
    const n = Number(len);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The next field, or undefined at the end. Groups (deprecated) are skipped as unknown. */
  next(): WireField | undefined {
    if (this.pos >= this.end) return undefined;
    const key = this.varint();
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (field === 0) throw wireError('invalid field number 0');
    switch (wireType) {
      case WIRE_VARINT:
        return { field, wireType, value: this.varint() };
      case WIRE_FIXED64:
        return { field, wireType, value: this.fixed64() };
      case WIRE_LEN:
        return { field, wireType, value: this.bytes() };
      case WIRE_FIXED32:
        return { field, wireType, value: this.fixed32() };
      case WIRE_START_GROUP:
        this.skipGroup(field);
        return this.next();
      default:
        throw wireError(`invalid wire type ${wireType} for field ${field}`);
    }
  }

  private skipGroup(field: number): void {
    for (;;) {
      if (this.pos >= this.end) throw wireError('truncated group');
      const key = this.varint();
      const wt = Number(key & 7n);
      if (wt === WIRE_END_GROUP) {
        if (Number(key >> 3n) !== field) throw wireError('mismatched end group');
        return;
      }
      if (wt === WIRE_VARINT) this.varint();
      else if (wt === WIRE_FIXED64) this.fixed64();
      else if (wt === WIRE_LEN) this.bytes();
      else if (wt === WIRE_FIXED32) this.fixed32();
      else if (wt === WIRE_START_GROUP) this.skipGroup(Number(key >> 3n));
      else throw wireError(`invalid wire type ${wt}`);
    }
  }
}

/** All fields of a message, in wire order. */
export function readFields(buf: Uint8Array): WireField[] {
  const r = new WireReader(buf);
  const out: WireField[] = [];
  for (let f = r.next(); f; f = r.next()) out.push(f);
  return out;
}

/** int32 fields: negative values are sent as 10-byte sign-extended varints. */
export function toInt32(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** int64 fields, as a JS number (exact up to 2^53). */
export function toInt64(v: bigint): number {
  return Number(BigInt.asIntN(64, v));
}

export function toUint(v: bigint): number {
  return Number(v);
}

export function zigzag(v: bigint): number {
  return Number((v >> 1n) ^ -(v & 1n));
}

export function float64(v: bigint): number {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setBigUint64(0, v, true);
  return dv.getFloat64(0, true);
}

export function float32(v: number): number {
  const dv = new DataView(new ArrayBuffer(4));
  dv.setUint32(0, v, true);
  return dv.getFloat32(0, true);
}
