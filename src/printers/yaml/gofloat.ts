// Go's strconv.FormatFloat(f, 'g'|'e'|'f', -1, 64|32) and encoding/json's float
// format, built on the shortest round-trip digits that JS also computes.

interface Digits {
  neg: boolean;
  /** Significant digits, no leading/trailing zeros ("0" for zero). */
  d: string;
  /** Decimal point position: value = 0.d × 10^dp. */
  dp: number;
}

function shortestDigits(x: number, bits: 32 | 64): Digits {
  const neg = x < 0 || Object.is(x, -0);
  let a = Math.abs(x);
  if (a === 0) return { neg, d: '0', dp: 1 };
  let exp: string;
  if (bits === 32) {
    a = Math.fround(a);
    // Shortest decimal that parses back to the same float32.
    let s = a.toExponential(8);
    for (let p = 0; p <= 8; p++) {
      const t = a.toExponential(p);
      if (Math.fround(Number(t)) === a) {
        s = t;
        break;
      }
    }
    exp = s;
  } else {
    exp = a.toExponential(); // shortest digits that uniquely identify the double
  }
  const [mant, e] = exp.split('e') as [string, string];
  const d = mant.replace('.', '').replace(/0+$/, '') || '0';
  return { neg, d, dp: Number(e) + 1 };
}

function fmtE(g: Digits): string {
  const exp = g.d === '0' ? 0 : g.dp - 1;
  const mant = g.d.length > 1 ? `${g.d[0]}.${g.d.slice(1)}` : g.d;
  const ae = Math.abs(exp);
  return `${g.neg ? '-' : ''}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
}

function fmtF(g: Digits): string {
  let s: string;
  if (g.dp <= 0) s = `0.${'0'.repeat(-g.dp)}${g.d}`;
  else if (g.dp >= g.d.length) s = g.d + '0'.repeat(g.dp - g.d.length);
  else s = `${g.d.slice(0, g.dp)}.${g.d.slice(g.dp)}`;
  if (g.d === '0') s = '0';
  return (g.neg ? '-' : '') + s;
}

function special(x: number): string | undefined {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  return undefined;
}

/** strconv.FormatFloat(x, 'g', -1, bits), as go-yaml prints floats (1.2345675e+06, 1e-07, 0.5). */
export function formatFloatG(x: number, bits: 32 | 64 = 64): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  const g = shortestDigits(x, bits);
  const exp = g.dp - 1;
  // Go uses precision 6 for the %e/%f decision when the precision is "shortest".
  return g.d !== '0' && (exp < -4 || exp >= 6) ? fmtE(g) : fmtF(g);
}

/** strconv.FormatFloat(x, 'f', -1, 64). */
export function formatFloatF(x: number): string {
  const sp = special(x);
  if (sp !== undefined) return sp;
  return fmtF(shortestDigits(x, 64));
}

/** encoding/json float64: 'f' unless |x| < 1e-6 or >= 1e21, then 'e' with "e-07" shortened to "e-7". */
export function formatJsonFloat(x: number): string {
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-6 || a >= 1e21)) {
    return fmtE(shortestDigits(x, 64)).replace(/e-0(\d)$/, 'e-$1');
  }
  return fmtF(shortestDigits(x, 64));
}

const TWO63 = 2 ** 63;

/**
 * How Go's encoding/json prints a number kubectl holds as int64 (integral values
 * in int64 range, from an unstructured object) or float64 (everything else).
 */
export function formatJsonNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`json: unsupported value: ${special(x)}`);
  if (Number.isInteger(x) && x >= -TWO63 && x < TWO63) return BigInt(x).toString();
  return formatJsonFloat(x);
}
