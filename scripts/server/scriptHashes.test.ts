import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, withScriptHashes } from './scriptHashes.mjs';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('inlineScriptHashes', () => {
  it('hashes each executable inline script once, exactly as written (UTF-8 included)', () => {
    const first = '(self.__next_f=self.__next_f||[]).push([0])';
    const second = 'self.__next_f.push([1,"Привет \\u003c/script>"])';
    const html = `<html><head><script src="/_next/static/a.js" async=""></script><script>${first}</script></head>`
      + `<body><script>${second}</script><script type="application/ld+json">{"a":1}</script>`
      + `<script type="module">${first}</script><SCRIPT >x()</SCRIPT ></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha(first), sha(second), sha('x()')]);
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><script src="/a.js"></script>')).toEqual([]);
  });
});

describe('withScriptHashes', () => {
  const policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; object-src 'none'";

  it('replaces unsafe-inline in script-src (only there) with the hashes', () => {
    expect(withScriptHashes(policy, ["'sha256-AAA='", "'sha256-BBB='"])).toBe(
      "default-src 'self'; script-src 'self' 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'unsafe-inline'; object-src 'none'",
    );
  });

  it("leaves 'self' alone when a page has no inline script", () => {
    expect(withScriptHashes(policy, [])).toContain("script-src 'self';");
  });

  it('drops hashes of an earlier pass instead of piling them up', () => {
    expect(withScriptHashes(withScriptHashes(policy, ["'sha256-OLD='"]), ["'sha256-NEW='"])).toContain("script-src 'self' 'sha256-NEW=';");
  });
});
