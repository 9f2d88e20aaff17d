import { describe, expect, it } from 'vitest';
import {
  Quantity,
  QuantityParseError,
  formatQuantityPercent,
  parseQuantity,
  resourcePercent,
  type QuantityFormat,
} from '../../../src/api/quantity.js';

const FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const dec = (i: bigint | number, exp: number, f: QuantityFormat = 'DecimalSI') => Quantity.scaled(i, exp, f);
const MAX = 2n ** 63n - 1n;

describe('parseQuantity value and format (quantity_test.go TestQuantityParse)', () => {
  const table: [string, Quantity][] = [
    ['0', dec(0, 0)],
    ['0n', dec(0, 0)],
    ['0u', dec(0, 0)],
    ['0m', dec(0, 0)],
    ['0Ki', dec(0, 0, 'BinarySI')],
    ['0k', dec(0, 0)],
    ['0Mi', dec(0, 0, 'BinarySI')],
    ['0M', dec(0, 0)],
    ['0Gi', dec(0, 0, 'BinarySI')],
    ['0G', dec(0, 0)],
    ['0Ti', dec(0, 0, 'BinarySI')],
    ['0T', dec(0, 0)],
    ['1', dec(1, 0)],
    ['1Ki', dec(1024, 0, 'BinarySI')],
    ['8Ki', dec(8 * 1024, 0, 'BinarySI')],
    ['7Mi', dec(7 * 1024 * 1024, 0, 'BinarySI')],
    ['6Gi', dec(6n * 2n ** 30n, 0, 'BinarySI')],
    ['5Ti', dec(5n * 2n ** 40n, 0, 'BinarySI')],
    ['4Pi', dec(4n * 2n ** 50n, 0, 'BinarySI')],
    ['3Ei', dec(3n * 2n ** 60n, 0, 'BinarySI')],
    ['10Ti', dec(10n * 2n ** 40n, 0, 'BinarySI')],
    ['100Ti', dec(100n * 2n ** 40n, 0, 'BinarySI')],
    ['5n', dec(5, -9)],
    ['4u', dec(4, -6)],
    ['3m', dec(3, -3)],
    ['9', dec(9, 0)],
    ['8k', dec(8, 3)],
    ['50k', dec(5, 4)],
    ['7M', dec(7, 6)],
    ['6G', dec(6, 9)],
    ['5T', dec(5, 12)],
    ['40T', dec(4, 13)],
    ['300T', dec(3, 14)],
    ['2P', dec(2, 15)],
    ['1E', dec(1, 18)],
    ['1E-3', dec(1, -3, 'DecimalExponent')],
    ['1e3', dec(1, 3, 'DecimalExponent')],
    ['1E6', dec(1, 6, 'DecimalExponent')],
    ['1e9', dec(1, 9, 'DecimalExponent')],
    ['1E12', dec(1, 12, 'DecimalExponent')],
    ['1e15', dec(1, 15, 'DecimalExponent')],
    ['1E18', dec(1, 18, 'DecimalExponent')],
    ['1e14', dec(1, 14, 'DecimalExponent')],
    ['1e13', dec(1, 13, 'DecimalExponent')],
    ['100.035k', dec(100035, 0)],
    ['0.001', dec(1, -3)],
    ['0.0005k', dec(5, -1)],
    ['0.005', dec(5, -3)],
    ['0.05', dec(5, -2)],
    ['0.5', dec(5, -1)],
    ['0.00050k', dec(5, -1)],
    ['0.00500', dec(5, -3)],
    ['0.05000', dec(5, -2)],
    ['0.50000', dec(5, -1)],
    ['0.5e0', dec(5, -1, 'DecimalExponent')],
    ['0.5e-1', dec(5, -2, 'DecimalExponent')],
    ['0.5e-2', dec(5, -3, 'DecimalExponent')],
    ['10.035M', dec(10035, 3)],
    ['1.2e3', dec(12, 2, 'DecimalExponent')],
    ['1.3E+6', dec(13, 5, 'DecimalExponent')],
    ['1.40e9', dec(14, 8, 'DecimalExponent')],
    ['1.53E12', dec(153, 10, 'DecimalExponent')],
    ['1.6e15', dec(16, 14, 'DecimalExponent')],
    ['1.7E18', dec(17, 17, 'DecimalExponent')],
    ['9.01', dec(901, -2)],
    ['8.1k', dec(81, 2)],
    ['7.123456M', dec(7123456, 0)],
    ['6.987654321G', dec(6987654321, 0)],
    ['5.444T', dec(5444, 9)],
    ['40.1T', dec(401, 11)],
    ['300.2T', dec(3002, 11)],
    ['2.5P', dec(25, 14)],
    ['1.01E', dec(101, 16)],
    ['3.001n', dec(4, -9)],
    ['1.1E-9', dec(2, -9, 'DecimalExponent')],
    ['0.0000000001', dec(1, -9)],
    ['0.0000000005', dec(1, -9)],
    ['0.00000000050', dec(1, -9)],
    ['0.5e-9', dec(1, -9, 'DecimalExponent')],
    ['0.9n', dec(1, -9)],
    ['0.00000012345', dec(124, -9)],
    ['0.00000012354', dec(124, -9)],
    ['9Ei', dec(MAX, 0, 'BinarySI')],
    ['9223372036854775807Ki', dec(MAX, 0, 'BinarySI')],
    ['12E', dec(12, 18)],
    ['100.035Ki', dec(10243584, -2, 'BinarySI')],
    ['0.5Mi', dec(0.5 * 1024 * 1024, 0, 'BinarySI')],
    ['0.05Gi', dec(536870912, -1, 'BinarySI')],
    ['0.025Ti', dec(274877906944n, -1, 'BinarySI')],
    ['0.000000000001Ki', dec(2, -9)],
    ['.001', dec(1, -3)],
    ['.0001k', dec(100, -3)],
    ['1.', dec(1, 0)],
    ['1.G', dec(1, 9)],
    ['.', dec(0, 0)],
  ];
  it.each(table)('%s', (input, want) => {
    const got = parseQuantity(input);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });
  it.each(table.filter(([, q]) => !q.isZero()))('-%s', (input, want) => {
    const got = parseQuantity('-' + input);
    expect(got.cmp(want.neg())).toBe(0);
    expect(got.format).toBe(want.format);
  });
  it.each(table)('+%s', (input, want) => {
    const got = parseQuantity('+' + input);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });
});

describe('parse errors', () => {
  it.each<[string, string]>([
    ['', FORMAT_WRONG],
    ['1.1.M', FORMAT_WRONG],
    ['1+1.0M', FORMAT_WRONG],
    ['0.1mi', "unable to parse quantity's suffix"],
    ['0.1am', FORMAT_WRONG],
    ['aoeu', FORMAT_WRONG],
    ['.5i', "unable to parse quantity's suffix"],
    ['1i', "unable to parse quantity's suffix"],
    ['-3.01i', "unable to parse quantity's suffix"],
    ['-3.01e-', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
    ['1Gb', FORMAT_WRONG],
    ['1m5', "unable to parse quantity's suffix"],
    [' 1', FORMAT_WRONG],
    ['1 ', FORMAT_WRONG],
    ['Non-Numeric', FORMAT_WRONG],
    ['.e-20', 'unable to parse numeric part of quantity'],
    ['1e99999999999999999999', "unable to parse quantity's suffix"],
  ])('%j', (input, msg) => {
    expect(() => parseQuantity(input)).toThrow(QuantityParseError);
    expect(() => parseQuantity(input)).toThrow(msg);
  });
});

describe('toString canonical form (TestQuantityString)', () => {
  const table: [Quantity, string, string][] = [
    [dec(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
    [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
    [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
    [dec(1001n * 2n ** 30n, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
    [dec(2n ** 40n, 0, 'BinarySI'), '1Ti', '1024Gi'],
    [dec(5, 0, 'BinarySI'), '5', '5000m'],
    [dec(500, -3, 'BinarySI'), '500m', '0.5'],
    [dec(1, 9), '1G', '1000M'],
    [dec(1000, 6), '1G', '0.001T'],
    [dec(1000000, 3), '1G', ''],
    [dec(1000000000, 0), '1G', ''],
    [dec(1, -3), '1m', '1000u'],
    [dec(80, -3), '80m', ''],
    [dec(1080, -3), '1080m', '1.08'],
    [dec(108, -2), '1080m', '1080000000n'],
    [dec(10800, -4), '1080m', ''],
    [dec(300, 6), '300M', ''],
    [dec(1, 12), '1T', ''],
    [dec(1, 18), '1E', ''],
    [dec(1, 21), '1e21', '1000E'],
    [dec(5, 21), '5e21', '5000E'],
    [dec(1, 24), '1e24', '1000000E'],
    [dec(1234567, 6), '1234567M', ''],
    [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
    [dec(3, 3), '3k', ''],
    [dec(1025, 0, 'BinarySI'), '1025', ''],
    [dec(0, 0), '0', ''],
    [dec(0, 0, 'BinarySI'), '0', ''],
    [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
    [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
    [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
    [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
    [dec(300, 6, 'DecimalExponent'), '300e6', ''],
    [dec(1, 12, 'DecimalExponent'), '1e12', ''],
    [dec(1, 3, 'DecimalExponent'), '1e3', ''],
    [dec(3, 3, 'DecimalExponent'), '3e3', ''],
    [dec(0, 0, 'DecimalExponent'), '0', '00'],
    [dec(1, -9), '1n', ''],
    [dec(80, -9), '80n', ''],
    [dec(1080, -9), '1080n', ''],
    [dec(108, -8), '1080n', ''],
    [dec(10800, -10), '1080n', ''],
    [dec(1, -6), '1u', ''],
    [dec(80, -6), '80u', ''],
    [dec(1080, -6), '1080u', ''],
  ];
  it.each(table)('%s -> %s (alternate %s)', (q, want, alternate) => {
    expect(q.toString()).toBe(want);
    expect(parseQuantity(want).toString()).toBe(want);
    if (alternate) expect(parseQuantity(alternate).toString()).toBe(want);
    if (!q.isZero()) expect(q.neg().toString()).toBe('-' + want);
  });

  it.each<[string, string]>([
    // TestQuantityParseEmit
    ['1Ki', '1Ki'],
    ['1Mi', '1Mi'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1000M', '1G'],
    ['.001Ki', '1024m'],
    ['.000001Ki', '1024u'],
    ['.000000001Ki', '1024n'],
    ['.000000000001Ki', '2n'],
    // common resource values
    ['100m', '100m'],
    ['0.1', '100m'],
    ['1', '1'],
    ['1000m', '1'],
    ['1.5', '1500m'],
    ['2000', '2k'],
    ['2k', '2k'],
    ['1.5Gi', '1536Mi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['123Mi', '123Mi'],
    ['9Ei', '9223372036854775807'],
    // Quantity.s: the input text is kept when the fast path thinks it canonical
    ['+1', '+1'],
    ['01', '01'],
    ['1E3', '1E3'],
    ['1.05e2', '1.05e2'],
    ['012Mi', '012Mi'],
    ['+1Ki', '+1Ki'],
    ['8Ki', '8Ki'], // not kept (8&7==0) but canonical anyway
    ['1000', '1k'],
    ['1.0', '1'],
    ['-0', '0'],
    ['-0.5', '-500m'],
  ])('parse(%j).toString() = %j', (input, want) => expect(parseQuantity(input).toString()).toBe(want));

  it('TestQuantityNeg', () => {
    expect(dec(901, -2).neg().toString()).toBe('-9010m');
    expect(dec(901, -2).toString()).toBe('9010m');
  });
});

describe('arithmetic and comparison', () => {
  it.each<[string, string, number]>([
    ['0', '0', 0],
    ['100m', '50m', 1],
    ['50m', '100m', -1],
    ['10000T', '100Gi', 1],
    ['1Gi', '1024Mi', 0],
    ['1', '1000m', 0],
  ])('cmp(%s, %s) = %d', (a, b, want) => expect(parseQuantity(a).cmp(parseQuantity(b))).toBe(want));

  it.each<[Quantity, Quantity, Quantity]>([
    [dec(10, 0), dec(1, 1), dec(20, 0)],
    [dec(10, 0), dec(1, 0, 'BinarySI'), dec(11, 0)],
    [dec(10, 0, 'BinarySI'), dec(1, 0), dec(11, 0, 'BinarySI')],
    [Quantity.zero(), dec(50, 0), dec(50, 0)],
    [dec(50, 0), Quantity.zero(), dec(50, 0)],
    [Quantity.zero(), Quantity.zero(), dec(0, 0)],
  ])('TestAdd %#', (a, b, want) => {
    const got = a.add(b);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });

  it.each<[Quantity, Quantity, Quantity]>([
    [dec(10, 0), dec(1, 1), dec(0, 0)],
    [dec(10, 0), dec(1, 0, 'BinarySI'), dec(9, 0)],
    [dec(10, 0, 'BinarySI'), dec(1, 0), dec(9, 0, 'BinarySI')],
    [Quantity.zero(), dec(50, 0), dec(-50, 0)],
    [dec(50, 0), Quantity.zero(), dec(50, 0)],
  ])('TestSub %#', (a, b, want) => {
    const got = a.sub(b);
    expect(got.cmp(want)).toBe(0);
    expect(got.format).toBe(want.format);
  });

  it.each(['100m', '1Gi'])('adding/subtracting zero keeps the suffix of %s', (v) => {
    const q = parseQuantity(v);
    const zero = parseQuantity('0');
    expect(q.add(zero).toString()).toBe(v);
    expect(zero.add(q).toString()).toBe(v);
    expect(q.sub(zero).toString()).toBe(v);
    expect(zero.sub(q).toString()).toBe(q.neg().toString());
  });

  it('sums requests like describe node (mixed formats)', () => {
    const total = ['100m', '250m', '1'].map(parseQuantity).reduce((a, b) => a.add(b), Quantity.zero());
    expect(total.toString()).toBe('1350m');
    const mem = ['64Mi', '128Mi', '1Gi'].map(parseQuantity).reduce((a, b) => a.add(b), Quantity.zero());
    expect(mem.toString()).toBe('1216Mi');
    expect(parseQuantity('1Gi').add(parseQuantity('1G')).toString()).toBe('2073741824');
  });

  it('mul', () => {
    expect(dec(10, 0).mul(10).toString()).toBe('100');
    expect(dec(-50, 0).mul(-50).cmp(dec(2500, 0))).toBe(0);
    expect(dec(MAX, 0).mul(2).toString()).toBe((MAX * 2n).toString());
  });
});

describe('Value / MilliValue / ScaledValue', () => {
  it.each<[number, number, bigint]>([
    [-9, -9, 1n],
    [-9, -6, 1n],
    [-9, -3, 1n],
    [-9, 0, 1n],
    [-6, -9, 1000n],
    [-6, -6, 1n],
    [-6, -3, 1n],
    [-6, 0, 1n],
    [-3, -9, 1000000n],
    [-3, -6, 1000n],
    [-3, -3, 1n],
    [-3, 0, 1n],
    [0, -9, 1000000000n],
    [0, -6, 1000000n],
    [0, -3, 1000n],
    [0, 0, 1n],
    [2, -2, 10000n],
  ])('TestScaledValue 1e%d at scale %d = %d', (from, to, want) => {
    expect(Quantity.scaled(1, from).scaledValue(to)).toBe(want);
  });

  it.each<[string, number, number]>([
    ['100m', 1, 100],
    ['1', 1, 1000],
    ['1.5', 2, 1500],
    ['1n', 1, 1],
    ['1Gi', 1073741824, 1073741824000],
    ['0', 0, 0],
    ['-1.5', -2, -1500],
    ['2.0001m', 1, 3],
  ])('%s: value %d, milliValue %d', (s, v, m) => {
    expect(parseQuantity(s).value()).toBe(v);
    expect(parseQuantity(s).milliValue()).toBe(m);
  });

  it('TestNewSet / TestMilliNewSet', () => {
    expect(Quantity.of(1).toString()).toBe('1');
    expect(Quantity.of(1000).toString()).toBe('1k');
    expect(Quantity.of(1234000).toString()).toBe('1234k');
    expect(Quantity.of(1024, 'BinarySI').toString()).toBe('1Ki');
    expect(Quantity.of(1024 * 1024, 'BinarySI').toString()).toBe('1Mi');
    expect(Quantity.milli(1).toString()).toBe('1m');
    expect(Quantity.milli(1000).toString()).toBe('1');
    expect(Quantity.milli(1234000).toString()).toBe('1234');
    expect(Quantity.milli(1024, 'BinarySI').toString()).toBe('1024m');
    expect(Quantity.milli(1024 * 1024, 'BinarySI').toString()).toBe('1048576m');
    expect(parseQuantity(Quantity.milli(1234000).toString()).milliValue()).toBe(1234000);
  });

  it('wraps int64 overflow like Go', () => {
    expect(parseQuantity('9223372036854775807').milliValueBig()).toBe(BigInt.asIntN(64, MAX * 1000n));
    expect(parseQuantity('9223372036854775807').valueBig()).toBe(MAX);
  });

  it('serialises to JSON as its string', () => {
    expect(JSON.stringify({ cpu: parseQuantity('0.5') })).toBe('{"cpu":"500m"}');
  });
});

describe('describe node percentages', () => {
  const q = parseQuantity;
  it.each<[string, string, string, boolean, string]>([
    ['250m', '2', 'cpu', false, '12'],
    ['1', '4', 'cpu', false, '25'],
    ['3', '2', 'cpu', false, '150'],
    ['0', '2', 'cpu', false, '0'],
    ['64Mi', '2Gi', 'memory', false, '3'],
    ['1Gi', '7901500Ki', 'memory', false, '13'],
    ['100m', '0', 'cpu', false, '-9223372036854775808'], // Go's int64(+Inf) on amd64
    ['0', '0', 'cpu', false, '-9223372036854775808'], // int64(NaN)
    ['100m', '0', 'cpu', true, '0'],
    ['1Gi', '0', 'memory', true, '0'],
    ['1', '0.5m', 'cpu', false, '100000'], // allocatable 0.5m -> MilliValue 1 (rounded up)
    ['1Gi', '10Gi', 'ephemeral-storage', false, '10'],
  ])('%s of %s (%s, guard=%s) = %s percent', (used, alloc, res, guard, want) => {
    expect(resourcePercent(q(used), q(alloc), res, guard)).toBe(want);
  });
  it('formats "<qty> (<pct>%)"', () => {
    expect(formatQuantityPercent(q('250m'), q('2'), 'cpu')).toBe('250m (12%)');
    expect(formatQuantityPercent(Quantity.zero(), q('2'), 'cpu', true)).toBe('0 (0%)');
    expect(formatQuantityPercent(q('128Mi'), q('1Gi'), 'memory', true)).toBe('128Mi (12%)');
  });
});
