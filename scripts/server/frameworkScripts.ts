// Pages without Next's client runtime. Every page here is complete as server HTML: links are
// links, the search box is a GET form, and the one thing that needs a script, counting a story
// view, is a small script file of its own (public/view-beacon.js). Next's app router still
// ships its router and React (about 600 KB of JavaScript before compression, the page's RSC
// payload inlined again as scripts, and with inlineCss the stylesheet a second time) for nothing
// to hydrate but the page itself: on a phone that was most of the main thread's work
// (docs/architecture.md). So the server leaves those out of every HTML document it sends.
//
// Only what Next itself writes is removed, recognised by shape:
// - <script src="/_next/static/…"> and <link rel="preload" as="script" href="/_next/static/…">;
// - the inline RSC payload, (self.__next_f=…).push(…) and self.__next_f.push(…);
// - Turbopack's chunk list, globalThis["TURBOPACK"].
// Any other inline script stays, and the fixed policy (`script-src 'self'`) refuses it. React
// escapes "</script" inside the scripts it writes and story bodies are sanitized, so the first
// "</script" closes each one.
// A request for a page's RSC payload (RSC: 1) is not HTML and is answered by Next as before.

const BUNDLE_SCRIPT = /<script\b(?=[^>]*\ssrc="\/_next\/static\/)[^>]*><\/script\s*>/gi;
const BUNDLE_PRELOAD = /<link\b(?=[^>]*\sas="script")(?=[^>]*\shref="\/_next\/static\/)[^>]*>/gi;
const RUNTIME_INLINE = /<script\b[^>]*>\s*(?:\(self\.__next_f=|self\.__next_f\.push\(|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script\s*>/gi;

/** `html` (UTF-8 bytes) without Next's client runtime. Scanned as latin1: byte for byte. */
export function withoutFrameworkScripts(html: Buffer): Buffer {
  const text = html.toString('latin1');
  const stripped = text.replace(BUNDLE_SCRIPT, '').replace(BUNDLE_PRELOAD, '').replace(RUNTIME_INLINE, '');
  return stripped.length === text.length ? html : Buffer.from(stripped, 'latin1');
}
