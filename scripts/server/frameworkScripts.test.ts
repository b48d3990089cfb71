import { describe, expect, it } from 'vitest';
import { withoutFrameworkScripts } from './frameworkScripts.ts';

const strip = (html: string) => withoutFrameworkScripts(Buffer.from(html, 'utf8')).toString('utf8');

// The shapes Next 16 writes into a page (taken from a built story page), around what must stay.
const head =
  '<head><meta charSet="utf-8"/><style>body{color:red}</style>'
  + '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0j1we3cwg31qe.js"/>'
  + '<script src="/_next/static/chunks/33w6eg6ucaaq-.js" async=""></script>'
  + '<link rel="preload" as="image" href="/media/a/photo.jpg"/>'
  + '<link rel="alternate" type="application/rss+xml" href="/ru/feed.xml"/>'
  + '<title>Россия и Азербайджан</title></head>';
const beacon = '<script data-slug="a" data-locale="ru">(function (s) { navigator.sendBeacon("/api/views", "x"); })(document.currentScript);</script>';
const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Россия"}</script>';
const body =
  '<body><article><h1>Россия и Азербайджан</h1><p>&lt;script&gt;self.__next_f.push([1])&lt;/script&gt; stays text</p></article>'
  + beacon
  + jsonLd
  + '<!--$--><!--/$-->'
  + '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"]});</script>'
  + '<script src="/_next/static/chunks/0j1we3cwg31qe.js" async=""></script>'
  + '<script>(self.__next_f=self.__next_f||[]).push([0])</script>'
  + '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n7:T9258,Привет \\u003c/script\\u003e"])</script>'
  + '</body>';

describe('withoutFrameworkScripts', () => {
  it("removes Next's bundles, their preloads, the RSC payload and Turbopack's chunk list, and nothing else", () => {
    expect(strip(`<!DOCTYPE html><html lang="ru">${head}${body}</html>`)).toBe(
      '<!DOCTYPE html><html lang="ru"><head><meta charSet="utf-8"/><style>body{color:red}</style>'
        + '<link rel="preload" as="image" href="/media/a/photo.jpg"/>'
        + '<link rel="alternate" type="application/rss+xml" href="/ru/feed.xml"/>'
        + '<title>Россия и Азербайджан</title></head>'
        + '<body><article><h1>Россия и Азербайджан</h1><p>&lt;script&gt;self.__next_f.push([1])&lt;/script&gt; stays text</p></article>'
        + `${beacon}${jsonLd}<!--$--><!--/$--></body></html>`,
    );
  });

  it('gives back the same bytes when there is nothing to remove', () => {
    const html = Buffer.from(`<html><body>${beacon}<p>Привет</p></body></html>`, 'utf8');
    expect(withoutFrameworkScripts(html)).toBe(html);
  });

  it('leaves scripts from elsewhere alone, even under /_next/static-like text in their body', () => {
    const other = '<script src="https://example.org/x.js"></script><script>var u = "/_next/static/x.js";</script>';
    expect(strip(other)).toBe(other);
  });
});
