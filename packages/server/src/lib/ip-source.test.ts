import { describe, expect, it } from 'vitest';
import { ipSource } from './ip-source.js';

describe('ipSource', () => {
  it('keeps an IPv4 address, unwraps an IPv4-mapped one, and widens IPv6 to its /64', () => {
    expect(ipSource('203.0.113.7')).toBe('203.0.113.7');
    expect(ipSource('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipSource('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(ipSource('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(ipSource('2001:db8:1:2::9'));
    expect(ipSource('2001:db8:1:3::1')).not.toBe(ipSource('2001:db8:1:2::1'));
  });
});
