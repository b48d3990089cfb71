// Pages without Next's client runtime, which has nothing to hydrate on them (docs/architecture.md,
// "Pages without the client runtime"). Only what Next writes is removed, by shape: bundle <script
// src> and their preloads, the `self.__next_f` payload and Turbopack's chunk list. Any other inline
// script stays, and the fixed policy refuses it. React escapes "</script" inside its scripts and
// story bodies are sanitized, so the first "</script" closes each.
const BUNDLE_SCRIPT = /<script\b(?=[^>]*\ssrc="\/_next\/static\/)[^>]*><\/script\s*>/gi;
const BUNDLE_PRELOAD = /<link\b(?=[^>]*\sas="script")(?=[^>]*\shref="\/_next\/static\/)[^>]*>/gi;
const RUNTIME_INLINE = /<script\b[^>]*>\s*(?:\(self\.__next_f=|self\.__next_f\.push\(|\(globalThis\["TURBOPACK"\])[\s\S]*?<\/script\s*>/gi;

/** `html` (UTF-8 bytes) without Next's client runtime. Scanned as latin1: byte for byte. */
export function withoutFrameworkScripts(html: Buffer): Buffer {
  const text = html.toString('latin1');
  const stripped = text.replace(BUNDLE_SCRIPT, '').replace(BUNDLE_PRELOAD, '').replace(RUNTIME_INLINE, '');
  return stripped.length === text.length ? html : Buffer.from(stripped, 'latin1');
}
