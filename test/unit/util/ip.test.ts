import { describe, expect, it } from 'vitest';
import { isIP, isIPv4, isIPv6 } from '../../../src/util/ip.js';

// Expected values are Go's net.ParseIP (IPv4 leading zeros accepted, as netutils.ParseIPSloppy does).
const cases: [string, 'v4' | 'v6' | 'bad'][] = [
  ['10.96.0.1', 'v4'],
  ['0.0.0.0', 'v4'],
  ['255.255.255.255', 'v4'],
  ['010.001.1.1', 'v4'],
  ['256.1.1.1', 'bad'],
  ['1.2.3', 'bad'],
  ['1.2.3.4.5', 'bad'],
  ['1.2.3.', 'bad'],
  ['1.2.3.1234', 'bad'],
  ['a.b.c.d', 'bad'],
  ['', 'bad'],
  ['::', 'v6'],
  ['::1', 'v6'],
  ['2001:db8::ffff', 'v6'],
  ['2001:DB8:0:0:0:0:0:1', 'v6'],
  ['1:2:3:4:5:6:7:8', 'v6'],
  ['1:2:3:4:5:6:7::', 'v6'],
  ['::2:3:4:5:6:7:8', 'v6'],
  ['1:2:3:4:5:6:7:8::', 'bad'],
  ['1:2:3:4:5:6:7', 'bad'],
  ['1:2:3:4:5:6:7:8:9', 'bad'],
  ['1::2::3', 'bad'],
  [':1:2:3:4:5:6:7', 'bad'],
  ['1:2:3:4:5:6:7:', 'bad'],
  ['12345::1', 'bad'],
  ['g::1', 'bad'],
  ['::ffff:10.0.0.1', 'v6'],
  ['1:2:3:4:5:6:1.2.3.4', 'v6'],
  ['1:2:3:4:5:6:7:1.2.3.4', 'bad'],
  ['1.2.3.4::', 'bad'],
  ['::1.2.3.4:1', 'bad'],
  ['fe80::1%eth0', 'bad'],
];

describe('IP syntax (Go net.ParseIP)', () => {
  it.each(cases)('%s is %s', (s, want) => {
    expect(isIPv4(s)).toBe(want === 'v4');
    expect(isIPv6(s)).toBe(want === 'v6');
    expect(isIP(s)).toBe(want !== 'bad');
  });
});
