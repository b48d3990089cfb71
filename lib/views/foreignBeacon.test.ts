import { describe, expect, it } from 'vitest';
import { isForeignBeacon } from './foreignBeacon';

const SITE = 'https://news.example.org';
const check = (headers: Record<string, string>, url = 'http://localhost:3000/api/views') => isForeignBeacon(new Headers(headers), url, SITE);

describe('isForeignBeacon', () => {
  it('refuses what the browser marks cross-site', () => {
    expect(check({ 'sec-fetch-site': 'cross-site' })).toBe(true);
    expect(check({ 'sec-fetch-site': 'cross-site', origin: SITE })).toBe(true);
  });
  it('refuses an Origin that is neither SITE_URL nor the host asked for', () => {
    expect(check({ origin: 'https://evil.example' })).toBe(true);
    expect(check({ origin: 'https://evil.example', host: 'news.example.org' })).toBe(true);
    expect(check({ origin: 'null' })).toBe(true);
    expect(check({ origin: 'https://news.example.org.evil.example' })).toBe(true);
  });
  it('lets the site’s own pages through', () => {
    expect(check({ 'sec-fetch-site': 'same-origin', origin: SITE })).toBe(false);
    expect(check({ origin: 'http://localhost:3000' })).toBe(false);
    expect(check({ origin: 'http://news.internal:8080', host: 'news.internal:8080' })).toBe(false);
    expect(check({ 'sec-fetch-site': 'same-site' })).toBe(false);
  });
  it('lets requests without browser origin headers through (not a cross-site page)', () => {
    expect(check({})).toBe(false);
    expect(check({ 'sec-fetch-site': 'none' })).toBe(false);
  });
});
