import { describe, expect, it } from 'vitest';
import { Quantity, q } from '../../../src/printers/describe/quantity.js';

describe('describe Quantity (apimachinery resource.Quantity port)', () => {
  it.each([
    ['1', '1'],
    ['1000m', '1'],
    ['1500m', '1500m'],
    ['0.5', '500m'],
    ['0.3', '300m'],
    ['100m', '100m'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['1.5Gi', '1536Mi'],
    ['1024Mi', '1Gi'],
    ['16384Mi', '16Gi'],
    ['102400Mi', '100Gi'],
    ['2Gi', '2Gi'],
    ['100Mi', '100Mi'],
    ['1Ki', '1Ki'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['0.1Ki', '102400m'],
    ['1000000000', '1G'],
    ['20e9', '20e9'],
    ['12e3', '12e3'],
    ['1k', '1k'],
    ['5368709120', '5368709120'],
    ['0', '0'],
    ['007', '007'], // canonical value: Go keeps (and prints) the input text
    ['1n', '1n'],
    ['0.0000000001', '1n'],
  ])('%s prints as %s', (input, out) => {
    expect(Quantity.parse(input)!.toString()).toBe(out);
  });

  it('reads JSON numbers as their decimal text', () => {
    expect(q(3).toString()).toBe('3');
    expect(q(0.25).toString()).toBe('250m');
  });

  it('rejects malformed input', () => {
    expect(Quantity.parse('abc')).toBeUndefined();
    expect(Quantity.parse('1Zi')).toBeUndefined();
    expect(Quantity.parse('')).toBeUndefined();
  });

  it('adds exactly, keeping the receiver format unless it is zero', () => {
    expect(q('1').add(q('500m')).toString()).toBe('1500m');
    expect(q('64Mi').add(q('128Mi')).toString()).toBe('192Mi');
    // a decimal receiver turns a binary sum into a plain byte count
    expect(q('300M').add(q('1Mi')).toString()).toBe('301048576');
    expect(Quantity.zero().add(q('1Gi')).toString()).toBe('1Gi');
  });

  it('compares by value and rounds Value/MilliValue up', () => {
    expect(q('1').cmp(q('1000m'))).toBe(0);
    expect(q('1Gi').cmp(q('1G'))).toBe(1);
    expect(q('250m').value0()).toBe(1);
    expect(q('1.5').milliValue()).toBe(1500);
    expect(q('1n').milliValue()).toBe(1);
    expect(q('64Mi').value0()).toBe(67108864);
  });
});
