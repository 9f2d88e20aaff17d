// A local port of apimachinery's resource.Quantity, just what describe needs: parse, canonical
// String(), Add, Cmp, Value/MilliValue. Values are exact (bigint mantissa x 10^scale).
// (src/api/quantity.ts did not exist when this was written; swap in if it appears.)

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([k, v]) => [v, k] as const));
const BIN_BY_EXP = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const abs = (v: bigint): bigint => (v < 0n ? -v : v);

export class Quantity {
  private constructor(
    readonly value: bigint, // amount = value * 10^scale
    readonly scale: number,
    readonly format: QuantityFormat,
    private readonly cached?: string, // Go keeps the input string when it is already canonical
  ) {}

  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }

  static fromInt(v: number | bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(v), 0, format);
  }

  /** resource.ParseQuantity; undefined for malformed input. Numbers are read as their decimal text. */
  static parse(input: unknown): Quantity | undefined {
    if (input === null || input === undefined) return undefined;
    const str = typeof input === 'number' ? String(input) : String(input);
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/.exec(str);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const negative = m[1] === '-';
    const num = stripLeadingZeros(m[2]!);
    const denom = m[3] ?? '';
    const suf = m[4]!;
    let format: QuantityFormat;
    let base10Exp = 0;
    let base2Exp = 0;
    if (suf in DEC_SUFFIX) {
      format = 'DecimalSI';
      base10Exp = DEC_SUFFIX[suf]!;
    } else if (suf in BIN_SUFFIX) {
      format = 'BinarySI';
      base2Exp = BIN_SUFFIX[suf]!;
    } else if (/^[eE][+-]?\d+$/.test(suf)) {
      format = 'DecimalExponent';
      base10Exp = Number(suf.slice(1));
    } else {
      return undefined;
    }
    const digits = BigInt(num + denom);
    let value = digits * (1n << BigInt(base2Exp));
    let scale = base10Exp - denom.length;
    if (negative) value = -value;
    // Go rounds anything finer than nano away from zero.
    if (scale < -9) {
      const div = pow10(-9 - scale);
      const q = abs(value) / div;
      const r = abs(value) % div;
      const rounded = r === 0n ? q : q + 1n;
      value = negative ? -rounded : rounded;
      scale = -9;
    }
    return new Quantity(value, scale, format, canonicalInput(str, num, denom, format, base10Exp, base2Exp));
  }

  isZero(): boolean {
    return this.value === 0n;
  }

  /** Exact comparison: -1, 0, 1. */
  cmp(o: Quantity): number {
    const s = Math.min(this.scale, o.scale);
    const a = this.value * pow10(this.scale - s);
    const b = o.value * pow10(o.scale - s);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Quantity.Add: the receiver's format wins unless the receiver is zero. */
  add(o: Quantity): Quantity {
    const s = Math.min(this.scale, o.scale);
    const v = this.value * pow10(this.scale - s) + o.value * pow10(o.scale - s);
    return new Quantity(v, s, this.value === 0n ? o.format : this.format);
  }

  /** ScaledValue(scale): ceil (away from zero) of amount / 10^target. */
  private scaled(target: number): bigint {
    if (this.scale >= target) return this.value * pow10(this.scale - target);
    const div = pow10(target - this.scale);
    const q = this.value / div;
    return this.value % div === 0n ? q : this.value > 0n ? q + 1n : q - 1n;
  }

  value0(): number {
    return Number(this.scaled(0));
  }

  milliValue(): number {
    return Number(this.scaled(-3));
  }

  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.value === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      const small = this.cmp(Quantity.fromInt(-1024)) > 0 && this.cmp(Quantity.fromInt(1024)) < 0;
      const exact = this.scale >= 0 || this.value % pow10(-this.scale) === 0n;
      if (small || !exact) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let v = this.scaled(0);
      let n = 0;
      while (v !== 0n && v % 1024n === 0n && n < 6) {
        v /= 1024n;
        n++;
      }
      return `${v}${BIN_BY_EXP[n]}`;
    }
    // Decimal: strip factors of ten, then lower the exponent to a multiple of three.
    let v = this.value;
    let exp = this.scale;
    while (v % 10n === 0n) {
      v /= 10n;
      exp++;
    }
    const e3 = Math.floor(exp / 3) * 3;
    v *= pow10(exp - e3);
    exp = e3;
    if (format === 'DecimalExponent') return exp === 0 ? `${v}` : `${v}e${exp}`;
    return `${v}${DEC_BY_EXP.get(exp) ?? ''}`;
  }
}

// ParseQuantity's fast path keeps the original string when it is already canonical.
function canonicalInput(
  str: string,
  num: string,
  denom: string,
  format: QuantityFormat,
  exp10: number,
  exp2: number,
): string | undefined {
  if (format === 'BinarySI') {
    if (denom.length > 0) return undefined;
    const precision = 15 - num.length - Math.trunc((exp2 * 3) / 10) - 1;
    if (precision < 0) return undefined;
    const value = BigInt(num);
    return exp2 % 10 === 0 && (value & 7n) !== 0n ? str : undefined;
  }
  if (18 - (num.length + denom.length) < 0) return undefined;
  const scale = exp10 - denom.length;
  if (scale < -9) return undefined;
  const shifted = num + denom;
  return scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0' ? str : undefined;
}

// parseQuantityString drops leading zeros of the whole part ("007" -> "7", "0.5" keeps "0").
function stripLeadingZeros(num: string): string {
  const s = num.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/** Parses a quantity, treating absent/malformed values as zero (Go's zero Quantity). */
export function q(v: unknown): Quantity {
  return Quantity.parse(v) ?? Quantity.zero();
}
