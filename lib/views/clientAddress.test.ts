import { describe, expect, it } from 'vitest';
import { isBot } from './bots';
import { clientAddress, parseTrustedProxies, readerAddress, readerNetworks } from './clientAddress';

const loopback = parseTrustedProxies(undefined);

describe('clientAddress', () => {
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(clientAddress('::1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.7', loopback)).toBe('203.0.113.7');
    expect(clientAddress('198.51.100.2', '203.0.113.7', loopback)).toBe('198.51.100.2');
  });
  it('takes the nearest untrusted hop, not the spoofable left end', () => {
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.7', loopback)).toBe('203.0.113.7');
    const proxies = parseTrustedProxies('loopback, 10.0.0.0/8');
    expect(clientAddress('127.0.0.1', '1.2.3.4, 203.0.113.7, 10.1.2.3', proxies)).toBe('203.0.113.7');
  });
  it('uses the peer when the header is missing or garbage', () => {
    expect(clientAddress('127.0.0.1', null, loopback)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', 'not-an-ip, <script>', loopback)).toBe('127.0.0.1');
  });
  it('parses IPv6 ranges', () => {
    const v6 = parseTrustedProxies('2001:db8::/32');
    expect(clientAddress('2001:db8::1', '2001:db9::5', v6)).toBe('2001:db9::5');
    expect(clientAddress('2001:db9::1', '203.0.113.7', v6)).toBe('2001:db9::1');
  });
});

describe('isBot', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0)',
    'facebookexternalhit/1.1',
    'curl/8.5.0',
    'python-requests/2.31',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    '',
  ])('counts %j as a bot', (ua) => expect(isBot(ua)).toBe(true));
  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  ])('counts %j as a reader', (ua) => expect(isBot(ua)).toBe(false));
});

describe('readerAddress', () => {
  it('keeps an IPv4 address, unmapping IPv4-mapped IPv6', () => {
    expect(readerAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(readerAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
  it('reduces IPv6 to its /64 prefix: one household, however many addresses it rotates through', () => {
    expect(readerAddress('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(readerAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(readerAddress('2001:0DB8:0001:0002:0:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(readerAddress('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
  });
});

describe('readerNetworks', () => {
  it('names an IPv4 address\'s /24, and an IPv6 address\'s /56 and /48', () => {
    expect(readerNetworks('203.0.113.7')).toEqual([{ width: '/24', network: '203.0.113.0/24' }]);
    expect(readerNetworks('::ffff:203.0.113.7')).toEqual([{ width: '/24', network: '203.0.113.0/24' }]);
    expect(readerNetworks('2001:db8:1:2ab:aaaa::1')).toEqual([
      { width: '/56', network: '2001:db8:1:200::/56' },
      { width: '/48', network: '2001:db8:1:0::/48' },
    ]);
    expect(readerNetworks('not an address')).toEqual([]);
  });
});
