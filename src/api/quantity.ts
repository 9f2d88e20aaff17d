// resource.Quantity (apimachinery pkg/api/resource: quantity.go, amount.go, suffix.go, scale_int.go).
// Exact decimal arithmetic on BigInt: value = unscaled * 10^exp. Upstream's int64Amount/inf.Dec
// split is not mirrored except where it is observable (the cached parse string, see `cached`).

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

const SPLIT_RE = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

/** Parse error; `message` is one of upstream's ErrFormatWrong / ErrNumeric / ErrSuffix texts. */
export class QuantityParseError extends Error {
  override name = 'QuantityParseError';
}
const errFormatWrong = () => new QuantityParseError(`quantities must match the regular expression '${SPLIT_RE}'`);
const errNumeric = () => new QuantityParseError('unable to parse numeric part of quantity');
const errSuffix = () => new QuantityParseError("unable to parse quantity's suffix");

const DEC_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_SUFFIX: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DEC_BY_EXP = new Map(Object.entries(DEC_SUFFIX).map(([s, e]) => [e, s]));
const BIN_BY_EXP = new Map(Object.entries(BIN_SUFFIX).map(([s, e]) => [e, s]));
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const MAX_INT64 = 2n ** 63n - 1n;
const abs = (v: bigint) => (v < 0n ? -v : v);
const pow10 = (n: number) => 10n ** BigInt(n);

export class Quantity {
  /** value = unscaled * 10^exp */
  private constructor(
    private readonly unscaled: bigint,
    private readonly exp: number,
    readonly format: QuantityFormat,
    // Quantity.s: ParseQuantity keeps the input text when it is already "canonical" by its
    // (loose) test, so e.g. "+1", "01" and "1.05e2" print back verbatim, as upstream does.
    private readonly cached?: string,
  ) {}

  static of(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), 0, format);
  }
  /** NewMilliQuantity. */
  static milli(value: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), -3, format);
  }
  /** NewScaledQuantity: value * 10^scale (DecimalSI unless another format is given). */
  static scaled(value: bigint | number, scale: number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(value), scale, format);
  }
  static zero(format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(0n, 0, format);
  }
  /** @internal used by parseQuantity */
  static _make(unscaled: bigint, exp: number, format: QuantityFormat, cached?: string): Quantity {
    return new Quantity(unscaled, exp, format, cached);
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }
  sign(): number {
    return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
  }

  // Both operands at the smaller exponent.
  private align(y: Quantity): [bigint, bigint, number] {
    const e = Math.min(this.exp, y.exp);
    return [this.unscaled * pow10(this.exp - e), y.unscaled * pow10(y.exp - e), e];
  }

  cmp(y: Quantity): -1 | 0 | 1 {
    const [a, b] = this.align(y);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  cmpInt64(y: bigint | number): -1 | 0 | 1 {
    return this.cmp(Quantity.of(y));
  }
  equal(y: Quantity): boolean {
    return this.cmp(y) === 0;
  }

  /** q + y (new value). A zero receiver takes y's format, as Quantity.Add does. */
  add(y: Quantity): Quantity {
    const [a, b, e] = this.align(y);
    return new Quantity(a + b, e, this.isZero() ? y.format : this.format);
  }
  /** q - y (new value). A zero receiver takes y's format, as Quantity.Sub does. */
  sub(y: Quantity): Quantity {
    const [a, b, e] = this.align(y);
    return new Quantity(a - b, e, this.isZero() ? y.format : this.format);
  }
  neg(): Quantity {
    return new Quantity(-this.unscaled, this.exp, this.format);
  }
  /** Quantity.Mul(int64) (the exactness flag is not reported). */
  mul(y: bigint | number): Quantity {
    return new Quantity(this.unscaled * BigInt(y), this.exp, this.format);
  }

  /**
   * ScaledValue(scale): the value in units of 10^scale, rounded away from zero (ceil for positive
   * values), wrapped to int64 like Go's silent overflow. Upstream's inf.Dec path rounds negative
   * non-integers differently; resource requests are never negative so that is not mirrored.
   */
  scaledValue(scale: number): bigint {
    const d = this.exp - scale;
    let v: bigint;
    if (d >= 0) v = this.unscaled * pow10(d);
    else {
      const div = pow10(-d);
      v = this.unscaled / div; // truncates toward zero
      if (this.unscaled % div !== 0n) v += this.unscaled > 0n ? 1n : -1n;
    }
    return BigInt.asIntN(64, v);
  }
  /** Value(): ceil to an integer (int64). Numbers beyond 2^53 lose precision; see valueBig. */
  value(): number {
    return Number(this.scaledValue(0));
  }
  valueBig(): bigint {
    return this.scaledValue(0);
  }
  /** MilliValue(): ceil(q * 1000) (int64). */
  milliValue(): number {
    return Number(this.scaledValue(-3));
  }
  milliValueBig(): bigint {
    return this.scaledValue(-3);
  }

  /** Quantity.String(): cached parse text or the canonical form. */
  toString(): string {
    if (this.cached !== undefined) return this.cached;
    if (this.unscaled === 0n) return '0';
    let format = this.format;
    if (format === 'BinarySI') {
      // -1024 < q < 1024, or not an integer: shown as DecimalSI to avoid rounding.
      if (this.cmpInt64(-1024) > 0 && this.cmpInt64(1024) < 0) format = 'DecimalSI';
      else if (this.exp < 0 && this.unscaled % pow10(-this.exp) !== 0n) format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
      let n = this.valueExact();
      let e = 0;
      while (abs(n) >= 1024n && n % 1024n === 0n) {
        n /= 1024n;
        e++;
      }
      // constructBytes has no suffix past "Ei" (2^70): upstream then prints a bare (wrong) number.
      return n.toString() + (BIN_BY_EXP.get(e * 10) ?? '');
    }
    // AsCanonicalBytes: strip factors of ten, then lower the exponent to a multiple of 3.
    let m = this.unscaled;
    let e = this.exp;
    while (m % 10n === 0n) {
      m /= 10n;
      e++;
    }
    while (e % 3 !== 0) {
      m *= 10n;
      e--;
    }
    let suffix: string | undefined = format === 'DecimalSI' ? DEC_BY_EXP.get(e) : undefined;
    // DecimalSI has nothing past "E" (10^18): recent apimachinery falls back to "e<exp>".
    if (suffix === undefined) suffix = e === 0 ? '' : `e${e}`;
    return m.toString() + suffix;
  }

  // Exact integer value (only called when the value is integral).
  private valueExact(): bigint {
    return this.exp >= 0 ? this.unscaled * pow10(this.exp) : this.unscaled / pow10(-this.exp);
  }

  toJSON(): string {
    return this.toString();
  }
}

// parseQuantityString: sign, numerator (leading zeros dropped), denominator, suffix.
function scan(str: string): { positive: boolean; value: string; num: string; denom: string; suffix: string } {
  let positive = true;
  let pos = 0;
  const end = str.length;
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  if (str[0] === '-') {
    positive = false;
    pos++;
  } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, value: str, num, denom: '', suffix: '' };
  pos = i;
  if (num === '') num = '0';
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i]!)) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart) };
  throw errFormatWrong();
}

// suffixHandler.interpret
function interpret(suf: string): { base: 2 | 10; exponent: number; format: QuantityFormat } {
  if (own(DEC_SUFFIX, suf)) return { base: 10, exponent: DEC_SUFFIX[suf]!, format: 'DecimalSI' };
  if (own(BIN_SUFFIX, suf)) return { base: 2, exponent: BIN_SUFFIX[suf]!, format: 'BinarySI' };
  if (suf.length > 1 && (suf[0] === 'e' || suf[0] === 'E') && /^[+-]?[0-9]+$/.test(suf.slice(1))) {
    const v = BigInt(suf.slice(1));
    if (v >= -(2n ** 63n) && v <= MAX_INT64) return { base: 10, exponent: Number(BigInt.asIntN(32, v)), format: 'DecimalExponent' };
  }
  throw errSuffix();
}

/** resource.ParseQuantity. Throws QuantityParseError with upstream's message. */
export function parseQuantity(str: string): Quantity {
  if (str.length === 0) throw errFormatWrong();
  if (str === '0') return Quantity._make(0n, 0, 'DecimalSI', '0');
  const { positive, value, num, denom, suffix } = scan(str);
  const { base, exponent, format: parsedFormat } = interpret(suffix);
  let format = parsedFormat;

  // Upstream's fast int64 path. It decides whether the input text is kept (Quantity.s) and,
  // when not taken, the numeric text goes through inf.Dec.SetString (needs at least one digit).
  let fast = false;
  let cached: string | undefined;
  const binary = format === 'BinarySI';
  const precision = binary
    ? denom.length === 0 ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1
    : 18 - (num.length + denom.length);
  const scale = (binary ? 0 : exponent) - denom.length;
  if (precision >= 0 && scale >= -9) {
    const shifted = num + denom;
    const v = BigInt(shifted);
    if (v * (binary ? 1n << BigInt(exponent) : 1n) <= MAX_INT64) {
      fast = true;
      const canonical = binary
        ? exponent % 10 === 0 && (v & 7n) !== 0n
        : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
      if (canonical) cached = str;
    }
  }
  if (!fast && !/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) throw errNumeric();

  // Exact value |(num.denom) * base^exponent| as u * 10^e.
  let u = BigInt(num + denom);
  let e = -denom.length;
  if (base === 10) e += exponent;
  else u *= 1n << BigInt(exponent);
  // Round a non-zero value up (away from zero) to nano: "0.9n" -> "1n", "3.001n" -> "4n".
  if (e < -9 && u !== 0n) {
    const div = pow10(-9 - e);
    u = u % div === 0n ? u / div : u / div + 1n;
    e = -9;
  }
  if (format === 'BinarySI') {
    // Silently capped at 2^63-1 ("9Ei"); a fraction in (0,1) is shown as DecimalSI.
    if (e >= 0 ? u * pow10(e) > MAX_INT64 : u > MAX_INT64 * pow10(-e)) {
      u = MAX_INT64;
      e = 0;
    }
    if (u > 0n && e < 0 && u < pow10(-e)) format = 'DecimalSI';
  }
  return Quantity._make(positive ? u : -u, e, format, cached);
}

/** Go's int64(float64) on amd64: NaN, ±Inf and out-of-range values become MinInt64. */
function goInt64(f: number): string {
  if (!Number.isFinite(f) || f >= 9223372036854775808 || f < -9223372036854775808) return '-9223372036854775808';
  return BigInt(Math.trunc(f)).toString();
}

/**
 * describe node's "%d" percentage: float64(used)/float64(allocatable)*100 truncated to int64,
 * comparing cpu by MilliValue and everything else by Value. With `zeroGuard` (the "Allocated
 * resources" rows) a zero allocatable gives 0; without it (per-pod rows) Go divides by zero.
 */
export function resourcePercent(used: Quantity, allocatable: Quantity, resource: string, zeroGuard = false): string {
  const milli = resource === 'cpu';
  const u = milli ? used.milliValueBig() : used.valueBig();
  const a = milli ? allocatable.milliValueBig() : allocatable.valueBig();
  if (zeroGuard && a === 0n) return '0';
  return goInt64((Number(u) / Number(a)) * 100);
}

/** "<quantity> (<pct>%)" as describe node prints requests/limits. */
export function formatQuantityPercent(used: Quantity, allocatable: Quantity, resource: string, zeroGuard = false): string {
  return `${used.toString()} (${resourcePercent(used, allocatable, resource, zeroGuard)}%)`;
}
