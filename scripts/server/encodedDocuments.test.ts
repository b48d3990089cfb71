import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createEncodedDocuments, preferredEncoding } from './encodedDocuments.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'";
const page = (text: string) => Buffer.from(`<html><body>${text.repeat(200)}<script>go(${JSON.stringify(text)})</script></body></html>`);

describe('preferredEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['', 'identity'],
    [undefined, 'identity'],
  ])('%s → %s', (header, encoding) => {
    expect(preferredEncoding(header)).toBe(encoding);
  });
});

describe('createEncodedDocuments', () => {
  it('hashes and compresses a document once, then hands out the same bytes', () => {
    const documents = createEncodedDocuments();
    const first = documents.documentFor(page('Новость'), POLICY, 'gzip');
    const again = documents.documentFor(page('Новость'), POLICY, 'gzip');
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.bytes).equals(page('Новость'))).toBe(true);
    expect(again.bytes).toBe(first.bytes);
    expect(first.policy).toMatch(/^default-src 'self'; script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'$/);
  });

  it('keeps one entry per document and policy, and stays within its byte budget', () => {
    const documents = createEncodedDocuments({ maxBytes: 2_000 });
    for (let i = 0; i < 50; i += 1) documents.documentFor(page(`story ${i} `), POLICY, 'br');
    expect(documents.cachedBytes()).toBeLessThanOrEqual(2_000);
    expect(documents.size()).toBeGreaterThan(1);
    expect(documents.size()).toBeLessThan(50);
    // An evicted document comes back right, just not from the cache.
    expect(documents.documentFor(page('story 0 '), POLICY, 'identity').bytes.equals(page('story 0 '))).toBe(true);
  });

  it('sends a small document as it is', () => {
    const documents = createEncodedDocuments();
    expect(documents.documentFor(Buffer.from('<p>hi</p>'), POLICY, 'br').encoding).toBe('identity');
  });
});

describe('createEncodedDocuments: pages rendered per request', () => {
  it('are hashed and compressed for their answer but not kept', () => {
    const documents = createEncodedDocuments();
    const sent = documents.documentFor(page('search results '), POLICY, 'gzip', { shared: false });
    expect(gunzipSync(sent.bytes).equals(page('search results '))).toBe(true);
    expect(sent.policy).toMatch(/'sha256-/);
    expect(documents.size()).toBe(0);
    expect(documents.cachedBytes()).toBe(0);
  });
});
